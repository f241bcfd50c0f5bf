import type Handlebars from 'handlebars';
import { fill } from './labels.js';

/** The one place template helpers are registered. Helpers only format; the view has done the work. */
export function registerTemplateHelpers(env: typeof Handlebars): void {
  env.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  env.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('fill', (template: string, options: { hash: Record<string, string | number> }) => fill(template, options.hash));
}
