import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { buildInMemory, testFixtures } from './build-fixture.js';
import { hintText } from './message-text.js';

/**
 * The seed topic as an editor transcribed it has mistakes on purpose; a copy in `work` gets the fixes
 * the Danish hints spell out (as tests/cli/seed-hardware.test.ts proves they are enough), the fixture
 * stays. Returns the copy's folder.
 */
export async function fixedSeed(work: string): Promise<string> {
  const dir = path.join(work, 'seed-hardware');
  cpSync(path.join(testFixtures, 'seed-hardware'), dir, { recursive: true });
  const errors = (await buildInMemory(dir, { kinds: ['facilitator'] })).diagnostics.filter((d) => d.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  const file = path.join(dir, 'topic.yaml');
  const lines = readFileSync(file, 'utf8').split('\n');
  for (const d of [...errors].sort((a, b) => b.line! - a.line!)) applyHint(lines, d);
  writeFileSync(file, lines.join('\n'));
  return dir;
}

function applyHint(lines: string[], d: Diagnostic): void {
  const hint = hintText(d, 'da') ?? '';
  const index = d.line! - 1;
  const written = /skriv linjen sådan: `(.*)`$/.exec(hint);
  if (written) {
    lines[index] = written[1];
    return;
  }
  const block = /skriv punktet som en tekstblok: `(.*)` på en linje for sig/.exec(hint);
  expect(block, `a hint the test can follow: ${hint}`).not.toBeNull();
  const head = block![1];
  const inner = ' '.repeat(head.indexOf('-') + 2);
  const text = lines[index].slice(head.indexOf('-') + 2);
  const subItems: string[] = [];
  while (lines[index + 1 + subItems.length]?.startsWith(`${inner}- `)) subItems.push(lines[index + 1 + subItems.length]);
  lines.splice(index, 1 + subItems.length, head, `${inner}${text}`, '', ...subItems.map((s) => `${inner}${s.trimStart()}`));
}
