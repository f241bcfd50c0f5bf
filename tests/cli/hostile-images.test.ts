/**
 * Hostile pictures, end to end through `dialogpack build`: one case per kind of attack. A picture may
 * pull in nothing from outside the topic folder, print no link, no non-embedded font, nothing outside
 * its box; a picture that would take minutes, gigabytes or the stack is refused in a second with an
 * error placed at the markdown line that shows it, and nothing is written. The printable-but-hostile
 * SVG is the fixture tests/fixtures/hostile-svg; the others are made here in a temporary folder, since
 * they are large or are the same small topic around a different picture.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDeflate, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, testFixtures } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';
import { runCli, stackFrame, type CliRun } from '../helpers/run-cli.js';
import { pngChunk } from '../helpers/png-chunk.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-hostile-images-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const png = path.join(testFixtures, 'images/billeder/skaerm.png');

/** A topic whose purpose shows one picture on line 3, beside the given files. */
function topic(name: string, picture: string, files: Record<string, string | Uint8Array>): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'topic.yaml'),
    'title: Et fjendtligt billede\nparticipants: { min: 4, max: 12 }\nduration: 20\npurpose: purpose.md\nsteps:\n  - title: Trin\n    minutes: 20\n',
  );
  writeFileSync(path.join(dir, 'purpose.md'), `Før billedet.\n\n![Et billede](${picture})\n\nTekst efter billedet.\n`);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const svg = (body: string, attributes = 'viewBox="0 0 100 100"') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attributes}>${body}</svg>`;


function pngFile(width: number, height: number, colour: number, idat: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colour;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array())]);
}

/** 8 000 × 8 000 RGBA pixels of nothing: a quarter of a megabyte that unpacks to 256 MB. */
async function pngBomb(): Promise<Buffer> {
  const row = Buffer.alloc(1 + 8000 * 4);
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  for (let y = 0; y < 8000; y++) deflate.write(row);
  deflate.end();
  await done;
  return pngFile(8000, 8000, 6, Buffer.concat(parts));
}

function build(dir: string, ...extra: string[]): CliRun & { seconds: number; out: string } {
  const out = path.join(tmp, `out-${path.basename(dir)}`);
  const started = performance.now();
  // A build stuck in synchronous work never gets to its SIGTERM handler: the time-out kills it.
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), 'build', dir, '--out', out, '--kind', 'pack', ...extra], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, seconds: (performance.now() - started) / 1000, out };
}

function pdfsUnder(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')) : [];
}

/** The run refused the picture: one placed error at purpose.md:3:1 with these words, no stack, no PDF, quickly. */
function expectRefused(run: ReturnType<typeof build>, dir: string, words: string[], rule = 'bad-image'): void {
  const context = `--- stderr ---\n${run.stderr}`;
  expect(run.code, context).toBe(1);
  expect(run.stderr, context).not.toMatch(stackFrame);
  const line = run.stderr.split('\n').find((l) => l.startsWith(`${path.join(dir, 'purpose.md')}:3:1: error: `));
  expect(line, context).toBeDefined();
  expect(line, context).toContain(`[${rule}]`);
  for (const word of words) expect(line, context).toContain(word);
  expect(pdfsUnder(run.out), context).toEqual([]);
  expect(run.seconds, context).toBeLessThan(20);
}

describe('hostile SVG drawings', () => {
  let fixture: ReturnType<typeof build>;
  let bytes: Buffer;
  beforeAll(() => {
    const dir = path.join(tmp, 'hostile-svg');
    cpSync(path.join(testFixtures, 'hostile-svg'), dir, { recursive: true });
    fixture = build(dir);
    bytes = existsSync(path.join(fixture.out, 'hostile-svg/hostile-svg-pack.pdf')) ? readFileSync(path.join(fixture.out, 'hostile-svg/hostile-svg-pack.pdf')) : Buffer.alloc(0);
  });

  it('prints the drawing, with one placed warning naming what was left out, and nothing on the console besides', () => {
    expect(fixture.code, fixture.stderr).toBe(0);
    const lines = fixture.stderr.split('\n').filter((l) => l.includes(': warning: '));
    expect(lines, fixture.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/purpose\.md:3:1: warning: the image `tegning\.svg` has parts a printed figure cannot show, and they are left out: .* \[svg-left-out\]$/);
    expect(lines[0]).toContain('scripts');
    expect(lines[0]).toContain('links');
    expect(fixture.stderr).not.toMatch(/SVGtoPDF|SVGElem|parseXml/);
  });

  it('makes no link of an SVG <a href>: neither javascript: nor file:', async () => {
    const pdf = await readPdf(bytes);
    expect(pdf.pages.flatMap((p) => p.annotations.filter((a) => a.url !== undefined || a.subtype !== 'Link' && a.subtype !== 'Widget'))).toEqual([]);
    expect(bytes.includes('javascript:')).toBe(false);
    expect(bytes.includes('file:///etc/passwd')).toBe(false);
  });

  it('draws SVG text in the embedded fonts, never a non-embedded Helvetica', async () => {
    expect(bytes.includes('/BaseFont /Helvetica')).toBe(false);
    expect((await readPdf(bytes)).text).toContain('Hej æøå');
  });

  it('keeps the drawing inside the box layout gave it, whatever its width and height say', async () => {
    const pdf = await readPdf(bytes);
    const pageIndex = pdf.pages.findIndex((p) => p.text.includes('Teksten efter tegningen'));
    const page = pdf.pages[pageIndex];
    const after = page.items.find((i) => i.str.includes('Teksten efter tegningen'))!;
    const file = path.join(tmp, 'hostile-svg.pdf');
    writeFileSync(file, bytes);
    // The line of text below the drawing, rasterised at 1 pixel a point: none of it may be the drawing's red.
    const ppm = execFileSync('pdftoppm', ['-f', String(pageIndex + 1), '-l', String(pageIndex + 1), '-r', '72', '-x', '0', '-y', String(Math.round(after.y - after.height)), '-W', String(Math.round(page.width)), '-H', String(Math.round(after.height)), file]);
    const header = ppm.subarray(0, 20).toString('latin1').split(/\s+/);
    const pixels = ppm.subarray(ppm.length - Number(header[1]) * Number(header[2]) * 3);
    let red = 0;
    for (let i = 0; i < pixels.length; i += 3) if (pixels[i] > 180 && pixels[i + 1] < 80 && pixels[i + 2] < 80) red++;
    expect(red).toBe(0);
  });

  it('refuses a picture named by absolute path, with its place in the SVG', () => {
    const dir = topic('svg-absolute-image', 'f.svg', { 'f.svg': svg(`\n<image href="${png}" width="100" height="60"/>`) });
    expectRefused(build(dir), dir, ['`f.svg` (line 2, column 1)', 'outside the topic folder']);
  });

  it('refuses a picture named by a path that only resolves from the working folder', () => {
    // Run from the repository, this path reaches the fixture's PNG; before, it was embedded from there.
    const dir = topic('svg-cwd-image', 'f.svg', { 'f.svg': svg('<image xlink:href="tests/fixtures/images/billeder/skaerm.png" width="100" height="60"/>') });
    expectRefused(build(dir), dir, ['does not exist in']);
  });

  it('reports a picture missing from the topic folder as a placed error, not on the console', () => {
    const dir = topic('svg-missing-image', 'f.svg', { 'f.svg': svg('<image href="findes-ikke.png" width="100" height="60"/>') });
    const run = build(dir);
    expectRefused(run, dir, ['findes-ikke.png', 'does not exist']);
    expect(run.stderr).not.toMatch(/SVGElemImage/);
  });

  it('prints a picture of the topic folder that the SVG shows, and a data: URI', () => {
    const inline = `data:image/png;base64,${readFileSync(png).toString('base64')}`;
    const dir = topic('svg-inner-images', 'billeder/f.svg', {
      'billeder/f.svg': svg(`<image href="skaerm.png" width="50" height="30"/><image href="${inline}" y="50" width="50" height="30"/>`),
      'billeder/skaerm.png': readFileSync(png),
    });
    const run = build(dir);
    expect(run.code, run.stderr).toBe(0);
    const file = path.join(run.out, 'svg-inner-images/svg-inner-images-pack.pdf');
    const rows = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(rows).toHaveLength(2);
  });

  it('stops a 2 KB drawing whose <use> fans out to 10⁹ shapes at once', () => {
    let defs = '<g id="l0"><rect width="1" height="1"/></g>';
    for (let i = 1; i <= 9; i++) defs += `<g id="l${i}">${Array.from({ length: 10 }, () => `<use href="#l${i - 1}"/>`).join('')}</g>`;
    const dir = topic('svg-use-fanout', 'f.svg', { 'f.svg': svg(`<defs>${defs}</defs><use href="#l9"/>`) });
    expectRefused(build(dir), dir, ['draws more than 10,000 shapes']);
  });

  it('stops <use> that refers to itself', () => {
    const dir = topic('svg-use-loop', 'f.svg', { 'f.svg': svg('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>') });
    expectRefused(build(dir), dir, ['draws itself again through its references']);
  });

  it('reads `<svg ` 100 000 times in well under a second instead of a minute', () => {
    const dir = topic('svg-many-opens', 'f.svg', { 'f.svg': '<svg '.repeat(100_000) });
    const run = build(dir);
    expectRefused(run, dir, ['`f.svg` (line 1, column 6) cannot be printed']);
    expect(run.seconds).toBeLessThan(10);
  });

  it('refuses 50 000 nested groups instead of overflowing the stack', () => {
    const dir = topic('svg-deep', 'f.svg', { 'f.svg': svg(`${'<g>'.repeat(50_000)}<rect width="1" height="1"/>${'</g>'.repeat(50_000)}`) });
    expectRefused(build(dir), dir, ['nest more than 64 levels']);
  });

  it('refuses entities a DOCTYPE declares, so nothing expands', () => {
    const lol = '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const dir = topic('svg-entities', 'f.svg', { 'f.svg': `${lol}\n${svg('<text y="10">&b;</text>')}` });
    expectRefused(build(dir), dir, ['&b; is not an XML character reference']);
  });

  it('refuses a style sheet that imports another file', () => {
    const dir = topic('svg-import', 'f.svg', { 'f.svg': svg('<style>@import url(https://example.org/x.css);</style><rect width="1" height="1"/>') });
    expectRefused(build(dir), dir, ['@import']);
  });

  it('refuses a theme logo SVG that shows a picture from outside the templates folder', () => {
    const templates = path.join(tmp, 'templates-logo');
    mkdirSync(templates, { recursive: true });
    writeFileSync(path.join(templates, 'theme.yaml'), 'logo: { file: logo.svg, alt: Kommunens logo }\n');
    writeFileSync(path.join(templates, 'logo.svg'), svg(`<image href="${png}" width="100" height="60"/>`));
    const dir = topic('logo-outside', 'none.png', {});
    writeFileSync(path.join(dir, 'purpose.md'), 'Formål.\n');
    const run = build(dir, '--templates', templates);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${path.join(templates, 'theme.yaml')}:1:15: error: logo \`logo.svg\` (line 1, column 106) cannot be printed`);
    expect(run.stderr).toContain('outside the templates folder');
    expect(pdfsUnder(run.out)).toEqual([]);
  });
});

describe('hostile PNG and JPEG pictures', () => {
  it('refuses a decompression bomb from its header, before unpacking it', async () => {
    const dir = topic('png-bomb', 'bomb.png', { 'bomb.png': await pngBomb() });
    const run = build(dir);
    expectRefused(run, dir, ['8,000 × 8,000 pixels (64 megapixels), more than the 50 megapixels']);
    expect(run.seconds).toBeLessThan(10);
  });

  it.each([
    ['image data that is not zlib', pngFile(4, 4, 6, Buffer.from('ikke zlib-data')), 'cannot be unpacked'],
    ['image data cut short', pngFile(4, 4, 2, deflateSync(Buffer.alloc(2 * 13))), 'cut off'],
    ['a row with an unknown filter', pngFile(4, 4, 6, deflateSync(Buffer.alloc(4 * 17, 9))), 'unknown filter'],
    ['a file cut off in its last chunk', pngFile(4, 4, 2, deflateSync(Buffer.alloc(4 * 13))).subarray(0, 50), 'runs past the end'],
    ['a wrong checksum', (() => { const b = pngFile(4, 4, 2, deflateSync(Buffer.alloc(4 * 13))); b[30] ^= 0xff; return b; })(), 'checksum'],
  ])('refuses a PNG with %s as a placed content error, and no crash', (name, bytes, words) => {
    const dir = topic(`png-${name.replace(/\W+/g, '-')}`, 'bad.png', { 'bad.png': bytes });
    expectRefused(build(dir), dir, ['`bad.png` is a damaged PNG file', words]);
  });

  it('reports a damaged PNG in `check` too, where it counted as no error before', () => {
    const dir = topic('png-check', 'bad.png', { 'bad.png': pngFile(4, 4, 6, Buffer.from('ikke zlib-data')) });
    const run = runCli(['check', dir]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${path.join(dir, 'purpose.md')}:3:1: error: the image \`bad.png\` is a damaged PNG file`);
    expect(run.stderr).toMatch(/1 error/);
  });

  it('refuses a JPEG with a frame and no picture data', () => {
    const frame = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10, 0x03, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1];
    const dir = topic('jpeg-no-scan', 'bad.jpg', { 'bad.jpg': Buffer.from([0xff, 0xd8, ...frame, 0xff, 0xd9]) });
    expectRefused(build(dir), dir, ['`bad.jpg` is a damaged JPEG file (it holds no picture data)']);
  });

  it('refuses a JPEG cut off inside its picture data', () => {
    const jpeg = readFileSync(path.join(testFixtures, 'images/billeder/side.jpg'));
    const dir = topic('jpeg-cut', 'cut.jpg', { 'cut.jpg': jpeg.subarray(0, jpeg.length - 200) });
    expectRefused(build(dir), dir, ['damaged JPEG file (the file is cut off']);
  });
});
