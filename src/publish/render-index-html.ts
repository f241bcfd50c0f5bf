import { topicSlug } from '../model/topic-slug.js';
import type { Manifest, ManifestPdf, ManifestTopic } from '../load/load-manifest.js';
import { pdfKindNames } from './pdf-kind-names.js';


/**
 * The download page: plain, accessible HTML in Danish, one section per topic with a list of its PDFs.
 * Link texts say what the file is, that it is a PDF, and how many pages and bytes it has.
 *
 * The manifest may come from anywhere (a shard's folder, a hand edit), so no link is taken from it as
 * it stands: each is made anew as `<slug>/<slug>-<kind>.pdf` from a slug that passes the slug check and
 * a kind dialogpack makes, and escaped for its attribute. A topic whose slug fails the check, or a PDF
 * that is not where a build puts it, gets no link; a link can then only ever be a relative URL of a
 * file in the output folder, never `javascript:` or another site.
 */
export function renderIndexHtml(manifest: Manifest): string {
  const sections = manifest.topics
    .filter((topic) => 'slug' in topicSlug(topic.slug))
    .map((topic) => {
      const items = topic.pdfs
        .flatMap((pdf) => {
          const href = linkOf(topic, pdf);
          if (href === undefined) return [];
          const name = pdfKindNames[pdf.kind];
          const details = `PDF, ${count(pdf.pages)} ${pdf.pages === 1 ? 'side' : 'sider'}, ${formatSize(count(pdf.bytes))}`;
          return [`        <li><a href="${escapeAttribute(href)}" download>${escapeHtml(name)}</a> <span class="details">(${details})</span></li>`];
        })
        .join('\n');
      return `    <section aria-labelledby="${escapeAttribute(topic.slug)}">
      <h2 id="${escapeAttribute(topic.slug)}">${escapeHtml(topic.title)}</h2>
      <p>${count(topic.participants.min)}–${count(topic.participants.max)} deltagere, ca. ${count(topic.duration)} minutter.</p>
      <ul>
${items}
      </ul>
    </section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="da">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Dialogmateriale til udskrift</title>
  <style>
    body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0 auto; max-width: 46rem; padding: 1.5rem; color: #1b1b1b; background: #fff; }
    h1 { color: #0b5563; }
    h2 { color: #0b5563; border-bottom: 1px solid #6b8c91; padding-bottom: .2rem; margin-top: 2rem; }
    a { color: #0a4a8a; }
    a:focus { outline: 3px solid #0b5563; outline-offset: 2px; }
    .details { color: #4d4d4d; }
  </style>
</head>
<body>
  <main>
    <h1>Dialogmateriale til udskrift</h1>
    <p>Her kan du hente hvert emnes materiale som PDF, klar til at printe. Filerne er tilgængelige (PDF/UA) og kan læses med skærmlæser.</p>
${sections || '    <p>Der er endnu ingen emner.</p>'}
  </main>
</body>
</html>
`;
}

/** The relative URL of a PDF a build wrote, or undefined for one that is not where a build puts it. */
function linkOf(topic: ManifestTopic, pdf: ManifestPdf): string | undefined {
  if (!Object.hasOwn(pdfKindNames, pdf.kind)) return undefined;
  const file = `${topic.slug}-${pdf.kind}.pdf`;
  if (pdf.path !== `${topic.slug}/${file}`) return undefined;
  return `${encodeURIComponent(topic.slug)}/${encodeURIComponent(file)}`;
}

/** A count from the manifest as digits only, whatever the manifest holds. */
function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.round(value)) : 0;
}

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

function escapeHtml(text: string): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}
