import { createRequire } from 'node:module';

let version: string | undefined;

/** dialogpack's own version, from its package.json; part of every build's input fingerprint. */
export function loadToolVersion(): string {
  version ??= (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  return version;
}
