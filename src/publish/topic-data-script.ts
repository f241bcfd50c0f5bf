/**
 * The web edition's topic-data.js: everything a topic page's form needs to build the topic's PDFs in
 * the browser with the same stages (src/web), as one script that sets a global. A script, not JSON
 * fetched: Chromium refuses fetch() from a page opened as a file (file://), but runs its scripts.
 * Input: the loaded topic (the files its build read), the template set and the build's options that
 * shape the bytes. Output: the script's text. Never: read or write files.
 */
import type { TopicSource } from '../load/load-topic.js';
import type { TemplateSource } from '../load/load-templates.js';

/** What topic-data.js sets as `window.dialogpackTopic`; binary files are base64. */
export interface TopicData {
  format: 1;
  slug: string;
  displayDir: string;
  listing: string[];
  /** The files the topic's build read (text as text), by path relative to the topic's folder. */
  files: Record<string, { text: string } | { base64: string }>;
  templates: ({ path: string; text: string } | { path: string; base64: string })[];
  /** The site build's options that decide a PDF's bytes besides the form's three. */
  options: TopicDataOptions;
}

export interface TopicDataOptions {
  /** SOURCE_DATE_EPOCH as an ISO date, when the site was built with one; else the topic's date rules. */
  sourceDate?: string;
  hyphenationExceptions?: string[];
  pdfa?: boolean;
  paper?: string;
  poster?: string;
  sheets?: number[];
  strict?: boolean;
}

export function topicDataScript(source: Pick<TopicSource, 'slug' | 'listing' | 'files'>, templates: TemplateSource, options: TopicDataOptions): string {
  const files: TopicData['files'] = {};
  for (const [rel, file] of source.files) {
    if (file.kind === 'text') files[rel] = { text: file.text };
    else if (file.kind === 'binary') files[rel] = { base64: base64(file.bytes) };
  }
  const data: TopicData = {
    format: 1,
    slug: source.slug,
    // Messages in the browser name the topic's files from its short name: the folder the site was
    // built from (a CI runner's or an editor's own path) is nobody's business on a public page.
    displayDir: source.slug,
    listing: [...source.listing],
    files,
    templates: [...templates.files.values()].map((f) => (f.text !== undefined ? { path: f.path, text: f.text } : { path: f.path, base64: base64(f.bytes ?? new Uint8Array()) })),
    options: Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as TopicDataOptions,
  };
  // `</script` and U+2028/9 are escaped, so the data reads the same wherever the text is put.
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `// Made by dialogpack for the web edition's form (issue #21): the topic's files, templates and build options.\nwindow.dialogpackTopic = ${json};\n`;
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without Buffer or btoa, so publish stays the same function on either host. */
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63] + (i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? alphabet[n & 63] : '=');
  }
  return out;
}
