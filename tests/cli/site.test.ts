/**
 * `dialogpack build --site`: the output folder is a static web site, index.html linking each topic's
 * own page beside its PDFs, and every page passes axe-core in Chromium on a wide screen and a phone.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';
import { launchChromium } from '../helpers/launch-chromium.js';
import { runCli } from '../helpers/run-cli.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-site-'));
const content = path.join(tmp, 'content');
const out = path.join(tmp, 'out');
const slugs = readdirSync(path.join(repoRoot, 'content')).sort();
/** Where the screenshots go for a person to look at: outside the repository. */
const shots = process.env.DIALOGPACK_SHOTS ?? path.join(os.tmpdir(), 'dialogpack-site-shots');
let browser: Browser;

beforeAll(async () => {
  cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
  const run = runCli(['build', content, '--out', out, '--site'], { timeout: 180_000 });
  expect(run.code, run.stderr).toBe(0);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('build --site', () => {
  it('writes a page per topic beside its PDFs, and index.html links to each', () => {
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    for (const slug of slugs) {
      expect(existsSync(path.join(out, slug, 'index.html')), slug).toBe(true);
      expect(index).toContain(`href="${slug}/index.html"`);
      const page = readFileSync(path.join(out, slug, 'index.html'), 'utf8');
      const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
      const pdfs: { path: string }[] = manifest.topics.find((t: { slug: string }) => t.slug === slug).pdfs;
      expect(pdfs.length).toBeGreaterThan(2);
      for (const pdf of pdfs) expect(page).toContain(`href="${path.basename(pdf.path)}"`);
    }
  });

  for (const width of [1280, 375]) {
    it(`has no axe-core violation on index.html and any topic page at ${width} px`, async () => {
      // A Danish browser, as the coordinators have: the time field shows 13:00, not 1:00 PM.
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'da-DK' });
      const found: Record<string, { id: string; nodes: string[] }[]> = {};
      const widths: Record<string, number> = {};
      for (const file of ['index.html', ...slugs.map((s) => `${s}/index.html`)]) {
        const page = await context.newPage();
        // The web edition's script may not be there yet: the page must read and pass without it.
        await page.goto(pathToFileURL(path.join(out, file)).href);
        await page.addScriptTag({ content: axeSource });
        const result = (await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run())) as {
          violations: { id: string; nodes: { target: string[] }[] }[];
          passes: unknown[];
        };
        expect(result.passes.length, file).toBeGreaterThan(10);
        found[file] = result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
        // Nothing runs off the side of a phone's screen: the page never scrolls sideways.
        widths[file] = await page.evaluate(() => document.documentElement.scrollWidth);
        if (file !== 'index.html' && file.startsWith('hardware/')) await page.screenshot({ path: path.join(shots, `hardware-${width}.png`), fullPage: true });
        await page.close();
      }
      await context.close();
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((f) => [f, []])));
      for (const [file, scrolled] of Object.entries(widths)) expect(scrolled, file).toBeLessThanOrEqual(width);
    }, 120_000);
  }

  it('takes the pages away again when the site is no longer built, and rebuilds nothing it need not', () => {
    const pageStamps = () => slugs.map((slug) => statSync(path.join(out, slug, 'index.html')).mtimeMs);
    const before = pageStamps();
    const again = runCli(['build', content, '--out', out, '--site'], { env: { CI: 'true' } });
    expect(again.code, again.stderr).toBe(0);
    // Built with --site before, every topic is unchanged and no page is written again.
    expect(again.stderr.match(/: (uændret|unchanged)/g)).toHaveLength(slugs.length);
    expect(pageStamps()).toEqual(before);
    const plain = runCli(['build', content, '--out', out], { timeout: 180_000 });
    expect(plain.code, plain.stderr).toBe(0);
    for (const slug of slugs) {
      expect(existsSync(path.join(out, slug, 'index.html')), slug).toBe(false);
      expect(existsSync(path.join(out, slug, `${slug}-pack.pdf`)), slug).toBe(true);
    }
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).not.toContain('/index.html"');
  }, 240_000);

  it('publish --site brings each topic\'s page from the shard that built it, as CI does', () => {
    const shards = [1, 2].map((i) => path.join(tmp, `shard-${i}`));
    for (const [i, shard] of shards.entries()) {
      const run = runCli(['build', content, '--out', shard, '--shard', `${i + 1}/2`, '--site'], { timeout: 180_000 });
      expect(run.code, run.stderr).toBe(0);
    }
    const site = path.join(tmp, 'site');
    const published = runCli(['publish', ...shards, '--out', site, '--site']);
    expect(published.code, published.stderr).toBe(0);
    const index = readFileSync(path.join(site, 'index.html'), 'utf8');
    for (const slug of slugs) {
      const shard = shards.find((s) => existsSync(path.join(s, slug, 'index.html')))!;
      for (const file of ['index.html', 'topic-data.js']) expect(readFileSync(path.join(site, slug, file), 'utf8'), `${slug}/${file}`).toBe(readFileSync(path.join(shard, slug, file), 'utf8'));
      expect(index).toContain(`href="${slug}/index.html"`);
    }
    // The form's script is there for the pages, as in a build's site.
    expect(readFileSync(path.join(site, 'assets', 'dialogpack-web.js'))).toEqual(readFileSync(path.join(shards[0], 'assets', 'dialogpack-web.js')));
    // Published again without --site, the folder holds the PDFs and no page.
    const plain = runCli(['publish', ...shards, '--out', site]);
    expect(plain.code, plain.stderr).toBe(0);
    for (const slug of slugs) for (const file of ['index.html', 'topic-data.js']) expect(existsSync(path.join(site, slug, file)), `${slug}/${file}`).toBe(false);
    expect(readFileSync(path.join(site, 'index.html'), 'utf8')).not.toContain('/index.html"');
  }, 400_000);
});
