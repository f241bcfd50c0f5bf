/**
 * model (slug): a topic folder's name → the slug that names its output folder, its PDFs and its
 * place on the download page, or why it cannot be one.
 * Input: the folder's name. Output: the slug, or the problem with a suggested slug.
 * Never: accept a name that could be anything but a plain path segment and a plain relative URL:
 * out/<slug>/ is written to and linked from index.html, so a name is a slug or nothing.
 */

/** Lowercase a–z, digits and single hyphens, neither first nor last: as `dialogpack new` makes them. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Names a topic cannot take. The output folder holds manifest.json, index.html and dialogpack's own
 * hidden files beside the topic folders (no slug can be spelled like those, but the list says so
 * should a file of ours ever be named without a dot); Windows refuses a folder named after a device.
 */
export const reservedSlugs: ReadonlySet<string> = new Set([
  'manifest.json',
  'index.html',
  'con',
  'prn',
  'aux',
  'nul',
  ...Array.from({ length: 9 }, (_, i) => `com${i + 1}`),
  ...Array.from({ length: 9 }, (_, i) => `lpt${i + 1}`),
]);

export type SlugCheck = { slug: string } | { problem: 'not-kebab-case' | 'reserved'; suggestion?: string };

export function topicSlug(folderName: string): SlugCheck {
  if (!slugPattern.test(folderName)) {
    const suggestion = toKebabCase(folderName);
    return { problem: 'not-kebab-case', suggestion: suggestion && !reservedSlugs.has(suggestion) ? suggestion : undefined };
  }
  if (reservedSlugs.has(folderName)) return { problem: 'reserved', suggestion: `${folderName}-emne` };
  return { slug: folderName };
}

/** What the editor probably meant: Danish letters spelled out as Danes do in addresses, anything else a hyphen. */
export function toKebabCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
