/**
 * A picture's bytes as a `data:` URL, so a page carries its pictures inside it and reads the same from
 * any static host or from `file://`, with no file beside it to copy, track or leave behind. Without
 * Node's Buffer, so the same code serves a browser.
 */
export function imageDataUrl(format: 'png' | 'jpeg' | 'svg', bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/${format === 'svg' ? 'svg+xml' : format};base64,${btoa(binary)}`;
}
