import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-kill-loop-'));
const content = path.join(tmp, 'content');
const out = path.join(tmp, 'out');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const slugs = Array.from({ length: 20 }, (_, i) => `emne-${String(i + 1).padStart(2, '0')}`);
const titleOf = (slug: string) => `Emne nummer ${slug.slice(-2)}`;
// Two dates that change only digits in the PDFs: the files differ, their sizes do not, so only a
// manifest that is true to the bytes tells a PDF of one build from one of the other.
const epochs = ['1700000000', '1700086400'];

/**
 * A 20-topic build (one kind, one thread, to keep the loop short) killed with SIGKILL once `topics`
 * topics are reported done and `delayMs` later: from the first topic to after the last, when the build
 * is putting its files in place. Resolves with the exit code, or null when the kill came first.
 */
function killedBuild(epoch: string, topics: number, delayMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), 'build', content, '--out', out, '--kind', 'handout', '--jobs', '1'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: 'true', SOURCE_DATE_EPOCH: epoch },
    });
    let seen = 0;
    let armed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      seen += (chunk.toString().match(/^\[\d+\/\d+\]/gm) ?? []).length;
      if (seen >= topics && !armed) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (code) => resolve(code));
  });
}

function pdfText(file: string): string {
  const run = spawnSync('pdftotext', ['-l', '1', file, '-'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('builds killed with kill -9 at random moments', () => {
  beforeAll(() => {
    const sources = ['hardware', 'personas', 'private-it'];
    slugs.forEach((slug, i) => {
      const dir = path.join(content, slug);
      cpSync(path.join(repoRoot, 'content', sources[i % 3]), dir, { recursive: true });
      const yaml = readFileSync(path.join(dir, 'topic.yaml'), 'utf8').replace(/^title: .*$/m, `title: ${titleOf(slug)}`);
      writeFileSync(path.join(dir, 'topic.yaml'), yaml);
    });
  });

  it('leave a folder the next build makes true: exit 0, every PDF the manifest records and made from its own topic', async () => {
    const first = runCli(['build', content, '--out', out, '--kind', 'handout', '--jobs', '1'], { env: { SOURCE_DATE_EPOCH: epochs[0] } });
    expect(first.code, first.stderr).toBe(0);
    // The date of the last build that finished, which the manifest records.
    let recorded = epochs[0];
    let seed = 20260101;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const outcomes: string[] = [];
    for (let kill = 0; kill < 20; kill++) {
      const epoch = epochs.find((e) => e !== recorded)!;
      // Half of the kills land anywhere in the build, half around its end, where files are renamed.
      const topics = kill % 2 ? 1 + Math.floor(random() * slugs.length) : slugs.length;
      const delayMs = Math.floor(random() * (kill % 2 ? 200 : 40));
      const code = await killedBuild(epoch, topics, delayMs);
      if (code === 0) recorded = epoch;
      // `journal`: the kill came while files were being renamed into place.
      outcomes.push(`${topics}+${delayMs}ms:${code ?? 'killed'}${existsSync(path.join(out, '.dialogpack-journal')) ? ':journal' : ''}`);
    }

    const last = runCli(['--json', 'build', content, '--out', out, '--kind', 'handout', '--jobs', '1'], { env: { SOURCE_DATE_EPOCH: recorded } });
    expect(last.code, `${last.stderr}\n${outcomes.join(' ')}`).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
      topics: { slug: string; title: string; pdfs: { path: string; bytes: number; sha256: string }[] }[];
    };
    expect(manifest.topics.map((t) => t.slug)).toEqual(slugs);
    for (const topic of manifest.topics) {
      expect(topic.pdfs).toHaveLength(1);
      const file = path.join(out, topic.pdfs[0].path);
      const bytes = readFileSync(file);
      expect(createHash('sha256').update(bytes).digest('hex'), `${topic.pdfs[0].path} after ${outcomes.join(' ')}`).toBe(topic.pdfs[0].sha256);
      expect(topic.title).toBe(titleOf(topic.slug));
      expect(pdfText(file)).toContain(titleOf(topic.slug));
    }
    // The dates too: every PDF is the one a build of `recorded` makes, not one of a killed build.
    const fresh = path.join(tmp, 'fresh');
    expect(runCli(['build', content, '--out', fresh, '--kind', 'handout', '--jobs', '1'], { env: { SOURCE_DATE_EPOCH: recorded } }).code).toBe(0);
    for (const slug of slugs) {
      const name = `${slug}/${slug}-handout.pdf`;
      expect(readFileSync(path.join(out, name)).equals(readFileSync(path.join(fresh, name))), `${name} after ${outcomes.join(' ')}`).toBe(true);
    }
    // Nothing of the killed builds is left: no temporary file, no lock, no journal.
    const left = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => path.basename(f).startsWith('.'));
    expect(left).toEqual([]);
    expect(existsSync(path.join(out, '.dialogpack.lock'))).toBe(false);
  }, 150_000);
});
