import { topicSlug } from '../model/topic-slug.js';
import type { Manifest } from '../load/load-manifest.js';
import { downloadLink } from './download-link.js';


/**
 * The download page: plain, accessible HTML in Danish, one section per topic with a list of its PDFs.
 * Link texts say what the file is, that it is a PDF, and how many pages and bytes it has.
 *
 * The manifest may come from anywhere (a shard's folder, a hand edit): a topic whose slug fails the
 * slug check gets no section, and each link is made anew by `downloadLink` and escaped. A topic in
 * `pages` (`build --site`, `publish --site`) also gets a link to its own page, `<slug>/index.html`:
 * named in full, since a page opened from `file://` has no server to find a folder's index.
 */
export function renderIndexHtml(manifest: Manifest, options: { pages?: ReadonlySet<string> } = {}): string {
  const sections = manifest.topics
    .filter((topic) => 'slug' in topicSlug(topic.slug))
    .map((topic) => {
      const items = topic.pdfs
        .flatMap((pdf) => {
          const link = downloadLink(topic.slug, pdf);
          if (!link) return [];
          return [`        <li><a href="${escapeAttribute(link.href)}" download>${escapeHtml(link.name)}</a> <span class="details">(${escapeHtml(link.details)})</span></li>`];
        })
        .join('\n');
      const page = options.pages?.has(topic.slug)
        ? `\n      <p><a href="${escapeAttribute(`${encodeURIComponent(topic.slug)}/index.html`)}">Læs hele emnet på nettet, og lav jeres egen udgave<span class="visually-hidden">: ${escapeHtml(topic.title)}</span></a></p>`
        : '';
      return `    <section aria-labelledby="${escapeAttribute(topic.slug)}">
      <h2 id="${escapeAttribute(topic.slug)}">${escapeHtml(topic.title)}</h2>
      <p>${count(topic.participants.min)}–${count(topic.participants.max)} deltagere, ca. ${count(topic.duration)} minutter.</p>${page}
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
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
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

/** A count from the manifest as digits only, whatever the manifest holds. */
function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.round(value)) : 0;
}

function escapeHtml(text: string): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}
