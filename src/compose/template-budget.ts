import type Handlebars from 'handlebars';
import type { Topic } from '../model/topic.js';

type Compiled = (context: unknown, options?: unknown) => string;
type Place = { file: string; line?: number; column?: number };
interface EachOptions {
  fn: Compiled;
  loc?: { start: { line: number; column: number } };
}

/** Thrown out of a render that went past its budget, with the loop where it did. */
export class TemplateTooLong extends Error {
  constructor(
    readonly place: Place,
    readonly limit: number,
  ) {
    super('the template writes too much');
  }
}

/**
 * How much markdown a template may write for one topic: four times the topic's own text, and 1 MiB
 * besides. The built-in templates write each text once per document, and a loop inside a loop over
 * the steps (`{{#each}}` in `{{#each}}`) writes text times steps squared: eight levels of it took
 * 1.8 GB and crashed. Each round of `{{#each}}` spends one character and each loop what it wrote, so
 * a render is stopped inside the loop that goes too far, whether it writes or only loops.
 */
export function templateBudget(env: typeof Handlebars): {
  limitFor(topic: Topic): number;
  /** `render` run with `limit` characters to spend; `file` is the template being rendered. */
  run(limit: number, file: string, render: () => string): string;
  /** A partial that reports its own file when a loop in it goes too far. */
  partial(file: string, compiled: Compiled): Compiled;
} {
  let left = Number.POSITIVE_INFINITY;
  let budget = Number.POSITIVE_INFINITY;
  const files: string[] = [];
  const each = env.helpers.each as (this: unknown, context: unknown, options: EachOptions) => string;
  env.registerHelper('each', function eachWithinBudget(this: unknown, context: unknown, options: EachOptions) {
    const spend = (n: number) => {
      left -= n;
      if (left < 0) {
        const start = options.loc?.start;
        throw new TemplateTooLong({ file: files[files.length - 1] ?? '', line: start?.line, column: start === undefined ? undefined : start.column + 1 }, budget);
      }
    };
    const fn: Compiled = (item, itemOptions) => {
      spend(1);
      return options.fn(item, itemOptions);
    };
    const out = each.call(this, context, { ...options, fn });
    spend(out.length);
    return out;
  });
  return {
    limitFor: (topic) => 1024 * 1024 + 4 * topicText(topic),
    run(limit, file, render) {
      left = budget = limit;
      files.push(file);
      try {
        const out = render();
        if (out.length > limit) throw new TemplateTooLong({ file }, limit);
        return out;
      } finally {
        left = budget = Number.POSITIVE_INFINITY;
        files.length = 0;
      }
    },
    partial: (file, compiled) => (context, options) => {
      files.push(file);
      try {
        return compiled(context, options);
      } finally {
        files.pop();
      }
    },
  };
}

/** Characters of text the topic brings: what a template can rightly print. */
function topicText(topic: Topic): number {
  const strings = [
    topic.title,
    topic.subtitle,
    topic.publisher,
    topic.series,
    ...(topic.authors ?? []),
    topic.publisherNote?.markdown,
    topic.purpose?.markdown,
    ...topic.questions,
    ...topic.preparation.materials,
    ...topic.preparation.checklist,
    ...topic.sections.flatMap((s) => [s.title, s.markdown]),
    ...topic.cards.flatMap((c) => [c.name, c.role, c.quote, c.markdown]),
    ...topic.steps.flatMap((s) => [s.title, ...s.instructions, ...s.questions, ...s.tips.map((t) => t.text)]),
  ];
  return strings.reduce<number>((sum, s) => sum + (s?.length ?? 0), 0);
}
