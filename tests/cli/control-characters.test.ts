import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/cli/format-report.js';
import { formatGithub } from '../../src/cli/format-github.js';
import { repoRoot } from '../helpers/build-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-control-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// What a topic can carry to a terminal: clear the screen and turn the text red, ring, a NUL, a
// carriage return that overwrites the line, and a newline that starts a workflow command.
const payload = '\u001b[2J\u001b[31mrød\u0007\u0000\r::warning file=evil.yaml::pwned\n::error::forged';
/** Raw control characters other than the newline that ends a line, and a line a runner reads as a command. */
const raw = /[\u0000-\u0009\u000b-\u001f\u007f]/;
const workflowCommand = /^::/m;

const root = path.join(tmp, 'content');
cpSync(path.join(repoRoot, 'content/hardware'), path.join(root, 'hardware'), { recursive: true });
// A key the schema does not know is quoted back in its message; YAML's double quotes can spell any character.
const yaml = readFileSync(path.join(root, 'hardware/topic.yaml'), 'utf8');
writeFileSync(path.join(root, 'hardware/topic.yaml'), `${yaml}\n${JSON.stringify(payload)}: 1\n`);
// And a folder name, which every message about that topic carries.
const folder = path.join(root, `emne\u001b[2J\n::warning file=x::y`);
cpSync(path.join(repoRoot, 'content/personas'), folder, { recursive: true });
// A title reaches the terminal in `list`.
const titled = path.join(tmp, 'titled');
cpSync(path.join(repoRoot, 'content/personas'), path.join(titled, 'personas'), { recursive: true });
const personas = readFileSync(path.join(titled, 'personas/topic.yaml'), 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(`Titel${payload}`)}`);
writeFileSync(path.join(titled, 'personas/topic.yaml'), personas);

describe('control characters from a topic never reach the terminal raw', () => {
  it('check: every diagnostic stays its own lines, with ESC, BEL, NUL, CR and newlines shown escaped', () => {
    const run = runCli(['check', root, '--out', path.join(tmp, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(raw);
    expect(run.stderr).not.toMatch(workflowCommand);
    expect(run.stderr).toContain('unknown key `\\u001b[2J\\u001b[31mrød\\u0007\\u0000\\r::warning file=evil.yaml:');
    expect(run.stderr).toContain('emne\\u001b[2J\\n::warning file=x::y');
  });

  it('build: the same, in diagnostics and in the progress and summary lines', () => {
    const run = runCli(['build', root, '--out', path.join(tmp, 'out'), '--kind', 'handout'], { env: { CI: 'true' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^\[\d\/2\] .*emne\\u001b\[2J\\n::warning/m);
    expect(run.stderr).not.toMatch(raw);
    expect(run.stderr).not.toMatch(workflowCommand);
  });

  it('list: a title is shown escaped in the table', () => {
    const run = runCli(['list', titled]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Titel\\u001b[2J\\u001b[31mrød');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(raw);
    expect(run.stdout).not.toMatch(workflowCommand);
  });

  it('--format github: one workflow command per diagnostic, with no raw control character in it', () => {
    const run = runCli(['--format', 'github', 'check', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(raw);
    for (const line of run.stdout.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning) file=/);
  });

  it('the formatters escape every field, a hint and a rule included', () => {
    const d = { file: `a${payload}`, line: 1, column: 2, severity: 'error' as const, rule: `r${payload}`, message: payload, hint: payload };
    const text = formatDiagnostic(d, 'en');
    expect(text.split('\n')).toHaveLength(2);
    expect(text).not.toMatch(raw);
    expect(text).toContain('\\u001b[2J');
    expect(formatGithub(d, 'en')).not.toMatch(raw);
    expect(formatGithub(d, 'en').split('\n')).toHaveLength(1);
  });
});
