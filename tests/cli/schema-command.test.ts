import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';
import { runCli } from '../helpers/run-cli.js';

describe('dialogpack schema', () => {
  it('prints the shipped schema of topic.yaml, and with --theme that of theme.yaml', () => {
    const topic = runCli(['schema']);
    expect(topic.code).toBe(0);
    expect(topic.stdout).toBe(readFileSync(path.join(repoRoot, 'schema/topic.schema.json'), 'utf8'));
    const theme = runCli(['schema', '--theme']);
    expect(theme.code).toBe(0);
    expect(theme.stdout).toBe(readFileSync(path.join(repoRoot, 'schema/theme.schema.json'), 'utf8'));
    expect(JSON.parse(theme.stdout).properties).toHaveProperty('colors');
  });
});
