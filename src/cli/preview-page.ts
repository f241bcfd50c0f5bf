/**
 * The page `dialogpack preview` serves, in Danish: the topic's PDFs drawn page by page with pdf.js, the
 * diagnostics in a list beside them, and a live region that says what the build is doing. It learns of
 * each build from `/events` (Server-Sent Events) and draws the new PDFs before it takes the old ones
 * away, so the page does not jump while an editor reads it.
 */
import type { ReportedDiagnostic } from '../diagnostics/diagnostic.js';
import { pdfKindNames } from '../publish/pdf-kind-names.js';

export interface PreviewPdf {
  url: string;
  /** Relative to the output folder. */
  path: string;
  kind: string;
  pages: number;
  sha256: string;
}

export interface PreviewTopic {
  dir: string;
  title?: string;
  pdfs: PreviewPdf[];
  /** In the user's language: the page shows them as they are. */
  diagnostics: ReportedDiagnostic[];
}

export interface PreviewState {
  version: number;
  building: boolean;
  topics: PreviewTopic[];
  /** Problems not tied to a topic (paths, templates, the output folder). */
  problems: ReportedDiagnostic[];
  internalError?: string;
}

export function previewPage(): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Forhåndsvisning – dialogpack</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #f4f4f4; }
  header { padding: 0.75rem 1.25rem; background: #fff; border-bottom: 1px solid #ccc; position: sticky; top: 0; z-index: 1; }
  h1 { font-size: 1.3rem; margin: 0 0 0.25rem; }
  #status { margin: 0; font-weight: 600; }
  #status[data-state="fejl"] { color: #a40000; }
  .layout { display: flex; gap: 1.25rem; padding: 1.25rem; align-items: flex-start; }
  main { flex: 1 1 auto; min-width: 0; }
  aside { flex: 0 0 24rem; max-width: 40%; background: #fff; border: 1px solid #ccc; padding: 0.75rem 1rem; position: sticky; top: 5rem; max-height: calc(100vh - 7rem); overflow: auto; }
  aside h2, main h2 { font-size: 1.1rem; }
  #diagnostics { padding-left: 1.1rem; }
  #diagnostics li { margin-bottom: 0.6rem; }
  .place { font-family: ui-monospace, monospace; font-weight: 600; display: block; overflow-wrap: anywhere; }
  .error .severity { color: #a40000; }
  .warning .severity { color: #7a4a00; }
  figure { margin: 0 0 1rem; }
  canvas { display: block; max-width: 100%; height: auto; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
  figcaption { font-size: 0.9rem; color: #444; margin-top: 0.25rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>
</head>
<body>
<header>
  <h1 id="title">Forhåndsvisning</h1>
  <p id="status" role="status" aria-live="polite">Bygger …</p>
</header>
<div class="layout">
  <main id="pdfs" aria-labelledby="title"></main>
  <aside aria-labelledby="diagnostics-heading">
    <h2 id="diagnostics-heading">Fejl og advarsler</h2>
    <ul id="diagnostics"></ul>
    <p id="no-diagnostics">Ingen fejl eller advarsler.</p>
  </aside>
</div>
<script type="module">
import * as pdfjs from '/pdfjs/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';

// The names out/index.html gives the same PDFs.
const kinds = ${JSON.stringify(pdfKindNames)};
const status = document.getElementById('status');
const main = document.getElementById('pdfs');
const list = document.getElementById('diagnostics');
const none = document.getElementById('no-diagnostics');
/** What is drawn now, by each PDF's address and hash, so an unchanged PDF is not drawn again. */
let drawn = '';
let latest = 0;

function say(text, kind) {
  status.textContent = text;
  status.dataset.state = kind || '';
}

function showDiagnostics(state) {
  const all = [...state.problems, ...state.topics.flatMap((t) => t.diagnostics)];
  list.replaceChildren(...all.map((d) => {
    const item = document.createElement('li');
    item.className = d.severity;
    const place = document.createElement('span');
    place.className = 'place';
    place.textContent = d.file + (d.line ? ', linje ' + d.line + (d.column ? ', kolonne ' + d.column : '') : '');
    const severity = document.createElement('span');
    severity.className = 'severity';
    severity.textContent = d.severity === 'error' ? 'Fejl: ' : 'Advarsel: ';
    item.append(place, severity, d.message + ' [' + d.rule + ']');
    if (d.hint) {
      const hint = document.createElement('div');
      hint.textContent = 'Sådan retter du det: ' + d.hint;
      item.append(hint);
    }
    return item;
  }));
  none.hidden = all.length > 0;
  return all.filter((d) => d.severity === 'error').length;
}

async function drawPdf(pdf, topic, version) {
  const section = document.createElement('section');
  const heading = document.createElement('h2');
  heading.textContent = (topic.title ? topic.title + ' – ' : '') + (kinds[pdf.kind] || pdf.kind);
  section.append(heading);
  const doc = await pdfjs.getDocument({ url: pdf.url + '?v=' + pdf.sha256, isEvalSupported: false }).promise;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      if (version !== latest) return undefined;
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1.5 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      // The drawing is for the eye; the page's text follows it for screen readers and searching.
      canvas.setAttribute('aria-hidden', 'true');
      await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
      const text = document.createElement('div');
      text.className = 'visually-hidden page-text';
      text.textContent = (await page.getTextContent()).items.map((item) => item.str).join(' ');
      const figure = document.createElement('figure');
      const caption = document.createElement('figcaption');
      caption.textContent = 'Side ' + n + ' af ' + doc.numPages;
      figure.append(canvas, text, caption);
      section.append(figure);
    }
  } finally {
    doc.destroy();
  }
  return section;
}

async function show(state) {
  latest = state.version;
  const version = state.version;
  const errors = showDiagnostics(state);
  const titles = state.topics.map((t) => t.title).filter(Boolean);
  document.getElementById('title').textContent = 'Forhåndsvisning' + (titles.length ? ': ' + titles.join(', ') : '');
  if (state.building) return say('Bygger …');
  if (state.internalError) return say('Intern fejl under byggeriet: ' + state.internalError, 'fejl');
  const wanted = state.topics.flatMap((t) => t.pdfs.map((p) => p.url + p.sha256)).join(' ');
  if (wanted !== drawn) {
    try {
      const sections = [];
      for (const topic of state.topics) for (const pdf of topic.pdfs) sections.push(await drawPdf(pdf, topic, version));
      if (version !== latest) return;
      main.replaceChildren(...sections);
      drawn = wanted;
    } catch (error) {
      if (version === latest) say('PDF’en kunne ikke vises: ' + error.message, 'fejl');
      return;
    }
  }
  if (!state.topics.some((t) => t.pdfs.length)) main.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Der er ingen PDF endnu: ret fejlene, og gem igen.' }));
  const time = new Date().toLocaleTimeString('da-DK');
  if (errors) say(errors === 1 ? 'Der er 1 fejl – se listen. (' + time + ')' : 'Der er ' + errors + ' fejl – se listen. (' + time + ')', 'fejl');
  else say('Opdateret ' + time);
}

const events = new EventSource('/events');
events.addEventListener('state', (event) => void show(JSON.parse(event.data)));
events.addEventListener('error', () => say('Forbindelsen til dialogpack er afbrudt. Kører dialogpack preview stadig?', 'fejl'));
</script>
</body>
</html>
`;
}
