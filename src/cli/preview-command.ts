/**
 * `dialogpack preview [topic]`: `dialogpack watch` with a web page on 127.0.0.1 that shows the topic's
 * PDFs page by page (pdf.js, rendered to canvas) and its diagnostics beside their file and line. Every
 * build is pushed to the page with Server-Sent Events; the page then loads the new PDFs. The server
 * answers only this computer and only for its own address (a page elsewhere cannot reach it by a
 * name that points here), and serves only the page, the pdf.js files and the PDFs the manifest lists
 * for the topics being previewed: a request never names a file on disk.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inLanguage, type Diagnostic, type Language, type ReportedDiagnostic } from '../diagnostics/diagnostic.js';
import { loadManifest } from '../load/load-manifest.js';
import { loadPreviewFile, pdfjsFiles, type PdfjsFile } from '../load/load-preview-file.js';
import type { BuildOptions } from '../pipeline/build-options.js';
import type { RunOptions } from '../pipeline/run-build.js';
import { exitCodes } from './exit-codes.js';
import { printReport, type CliIo, type GlobalFlags } from './print-report.js';
import { previewPage, type PreviewState, type PreviewTopic } from './preview-page.js';
import { terminalText } from './terminal-text.js';
import { runWatchCommand } from './watch-command.js';

export async function runPreviewCommand(
  options: BuildOptions,
  raw: { poll?: boolean; port?: string },
  flags: GlobalFlags,
  io: CliIo,
  signals: NodeJS.EventEmitter,
  runOptions: Pick<RunOptions, 'lockOwner' | 'outLabel'> = {},
): Promise<number> {
  const port = raw.port === undefined ? 0 : Number(raw.port);
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535) || (raw.port !== undefined && !/^\d+$/.test(raw.port))) {
    const message = { da: `--port skal være et helt tal fra 1 til 65535, ikke "${raw.port}"`, en: `--port must be a whole number from 1 to 65535, not "${raw.port}"` };
    printReport([{ file: '--port', severity: 'error', rule: 'bad-option', message }], 0, flags, io);
    return exitCodes.usage;
  }

  const language = flags.language ?? 'da';
  const state: PreviewState = { version: 0, building: true, topics: [], problems: [] };
  /** Each topic folder's latest state: a build of some topics leaves the others as they were. */
  const topics = new Map<string, PreviewTopic>();
  /** The address of each PDF served, to its path in the output folder: the only PDFs there are. */
  let served = new Map<string, string>();
  const clients = new Set<ServerResponse>();
  const push = () => {
    state.version++;
    state.topics = [...topics.values()];
    served = new Map(state.topics.flatMap((t) => t.pdfs.map((p) => [p.url, p.path] as const)));
    const message = `event: state\ndata: ${JSON.stringify(state)}\n\n`;
    for (const client of clients) client.write(message);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse, origin: string) => {
    // A page on another site could reach this server through a name it points at 127.0.0.1; the Host it sends is then its own.
    if (request.headers.host !== origin) return answer(response, 421, 'text/plain; charset=utf-8', 'Forkert adresse');
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(response, 405, 'text/plain; charset=utf-8', 'Kun GET');
    const url = (request.url ?? '/').split('?')[0]!;
    if (url === '/') return answer(response, 200, 'text/html; charset=utf-8', previewPage());
    if (url === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(`retry: 500\nevent: state\ndata: ${JSON.stringify(state)}\n\n`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    const pdfjs = /^\/pdfjs\/([a-z.]+)$/.exec(url)?.[1];
    if (pdfjs && (pdfjsFiles as readonly string[]).includes(pdfjs)) {
      const bytes = await loadPreviewFile({ pdfjs: pdfjs as PdfjsFile });
      return bytes ? answer(response, 200, 'text/javascript; charset=utf-8', bytes) : answer(response, 404, 'text/plain; charset=utf-8', 'pdf.js mangler');
    }
    const pdf = served.get(url);
    if (pdf !== undefined) {
      const bytes = await loadPreviewFile({ outDir: options.outDir, pdf });
      if (bytes) return answer(response, 200, 'application/pdf', bytes);
    }
    return answer(response, 404, 'text/plain; charset=utf-8', 'Findes ikke');
  };

  const server = createServer((request, response) => {
    handle(request, response, `127.0.0.1:${(server.address() as AddressInfo).port}`).catch(() => answer(response, 500, 'text/plain; charset=utf-8', 'Intern fejl'));
  });
  const listening = await new Promise<Error | undefined>((resolve) => {
    server.once('error', resolve);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  if (listening) {
    const busy = (listening as NodeJS.ErrnoException).code === 'EADDRINUSE';
    const problem: Diagnostic = {
      file: '--port',
      severity: 'error',
      rule: busy ? 'bad-option' : 'io-error',
      message: { da: `kan ikke vise forhåndsvisningen på 127.0.0.1:${port}: ${listening.message}`, en: `cannot serve the preview on 127.0.0.1:${port}: ${listening.message}` },
      hint: busy ? { da: 'et andet program bruger porten: udelad --port, så tager dialogpack en ledig', en: 'another program uses the port: leave out --port to take a free one' } : undefined,
    };
    printReport([problem], 0, flags, io);
    return busy ? exitCodes.usage : exitCodes.internal;
  }
  const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  io.stderr.write(
    language === 'en' ? `preview: open ${address} in a browser (this computer only)\n` : `forhåndsvisning: åbn ${address} i en browser (kun på denne computer)\n`,
  );

  try {
    return await runWatchCommand(options, flags, io, signals, runOptions, {
      poll: raw.poll,
      onBuilding: () => {
        state.building = true;
        push();
      },
      onBuilt: async (result, error) => {
        state.building = false;
        state.internalError = error ? terminalText(error.message) : undefined;
        if (result) {
          const manifest = (await loadManifest(options.outDir)).manifest;
          state.problems = result.diagnostics.map((d) => shown(d, language));
          for (const topic of result.topics) {
            const listed = manifest?.topics.find((t) => t.slug === topic.slug);
            const before = topics.get(topic.dir);
            // A topic with errors is not written: the page keeps its last PDFs, beside the errors.
            const pdfs = listed ? listed.pdfs.map((p) => ({ url: encodeURI(`/pdf/${p.path}`), path: p.path, kind: p.kind, pages: p.pages, sha256: p.sha256 })) : (before?.pdfs ?? []);
            topics.set(topic.dir, { dir: topic.dir, title: listed?.title ?? topic.topic?.title ?? before?.title, pdfs, diagnostics: topic.diagnostics.map((d) => shown(d, language)) });
          }
        }
        push();
      },
    });
  } finally {
    for (const client of clients) client.end();
    server.closeAllConnections();
    server.close();
  }
}

function answer(response: ServerResponse, status: number, type: string, body: string | Buffer) {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(body);
}

/** A diagnostic as the page shows it: in the user's language, and only its own fields, whatever a stage attached. */
function shown(d: Diagnostic, language: Language): ReportedDiagnostic {
  const { message, hint } = inLanguage(d, language);
  return { file: d.file, line: d.line, column: d.column, severity: d.severity, rule: d.rule, message, hint };
}
