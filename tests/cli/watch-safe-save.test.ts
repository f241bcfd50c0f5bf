import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';
import { startWatch } from '../helpers/watch-process.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-watch-safe-save-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What editors do: the new text goes to a temporary file beside the original, which is renamed over it. */
function safeSave(file: string, text: string, temp: string) {
  writeFileSync(path.join(path.dirname(file), temp), text);
  renameSync(path.join(path.dirname(file), temp), file);
}

describe('dialogpack watch after safe saves', () => {
  it.each([
    ['file system events', []],
    ['--poll', ['--poll']],
  ])('rebuilds on every safe save, sed -i and a file deleted and made again (%s)', async (_case, extra) => {
    const cwd = path.join(tmp, extra.length ? 'poll' : 'events');
    cpSync(path.join(repoRoot, 'content/hardware'), path.join(cwd, 'content/hardware'), { recursive: true });
    const advice = path.join(cwd, 'content/hardware/advice.md');
    const watched = startWatch(cwd, ['content/hardware', '--kind', 'handout', ...extra]);
    const rebuiltAfter = async (change: () => void, what: string) => {
      // The file system's times are coarse; a save in the same instant as the last would look the same to --poll.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const mark = watched.stderr().length;
      change();
      await watched.waitFor(/rebuilt content\/hardware in /, 15_000, mark).catch((error: Error) => {
        throw new Error(`after ${what}: ${error.message}`);
      });
    };
    try {
      await watched.waitFor(/watching 1 topic in /, 30_000);
      if (extra.length) expect(watched.stderr()).toMatch(/comparing the files every second/);
      const original = readFileSync(advice, 'utf8');
      // Both kinds of temporary name: a plain one, and a hidden one as atomic-write libraries use.
      await rebuiltAfter(() => safeSave(advice, `${original}\nFørste gemning.\n`, 'advice.md.tmp1'), 'the first safe save');
      await rebuiltAfter(() => safeSave(advice, `${original}\nAnden gemning.\n`, '.advice.md.tmp2'), 'the second safe save');
      await rebuiltAfter(() => safeSave(advice, `${original}\nTredje gemning.\n`, 'advice.md.tmp3'), 'the third safe save');
      await rebuiltAfter(() => execFileSync('sed', ['-i', 's/Tredje gemning/Fjerde gemning/', advice]), 'sed -i');
      await rebuiltAfter(() => execFileSync('sed', ['-i', 's/Fjerde gemning/Femte gemning/', advice]), 'a second sed -i');
      await rebuiltAfter(() => {
        rmSync(advice);
        writeFileSync(advice, `${original}\nSkrevet igen.\n`);
      }, 'deleting and making the file again');
      await rebuiltAfter(() => appendFileSync(advice, '\nOg en tilføjelse.\n'), 'an append after all that');
      // The topic's new folder of pictures is watched too, and a safe save in it is seen.
      await rebuiltAfter(() => {
        execFileSync('mkdir', ['-p', path.join(cwd, 'content/hardware/billeder')]);
        writeFileSync(path.join(cwd, 'content/hardware/billeder/note.txt'), 'et');
      }, 'a new folder');
      await rebuiltAfter(() => safeSave(path.join(cwd, 'content/hardware/billeder/note.txt'), 'to', 'note.txt.tmp'), 'a safe save in the new folder');
      await rebuiltAfter(() => safeSave(path.join(cwd, 'content/hardware/billeder/note.txt'), 'tre', 'note.txt.tmp'), 'a second safe save in the new folder');
      expect(readFileSync(advice, 'utf8')).toMatch(/Skrevet igen/);
      watched.child.kill('SIGTERM');
      expect(await watched.exited).toBe(0);
    } finally {
      if (watched.child.exitCode === null) watched.child.kill('SIGKILL');
    }
  }, 120_000);
});
