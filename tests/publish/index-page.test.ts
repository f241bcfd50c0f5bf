import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';
import { launchChromium } from '../helpers/launch-chromium.js';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-index-'));
const out = path.join(tmp, 'out');
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  cpSync(path.join(repoRoot, 'content'), path.join(tmp, 'content'), { recursive: true });
  const run = runCli(['build', path.join(tmp, 'content'), '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  server = createServer((req, res) => {
    const file = path.join(out, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(out) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/pdf' }).end(readFileSync(file.endsWith('/') ? path.join(file, 'index.html') : file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('out/index.html', () => {
  it('is an accessible Danish page listing every topic and PDF, whose links all resolve', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${base}/index.html`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect(await page.title()).toBe('Dialogmateriale til udskrift');
    expect(await page.locator('main h1').count()).toBe(1);
    expect(await page.locator('main h2').allTextContents()).toEqual([
      'Hjælp med borgerens hardware og udstyr',
      'Fire kolleger, fire slags digital hjælp',
      'Private it-løsninger',
    ]);
    const links = await page.locator('main a').evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent ?? '', details: a.parentElement?.textContent ?? '' })));
    expect(links).toHaveLength(13);
    for (const link of links) {
      expect(link.text.trim().length).toBeGreaterThan(3);
      expect(link.details).toMatch(/\(PDF, \d+ sider?, \d+(,\d)? (kB|MB)\)/);
      const fetched = await page.request.get(link.href);
      expect(fetched.status(), link.href).toBe(200);
      expect((await fetched.body()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    // The accessibility tree names each section by its heading.
    const regions = await page.getByRole('region').count();
    expect(regions).toBe(3);
    await page.close();
  });

  it('lists the sizes and page counts the manifest records', () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    for (const topic of manifest.topics) for (const pdf of topic.pdfs) expect(html).toContain(`href="${encodeURI(pdf.path)}"`);
  });
});
