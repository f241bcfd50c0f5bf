import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-poster-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('poster files', () => {
  it('have their own name, recorded as such in the manifest and linked from index.html, apart from the A3 sheets', () => {
    const out = path.join(tmp, 'out');
    expect(runCli(['build', 'content/hardware', '--kind', 'flipchart', '--out', out]).code).toBe(0);
    expect(existsSync(path.join(out, 'hardware/hardware-flipchart.pdf'))).toBe(true);
    const run = runCli(['build', 'content/hardware', '--kind', 'flipchart', '--poster', 'A2', '--sheets', '1,3', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(out, 'hardware/hardware-flipchart-poster-a2.pdf'))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.topics[0].pdfs.map((p: { path: string; kind: string }) => [p.path, p.kind])).toEqual([['hardware/hardware-flipchart-poster-a2.pdf', 'flipchart-poster-a2']]);
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="hardware/hardware-flipchart-poster-a2.pdf" download>Flipoverark som A2-plakater</a>');
    // A build of posters alone records no A3 sheets, so their file goes as any kind no longer built does.
    expect(run.stderr).toMatch(/^removed .*hardware-flipchart\.pdf$/m);
  });

  it.each([
    [['--poster', 'A1', '--sheets', '1,x'], /--sheets must be flip-chart sheet numbers separated by commas, not "1,x"/],
    [['--poster', 'A1', '--sheets', '0'], /--sheets must be flip-chart sheet numbers/],
    [['--sheets', '1,3'], /--sheets picks the flip-chart sheets to print as posters, so it needs --poster A1 or A2/],
    [['--poster', 'A1', '--sheets', '2,99'], /--sheets 99: the topic "Hjælp med borgerens hardware og udstyr" has only 8 flip-chart sheets/],
  ])('%j is refused with a message', (args, message) => {
    const run = runCli(['--lang', 'en', 'build', 'content/hardware', '--kind', 'flipchart', '--out', path.join(tmp, 'bad'), ...args]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
  });

  it('says it in Danish', () => {
    const run = runCli(['--lang', 'da', 'build', 'content/hardware', '--kind', 'flipchart', '--out', path.join(tmp, 'bad'), '--poster', 'A1', '--sheets', '1-x']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--sheets skal være numre på flipoverark, adskilt af komma, ikke "1-x"');
  });
});
