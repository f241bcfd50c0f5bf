/**
 * compose: template × {topic, agenda, labels} → markdown → one document tree per output: mdast with the
 * document's own nodes (document-node.ts) for what layout sets in a way of its own, the topic's passages
 * placed by reference.
 * Input: a Topic, its Agenda and the loaded templates. Output: a ComposedDocument and template diagnostics.
 * Never: measure or place anything (layout does), or read files.
 */
import type { Root } from 'mdast';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateSource } from '../load/load-templates.js';
import type { ImageData } from '../model/read-image.js';
import type { Topic } from '../model/topic.js';
import { markdownGuard } from '../parse/markdown-guard.js';
import type { Agenda } from '../plan/agenda.js';
import { parseDocumentMarkdown } from './document-parser.js';
import { compileOptions, createMarkdownHandlebars, templateKey } from './markdown-handlebars.js';
import { precompiledTemplates } from './precompiled-templates.js';
import { registerTemplateHelpers } from './template-helpers.js';
import { templateBudget, TemplateTooLong } from './template-budget.js';
import { documentLabels, type DocumentLabels } from './labels.js';
import { hasMarkCharacters, renderWithMarks, type PassageStretch, type SourceRange } from './source-marks.js';
import { templateView, type PlaceOf } from './template-view.js';

export type OutputKind = 'pack' | 'facilitator' | 'handout' | 'flipchart' | 'cards';

export interface DocumentMeta {
  title: string;
  subject?: string;
  author?: string;
  lang: 'da' | 'en';
  /** ISO date (YYYY-MM-DD) for the document's dates, when known. */
  date?: string;
  keywords: string[];
}

export interface ComposedDocument {
  kind: OutputKind;
  /** mdast, with the document's own nodes (see document-node.ts) in place of the directives templates write. */
  tree: Root;
  labels: DocumentLabels;
  /** The topic's pictures, for the image nodes marked with a `data.imagePath`. */
  images?: ReadonlyMap<string, ImageData>;
  meta: DocumentMeta;
  /** The markdown the templates produced, kept for `--debug` dumps and tests. */
  markdown: string;
}

type Compiled = (context: unknown, options?: unknown) => string;
/** By templateKey: marks and text. */
const compiledCache = new Map<string, Compiled>();
const env = createMarkdownHandlebars();
registerTemplateHelpers(env);
const budget = templateBudget(env);

/** What templates may print of the theme: the municipality's name, and whether a logo exists to place. */
export interface Brand {
  name?: string;
  hasLogo: boolean;
}

/**
 * `placeOf` places the fields of topic.yaml: with it, the document's nodes say where their text was
 * written (see place-nodes.ts), for the diagnostics layout makes.
 */
export function composeDocument(
  kind: OutputKind,
  topic: Topic,
  agenda: Agenda,
  templates: TemplateSource,
  brand: Brand = { hasLogo: false },
  placeOf?: PlaceOf,
): { document?: ComposedDocument; diagnostics: Diagnostic[] } {
  const main = templates.files.get(`${kind}/${kind}.hbs`);
  if (!main?.text) {
    return {
      diagnostics: [
        {
          file: `templates/${kind}/${kind}.hbs`,
          severity: 'error',
          rule: 'missing-template',
          message: { da: `der er ingen skabelon til udgaven ${kind}`, en: `no template for ${kind}` },
          hint: { da: `læg skabelonen i \`templates/${kind}/${kind}.hbs\``, en: `put the template in \`templates/${kind}/${kind}.hbs\`` },
        },
      ],
    };
  }
  const partials: Record<string, Compiled> = {};
  const diagnostics: Diagnostic[] = [];
  const files = [...templates.files.values()].filter((f) => f.text && f.path.startsWith(`${kind}/`) && f.path.endsWith('.hbs'));
  const view = { ...templateView(topic, agenda, placeOf), brand };
  // Marks are taken out of the markdown by their characters: an input that has one is rendered without,
  // and its passages are parsed where they stand. Where texts were written is marked when it is asked for.
  const canMark = !files.some((f) => hasMarkCharacters(f.text!)) && !hasMarkCharacters(JSON.stringify(view));
  const marks = !!placeOf && canMark;
  for (const file of files) {
    if (file === main) continue;
    const name = file.path.slice(kind.length + 1, -4);
    const compiled = compile(file.text!, file.displayPath, diagnostics, marks);
    if (compiled) partials[name] = budget.partial(file.displayPath, compiled);
  }
  const template = compile(main.text, main.displayPath, diagnostics, marks);
  if (!template || diagnostics.length) return { diagnostics };
  let markdown: string;
  let ranges: SourceRange[] = [];
  let passages: PassageStretch[] = [];
  try {
    const render = () => budget.run(budget.limitFor(topic), main.displayPath, () => template(view, { partials }));
    if (canMark) ({ markdown, ranges, passages } = renderWithMarks(render, new Map(files.map((f) => [f.text!, f.displayPath])), marks));
    else markdown = render();
  } catch (error) {
    if (error instanceof TemplateTooLong) return { diagnostics: [tooLong(error)] };
    return { diagnostics: [templateError(error, main.displayPath)] };
  }
  // The topic's own text was guarded by parse and model; this catches what a template itself writes.
  const found = markdownGuard(markdown).findings[0];
  if (found) {
    const deep = found.kind === 'deep';
    const message = deep
      ? {
          da: `skabelonen skriver lister, citater eller \`:::\`-blokke, der ligger omkring ${found.count} niveauer inden i hinanden; det er for meget for markdown-læseren`,
          en: `the template writes lists, quotes or \`:::\` blocks nested about ${found.count} levels deep, too much for the markdown parser`,
        }
      : {
          da: `skabelonen skriver et afsnit med ${found.count} lukkende klammer, \`]\`; det er for meget for markdown-læseren`,
          en: `the template writes a paragraph of ${found.count} closing brackets, too much for the markdown parser`,
        };
    return { diagnostics: [{ file: main.displayPath, severity: 'error', rule: deep ? 'markdown-too-deep' : 'too-many-brackets', message }] };
  }
  const tree = parseDocumentMarkdown(markdown, passages, ranges, topic.lang);
  return {
    document: {
      kind,
      tree,
      labels: documentLabels(topic.lang),
      images: topic.images,
      markdown,
      meta: {
        // A title is one line in the running header, the outline and the viewer's title bar; a line
        // separator typed into it (U+2028) would print as an empty box there.
        title: topic.title.replace(/\s+/g, ' ').trim(),
        subject: topic.subtitle,
        // Who wrote it, when topic.yaml says; before authors could be named, the publisher stood here.
        author: topic.authors?.length ? topic.authors.map((name) => name.replace(/\s+/g, ' ').trim()).join(', ') : topic.publisher,
        lang: topic.lang,
        date: topic.date,
        keywords: [kind, topic.slug],
      },
    },
    diagnostics,
  };
}

function tooLong(error: TemplateTooLong): Diagnostic {
  return {
    ...error.place,
    severity: 'error',
    rule: 'template-too-long',
    message: {
      da: `skabelonen skriver mere end ${Math.round(error.limit / 1024).toLocaleString('da-DK')} KB markdown til dette emne: fire gange emnets egen tekst og 1 MiB oveni`,
      en: `the template writes more than ${Math.round(error.limit / 1024).toLocaleString('en')} KB of markdown for this topic, four times the topic's own text and 1 MiB besides`,
    },
    hint: {
      da: 'en løkke inden i en løkke skriver sin tekst igen og igen; gå gennem én liste ad gangen',
      en: 'a loop inside a loop writes its text over and over; loop over one list at a time',
    },
  };
}

function compile(text: string, displayPath: string, diagnostics: Diagnostic[], marks: boolean): Compiled | undefined {
  const key = templateKey(text, marks);
  let compiled = compiledCache.get(key);
  if (compiled) return compiled;
  const precompiled = precompiledTemplates.get(key);
  if (precompiled) {
    compiled = env.template(precompiled) as Compiled;
    compiledCache.set(key, compiled);
    return compiled;
  }
  try {
    // compile() is lazy; parse() reports syntax errors (with their line) now.
    env.parse(text);
  } catch (error) {
    diagnostics.push(templateError(error, displayPath, text));
    return undefined;
  }
  compiled = env.compile(text, compileOptions(text, marks)) as Compiled;
  compiledCache.set(key, compiled);
  return compiled;
}

/**
 * Handlebars reports an unclosed block at the end of the file; the editor needs the line that opened it.
 * Runtime errors (a name strict mode cannot find) end in "- line:column".
 */
function templateError(error: unknown, file: string, text?: string): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').filter(Boolean);
  const base = { file, severity: 'error' as const, rule: 'template-error' as const };
  if (text && /got 'EOF'/.test(message)) {
    const open = unclosedBlock(text);
    if (open) {
      return {
        ...base,
        ...open.place,
        message: { da: `{{#${open.name}}} begynder her, men slutter aldrig`, en: `{{#${open.name}}} is opened here but never closed` },
        hint: { da: `skriv {{/${open.name}}} der, hvor blokken slutter`, en: `add {{/${open.name}}} where the block ends` },
      };
    }
  }
  const parseLine = /on line (\d+)/.exec(message)?.[1];
  if (parseLine) {
    const expecting = lines[lines.length - 1];
    const wanted = /^Expecting (.*)$/.exec(expecting)?.[1];
    return {
      ...base,
      line: Number(parseLine),
      message: {
        da: `skabelonen kan ikke læses her: ${wanted === undefined ? expecting : `der skulle have stået ${wanted}`}`,
        en: `template syntax error: ${expecting.replace(/^Expecting /, 'expected ')}`,
      },
    };
  }
  const runtime = /^(.*?)(?: - (\d+):(\d+))?$/.exec(lines[0] ?? message)!;
  return {
    ...base,
    line: runtime[2] ? Number(runtime[2]) : undefined,
    column: runtime[3] ? Number(runtime[3]) + 1 : undefined,
    // Handlebars' own words, which name the template's code: there is nothing to say them in Danish with.
    message: { da: `skabelonen fejler: ${runtime[1]}`, en: runtime[1] },
  };
}

/** The innermost block still open at the end of a template, by matching {{#x}} and {{/x}} with a stack. */
function unclosedBlock(text: string): { name: string; place: { line: number; column: number } } | undefined {
  const stack: { name: string; offset: number }[] = [];
  const tags = /\{\{~?\s*(?:(#>?|\^(?=\s*[\w@.]))\s*([\w@.-]+)|\/\s*([\w@.-]+))/g;
  for (let match = tags.exec(text); match; match = tags.exec(text)) {
    if (match[2]) stack.push({ name: match[2], offset: match.index });
    else if (match[3] && stack.length && stack[stack.length - 1].name === match[3]) stack.pop();
  }
  const open = stack.pop();
  if (!open) return undefined;
  const before = text.slice(0, open.offset).split('\n');
  return { name: open.name, place: { line: before.length, column: before[before.length - 1].length + 1 } };
}
