/**
 * The web edition's form (issue #21): a topic page `build --site` wrote, opened as a file and from a
 * static server, builds the tailored PDFs in Debian's Chromium with the bundled stages (dist/web,
 * `node scripts/bundle-web.mjs`), and each download is compared with what `dialogpack build <topic> --participants 14 --start 13:00
 * --kind K` writes: content/hardware for its four kinds, content/personas for all five (it has cards),
 * and the pictures fixture (PNG, JPEG and SVG in the pack and on cards) for 10, the most it allows, and
 * once more with its PNG given an alpha channel, whose planes PDFKit splits and deflates on a path of
 * their own. The CLI runs as a user runs it: both hosts deflate with render's pdfDeflate
 * (src/render/pdf-deflate.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputKind } from '../../src/compose/compose-document.js';
import { repoRoot } from '../helpers/build-fixture.js';
import { launchChromium } from '../helpers/launch-chromium.js';
import { pdfStreams } from './pdf-streams.js';

const kinds: OutputKind[] = ['pack', 'facilitator', 'handout', 'flipchart', 'cards'];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-web-'));
const alpha = path.join(tmp, 'topics/alpha');
const topics: Record<string, { dir: string; kinds: OutputKind[]; participants: string }> = {
  hardware: { dir: path.join(repoRoot, 'content/hardware'), kinds: ['pack', 'facilitator', 'handout', 'flipchart'], participants: '14' },
  personas: { dir: path.join(repoRoot, 'content/personas'), kinds, participants: '14' },
  images: { dir: path.join(repoRoot, 'tests/fixtures/images'), kinds: ['pack', 'cards'], participants: '10' },
  alpha: { dir: alpha, kinds: ['pack', 'cards'], participants: '10' },
};
const site = path.join(tmp, 'site');
let server: Server;
let browser: Browser;
let base: string;
let runCli: ReturnType<typeof snapshotPackage>;
/** Per PDF's file name: the CLI's PDF. */
const cli = new Map<string, Uint8Array>();

/**
 * The built CLI and web bundle, copied with the package's other files linked beside them, so that a
 * rebuild of dist/ while the test runs (another checkout's `npm run build`) cannot pull it away.
 */
function snapshotPackage(): (args: string[], env?: NodeJS.ProcessEnv) => { code: number | null; stderr: string } {
  const pkg = path.join(tmp, 'package');
  for (const dir of ['dist/cli', 'dist/fonts', 'dist/web', 'bin']) cpSync(path.join(repoRoot, dir), path.join(pkg, dir), { recursive: true });
  for (const name of ['package.json', 'templates', 'schema', 'node_modules']) symlinkSync(path.join(repoRoot, name), path.join(pkg, name));
  return (args, env = {}) => {
    // The date the PDFs state comes from the topic unless a test sets SOURCE_DATE_EPOCH itself.
    const { SOURCE_DATE_EPOCH: _, ...rest } = process.env;
    const run = spawnSync(process.execPath, [path.join(pkg, 'bin/dialogpack.js'), ...args], { env: { ...rest, ...env }, encoding: 'utf8', timeout: 120_000 });
    return { code: run.status, stderr: run.stderr };
  };
}

/** A picture with an alpha channel, the size of the fixture's: a blue disc on transparency with a soft edge. */
function discWithAlpha(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const r = Math.hypot(x - width / 2, y - height / 2) / (height / 2);
      png.data.set([20 + (x % 7), 90 + (y % 5), 200, Math.max(0, Math.min(255, Math.round((1.1 - r) * 600)))], (y * width + x) * 4);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

beforeAll(async () => {
  runCli = snapshotPackage();
  cpSync(path.join(repoRoot, 'tests/fixtures/images'), alpha, { recursive: true });
  writeFileSync(path.join(alpha, 'billeder/skaerm.png'), discWithAlpha(480, 300));
  // The site as `build --site` writes it: each topic's page with its form and topic-data.js, and assets/.
  const built = runCli(['build', ...Object.values(topics).map((t) => t.dir), '--out', site, '--site']);
  expect(built.code, built.stderr).toBe(0);
  for (const [slug, topic] of Object.entries(topics)) {
    for (const kind of topic.kinds) {
      const args = ['build', topic.dir, '--participants', topic.participants, '--start', '13:00', '--kind', kind];
      const run = runCli([...args, '--out', path.join(tmp, 'cli')]);
      expect(run.code, run.stderr).toBe(0);
      cli.set(`${slug}-${kind}.pdf`, readFileSync(path.join(tmp, 'cli', slug, `${slug}-${kind}.pdf`)));
    }
  }

  server = createServer((req, res) => {
    // Chromium asks every server for one; a 404 would be logged as a console error on the page.
    if (req.url === '/favicon.ico') return res.writeHead(204).end();
    const file = path.join(site, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(site) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Opens the page, asks for the kinds for that many participants at 13:00, and downloads each PDF through its link. */
async function tailor(url: string, built: OutputKind[], participants: string): Promise<{ files: Map<string, Buffer>; status: string; ms: number; errors: string[]; loaded: Map<string, number> }> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  // Every file of the site the page asked for, with its size: what a coordinator's browser loads.
  const loaded = new Map<string, number>();
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    const file = pathname.startsWith(site) ? pathname : path.join(site, pathname);
    if (existsSync(file)) loaded.set(path.relative(site, file), readFileSync(file).byteLength);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.fill('#participants', participants);
  await page.fill('#start', '13:00');
  // The page ticks every kind; the test asks for those it compares.
  for (const kind of kinds) if (await page.locator(`#kind-${kind}`).count()) await page.setChecked(`#kind-${kind}`, built.includes(kind));
  const started = Date.now();
  await page.click('button[type="submit"]');
  await page.waitForFunction(() => /^Færdig|^Ikke lavet|Det lykkedes ikke/.test(document.getElementById('tailor-status')?.textContent ?? ''), undefined, { timeout: 180_000 });
  const ms = Date.now() - started;
  const status = (await page.textContent('#tailor-status')) ?? '';
  const files = new Map<string, Buffer>();
  for (const link of await page.locator('#tailor-downloads a').all()) {
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    files.set(download.suggestedFilename(), readFileSync((await download.path())!));
  }
  await context.close();
  return { files, status, ms, errors, loaded };
}

describe.each(
  Object.entries(topics).flatMap(([slug, { kinds: built, participants }]) => [
    { slug, built, participants, host: 'file://', url: () => pathToFileURL(path.join(site, slug, 'index.html')).href },
    { slug, built, participants, host: 'http://', url: () => `${base}/${slug}/index.html` },
  ]),
)('$slug opened from $host', ({ slug, built, participants, host, url }) => {
  let result: Awaited<ReturnType<typeof tailor>>;
  beforeAll(async () => {
    result = await tailor(url(), built, participants);
    const fonts = [...result.loaded].filter(([f]) => f.startsWith('assets/fonts/'));
    const sum = (entries: [string, number][]) => entries.reduce((total, [, size]) => total + size, 0);
    console.log(`${slug} from ${host}: click to last PDF ${result.ms} ms; loaded ${sum([...result.loaded])} bytes: ${[...result.loaded].filter(([f]) => !f.startsWith('assets/fonts/')).map(([f, n]) => `${f} ${n}`).join(', ')}, ${fonts.length} fonts ${sum(fonts)} (${fonts.map(([f]) => path.basename(f, '.js')).join(' ')})`);
  }, 240_000);

  it("builds every kind asked for in the browser and offers each under the CLI's file name", () => {
    expect(result.errors).toEqual([]);
    expect(result.status).toMatch(new RegExp(`^Færdig: ${built.length} PDF’er er klar til ${participants} deltagere med start kl\\. 13:00`));
    expect([...result.files.keys()]).toEqual(built.map((k) => `${slug}-${k}.pdf`));
  });

  it.each(built)("%s: the same bytes as the CLI's", (kind) => {
    const name = `${slug}-${kind}.pdf`;
    expect(Buffer.compare(result.files.get(name)!, Buffer.from(cli.get(name)!))).toBe(0);
  });

  // Should the bytes ever differ, this tells whether only a deflate does: the same document, inflated.
  it.each(built)("%s: the same document as the CLI's, its streams inflated", (kind) => {
    const name = `${slug}-${kind}.pdf`;
    const browserPdf = pdfStreams(result.files.get(name)!);
    const cliPdf = pdfStreams(cli.get(name)!);
    expect(browserPdf.streams.length).toBeGreaterThan(5);
    expect(browserPdf.streams).toEqual(cliPdf.streams);
    expect(browserPdf.rest).toBe(cliPdf.rest);
  });
});

describe('when the page cannot build', () => {
  /** Clicks the form's button on a page opened as a file and returns what the status line then says. */
  async function statusAfterClick(file: string): Promise<{ status: string; links: number }> {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.click('button[type="submit"]');
    await page.waitForFunction(() => (document.getElementById('tailor-status')?.textContent ?? '').length > 0 && !/^Bygger/.test(document.getElementById('tailor-status')!.textContent!), undefined, { timeout: 120_000 });
    const result = { status: (await page.textContent('#tailor-status')) ?? '', links: await page.locator('#tailor-downloads a').count() };
    await page.close();
    return result;
  }

  it('says in Danish, before any click, that a browser without TextDecoder is too old, and offers no button', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      delete (window as { TextDecoder?: unknown }).TextDecoder;
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(path.join(site, 'hardware/index.html')).href);
    await page.waitForFunction(() => (document.getElementById('tailor-status')?.textContent ?? '').length > 0);
    expect(await page.textContent('#tailor-status')).toMatch(/^Din browser kan ikke lave PDF’erne her, fordi den er for gammel\. Hent i stedet de færdige PDF’er/);
    expect(await page.locator('#tailor button[type="submit"]').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says in Danish that the topic data is missing, and points to the ready-made PDFs', async () => {
    const broken = path.join(tmp, 'no-data');
    cpSync(path.join(site, 'assets'), path.join(broken, 'assets'), { recursive: true });
    cpSync(path.join(site, 'hardware/index.html'), path.join(broken, 'hardware/index.html'));
    const { status, links } = await statusAfterClick(path.join(broken, 'hardware/index.html'));
    expect(status).toMatch(/^Siden mangler emnets data \(topic-data\.js\), så PDF’erne kan ikke laves her\. Hent i stedet de færdige PDF’er/);
    expect(links).toBe(0);
  });

  it('says in Danish that it could not, and why, when a font cannot be loaded', async () => {
    const broken = path.join(tmp, 'no-fonts');
    cpSync(path.join(site, 'assets/dialogpack-web.js'), path.join(broken, 'assets/dialogpack-web.js'));
    cpSync(path.join(site, 'hardware'), path.join(broken, 'hardware'), { recursive: true });
    const { status, links } = await statusAfterClick(path.join(broken, 'hardware/index.html'));
    expect(status).toMatch(/^Det lykkedes ikke at lave PDF’erne i browseren \(skrifttypen atkinson-hyperlegible-[\w-]+ kunne ikke hentes\)\. Hent i stedet de færdige PDF’er/);
    expect(links).toBe(0);
  });
});

describe('a site built with SOURCE_DATE_EPOCH', () => {
  it("gives the browser's PDFs the CLI's date: the same bytes as the CLI's with that date", async () => {
    const dated = path.join(tmp, 'dated');
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const built = runCli(['build', topics.personas.dir, '--out', dated, '--site'], env);
    expect(built.code, built.stderr).toBe(0);
    expect(readFileSync(path.join(dated, 'personas/topic-data.js'), 'utf8')).toContain('"sourceDate":"2023-11-14T22:13:20.000Z"');
    const cliRun = runCli(['build', topics.personas.dir, '--out', path.join(tmp, 'dated-cli'), '--participants', '14', '--start', '13:00', '--kind', 'cards'], env);
    expect(cliRun.code, cliRun.stderr).toBe(0);
    const expected = readFileSync(path.join(tmp, 'dated-cli/personas/personas-cards.pdf'));
    expect(expected.toString('latin1')).toContain('<xmp:CreateDate>2023-11-14T22:13:20Z');
    const result = await tailor(pathToFileURL(path.join(dated, 'personas/index.html')).href, ['cards'], '14');
    expect(result.errors).toEqual([]);
    expect(Buffer.compare(result.files.get('personas-cards.pdf')!, expected)).toBe(0);
  }, 240_000);
});
