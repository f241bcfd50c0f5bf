/**
 * The web edition's script (out/assets/dialogpack-web.js): the topic page's form `#tailor` builds the
 * tailored PDFs in the browser, with no server, from any static host or a page opened as a file.
 * The topic's files come in topic-data.js (window.dialogpackTopic), the fonts as one script each under
 * assets/fonts/ (window.dialogpackFont), because Chromium refuses fetch() on a file:// page but runs
 * scripts. Each PDF becomes a link to a Blob, named as the CLI names it (`<slug>-<kind>.pdf`).
 */
import type { OutputKind } from '../compose/compose-document.js';
import { inLanguage } from '../diagnostics/diagnostic.js';
import { pdfKindNames } from '../publish/pdf-kind-names.js';
import type { TopicData } from '../publish/topic-data-script.js';
import type { BrowserBuilder } from './build-in-browser.js';
import { decodeBase64 } from './decode-base64.js';

declare global {
  interface Window {
    dialogpackTopic?: TopicData;
    dialogpackFont?: (id: string, base64: string) => void;
  }
}

const kindOrder: OutputKind[] = ['pack', 'facilitator', 'handout', 'flipchart', 'cards'];
/** What the progress line calls each kind while it is built: "Bygger facilitatorens ark … (2 af 5)". */
const buildingName: Record<OutputKind, string> = {
  pack: 'hele dialogmaterialet',
  facilitator: 'facilitatorens ark',
  handout: 'deltagerarket',
  flipchart: 'flipoverarkene',
  cards: 'kortene',
};
const insteadText = 'Hent i stedet de færdige PDF’er længere oppe på siden: de er lavet til emnets egne tal for deltagere og starttid.';

// Read while the script runs: afterwards document.currentScript is gone. The fonts lie beside it.
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src ?? new URL('../assets/dialogpack-web.js', document.baseURI).href;

function start(): void {
  const form = document.getElementById('tailor') as HTMLFormElement | null;
  if (!form) return;
  const status = document.getElementById('tailor-status');
  const list = document.getElementById('tailor-downloads');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  if (!browserCan()) {
    say(`Din browser kan ikke lave PDF’erne her, fordi den er for gammel. ${insteadText} Eller åbn siden i en nyere browser, fx Edge, Chrome eller Firefox.`);
    form.querySelector('button[type="submit"]')?.setAttribute('disabled', '');
    return;
  }
  setTimeout(() => void loadStages().catch(() => undefined), 0);
  let builder: Promise<BrowserBuilder> | undefined;
  let links: string[] = [];
  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const data = window.dialogpackTopic;
    if (!data || data.format !== 1) {
      say(`Siden mangler emnets data (topic-data.js), så PDF’erne kan ikke laves her. ${insteadText}`);
      return;
    }
    const participants = Number((form.elements.namedItem('participants') as HTMLInputElement | null)?.value);
    const startTime = ((form.elements.namedItem('start') as HTMLInputElement | null)?.value ?? '').slice(0, 5);
    const chosen = [...form.querySelectorAll<HTMLInputElement>('input[name="kind"]:checked')].map((i) => i.value as OutputKind);
    const kinds = kindOrder.filter((k) => chosen.includes(k));
    if (!Number.isInteger(participants) || participants < 1) return say('Skriv antallet af deltagere som et helt tal, fx 12.');
    if (!/^\d\d:\d\d$/.test(startTime)) return say('Skriv starttiden som timer og minutter, fx 13:00.');
    if (!kinds.length) return say('Vælg mindst én udgave, der skal laves.');
    for (const url of links) URL.revokeObjectURL(url);
    links = [];
    if (list) list.textContent = '';
    busy = true;
    form.setAttribute('aria-busy', 'true');
    run(() => (builder ??= newBuilder(data)), { participants, start: startTime, kinds }, say, (name, label, bytes) => {
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
      links.push(url);
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.textContent = label;
      item.append(link);
      list?.append(item);
    }).finally(() => {
      busy = false;
      form.removeAttribute('aria-busy');
    });
  });
}

/**
 * The stages are imported once the browser has passed the check, not with the script: one that lacks
 * what they need at their start is told so instead of failing before the check runs. They are
 * imported as soon as the page is shown, not on the click, so that setting them up (about a second
 * here) is done while the reader fills in the form.
 */
let stages: Promise<typeof import('./build-in-browser.js')> | undefined;
function loadStages(): Promise<typeof import('./build-in-browser.js')> {
  return (stages ??= import('./build-in-browser.js'));
}

async function newBuilder(data: TopicData): Promise<BrowserBuilder> {
  const { BrowserBuilder } = await loadStages();
  return new BrowserBuilder(data, fontLoader());
}

async function run(
  builder: () => Promise<BrowserBuilder>,
  choice: { participants: number; start: string; kinds: OutputKind[] },
  say: (text: string) => void,
  offer: (name: string, label: string, bytes: Uint8Array) => void,
): Promise<void> {
  try {
    let made = 0;
    const problems: string[] = [];
    for (const [index, kind] of choice.kinds.entries()) {
      say(`Bygger ${buildingName[kind]} … (${index + 1} af ${choice.kinds.length})`);
      // Let the browser show the line before the build holds the page for a second or two.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const { output, diagnostics } = await (await builder()).build({ participants: choice.participants, start: choice.start, kind });
      if (!output) {
        // Why there is none: an error in the topic, or a kind it has nothing for (no cards).
        const why = diagnostics.filter((d) => d.severity === 'error' || d.rule === 'nothing-to-print');
        problems.push(`${pdfKindNames[kind]}: ${why.map((d) => inLanguage(d, 'da').message).join('; ') || 'blev ikke lavet'}`);
        continue;
      }
      const name = output.path.slice(output.path.lastIndexOf('/') + 1);
      offer(name, `${pdfKindNames[output.pdfKind] ?? name} (${name}, ${output.pages} ${output.pages === 1 ? 'side' : 'sider'})`, output.bytes);
      made++;
    }
    const done = made ? `Færdig: ${made} ${made === 1 ? 'PDF er klar' : 'PDF’er er klar'} til ${choice.participants} deltagere med start kl. ${choice.start}. Hent ${made === 1 ? 'den' : 'dem'} herunder.` : '';
    say([done, problems.length ? `Ikke lavet: ${problems.join(' · ')}` : ''].filter(Boolean).join(' '));
  } catch (error) {
    // The message for the reader; the whole error for whoever opens the browser's console.
    console.error(error);
    say(`Det lykkedes ikke at lave PDF’erne i browseren (${(error as Error)?.message ?? String(error)}). ${insteadText}`);
  }
}

/** Each font's script, loaded once, beside this script as fonts/<id>.js. */
function fontLoader(): (id: string) => Promise<Uint8Array> {
  const arrived = new Map<string, string>();
  window.dialogpackFont = (id, base64) => arrived.set(id, base64);
  return (id) =>
    new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL(`fonts/${id}.js`, scriptUrl).href;
      script.onload = () => {
        const base64 = arrived.get(id);
        arrived.delete(id);
        script.remove();
        if (base64 === undefined) reject(new Error(`skrifttypen ${id} kunne ikke hentes`));
        else resolve(decodeBase64(base64));
      };
      script.onerror = () => reject(new Error(`skrifttypen ${id} kunne ikke hentes`));
      document.head.append(script);
    });
}

function browserCan(): boolean {
  return typeof Blob === 'function' && typeof URL?.createObjectURL === 'function' && typeof TextEncoder === 'function' && typeof TextDecoder === 'function' && typeof atob === 'function' && typeof Promise === 'function';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
