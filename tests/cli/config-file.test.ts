import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, testFixtures } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';
import { readFileSync } from 'node:fs';
import { runCli, stackFrame } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
cpSync(path.join(repoRoot, 'content/hardware'), path.join(tmp, 'content/hardware'), { recursive: true });
cpSync(path.join(testFixtures, 'themes/kommune'), path.join(tmp, 'kommune'), { recursive: true });

describe('dialogpack.yaml in the working folder', () => {
  it('supplies templates: and out:, so a municipality builds branded packs without flags', async () => {
    writeFileSync(path.join(tmp, 'dialogpack.yaml'), 'templates: kommune\nout: print\n');
    const run = runCli(['build', 'content/hardware', '--kind', 'pack'], { cwd: tmp });
    expect(run.code, run.stderr).toBe(0);
    const pdf = await readPdf(readFileSync(path.join(tmp, 'print/hardware/hardware-pack.pdf')));
    expect(pdf.pages[0].text).toContain('Eksempel Kommune');
  });

  it('gives way to flags on the command line', () => {
    writeFileSync(path.join(tmp, 'dialogpack.yaml'), 'templates: kommune\nout: print\n');
    const run = runCli(['build', 'content/hardware', '--kind', 'pack', '--out', 'elsewhere'], { cwd: tmp });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(tmp, 'elsewhere/hardware/hardware-pack.pdf'))).toBe(true);
  });

  it('reports its own mistakes at their line, with a hint, and builds nothing', () => {
    writeFileSync(path.join(tmp, 'dialogpack.yaml'), 'template: kommune\n');
    const run = runCli(['build', 'content/hardware', '--out', 'never'], { cwd: tmp });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^dialogpack\.yaml:1:1: error: unknown key `template` \[unknown-key\]$/m);
    expect(run.stderr).toContain('hint: did you mean `templates`?');
    expect(run.stderr).not.toMatch(stackFrame);
    expect(existsSync(path.join(tmp, 'never'))).toBe(false);
  });
});
