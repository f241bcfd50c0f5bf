/**
 * load, for a host without a disk: a template set handed in as texts and bytes → the TemplateSource
 * loadTemplates makes from the templates folders. The web edition's page gets the set the site was
 * built with (built-in with a municipality's over it, already merged and within their limits).
 * Never: touch a file system.
 */
import type { TemplateFile, TemplateSource } from './load-templates.js';

export interface InMemoryTemplateFile {
  path: string;
  /** Text files (.hbs, .yaml, .svg) as text, the rest (logos, typefaces) as bytes, as loadTemplates keeps them. */
  text?: string;
  bytes?: Uint8Array;
}

export function loadInMemoryTemplates(entries: readonly InMemoryTemplateFile[], displayDir = 'templates'): TemplateSource {
  const files = new Map<string, TemplateFile>();
  for (const { path, text, bytes } of entries) files.set(path, { path, displayPath: `${displayDir}/${path}`, ...(text !== undefined ? { text } : { bytes }) });
  return { files };
}
