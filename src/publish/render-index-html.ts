import type { Manifest } from './manifest.js';

const kindNames: Record<string, string> = {
  pack: 'Hele dialogmaterialet',
  facilitator: 'Facilitatorens ark',
  handout: 'Deltagerark',
  flipchart: 'Flipover-ark',
  cards: 'Casekort',
};

/**
 * The download page: plain, accessible HTML in Danish, one section per topic with a list of its PDFs.
 * Link texts say what the file is, that it is a PDF, and how many pages and bytes it has.
 */
export function renderIndexHtml(manifest: Manifest): string {
  const sections = manifest.topics
    .map((topic) => {
      const items = topic.pdfs
        .map((pdf) => {
          const name = kindNames[pdf.kind] ?? pdf.kind;
          const details = `PDF, ${pdf.pages} ${pdf.pages === 1 ? 'side' : 'sider'}, ${formatSize(pdf.bytes)}`;
          return `        <li><a href="${escapeAttribute(encodeURI(pdf.path))}" download>${escapeHtml(name)}</a> <span class="details">(${details})</span></li>`;
        })
        .join('\n');
      return `    <section aria-labelledby="${escapeAttribute(topic.slug)}">
      <h2 id="${escapeAttribute(topic.slug)}">${escapeHtml(topic.title)}</h2>
      <p>${topic.participants.min}–${topic.participants.max} deltagere, ca. ${topic.duration} minutter.</p>
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

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}
