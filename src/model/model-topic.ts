/**
 * model: ParsedTopic → Topic, validated against the topic schema.
 * Input: the parsed YAML and markdown. Output: a typed Topic (when there are no errors) and diagnostics
 * placed at file:line:column. Never: read files (references are checked against what load read).
 */
import path from 'node:path';
import type { Diagnostic, Text } from '../diagnostics/diagnostic.js';
import { describeRefusalText } from '../load/source-file.js';
import type { ParsedMarkdown, ParsedTopic, ParsedYaml } from '../parse/parse-topic.js';
import { findTopicFile } from './find-topic-file.js';
import { lintMarkdown } from './lint-markdown.js';
import { modelImages } from './model-images.js';
import { imageBudget, type ImageData } from './read-image.js';
import { contentLimits } from './content-limits.js';
import { formatPath, locate, type YamlPath } from './locate.js';
import { schemaKeys } from './schema-keys.js';
import type { Card, Passage, Section, Step, Tip, Topic } from './topic.js';
import { cardSchema, topicSchema, type TopicData } from './topic-schema.js';
import { toKebabCase } from './topic-slug.js';
import { yamlMarkdown } from './yaml-markdown.js';
import { topicHints } from './topic-hints.js';
import { describeValue, zodDiagnostics } from './zod-diagnostics.js';
import type { RuleId } from '../diagnostics/rules.js';

export function modelTopic(parsed: ParsedTopic): { topic?: Topic; diagnostics: Diagnostic[] } {
  const yaml = parsed.topic;
  const diagnostics: Diagnostic[] = [];
  if (!yaml.ok) return { diagnostics };
  const input = yaml.data;
  if (input === null || input === undefined || typeof input !== 'object' || Array.isArray(input)) {
    diagnostics.push(
      input == null
        ? {
            ...locate(yaml, []),
            severity: 'error',
            rule: 'empty-topic',
            message: { da: 'topic.yaml er tom', en: 'topic.yaml is empty' },
            hint: {
              da: 'skriv mindst felterne `title`, `participants`, `duration` og `steps`, eller lav et nyt emne med `dialogpack new mit-emne`',
              en: 'write at least title, participants, duration and steps, or start from `dialogpack new <slug>`',
            },
          }
        : {
            ...locate(yaml, []),
            severity: 'error',
            rule: 'not-a-mapping',
            message: {
              da: `topic.yaml skal bestå af felter som \`title:\` og \`steps:\`, hver på sin egen linje, ikke ${describeValueDa(input)}`,
              en: `topic.yaml must be a mapping of keys (title:, steps:, …), not ${describeValue(input)}`,
            },
            hint: { da: 'lav et nyt emne med `dialogpack new mit-emne`, og se i dens topic.yaml, hvordan felterne skrives', en: 'start from `dialogpack new <slug>`' },
          },
    );
    return { diagnostics };
  }

  // Files are checked from the raw data, before and whatever the schema says, so a run reports a missing
  // file together with a wrong value elsewhere instead of one after the other.
  const raw = input as Record<string, unknown>;
  diagnostics.push(...overLimits(raw, yaml));
  const yamlText = textOf(raw, yaml);
  if (yamlText.over) diagnostics.push(yamlText.over);
  const files = new FileResolver(parsed, yaml, diagnostics, yamlText.over ? -1 : contentLimits.textBytes - yamlText.bytes);
  const purposeRef = typeof raw.purpose === 'string' && isFileReference(raw.purpose) ? raw.purpose : undefined;
  const purposeFile = purposeRef === undefined ? undefined : files.passage(purposeRef, ['purpose']);
  const noteRef = typeof raw['publisher-note'] === 'string' && isFileReference(raw['publisher-note']) ? raw['publisher-note'] : undefined;
  const noteFile = noteRef === undefined ? undefined : files.passage(noteRef, ['publisher-note']);
  // Past the limit the files are not even looked up: the list is an error already.
  const sectionFiles = listOf(raw.sections, contentLimits.listEntries).map((s, i) => {
    const file = isRecord(s) && typeof s.file === 'string' && s.file ? s.file : undefined;
    return file === undefined ? undefined : files.passage(file, ['sections', i, 'file'], true);
  });
  const cardsRead = listOf(raw.cards, contentLimits.listEntries).map((c, i) => (typeof c === 'string' && c ? files.card(c, ['cards', i]) : undefined));

  const result = topicSchema.safeParse(input);
  if (!result.success) {
    diagnostics.push(...zodDiagnostics(result.error.issues, yaml, input, (p) => schemaKeys(topicSchema, p), topicHints));
    return { diagnostics };
  }
  const data = result.data;
  const text = (markdown: string, at: YamlPath) => {
    const checked = yamlMarkdown(markdown, () => locate(yaml, at));
    diagnostics.push(...checked.diagnostics);
    return checked.markdown;
  };
  const texts = (list: string[], at: YamlPath) => list.map((markdown, i) => text(markdown, [...at, i]));
  const purpose: Passage | undefined = data.purpose === undefined ? undefined : purposeRef !== undefined ? purposeFile : { markdown: text(data.purpose, ['purpose']) };
  if (data.purpose !== undefined && purposeRef === undefined) diagnostics.push(...looksLikeFile(data.purpose, yaml, parsed));
  const note = data['publisher-note'];
  const publisherNote: Passage | undefined = note === undefined ? undefined : noteRef !== undefined ? noteFile : { markdown: text(note, ['publisher-note']) };
  const sections: Section[] = data.sections.map((s, i) => ({
    title: s.title,
    handout: s.handout,
    placement: s.placement,
    file: s.file,
    ...sectionFiles[i],
    markdown: sectionFiles[i]?.markdown ?? '',
  }));
  const cards = cardsRead.filter((c): c is Card => c !== undefined);

  const topic: Topic = {
    slug: parsed.source.slug,
    dir: parsed.source.displayDir,
    title: data.title,
    subtitle: data.subtitle,
    lang: data.lang,
    publisher: data.publisher,
    authors: data.authors,
    series: data.series,
    publisherNote,
    date: data.date,
    participants: data.participants,
    participantsPlace: locate(yaml, ['participants']),
    duration: data.duration,
    durationPlace: locate(yaml, ['duration']),
    purpose,
    questions: texts(data.questions, ['questions']),
    preparation: { materials: texts(data.preparation.materials, ['preparation', 'materials']), checklist: texts(data.preparation.checklist, ['preparation', 'checklist']) },
    sections,
    steps: data.steps.map((s, i) => toStep(s, i, yaml, text)),
    cards,
    images: files.images,
  };
  return { topic: diagnostics.some((d) => d.severity === 'error') ? undefined : topic, diagnostics };
}

function toStep(s: TopicData['steps'][number], index: number, yaml: ParsedYaml, text: (markdown: string, at: YamlPath) => string): Step {
  const minutes: Step['minutes'] =
    typeof s.minutes === 'number'
      ? { kind: 'fixed', minutes: s.minutes }
      : {
          kind: 'table',
          entries: Object.entries(s.minutes)
            .map(([k, v]) => [Number(k), v] as [number, number])
            .sort((a, b) => a[0] - b[0]),
        };
  const tips: Tip[] = s.tips.map((t, j) => {
    const place = locate(yaml, ['steps', index, 'tips', j]);
    if (typeof t === 'string') return { text: text(t, ['steps', index, 'tips', j]), place };
    const when = t.when && { minParticipants: t.when['min-participants'], maxParticipants: t.when['max-participants'] };
    return { text: text(t.text, ['steps', index, 'tips', j, 'text']), when, place };
  });
  return {
    number: index + 1,
    title: s.title,
    minutes,
    grouping: s.grouping,
    groupSize: s['group-size'],
    instructions: s.instructions.map((m, i) => text(m, ['steps', index, 'instructions', i])),
    questions: s.questions.map((m, i) => text(m, ['steps', index, 'questions', i])),
    tips,
    place: locate(yaml, ['steps', index]),
  };
}

function listOf(value: unknown, most = Number.POSITIVE_INFINITY): unknown[] {
  return Array.isArray(value) ? value.slice(0, most) : [];
}

const kib = (bytes: number, language: keyof Text = 'en') => `${Math.ceil(bytes / 1024).toLocaleString(language === 'da' ? 'da-DK' : 'en')} KiB`;
/** "… the topic's text is more than 64 KiB": `da` and `en` lead in to it (with this text, with `case.md`). */
const textTooLong = (lead: Text): Text => ({
  da: `${lead.da} fylder emnets tekst mere end ${kib(contentLimits.textBytes, 'da')} (cirka 10.000 ord), og det er det mest, et emne må have`,
  en: `${lead.en} the topic's text is more than ${kib(contentLimits.textBytes)} (about 10 000 words), the most a topic may have`,
});
const textTooLongHint: Text = {
  da: 'en dialog på et par timer har brug for langt mindre tekst: gør teksterne kortere, eller del emnet i to',
  en: 'a dialogue of a few hours needs far less; shorten the texts, or split the topic in two',
};

/**
 * Bytes of the texts in topic.yaml (every string, with aliases written out), and an error at the one
 * that takes them past the topic's text limit, in the order of the file.
 */
function textOf(raw: unknown, yaml: ParsedYaml): { bytes: number; over?: Diagnostic } {
  let bytes = 0;
  let over: Diagnostic | undefined;
  const walk = (value: unknown, at: YamlPath) => {
    if (over) return;
    if (typeof value === 'string') {
      bytes += Buffer.byteLength(value);
      if (bytes > contentLimits.textBytes) over = { ...locate(yaml, at), severity: 'error', rule: 'topic-text-too-long', message: textTooLong({ da: 'med denne tekst', en: 'with this text' }), hint: textTooLongHint };
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...at, i]));
    else if (isRecord(value)) for (const [key, item] of Object.entries(value)) walk(item, [...at, key]);
  };
  walk(raw, []);
  return { bytes, over };
}

/** Lists longer than a topic may hold, and a title longer than a line, at the entry or place that goes too far. */
function overLimits(raw: Record<string, unknown>, yaml: ParsedYaml): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { listEntries, titleCharacters } = contentLimits;
  if (typeof raw.title === 'string') {
    const length = [...raw.title].length;
    if (length > titleCharacters) {
      out.push({
        ...locate(yaml, ['title']),
        severity: 'error',
        rule: 'title-too-long',
        message: {
          da: `titlen er ${length} tegn lang; der er kun plads til ${titleCharacters} tegn på forsiden og øverst på siderne`,
          en: `the title is ${length} characters long; at most ${titleCharacters} fit on the cover and in the running header`,
        },
        hint: { da: 'gør titlen kortere, og skriv resten i feltet `subtitle` eller i formålet', en: 'shorten the title, and say the rest in `subtitle` or in the purpose' },
      });
    }
  }
  const check = (value: unknown, at: YamlPath) => {
    if (!Array.isArray(value) || value.length <= listEntries) return;
    out.push({
      ...locate(yaml, [...at, listEntries]),
      severity: 'error',
      rule: 'too-many-entries',
      message: {
        da: `listen \`${formatPath(at)}\` har ${value.length} punkter; et emne må højst have ${listEntries}, og dette er nummer ${listEntries + 1}`,
        en: `\`${formatPath(at)}\` has ${value.length} entries; a topic may have at most ${listEntries}, and this is number ${listEntries + 1}`,
      },
      hint: { da: 'en dialog på et par timer har brug for langt færre: del emnet i to, eller slå punkter sammen', en: 'a dialogue of a few hours needs far fewer; split the topic in two, or merge entries' },
    });
  };
  for (const key of ['steps', 'sections', 'cards', 'questions']) check(raw[key], [key]);
  if (isRecord(raw.preparation)) for (const key of ['materials', 'checklist']) check(raw.preparation[key], ['preparation', key]);
  listOf(raw.steps, listEntries).forEach((step, i) => {
    if (isRecord(step)) for (const key of ['instructions', 'questions', 'tips']) check(step[key], ['steps', i, key]);
  });
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isFileReference(value: string): boolean {
  return !value.includes('\n') && /^[^\s]+\.(md|markdown)$/i.test(value.trim());
}

/**
 * `purpose: formål` prints the word "formål" as the purpose: one or two words with no full stop read as
 * a file named without `.md`, not as what the dialogue is for. The hint names the markdown file of that
 * name when the folder has one.
 */
function looksLikeFile(value: string, yaml: ParsedYaml, parsed: ParsedTopic): Diagnostic[] {
  const written = value.trim();
  if (written.includes('\n') || written.split(/\s+/).length > 2 || /[.!?:;,]$/.test(written) || [...written].length > 40) return [];
  const wanted = toKebabCase(written.replace(/\.[a-z0-9]{1,5}$/i, ''));
  if (!wanted) return [];
  const stem = (file: string) => toKebabCase(path.posix.basename(file).replace(/\.(md|markdown)$/i, ''));
  const existing = parsed.source.listing.find((file) => /\.(md|markdown)$/i.test(file) && stem(file) === wanted);
  const file = existing ?? `${wanted}.md`;
  return [
    {
      ...locate(yaml, ['purpose']),
      severity: 'warning',
      rule: 'purpose-looks-like-file',
      message: {
        da: `formålet er kun »${written}«, og det bliver trykt som formålet; det ligner navnet på en fil uden \`.md\``,
        en: `the purpose is just "${written}", which is printed as the purpose; it looks like a file name without \`.md\``,
      },
      hint: {
        da: `skriv \`purpose: ${file}\`, hvis formålet står i en fil, eller skriv formålet som en hel sætning`,
        en: `write \`purpose: ${file}\` if the purpose is in a file, or write the purpose as a whole sentence`,
      },
    },
  ];
}

/** A section that would print its heading over nothing: its file is blank, or holds only headings. */
function emptySection(md: ParsedMarkdown): Diagnostic | undefined {
  if (md.tree.children.some((node) => node.type !== 'heading')) return undefined;
  const heading = md.tree.children[0];
  return {
    file: md.file,
    line: heading?.position?.start.line ?? 1,
    column: heading?.position?.start.column ?? 1,
    severity: 'warning',
    rule: 'empty-section',
    message: heading
      ? { da: `\`${md.path}\` har kun en overskrift og ingen tekst, så afsnittet bliver tomt`, en: `\`${md.path}\` holds only a heading and no text, so its section is empty` }
      : { da: `\`${md.path}\` er tom, så afsnittet får kun sin overskrift`, en: `\`${md.path}\` is empty, so its section is only a heading` },
    hint: { da: 'skriv afsnittets tekst i filen, eller fjern afsnittet fra `sections` i topic.yaml', en: 'write the section’s text in the file, or take the section out of `sections` in topic.yaml' },
  };
}

/** A value as an editor would recognise it in their YAML, in Danish (describeValue is the English). */
function describeValueDa(value: unknown): string {
  if (value === null) return 'tom';
  if (Array.isArray(value)) return 'en liste';
  if (typeof value === 'object') return 'felter';
  if (typeof value === 'string') return `teksten "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  return describeValue(value);
}

/** Resolves paths named in topic.yaml against the files load read, reporting at the line that names them. */
class FileResolver {
  /** The images of the files resolved so far, by path in the topic folder. */
  readonly images = new Map<string, ImageData>();
  /** Pixels and drawn shapes the topic's pictures may still take. */
  private readonly pictureBudget = imageBudget();
  /** Markdown files named so far, with where topic.yaml first names each. */
  private readonly named = new Map<string, { at: YamlPath; reported: boolean }>();

  constructor(
    private readonly parsed: ParsedTopic,
    private readonly yaml: ParsedYaml,
    private readonly diagnostics: Diagnostic[],
    /** Bytes of text the topic's markdown files may still have; below 0 once they went past it. */
    private textLeft: number,
  ) {}

  /** `section`: the file is a section's, whose heading the pack prints above it even when it is empty. */
  passage(ref: string, at: YamlPath, section = false): Passage | undefined {
    const md = this.markdownFile(ref, at);
    if (!md) return undefined;
    const empty = section ? emptySection(md) : undefined;
    if (empty) this.diagnostics.push(empty);
    this.diagnostics.push(...lintMarkdown(md), ...modelImages(md, this.parsed.source, this.images, this.pictureBudget));
    return { markdown: md.body, tree: md.tree, file: md.file };
  }

  card(ref: string, at: YamlPath): Card | undefined {
    const md = this.markdownFile(ref, at);
    if (!md) return undefined;
    const front = md.frontMatter;
    if (!front) {
      this.diagnostics.push({
        file: md.file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'card-front-matter',
        message: {
          da: 'et kort begynder med felter mellem to linjer med `---` (name, age, role, quote)',
          en: 'a card starts with front matter between `---` lines (name, age, role, quote)',
        },
        hint: { da: 'skriv `---`, fx `name: Kasper` og `---` på hver sin linje øverst i filen', en: 'write `---`, e.g. `name: Kasper`, and `---` on lines of their own at the top of the file' },
      });
      return undefined;
    }
    if (!front.ok) return undefined;
    const data = front.data ?? {};
    if (typeof data !== 'object' || Array.isArray(data)) {
      this.diagnostics.push({
        ...locate(front, []),
        severity: 'error',
        rule: 'card-front-matter',
        message: {
          da: `et korts felter står mellem linjerne med \`---\` (name:, age:, role:, quote:) og er ikke ${describeValueDa(data)}`,
          en: `a card's front matter is keys between the \`---\` lines (name:, age:, role:, quote:), not ${describeValue(data)}`,
        },
        hint: { da: 'skriv fx `name: Kasper` på linjen efter den første `---`', en: 'write e.g. `name: Kasper` on the line after the first `---`' },
      });
      return undefined;
    }
    const result = cardSchema.safeParse(data);
    if (!result.success) {
      this.diagnostics.push(...zodDiagnostics(result.error.issues, front, data, (p) => schemaKeys(cardSchema, p), topicHints));
      return undefined;
    }
    this.diagnostics.push(...lintMarkdown(md), ...modelImages(md, this.parsed.source, this.images, this.pictureBudget));
    const { name, age, role, quote } = result.data;
    return { file: md.file, name, age: age === undefined ? undefined : String(age), role, quote, markdown: md.body, tree: md.tree };
  }

  /**
   * The parsed markdown file a reference names, or undefined after reporting why there is none. A file
   * is one purpose, section or card: named again, it would print twice (or 4 000 times), so the second
   * naming is an error, reported once however often the file is named.
   */
  private markdownFile(ref: string, at: YamlPath): ParsedMarkdown | undefined {
    const file = this.resolve(ref, at);
    if (file === undefined) return undefined;
    const first = this.named.get(file);
    if (first) {
      if (!first.reported) {
        first.reported = true;
        const line = locate(this.yaml, first.at).line;
        this.error(
          at,
          'file-named-twice',
          { da: `\`${ref}\` er nævnt igen; ${formatPath(first.at)} på linje ${line} trykker den allerede`, en: `\`${ref}\` is named again; ${formatPath(first.at)} on line ${line} already prints it` },
          {
            da: 'nævn hver markdown-fil én gang: som formålet, udgiverens note, ét afsnit eller ét kort',
            en: 'name each markdown file once: as the purpose, the publisher note, one section or one card',
          },
        );
      }
      return undefined;
    }
    this.named.set(file, { at, reported: false });
    // Counted before the file is parsed: parsing is what a long text costs.
    const read = this.parsed.source.read(file);
    const bytes = read?.kind === 'text' ? Buffer.byteLength(read.text) : 0;
    if (bytes > this.textLeft) {
      if (this.textLeft >= 0) this.error(at, 'topic-text-too-long', textTooLong({ da: `med \`${ref}\` (${kib(bytes, 'da')})`, en: `with \`${ref}\` (${kib(bytes)})` }), textTooLongHint);
      this.textLeft = -1;
      return undefined;
    }
    this.textLeft -= bytes;
    const md = this.parsed.markdown.get(file);
    if (!md) this.error(at, 'not-markdown', { da: `\`${ref}\` er ikke en markdown-fil`, en: `\`${ref}\` is not a markdown file` });
    else this.diagnostics.push(...(md.diagnostics ?? []));
    return md;
  }

  /** The relative path of a referenced file inside the topic folder, or undefined after reporting why not. */
  private resolve(ref: string, at: YamlPath): string | undefined {
    const found = findTopicFile(this.parsed.source, ref, '', (k) => k !== 'topic.yaml');
    if (!('problem' in found)) return found.path;
    if (found.problem === 'outside') {
      this.error(
        at,
        'path-outside-topic',
        { da: `\`${ref}\` peger uden for emnets mappe`, en: `\`${ref}\` points outside the topic folder` },
        { da: 'skriv navnet på en fil i emnets mappe, fx `case.md`', en: 'name a file inside the topic folder, e.g. `case.md`' },
      );
    } else if (found.problem === 'missing') {
      const { guess, known } = found;
      const dir = path.join(this.parsed.source.displayDir);
      const listed = `${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}`;
      this.error(
        at,
        'missing-file',
        { da: `\`${ref}\` findes ikke i ${dir}`, en: `\`${ref}\` does not exist in ${dir}` },
        guess
          ? { da: `mente du \`${guess}\`?`, en: `did you mean \`${guess}\`?` }
          : known.length
            ? { da: `filer i emnets mappe: ${listed}`, en: `files in the topic folder: ${listed}` }
            : undefined,
      );
    } else if (found.file.line !== undefined) {
      const { file } = found;
      // A bad byte is fixed in the file itself, so the report points there rather than at the reference.
      this.diagnostics.push({
        file: path.join(this.parsed.source.displayDir, found.path),
        line: file.line,
        column: file.column,
        severity: 'error',
        rule: `file-${file.reason}`,
        message: { da: `\`${found.path}\` ${describeRefusalText(file).da}`, en: `\`${found.path}\` ${describeRefusalText(file).en}` },
        hint: file.hint,
      });
    } else {
      const refusal = describeRefusalText(found.file);
      this.error(at, `file-${found.file.reason}`, { da: `\`${ref}\` ${refusal.da}`, en: `\`${ref}\` ${refusal.en}` }, found.file.hint);
    }
    return undefined;
  }

  private error(at: YamlPath, rule: RuleId, message: Text, hint?: Text): void {
    this.diagnostics.push({ ...locate(this.yaml, at), severity: 'error', rule, message, hint });
  }
}
