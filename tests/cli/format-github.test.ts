import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/cli/format-github.js';
import type { ReportedDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { repoRoot } from '../helpers/build-fixture.js';
import { runCli, stackFrame } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-github-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** How the Actions runner reads a line: a command only at the start, properties split on `,` and `=`, then unescaped. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } | undefined {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line.trimStart());
  if (!match) return undefined;
  const unescape = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries((match[2] ?? '').split(',').filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
  return { command: match[1], properties, message: unescape(match[3]) };
}

const base: ReportedDiagnostic = { file: 'content/hardware/topic.yaml', line: 6, column: 5, severity: 'error', rule: 'unknown-key', message: 'unknown key `minuts`' };

describe('formatGithub', () => {
  it('writes a workflow command with the place, the rule as title and the hint after the message', () => {
    expect(formatGithub({ ...base, hint: 'did you mean `minutes`?' }, 'en')).toBe(
      '::error file=content/hardware/topic.yaml,line=6,col=5,title=dialogpack [unknown-key]::unknown key `minuts`%0Ahint: did you mean `minutes`?',
    );
    expect(formatGithub({ ...base, severity: 'warning' }, 'en')).toMatch(/^::warning file=/);
    expect(formatGithub({ file: 'content', severity: 'error', rule: 'not-a-topic', message: 'no topics' }, 'en')).toBe('::error file=content,title=dialogpack [not-a-topic]::no topics');
  });

  it('escapes as @actions/core does: data %, CR, LF; properties also : and ,', () => {
    const line = formatGithub({ ...base, file: 'C:\\topics\\a,b%c/topic.yaml', message: '100% done\r\nnext', hint: 'a: b, c' }, 'en');
    expect(line).toBe('::error file=C%3A\\topics\\a%2Cb%25c/topic.yaml,line=6,col=5,title=dialogpack [unknown-key]::100%25 done%0D%0Anext%0Ahint: a: b, c');
  });

  it('keeps a message with a newline and `::` inside one command: a topic cannot inject a second one', () => {
    const message = 'unknown key `oops\n::error file=evil.yaml::pwned\r\n::add-mask::x`';
    const line = formatGithub({ ...base, file: 'a::b,c=d/topic.yaml', message }, 'en');
    expect(line.split(/\r?\n|\r/)).toHaveLength(1);
    const parsed = parseCommand(line);
    expect(parsed).toEqual({ command: 'error', properties: { file: 'a::b,c=d/topic.yaml', line: '6', col: '5', title: 'dialogpack [unknown-key]' }, message });
  });
});

describe('dialogpack --format github', () => {
  it('prints each diagnostic as an annotation on stdout and the count as a plain line, before or after the command', () => {
    const topic = path.join(tmp, 'hardware');
    cpSync(path.join(repoRoot, 'content', 'hardware'), topic, { recursive: true });
    const yaml = path.join(topic, 'topic.yaml');
    writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}"oops\\n::error file=evil.yaml::pwned": 1\n`);
    for (const args of [['--format', 'github', 'check', topic], ['check', topic, '--format', 'github']]) {
      const run = runCli(args);
      expect(run.code, run.stderr).toBe(1);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      const parsed = parseCommand(lines[0]);
      expect(parsed?.command).toBe('error');
      expect(parsed?.properties.file).toBe(yaml);
      expect(parsed?.properties.title).toBe('dialogpack [unknown-key]');
      expect(parsed?.message).toMatch(/^unknown key `oops\n::error file=evil\.yaml::pwned`.*\nhint: known keys: title/s);
      expect(lines.some((l) => l.startsWith('::error file=evil'))).toBe(false);
      expect(run.stderr).toBe('1 error, 0 warnings in 1 topic\n');
      expect(run.stderr).not.toMatch(stackFrame);
    }
  });

  it('refuses a format it does not know, with exit 2', () => {
    const run = runCli(['--format', 'gitlab', 'check', path.join(repoRoot, 'content')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/'gitlab' is invalid\. Allowed choices are text, github\. \[bad-option\]/);
  });
});
