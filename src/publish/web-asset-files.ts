import type { WebAssets } from '../load/load-web-assets.js';

/**
 * The files of the site's assets/ folder: the web edition's script and licences as built, and each
 * catalog font as `assets/fonts/<id>.js`, a script calling `dialogpackFont(id, base64)`. The page adds
 * a font's script when a document first needs that font; a script, because Chromium refuses fetch()
 * on a page opened from file://, which is how a coordinator opens a downloaded site.
 */
export function webAssetFiles(web: WebAssets): { path: string; bytes: Uint8Array }[] {
  const encoder = new TextEncoder();
  return [
    ...web.files,
    ...web.fonts.map((font) => ({
      path: `assets/fonts/${font.id}.js`,
      bytes: encoder.encode(`dialogpackFont(${JSON.stringify(font.id)},"${Buffer.from(font.bytes).toString('base64')}");\n`),
    })),
  ];
}
