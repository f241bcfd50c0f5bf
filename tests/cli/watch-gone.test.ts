import { appendFileSync, cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';
import { startWatch } from '../helpers/watch-process.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-watch-gone-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('dialogpack watch when the watched folder goes away', () => {
  it.each([
    ['a topic folder', 'content/hardware', 'content/hardware'],
    ['a content root', 'content', 'content'],
  ])('keeps running when %s is renamed, says it is gone, and builds it again when it is back', async (_case, given, moved) => {
    const cwd = path.join(tmp, given.replace(/\W/g, '-'));
    cpSync(path.join(repoRoot, 'content/hardware'), path.join(cwd, 'content/hardware'), { recursive: true });
    const watched = startWatch(cwd, [given, '--kind', 'handout']);
    try {
      await watched.waitFor(/watching 1 topic in /, 30_000);
      renameSync(path.join(cwd, moved), path.join(cwd, `${moved}-omdøbt`));
      await watched.waitFor(new RegExp(`^${moved}: the folder is gone \\(renamed, moved or deleted\\); still watching`, 'm'), 10_000);
      // Longer than it took Node to end the process, which had nothing left to wait for.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(watched.child.exitCode, watched.stderr()).toBeNull();
      expect(watched.stderr()).not.toMatch(/path-not-found/);
      renameSync(path.join(cwd, `${moved}-omdøbt`), path.join(cwd, moved));
      await watched.waitFor(new RegExp(`^${moved}: the folder is back$`, 'm'), 10_000);
      const mark = watched.stderr().length;
      appendFileSync(path.join(cwd, 'content/hardware/advice.md'), '\nEt nyt råd efter flytningen.\n');
      await watched.waitFor(/wrote out\/hardware\/hardware-handout\.pdf[^]*rebuilt content/, 20_000, mark);
      expect(watched.stderr().slice(mark)).toMatch(/^changed: content/m);
      watched.child.kill('SIGTERM');
      expect(await watched.exited).toBe(0);
    } finally {
      if (watched.child.exitCode === null) watched.child.kill('SIGKILL');
    }
  }, 90_000);
});
