import type { ManifestPdf } from '../load/load-manifest.js';
import { pdfKindNames } from './pdf-kind-names.js';

/** A PDF as a page offers it: where to fetch it, what it is, and "PDF, 12 sider, 340 kB". */
export interface DownloadLink {
  href: string;
  name: string;
  details: string;
}

/**
 * The link to one PDF a build wrote, the same on the download page and on a topic's own page. The
 * manifest may come from anywhere (a shard's folder, a hand edit), so no link is taken from it as it
 * stands: each is made anew as `<slug>/<slug>-<kind>.pdf` from a kind dialogpack makes, and a PDF that
 * is not where a build puts it gets no link; a link can then only ever be a relative URL of a file in
 * the output folder, never `javascript:` or another site. `fromTopicFolder` gives the link as seen
 * from the topic's own folder (its page), else from the output folder (index.html).
 */
export function downloadLink(slug: string, pdf: ManifestPdf, fromTopicFolder = false): DownloadLink | undefined {
  if (!Object.hasOwn(pdfKindNames, pdf.kind)) return undefined;
  const file = `${slug}-${pdf.kind}.pdf`;
  if (pdf.path !== `${slug}/${file}`) return undefined;
  const href = fromTopicFolder ? encodeURIComponent(file) : `${encodeURIComponent(slug)}/${encodeURIComponent(file)}`;
  const pages = count(pdf.pages);
  return { href, name: pdfKindNames[pdf.kind], details: `PDF, ${pages} ${pages === 1 ? 'side' : 'sider'}, ${formatSize(count(pdf.bytes))}` };
}

/** A count from the manifest as digits only, whatever the manifest holds. */
function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.round(value)) : 0;
}

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}
