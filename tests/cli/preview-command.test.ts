import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';

// Debian's Chromium, installed by .ci/run; playwright-core never downloads a browser of its own.
const chromiumPath = '/usr/bin/chromium';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-preview-'));
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** `dialogpack preview` as a process, and the address it prints. */
async function preview(cwd: string, args: string[]): Promise<{ child: ChildProcess; base: string; stderr: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), 'preview', ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address within 20 s; stderr:\n${stderr}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = /open (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.on('exit', () => reject(new Error(`exited; stderr:\n${stderr}`)));
  });
  return { child, base, stderr: () => stderr, exited };
}

/** A raw GET, so that `../` reaches the server as written (fetch and browsers would resolve it first). */
function get(base: string, pathAsWritten: string, host?: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: pathAsWritten, headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Editors save by writing a temporary file and renaming it over the original. */
function safeSave(file: string, text: string) {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, file);
}

describe('dialogpack preview', () => {
  it('shows the PDF in the browser and follows saves, errors and their fixes', async () => {
    const cwd = path.join(tmp, 'browser');
    cpSync(path.join(repoRoot, 'content/hardware'), path.join(cwd, 'content/hardware'), { recursive: true });
    const topicFile = path.join(cwd, 'content/hardware/topic.yaml');
    const original = readFileSync(topicFile, 'utf8');
    const run = await preview(cwd, ['content/hardware', '--kind', 'handout']);
    try {
      const page = await browser.newPage();
      await page.goto(`${run.base}/`);
      expect(await page.getAttribute('html', 'lang')).toBe('da');
      expect(await page.locator('#status').getAttribute('aria-live')).toBe('polite');
      await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Opdateret'), undefined, { timeout: 30_000 });
      expect(await page.locator('h1').textContent()).toBe('Forhåndsvisning: Hjælp med borgerens hardware og udstyr');
      expect(await page.locator('main h2').allTextContents()).toEqual(['Hjælp med borgerens hardware og udstyr – Deltagerark']);
      expect(await page.locator('main figcaption').first().textContent()).toMatch(/^Side 1 af \d+$/);
      // The first page is drawn: the canvas has dark pixels, not only white or transparent ones.
      const inked = await page.locator('main canvas').first().evaluate((canvas: HTMLCanvasElement) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && data[i]! + data[i + 1]! + data[i + 2]! < 300) dark++;
        return dark;
      });
      expect(inked).toBeGreaterThan(1000);
      expect((await page.locator('main .page-text').first().textContent())?.replace(/\s+/g, ' ')).toContain('Hjælp med borgerens');
      expect(await page.locator('#no-diagnostics').isVisible()).toBe(true);

      // A new title, saved as editors save: it is in the drawn PDF's text within seconds.
      const retitled = original.replace(/^title: .*$/m, 'title: Forhåndsvist emne om udstyr');
      safeSave(topicFile, retitled);
      await page.waitForFunction(() => [...document.querySelectorAll('main .page-text')].some((e) => e.textContent?.includes('Forhåndsvist emne')), undefined, { timeout: 10_000 });
      expect(await page.locator('h1').textContent()).toBe('Forhåndsvisning: Forhåndsvist emne om udstyr');

      // An unknown key: listed with its file and line, and the status says so.
      const broken = retitled.replace(/^lang: da$/m, 'lang: da\nfarve: rød');
      const line = broken.split('\n').indexOf('farve: rød') + 1;
      safeSave(topicFile, broken);
      await page.waitForFunction(() => document.querySelectorAll('#diagnostics li').length > 0, undefined, { timeout: 10_000 });
      const item = (await page.locator('#diagnostics li').first().textContent())!;
      expect(item).toContain(`topic.yaml, linje ${line}`);
      expect(item).toMatch(/Fejl: .*farve.*\[unknown-key\]/);
      expect(await page.locator('#status').textContent()).toMatch(/^Der er 1 fejl – se listen/);
      // The last good PDF stays in view beside the error.
      expect(await page.locator('main canvas').count()).toBeGreaterThan(0);

      safeSave(topicFile, retitled);
      await page.waitForFunction(() => document.querySelectorAll('#diagnostics li').length === 0, undefined, { timeout: 10_000 });
      await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Opdateret'), undefined, { timeout: 10_000 });
      expect(await page.locator('#no-diagnostics').isVisible()).toBe(true);
      await page.close();
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  }, 120_000);

  it('serves only the page, pdf.js and the built PDFs, to its own address', async () => {
    const cwd = path.join(tmp, 'server');
    cpSync(path.join(repoRoot, 'content/hardware'), path.join(cwd, 'content/hardware'), { recursive: true });
    writeFileSync(path.join(cwd, 'hemmelig.txt'), 'hemmelig');
    const run = await preview(cwd, ['content/hardware', '--kind', 'handout']);
    try {
      const started = Date.now();
      while (!/watching 1 topic/.test(run.stderr()) && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await get(run.base, '/pdf/hardware/hardware-handout.pdf')).status).toBe(200);
      expect((await get(run.base, '/pdfjs/pdf.min.mjs')).status).toBe(200);
      for (const asked of ['/pdf/hardware/../../hemmelig.txt', '/pdf/../hemmelig.txt', '/../hemmelig.txt', '/pdf/%2e%2e/%2e%2e/hemmelig.txt', '/pdfjs/../../package.json', '/hemmelig.txt', '/content/hardware/topic.yaml', '/pdf/hardware/hardware-pack.pdf']) {
        const answer = await get(run.base, asked);
        expect(answer.status, asked).toBe(404);
        expect(answer.body).not.toContain('hemmelig');
      }
      // A site that points its own name at 127.0.0.1 reaches the server with that name: refused.
      expect((await get(run.base, '/', 'angriber.example:80')).status).toBe(421);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  }, 60_000);

  it('refuses a port that is not one, before building anything', () => {
    const cwd = path.join(tmp, 'port');
    cpSync(path.join(repoRoot, 'content/hardware'), path.join(cwd, 'content/hardware'), { recursive: true });
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), 'preview', 'content/hardware', '--port', '70000'], { cwd, encoding: 'utf8', timeout: 20_000 });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^--port: error: --port must be a whole number from 1 to 65535, not "70000" \[bad-option\]/m);
  });

  it('is listed in the help, with examples', () => {
    const all = spawnSync(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), '--help'], { encoding: 'utf8' });
    expect(all.stdout).toMatch(/^ {2}preview\b/m);
    const own = spawnSync(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), 'preview', '--help'], { encoding: 'utf8' });
    expect(own.status).toBe(0);
    expect(own.stdout).toMatch(/\nExamples:\n {2}dialogpack preview /);
    expect(own.stdout).toMatch(/--port <n>/);
    expect(own.stdout).toMatch(/--poll/);
  });
});
