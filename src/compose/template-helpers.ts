import type Handlebars from 'handlebars';
import { fill } from './labels.js';

/** The one place template helpers are registered. Helpers only format; the view has done the work. */
export function registerTemplateHelpers(env: typeof Handlebars): void {
  env.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  env.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  // The view's texts and numbers may be boxed to remember their place (see placedValue): compared as what they hold.
  env.registerHelper('eq', (a: unknown, b: unknown) => unbox(a) === unbox(b));
  // Raw markdown placed in a table cell: a pipe would end the cell, a line break the row.
  env.registerHelper('cell', (markdown: unknown) => String(markdown ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' '));
  env.registerHelper('fill', (template: string, options: { hash: Record<string, string | number> }) => fill(template, options.hash));
  // `{{timetable}}` on a line of its own: the steps at a glance, a node of the document (see template-view).
  env.registerHelper('timetable', (options: { data: { root: { agenda: { timetable: unknown } } } }) => options.data.root.agenda.timetable);
}

function unbox(value: unknown): unknown {
  return value instanceof String || value instanceof Number ? value.valueOf() : value;
}
