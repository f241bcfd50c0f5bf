import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';

const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

/** Loads the built bundle in a fresh Node process, as bin/dialogpack.js does, and reports what happened. */
function boot(options: { cache: boolean }): { cacheAccepted: boolean; version: string; code: number } {
  const script = `
    const { loadBundle } = require(${JSON.stringify(path.join(repoRoot, 'dist/cli/load-bundle.cjs'))});
    const { exports, cacheAccepted } = loadBundle({ cache: ${options.cache} });
    let version = '';
    exports.main(['--version'], { stdout: { write: (s) => (version += s) }, stderr: process.stderr })
      .then((code) => console.log(JSON.stringify({ cacheAccepted, version: version.trim(), code })));`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('loading the bundle', () => {
  it('takes the V8 code cache that the build trained', () => {
    const loaded = boot({ cache: true });
    expect(loaded.cacheAccepted).toBe(true);
    expect(loaded).toMatchObject({ code: 0, version });
  });

  it('still runs without the cache, compiling as usual', () => {
    const loaded = boot({ cache: false });
    expect(loaded.cacheAccepted).toBe(false);
    expect(loaded.code).toBe(0);
    expect(loaded.version).toBe(version);
  });
});
