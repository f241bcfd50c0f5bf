import type { YamlPath } from '../model/locate.js';
import type { Passage, Section, SourcePlace, Topic } from '../model/topic.js';
import { markdownProcessor } from '../parse/markdown-processor.js';
import type { Agenda, AgendaStep } from '../plan/agenda.js';
import { describeGroups } from '../plan/describe-groups.js';
import { fill, labels as allLabels, type Labels } from './labels.js';
import type { StepMetaNode, TimetableNode } from './document-node.js';
import { escapeMarkdown } from './escape-markdown.js';
import { placedNode, placedPassage, placedValue, type TextSource } from './source-marks.js';

/** Where a field of topic.yaml was written. */
export type PlaceOf = (path: YamlPath) => SourcePlace;

/**
 * The data templates see: the topic and agenda with every number already worded in the
 * document's language, so templates only arrange text and never compute.
 *
 * With `placeOf`, each text from the topic remembers where it was written (see `placedValue`), and
 * what a step prints remembers the step, so diagnostics about the pages can name the place whatever
 * the template does with it.
 */
export function templateView(topic: Topic, agenda: Agenda, placeOf?: PlaceOf) {
  const labels: Labels = allLabels[topic.lang];
  const range = (r: [number, number]) => (r[0] === r[1] ? `${r[0]}` : `${r[0]}–${r[1]}`);
  const date = topic.date ? formatDate(topic.date, topic.lang) : undefined;
  const authors = topic.authors?.length ? listOfNames(topic.authors.map(oneName), labels.and) : undefined;
  const at = (path: YamlPath, step?: number): TextSource | undefined => (placeOf ? { ...placeOf(path), step } : undefined);
  const written = <T extends string | number | undefined>(value: T, path: YamlPath) => placedValue(value, at(path));
  // A passage in a file of its own is placed in that file; which line the text starts on there, its tree knows.
  const passage = (p: Passage | undefined, path: YamlPath) => placedPassage(p, p?.file ? { file: p.file } : at(path));
  const sectionView = (s: Section) => {
    const i = topic.sections.indexOf(s);
    return { title: written(s.title, ['sections', i, 'title']), handout: s.handout, placement: s.placement, file: s.file, markdown: placedPassage(s, { file: s.file }) };
  };
  const steps = placeOf ? { at } : undefined;
  return {
    labels,
    topic: {
      title: written(topic.title, ['title']),
      subtitle: written(topic.subtitle, ['subtitle']),
      series: written(topic.series === undefined ? undefined : oneName(topic.series), ['series']),
      publisher: written(topic.publisher, ['publisher']),
      date: written(date, ['date']),
      /** "A, B og C", when topic.yaml names authors. */
      authors: written(authors, ['authors']),
      /** "Af A og B, 27. oktober 2023": who wrote the topic, and when, when it names authors. */
      byline: written(authors === undefined ? undefined : [fill(labels.byline, { names: authors }), date].filter(Boolean).join(', '), ['authors']),
      publisherNote: passage(topic.publisherNote, ['publisher-note']),
      /** The pack ends with a colophon when there is more to say of who made it than the cover says. */
      colophon: !!(authors || topic.series || topic.publisherNote),
      participants: placedValue(fill(labels.participantsRange, topic.participants), placeOf && topic.participantsPlace),
      duration: placedValue(fill(labels.aboutMinutes, { n: topic.duration }), placeOf && topic.durationPlace),
      purpose: passage(topic.purpose, ['purpose']),
      questions: topic.questions.map((q, i) => written(oneLine(q), ['questions', i])),
      materials: topic.preparation.materials.map((m, i) => written(oneLine(m), ['preparation', 'materials', i])),
      checklist: topic.preparation.checklist.map((m, i) => written(oneLine(m), ['preparation', 'checklist', i])),
      sections: topic.sections.map(sectionView),
      introSections: topic.sections.filter((s) => s.placement === 'intro').map(sectionView),
      appendixSections: topic.sections.filter((s) => s.placement === 'appendix').map(sectionView),
      handoutSections: topic.sections.filter((s) => s.handout).map(sectionView),
      cards: topic.cards.map((c) => {
        // A card's name, role and quote are in its front matter: the file is certain, the line is found later.
        const card = <T extends string | undefined>(value: T) => placedValue(value, placeOf && { file: c.file });
        return {
          file: c.file,
          name: card(c.name),
          role: card(c.role),
          quote: card(c.quote),
          markdown: placedPassage(c, placeOf && { file: c.file }),
          age: card(c.age === undefined ? undefined : fill(labels.age, { age: c.age })),
        };
      }),
    },
    facilitator: {
      /** Whom the sheet is planned for, and when; an untailored sheet says the count it assumed and how to choose one. */
      forGroup: [
        fill(agenda.tailored ? labels.facilitatorFor : labels.facilitatorAssumed, { n: agenda.participants }),
        agenda.start ? fill(labels.startsAt, { start: clock(agenda.start, topic.lang), end: clock(agenda.end!, topic.lang) }) : '',
      ]
        .filter(Boolean)
        .join(', '),
      steps: agenda.steps.map((s) => facilitatorStepView(s, labels, topic.lang, steps)),
      groups: agenda.steps
        .filter((s) => s.groups && (s.step.grouping === 'pairs' || s.step.grouping === 'groups'))
        .map((s) => ({
          step: placedValue(`${labels.step} ${s.step.number}`, stepPlace(s, steps)),
          text: placedValue(describeGroups(s.groups!, topic.lang, s.step.grouping as 'pairs' | 'groups'), stepPlace(s, steps)),
        })),
    },
    /** The step that decides (the last one), whose sheet becomes a dot vote. */
    decidingStep: agenda.steps.length ? placedValue(agenda.steps[agenda.steps.length - 1].step.number, stepPlace(agenda.steps[agenda.steps.length - 1], steps)) : undefined,
    /** The dot-vote sheet's empty rows, one per proposal to write down: see `dotVoteRows`. They belong to the deciding step. */
    dotVoteRows: dotVoteRows(agenda).map((n) => placedValue(n, agenda.steps.length ? stepPlace(agenda.steps[agenda.steps.length - 1], steps) : undefined)),
    agenda: {
      tailored: agenda.tailored,
      planned: agenda.tailored
        ? [
            fill(labels.plannedFor, { n: agenda.participants }),
            agenda.start ? fill(labels.startsAt, { start: clock(agenda.start, topic.lang), end: clock(agenda.end!, topic.lang) }) : '',
          ]
            .filter(Boolean)
            .join(', ')
        : undefined,
      steps: agenda.steps.map((s) => stepView(s, agenda, labels, topic.lang, range, steps)),
      /** What `{{timetable}}` places: see `timetable`. */
      timetable: timetable(agenda.steps, (s) => stepWhen(s, agenda, labels, topic.lang, range), labels),
    },
  };
}

/**
 * The steps at a glance as a node of the document, one row a step: its number, when and how long, its
 * title and how the group works. Where a template prints it inside a paragraph, the same as a markdown
 * table is read there instead.
 */
function timetable(steps: readonly AgendaStep[], when: (s: AgendaStep) => ReturnType<typeof stepWhen>, labels: Labels): string {
  const { step, time, activity, grouping } = labels.timetable;
  const row = (s: AgendaStep): TimetableNode['rows'][number] => {
    const w = when(s);
    return { step: s.step.number, cells: [`${s.step.number}`, [w.clock, w.minutes].filter(Boolean).join(' · '), s.step.title, w.grouping] };
  };
  const node: TimetableNode = { type: 'timetable', head: [step, time, activity, grouping], rows: steps.map(row) };
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return placedNode([line(node.head), `|${' --- |'.repeat(4)}`, ...node.rows.map((r) => line(r.cells))].join('\n'), node);
}

/**
 * One numbered row per group that brings proposals to the vote: the groups (or pairs) of the last step
 * before the deciding one that splits the participants; with no such step the participants propose in
 * pairs. At least two rows, since a vote needs two proposals and a lone group is asked for one or two;
 * at most four, what an A3 sheet holds under its heading and the table's header at the smallest
 * flip-chart type (54 pt).
 */
function dotVoteRows(agenda: Agenda): number[] {
  const split = agenda.steps
    .slice(0, -1)
    .filter((s) => s.groups && (s.step.grouping === 'pairs' || s.step.grouping === 'groups'))
    .at(-1);
  const count = split ? split.groups!.sizes.length : Math.ceil(agenda.participants / 2);
  return Array.from({ length: Math.min(4, Math.max(2, count)) }, (_, i) => i + 1);
}

/** How a step's texts are placed, when the view places texts. */
interface StepPlaces {
  at(path: YamlPath, step?: number): TextSource | undefined;
}

/** The step's own place in topic.yaml, for what the view words from it (its number, minutes, groups). */
function stepPlace(s: AgendaStep, places: StepPlaces | undefined): TextSource | undefined {
  return places && { ...s.step.place, step: s.step.number };
}

/** A step's text at `field` of its entry in topic.yaml, remembering the step. */
function stepText<T extends string | number | undefined>(value: T, s: AgendaStep, path: YamlPath, places: StepPlaces | undefined): T {
  return placedValue(value, places?.at(['steps', s.step.number - 1, ...path], s.step.number));
}

/** How long a step takes, when (for a planned start) and in what groups, worded for the pack. */
function stepWhen(s: AgendaStep, agenda: Agenda, labels: Labels, lang: Topic['lang'], range: (r: [number, number]) => string) {
  const minutes = agenda.tailored ? `${s.minutes}` : range(s.range);
  let grouping: string = labels.groupings[s.step.grouping];
  if (s.step.grouping === 'groups' && s.step.groupSize) grouping += ` (${fill(labels.groupsOf, { n: s.step.groupSize })})`;
  // "7 makkerpar" says "in pairs" already: "I makkerpar: 7 makkerpar" said it twice.
  if (agenda.tailored) grouping = groupingInWords(s, labels, lang);
  const clockRange = s.start ? fill(labels.clockRange, { start: clock(s.start, lang), end: clock(s.end!, lang) }) : undefined;
  return { minutes: `${minutes} ${labels.minutesShort}`, clock: clockRange, grouping };
}

function stepView(s: AgendaStep, agenda: Agenda, labels: Labels, lang: Topic['lang'], range: (r: [number, number]) => string, places?: StepPlaces) {
  const { minutes, clock: clockRange, grouping } = stepWhen(s, agenda, labels, lang, range);
  const own = stepPlace(s, places);
  return {
    number: placedValue(s.step.number, own),
    title: stepText(s.step.title, s, ['title'], places),
    /** `{{metaLine}}` on a line of its own: how long, when and in what groups, as a node of the document. */
    metaLine: stepLine(s, [minutes, clockRange, grouping], own),
    minutes: placedValue(minutes, own),
    clock: placedValue(clockRange, own),
    grouping: placedValue(grouping, own),
    instructions: s.step.instructions.map((m, i) => stepText(listItem(m), s, ['instructions', i], places)),
    questions: s.step.questions.map((m, i) => stepText(oneLine(m), s, ['questions', i], places)),
    tips: s.tips.map((t) => ({
      text: placedValue(listItem(t.text), places && { ...t.place, step: s.step.number }),
      condition: placedValue(!agenda.tailored && t.when ? fill(labels.tipWhen, { cond: describeCondition(t.when, labels) }) : undefined, places && { ...t.place, step: s.step.number }),
    })),
  };
}

/**
 * One step as the facilitator leads it: when, how long and in what groups on one line, then every
 * instruction, question and tip that holds for the group, each as whole as the pack has it.
 */
function facilitatorStepView(s: AgendaStep, labels: Labels, lang: Topic['lang'], places?: StepPlaces) {
  const when = s.start
    ? fill(labels.clockRange, { start: clock(s.start, lang), end: clock(s.end!, lang) })
    : fill(labels.fromStartRange, { start: s.offset, end: s.offset + s.minutes });
  const own = stepPlace(s, places);
  const parts = [when, `${s.minutes} ${labels.minutesShort}`, groupingInWords(s, labels, lang)];
  return {
    number: placedValue(s.step.number, own),
    title: stepText(s.step.title, s, ['title'], places),
    meta: placedValue(parts.join(' · '), own),
    /** `{{metaLine}}` on a line of its own: `meta` as a node of the document. */
    metaLine: stepLine(s, parts, own),
    instructions: s.step.instructions.map((m, i) => stepText(listItem(m), s, ['instructions', i], places)),
    questions: s.step.questions.map((m, i) => stepText(oneLine(m), s, ['questions', i], places)),
    tips: s.applicableTips.map((t) => placedValue(quotedTip(t.text, labels.tip), places && { ...t.place, step: s.step.number })),
  };
}

/**
 * A step's line of what it takes (`parts`, the empty ones left out) as a node of the document, placed at
 * the step; where a template prints it inside a paragraph, the `::step-meta[…]` it stands for is read
 * there instead.
 */
function stepLine(s: AgendaStep, parts: readonly (string | undefined)[], place: TextSource | undefined): string {
  const shown = parts.filter((p): p is string => !!p);
  const node: StepMetaNode = {
    type: 'stepMeta',
    step: s.step.number,
    children: [{ type: 'text', value: shown.join(' · ') }],
    ...(place ? { data: { sourceFile: place.file, sourceStep: s.step.number } } : {}),
    ...(place?.line === undefined ? {} : { position: { start: { line: place.line, column: place.column ?? 1 }, end: { line: place.line, column: place.column ?? 1 } } }),
  };
  return placedNode(`::step-meta[${shown.map(escapeMarkdown).join(' · ')}]`, node);
}

/**
 * A tip as a quote whose first paragraph opens with "Godt råd:" in bold; a tip of several blocks keeps
 * them all inside the quote, and one that opens with a list has the lead on a line of its own.
 */
function quotedTip(markdown: string, lead: string): string {
  const blocks = blocksOf(markdown);
  const text = blocks ? markdown.trim() : oneLine(markdown);
  const opener = `**${lead}:**`;
  const body = !blocks || blocks[0].type === 'paragraph' ? `${opener} ${text}` : `${opener}\n\n${text}`;
  return body
    .split('\n')
    .map((line) => (line.trim() ? `> ${line.trimEnd()}` : '>'))
    .join('\n');
}

/** "7 makkerpar", "3 grupper på 4", or "I plenum" for a step everyone does together. */
function groupingInWords(s: AgendaStep, labels: Labels, lang: Topic['lang']): string {
  const { grouping } = s.step;
  return s.groups && (grouping === 'pairs' || grouping === 'groups') ? describeGroups(s.groups, lang, grouping) : labels.groupings[grouping];
}

/** `13:00` as Danish print writes a time of day, `13.00`; English keeps the colon. */
function clock(hhmm: string, lang: Topic['lang']): string {
  return lang === 'da' ? hhmm.replace(':', '.') : hhmm;
}

function describeCondition(when: { minParticipants?: number; maxParticipants?: number }, labels: Labels): string {
  const { minParticipants: min, maxParticipants: max } = when;
  if (min !== undefined && max !== undefined) return fill(labels.between, { min, max });
  if (min !== undefined) return fill(labels.atLeast, { n: min });
  return fill(labels.atMost, { n: max! });
}

/** A markdown string that fills one list item: its line breaks would end the item. */
function oneLine(markdown: string): string {
  return markdown.replace(/\s*\n\s*/g, ' ').trim();
}

const parseMarkdown = markdownProcessor();

/**
 * The blocks of a markdown string, when it has more than one paragraph (an instruction or a tip
 * written as a YAML `|` block, with paragraphs and a list inside); undefined for one paragraph.
 */
function blocksOf(markdown: string): ReturnType<typeof parseMarkdown>['children'] | undefined {
  if (!markdown.trim().includes('\n')) return undefined;
  const { children } = parseMarkdown(markdown);
  return children.length === 1 && children[0].type === 'paragraph' ? undefined : children;
}

/**
 * A markdown string that fills one list item. One paragraph is set on one line, as it always was; more
 * (paragraphs, a list) stay blocks of the item: each line after the first is indented under the `- `
 * the template writes before it, which keeps a nested list nested and a blank line a new paragraph.
 */
function listItem(markdown: string): string {
  if (!blocksOf(markdown)) return oneLine(markdown);
  return markdown
    .trim()
    .split('\n')
    .map((line, i) => (i === 0 || !line.trim() ? line.trimEnd() : `  ${line.trimEnd()}`))
    .join('\n');
}

/** A name or a series printed on one line, however topic.yaml wrapped it. */
function oneName(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "A", "A og B", "A, B og C". */
function listOfNames(names: string[], and: string): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

const monthsDa = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function formatDate(iso: string, lang: Topic['lang']): string {
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'da' ? `${d}. ${monthsDa[m - 1]} ${y}` : `${d} ${monthsEn[m - 1]} ${y}`;
}

export type TemplateView = ReturnType<typeof templateView>;
