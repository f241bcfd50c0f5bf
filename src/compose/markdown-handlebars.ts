import Handlebars from 'handlebars';
import { escapeMarkdown } from './escape-markdown.js';
import { isPlacedNode, markContent, markInsertion, markPassage } from './source-marks.js';

/** Compile options of ours: with `markedText`, the template's text, its literal text is marked with its place in it. */
export interface MarkOptions {
  markedText?: string;
}

/** How compose compiles a template's text, with or without marks: at first use, or when the package is built. */
export function compileOptions(text: string, marks: boolean): NonNullable<Parameters<typeof Handlebars.compile>[1]> & MarkOptions {
  return { strict: true, ...(marks ? { markedText: text } : {}) };
}

/** The key of a compiled template: the same text compiles differently with marks. */
export function templateKey(text: string, marks: boolean): string {
  return `${marks ? 1 : 0}${text}`;
}

/**
 * An isolated Handlebars environment that writes markdown instead of HTML: `{{x}}` escapes markdown,
 * `{{{x}}}` inserts markdown as it is. Handlebars hard-codes its HTML escaper into compiled code, so the
 * compiler is subclassed to call ours; changing `Handlebars.Utils` instead would leak into every user.
 *
 * The subclass also lets compose find where each piece of the output was written: a template's own
 * text and every value that knows its place in the topic are wrapped in marks (see source-marks.ts),
 * which compose takes out again before the markdown is read.
 */
export function createMarkdownHandlebars(): typeof Handlebars {
  const env = Handlebars.create();
  const Base = (env as unknown as { JavaScriptCompiler: new () => object }).JavaScriptCompiler;
  class MarkdownCompiler extends Base {}
  const proto = MarkdownCompiler.prototype as unknown as {
    appendEscaped(): void;
    append(): void;
    appendContent(content: string): void;
    pushSource(s: unknown): void;
    appendToBuffer(parts: unknown[]): unknown;
    aliasable(name: string): unknown;
    popStack(): unknown;
    options: MarkOptions;
    source: { currentLocation?: { start: { line: number; column: number } } };
  };
  const appendContent = proto.appendContent;
  proto.appendEscaped = function appendEscaped(this: typeof proto) {
    // Helpers are wrapped to receive an options object last, so one is passed.
    this.pushSource(this.appendToBuffer([this.aliasable('container.helpers.escapeMarkdown'), '(', this.popStack(), ', {})']));
  };
  // `{{{x}}}`, partials and blocks: appended as Handlebars would (`'' + x`, nothing for null), through a helper that can mark x.
  proto.append = function append(this: typeof proto) {
    this.pushSource(this.appendToBuffer([this.aliasable('container.helpers.insertMarkdown'), '(', this.popStack(), ', {})']));
  };
  proto.appendContent = function markedContent(this: typeof proto, content: string) {
    const text = this.options?.markedText;
    const start = this.source.currentLocation?.start;
    appendContent.call(this, text === undefined || !start ? content : markContent(content, text, start));
  };
  // Block bodies ({{#each}}, {{#if}}) are compiled by `prototype.compiler`, so it must be ours too.
  (MarkdownCompiler.prototype as unknown as { compiler: unknown }).compiler = MarkdownCompiler;
  (env as unknown as { JavaScriptCompiler: unknown }).JavaScriptCompiler = MarkdownCompiler;
  // Compiled templates reach the escaper through the helper table, which Handlebars hands to partials too.
  // A passage printed raw is marked as that passage, so compose can put its parsed tree there (see markPassage).
  const insert = (value: unknown) => (value === null || value === undefined ? '' : markPassage(value, '' + (value as string)));
  env.registerHelper('escapeMarkdown', (value: unknown) =>
    value instanceof Raw ? insert(value.value) : isPlacedNode(value) ? insert(value) : markInsertion(value, escapeMarkdown(value)),
  );
  env.registerHelper('insertMarkdown', (value: unknown) => insert(value instanceof Raw ? value.value : value));
  // `{{passage topic.purpose}}`: a passage of the topic, placed whole, as `{{{topic.purpose}}}` places it.
  env.registerHelper('passage', (...args: unknown[]) => new Raw(args.length > 1 ? args[0] : undefined));
  return env;
}

/** What a helper prints as markdown, not as text: `{{passage x}}` is not escaped. */
class Raw {
  constructor(readonly value: unknown) {}
}
