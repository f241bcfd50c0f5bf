/**
 * The built-in templates, compiled when the package is built: scripts/bundle.mjs replaces this module
 * in the bundle with the output of precompileTemplates (precompile-templates.ts), so the compiled
 * functions are ordinary code in the bundle, and in its V8 code cache. Handlebars' own parse and
 * compile of the eight templates took 45–90 ms of every cold process and of every build worker
 * (docs/performance.md).
 *
 * Keyed by templateKey, as compose's cache of compiled templates is; a text that is not here (a
 * municipality's own templates, or the sources run as they are, in the tests) is compiled at first use.
 */
import type Handlebars from 'handlebars';

export const precompiledTemplates: ReadonlyMap<string, Parameters<typeof Handlebars.template>[0]> = new Map();
