import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeOutputs } from '../../src/write/remove-outputs.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-remove-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function place(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

describe('removeOutputs', () => {
  it('removes the listed files and the folders they leave empty, never the output folder', async () => {
    const out = path.join(tmp, 'plain');
    place(out, { 'a/a-pack.pdf': 'x', 'a/a-handout.pdf': 'x', 'b/b-pack.pdf': 'x', 'b/b-cards.pdf': 'x', 'top.pdf': 'x' });
    const result = await removeOutputs(out, ['a/a-pack.pdf', 'a/a-handout.pdf', 'b/b-cards.pdf', 'top.pdf', 'c/already-gone.pdf']);
    expect(result.diagnostics).toEqual([]);
    expect(result.removed).toEqual(['a/a-pack.pdf', 'a/a-handout.pdf', 'b/b-cards.pdf', 'top.pdf']);
    expect(existsSync(path.join(out, 'a'))).toBe(false);
    expect(existsSync(path.join(out, 'b', 'b-pack.pdf'))).toBe(true);
    expect(existsSync(out)).toBe(true);
  });

  it('leaves what lies outside the output folder, through `..`, an absolute path or a symlinked folder', async () => {
    const out = path.join(tmp, 'guarded');
    const outside = path.join(tmp, 'outside');
    place(outside, { 'victim.pdf': 'theirs', 'linked/victim.pdf': 'theirs' });
    place(out, { 'ours/ours-pack.pdf': 'x' });
    symlinkSync(path.join(outside, 'linked'), path.join(out, 'link'));
    const result = await removeOutputs(out, ['../outside/victim.pdf', path.join(outside, 'victim.pdf'), 'link/victim.pdf', 'ours/../../outside/victim.pdf', 'ours/ours-pack.pdf']);
    expect(result.removed).toEqual(['ours/ours-pack.pdf']);
    expect(readFileSync(path.join(outside, 'victim.pdf'), 'utf8')).toBe('theirs');
    expect(readFileSync(path.join(outside, 'linked', 'victim.pdf'), 'utf8')).toBe('theirs');
  });

  it('keeps a folder that still holds a file of the user, and a folder listed as if it were a file', async () => {
    const out = path.join(tmp, 'shared');
    place(out, { 't/t-pack.pdf': 'x', 't/noter.txt': 'mine', 'd/inner/file.txt': 'mine' });
    const result = await removeOutputs(out, ['t/t-pack.pdf', 'd/inner']);
    expect(result.removed).toEqual(['t/t-pack.pdf']);
    expect(readFileSync(path.join(out, 't', 'noter.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(path.join(out, 'd', 'inner', 'file.txt'), 'utf8')).toBe('mine');
  });
});
