/**
 * model (config): dialogpack.yaml → defaults for the build options. A relative path in it is relative
 * to the file's folder; an absolute one (`out: /srv/print`) stays as it is. Input: its path (relative
 * to the working folder) and its text. Output: the defaults and diagnostics placed in the file.
 * Never: override what a user typed on the command line (the CLI gives flags precedence).
 */
import path from 'node:path';
import * as z from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseYaml } from '../parse/parse-yaml.js';
import { schemaKeys } from './schema-keys.js';
import { zodDiagnostics } from './zod-diagnostics.js';

export const configSchema = z.strictObject({
  /** A municipality's templates folder (theme.yaml, logo, templates). */
  templates: z.string().min(1).optional(),
  /** Where builds go. */
  out: z.string().min(1).optional(),
});

export interface BuildDefaults {
  templates?: string;
  out?: string;
}

export function modelConfig(file: string, text: string): { defaults: BuildDefaults; diagnostics: Diagnostic[] } {
  const { yaml, diagnostics } = parseYaml(text, file, 0);
  if (!yaml.ok) return { defaults: {}, diagnostics };
  const input = yaml.data ?? {};
  const result = configSchema.safeParse(input);
  if (!result.success) {
    return { defaults: {}, diagnostics: [...diagnostics, ...zodDiagnostics(result.error.issues, yaml, input, (p) => schemaKeys(configSchema, p))] };
  }
  // A relative path is joined to the file's folder as the user sees it (`print/…`, not a path from the
  // root); joining an absolute one would turn `/srv/print` into `srv/print` under the working folder.
  const dir = path.dirname(file);
  const resolve = (p?: string) => (p === undefined ? undefined : path.isAbsolute(p) ? p : path.join(dir, p));
  return { defaults: { templates: resolve(result.data.templates), out: resolve(result.data.out) }, diagnostics };
}
