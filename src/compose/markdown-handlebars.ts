import Handlebars from 'handlebars';
import { escapeMarkdown } from './escape-markdown.js';

/**
 * An isolated Handlebars environment that writes markdown instead of HTML: `{{x}}` escapes markdown,
 * `{{{x}}}` inserts markdown as it is. Handlebars hard-codes its HTML escaper into compiled code, so the
 * compiler is subclassed to call ours; changing `Handlebars.Utils` instead would leak into every user.
 */
export function createMarkdownHandlebars(): typeof Handlebars {
  const env = Handlebars.create();
  const Base = (env as unknown as { JavaScriptCompiler: new () => object }).JavaScriptCompiler;
  class MarkdownCompiler extends Base {}
  const proto = MarkdownCompiler.prototype as unknown as {
    appendEscaped(): void;
    pushSource(s: unknown): void;
    appendToBuffer(parts: unknown[]): unknown;
    aliasable(name: string): unknown;
    popStack(): unknown;
  };
  proto.appendEscaped = function appendEscaped(this: typeof proto) {
    // Helpers are wrapped to receive an options object last, so one is passed.
    this.pushSource(this.appendToBuffer([this.aliasable('container.helpers.escapeMarkdown'), '(', this.popStack(), ', {})']));
  };
  // Block bodies ({{#each}}, {{#if}}) are compiled by `prototype.compiler`, so it must be ours too.
  (MarkdownCompiler.prototype as unknown as { compiler: unknown }).compiler = MarkdownCompiler;
  (env as unknown as { JavaScriptCompiler: unknown }).JavaScriptCompiler = MarkdownCompiler;
  // Compiled templates reach the escaper through the helper table, which Handlebars hands to partials too.
  env.registerHelper('escapeMarkdown', (value: unknown) => escapeMarkdown(value));
  return env;
}
