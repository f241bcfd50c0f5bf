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
import { hyphenationException } from './hyphenation-exception.js';
import { locate } from './locate.js';
import type { SourcePlace } from './topic.js';
import { schemaKeys } from './schema-keys.js';
import { topicHints } from './topic-hints.js';
import { zodDiagnostics } from './zod-diagnostics.js';

export const configSchema = z.strictObject({
  /** A municipality's templates folder (theme.yaml, logo, templates). */
  templates: z.string().min(1).optional(),
  /** Where builds go. */
  out: z.string().min(1).optional(),
  /** Words the hyphenation patterns break wrongly, written with a hyphen where each may break. */
  hyphenation: z.strictObject({ exceptions: z.array(z.string()).optional() }).optional(),
});

export interface BuildDefaults {
  templates?: string;
  out?: string;
  hyphenationExceptions?: string[];
}

export function modelConfig(file: string, text: string): { defaults: BuildDefaults; diagnostics: Diagnostic[] } {
  const { yaml, diagnostics } = parseYaml(text, file, 0);
  if (!yaml.ok) return { defaults: {}, diagnostics };
  const input = yaml.data ?? {};
  const result = configSchema.safeParse(input);
  if (!result.success) {
    return { defaults: {}, diagnostics: [...diagnostics, ...zodDiagnostics(result.error.issues, yaml, input, (p) => schemaKeys(configSchema, p), topicHints)] };
  }
  // A relative path is joined to the file's folder as the user sees it (`print/…`, not a path from the
  // root); joining an absolute one would turn `/srv/print` into `srv/print` under the working folder.
  const dir = path.dirname(file);
  const resolve = (p?: string) => (p === undefined ? undefined : path.isAbsolute(p) ? p : path.join(dir, p));
  const exceptions = result.data.hyphenation?.exceptions;
  exceptions?.forEach((entry, i) => {
    if (!hyphenationException(entry)) diagnostics.push(badException(entry, locate(yaml, ['hyphenation', 'exceptions', i])));
  });
  return {
    defaults: { templates: resolve(result.data.templates), out: resolve(result.data.out), hyphenationExceptions: exceptions?.filter((e) => hyphenationException(e)) },
    diagnostics,
  };
}

/**
 * An exception that is not one word of letters with hyphens between its parts. It is an error, not
 * left out: an editor who adds a word expects it to take effect. The hint is the entry as it was
 * probably meant (spaces and other marks made hyphens).
 */
function badException(entry: string, place: SourcePlace): Diagnostic {
  const meant = entry
    .trim()
    .replace(/[^\p{L}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const shown = entry.length > 60 ? `${entry.slice(0, 60)}…` : entry;
  return {
    ...place,
    severity: 'error',
    rule: 'bad-hyphenation-exception',
    message: {
      da: `orddelingsundtagelsen "${shown}" skal være ét ord af bogstaver, med en bindestreg hvor ordet må deles`,
      en: `hyphenation exception "${shown}" must be one word of letters, with a hyphen where it may be broken`,
    },
    hint: meant
      ? { da: `skriv linjen sådan: \`- ${meant}\``, en: `write the line as \`- ${meant}\`` }
      : { da: 'skriv et ord med bindestreg, hvor det må deles, fx `- service-niveau`', en: 'write a word with a hyphen where it may break, e.g. `- service-niveau`' },
  };
}
