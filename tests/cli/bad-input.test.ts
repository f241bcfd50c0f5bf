/**
 * Bad input, end to end: each folder under tests/fixtures/bad/ is one bad topic (or a good topic with a bad
 * command line) and its expect.json says what `dialogpack build` must answer: the exit code, the
 * diagnostics (file, line, column, severity, rule, words of the message and hint), and which PDFs, if any,
 * are written. Cases whose bytes cannot live in git (a symbolic link, Latin-1, a NUL byte, a file over the
 * size limit, a 30 MB photo) copy their fixture to a temporary folder and add them there: fixtures are never written to.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { topicLimits } from '../../src/load/load-topic.js';
import { repoRoot, testFixtures } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';
import { runCli, stackFrame } from '../helpers/run-cli.js';

interface ExpectedDiagnostic {
  /** Relative to the topic folder; `--option` for option problems; `{out}` for the output folder. */
  file: string;
  line?: number;
  /** Left out where a column means nothing (a template's parse error). */
  column?: number;
  severity?: 'error' | 'warning';
  rule: string;
  /** Words the message must contain. */
  message?: string;
  hint?: string;
}

interface Expectation extends Partial<ExpectedDiagnostic> {
  about: string;
  code: number;
  /** Extra arguments after `build <dir> --out <out>`; `{dir}` is the topic folder as passed. */
  args?: string[];
  setup?: keyof typeof setups;
  /** Several diagnostics; otherwise the top-level file/line/column/rule are the one expected. */
  diagnostics?: ExpectedDiagnostic[];
  /** Text stderr must contain, for messages that are not diagnostics (commander's). */
  stderr?: string[];
  summary?: string;
  /** PDFs (relative to --out) that must be written; none may be written outside their topics' folders. */
  written?: string[];
  pdf?: { file: string; contains?: string[]; noLinkTo?: string[] };
  note?: string;
}

const badDir = path.join(testFixtures, 'bad');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-bad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Adds what git cannot hold to a temporary copy of a fixture; may move the output folder. */
const setups = {
  'symlink-outside': (dir: string, scratch: string) => {
    const target = path.join(scratch, 'outside-secret.md');
    writeFileSync(target, '# Uden for emnet\n\nDenne fil ligger uden for emnets mappe.\n');
    symlinkSync(target, path.join(dir, 'secret.md'));
  },
  latin1: (dir: string) => {
    // "Medarbejderen hjælper borgeren." saved as Latin-1: æ is the lone byte 0xE6 on line 3, column 17.
    const bytes = Buffer.concat([Buffer.from('# Case\n\nMedarbejderen hj'), Buffer.from([0xe6]), Buffer.from('lper borgeren.\n')]);
    writeFileSync(path.join(dir, 'case.md'), bytes);
  },
  'nul-byte': (dir: string) => {
    writeFileSync(path.join(dir, 'case.md'), Buffer.from('# Case\n\nTekst\u0000mere tekst.\n'));
  },
  'too-large': (dir: string) => {
    const line = 'Juridisk baggrund, gentaget for at gøre filen stor nok til at ramme grænsen.\n';
    const text = line.repeat(Math.ceil(topicLimits.maxFileBytes / line.length) + 1);
    writeFileSync(path.join(dir, 'legal.md'), Buffer.from(text).subarray(0, topicLimits.maxFileBytes + 1));
  },
  'huge-image': (dir: string) => {
    // A JPEG's first bytes, then 30 MB: refused by its size before a byte of it is read.
    mkdirSync(path.join(dir, 'billeder'), { recursive: true });
    const bytes = Buffer.alloc(30 * 1024 * 1024);
    bytes.set([0xff, 0xd8, 0xff, 0xe0]);
    writeFileSync(path.join(dir, 'billeder/foto.jpg'), bytes);
  },
  'deep-nesting': (dir: string) => {
    // Deep enough to overflow the YAML parser's stack on any machine; where it gives up varies.
    writeFileSync(path.join(dir, 'topic.yaml'), `title: Dybt\nquestions: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
  },
  'out-under-file': (_dir: string, scratch: string) => {
    const blocker = path.join(scratch, 'a-regular-file');
    writeFileSync(blocker, 'not a folder\n');
    return { out: path.join(blocker, 'out') };
  },
} satisfies Record<string, (dir: string, scratch: string) => { out?: string } | void>;

const cases = readdirSync(badDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

function loadExpectation(name: string): Expectation {
  return JSON.parse(readFileSync(path.join(badDir, name, 'expect.json'), 'utf8')) as Expectation;
}

function prepare(name: string, spec: Expectation): { dir: string; out: string } {
  const scratch = path.join(tmp, name);
  mkdirSync(scratch, { recursive: true });
  let out = path.join(scratch, 'out');
  if (!spec.setup) return { dir: path.relative(repoRoot, path.join(badDir, name)), out };
  // Same folder name, so the topic's slug (and its output paths) stay the fixture's.
  const dir = path.join(scratch, name);
  cpSync(path.join(badDir, name), dir, { recursive: true });
  const moved = setups[spec.setup](dir, scratch);
  if (moved?.out) out = moved.out;
  return { dir, out };
}

function pdfsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `path:line:column: severity: message [rule]`, then an optional `  hint:` line (and the closing count). */
const diagnosticLine = /^.+?: (error|warning): .+ \[[a-z0-9-]+\]$/;
const otherLine = /^( {2}hint: .+|wrote .+|\[\d+\/\d+\] \S+: (failed|unchanged|\d+ PDFs?)|\d+ errors?, \d+ warnings? in \d+ topics?|Fix the first error first, then run again: the ones after it may follow from it\.)$/;

describe('dialogpack build on bad input', () => {
  it('has an expect.json for every fixture', () => {
    expect(cases.length).toBeGreaterThan(30);
    for (const name of cases) expect(existsSync(path.join(badDir, name, 'expect.json')), name).toBe(true);
  });

  it.each(cases)('%s', async (name) => {
    const spec = loadExpectation(name);
    const { dir, out } = prepare(name, spec);
    const args = (spec.args ?? []).map((a) => a.replaceAll('{dir}', dir));
    const run = runCli(['build', dir, '--out', out, ...args]);
    const context = `${spec.about}\n--- stderr ---\n${run.stderr}`;

    expect(run.code, context).toBe(spec.code);
    expect(run.stderr, context).not.toMatch(stackFrame);
    expect(run.stdout, context).not.toMatch(stackFrame);

    const expected = spec.diagnostics ?? (spec.rule ? [spec as ExpectedDiagnostic] : []);
    const lines = run.stderr.split('\n').filter(Boolean);
    if (!spec.stderr) {
      for (const line of lines) expect(line, context).toMatch(new RegExp(`${diagnosticLine.source}|${otherLine.source}`));
    }
    for (const want of expected) {
      const file = want.file.startsWith('--') ? want.file : want.file === '{out}' ? out : path.join(dir, want.file);
      const place = `${escape(file)}${want.line === undefined ? '' : `:${want.line}`}${want.column === undefined ? '(?::\\d+)?' : `:${want.column}`}`;
      const head = new RegExp(`^${place}: ${want.severity ?? 'error'}: (.*) \\[${escape(want.rule)}\\]$`);
      const index = lines.findIndex((l) => head.test(l));
      expect(index, `no line matching ${head}\n${context}`).toBeGreaterThanOrEqual(0);
      if (want.message) expect(head.exec(lines[index])![1], context).toContain(want.message);
      if (want.hint) {
        expect(lines[index + 1] ?? '', context).toMatch(/^ {2}hint: /);
        expect(lines[index + 1], context).toContain(want.hint);
      }
    }
    for (const text of spec.stderr ?? []) expect(run.stderr, context).toContain(text);
    if (spec.summary) expect(run.stderr, context).toContain(spec.summary);

    const written = pdfsUnder(out);
    const wanted = spec.written ?? [];
    for (const file of wanted) expect(written, context).toContain(file);
    const allowedFolders = new Set(wanted.map((f) => f.split('/')[0]));
    expect(written.filter((f) => !allowedFolders.has(f.split('/')[0])), `PDFs of a topic with errors\n${context}`).toEqual([]);
    expect(written.filter((f) => f.includes('.tmp')), context).toEqual([]);

    if (spec.pdf) {
      const pdf = await readPdf(readFileSync(path.join(out, spec.pdf.file)));
      for (const text of spec.pdf.contains ?? []) expect(pdf.text).toContain(text);
      const urls = pdf.pages.flatMap((p) => p.annotations.map((a) => a.url ?? ''));
      for (const scheme of spec.pdf.noLinkTo ?? []) expect(urls.filter((u) => u.toLowerCase().startsWith(scheme))).toEqual([]);
    }
  });
});
