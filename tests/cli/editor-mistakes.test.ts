/**
 * The mistakes Danish editors make in their first topic.yaml, end to end in Danish: `check` reports each
 * as exactly one error at the line to fix, the hint is the line written the way that works, and pasting
 * that line over the one in the file makes the topic build. The fixtures are copied to a temporary
 * folder, since the fix is written into the file.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testFixtures } from '../helpers/build-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const danish = { LANG: 'da_DK.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-mistakes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Mistake {
  fixture: string;
  line: number;
  rule: string;
  /** Words of the Danish message. */
  message: string;
  /** How the hint says to fix it: a whole line to write, or a key to write instead of another. */
  fix: 'line' | 'key';
  /** The Danish hint, exactly. */
  hint: string;
}

const mistakes: Mistake[] = [
  {
    fixture: 'yaml-colon-in-question',
    line: 7,
    rule: 'yaml-colon-in-value',
    message: 'punktet indeholder `: `',
    fix: 'line',
    hint: 'sæt teksten i anførselstegn; skriv linjen sådan: `  - "Husk: casen er ikke et facit."`',
  },
  {
    fixture: 'yaml-colon-in-instruction',
    line: 9,
    rule: 'yaml-colon-in-value',
    message: 'punktet indeholder `: `',
    fix: 'line',
    hint: 'sæt teksten i anførselstegn; skriv linjen sådan: `      - "Sæt rummet: stole i en rundkreds, ingen borde."`',
  },
  {
    fixture: 'yaml-colon-in-tip',
    line: 9,
    rule: 'yaml-colon-in-value',
    message: 'punktet indeholder `: `',
    fix: 'line',
    hint: 'sæt teksten i anførselstegn; skriv linjen sådan: `      - "Teknik: tjek projektoren før mødet."`',
  },
  {
    fixture: 'yaml-item-ends-with-colon',
    line: 9,
    rule: 'yaml-colon-in-value',
    message: 'punktet slutter med `:`',
    fix: 'line',
    hint: 'sæt teksten i anførselstegn; skriv linjen sådan: `      - "Under runden:"`',
  },
  {
    fixture: 'yaml-colon-in-value',
    line: 3,
    rule: 'yaml-colon-in-value',
    message: 'teksten indeholder `: `',
    fix: 'line',
    hint: 'sæt teksten i anførselstegn; skriv linjen sådan: `subtitle: "Kl. 10: vi starter"`',
  },
  {
    fixture: 'yaml-quote-then-text',
    line: 6,
    rule: 'yaml-quote-then-text',
    message: 'begynder med et citat i anførselstegn',
    fix: 'line',
    hint: 'sæt hele teksten i anførselstegn; skriv linjen sådan: `  - \'"Kan du ikke bare gøre det for mig?" – hvad svarer vi?\'`',
  },
  {
    fixture: 'yaml-tab-in-list',
    line: 9,
    rule: 'yaml-tab-as-indent',
    message: 'tabulatortegn',
    fix: 'line',
    hint: 'ryk ind med mellemrum i stedet; skriv linjen sådan: `      - Sæt rummet op.`',
  },
  {
    fixture: 'danish-key',
    line: 3,
    rule: 'unknown-key',
    message: 'ukendt felt `deltagere`',
    fix: 'key',
    hint: 'skriv `participants:` i stedet for `deltagere:`',
  },
  {
    fixture: 'danish-step-keys',
    line: 7,
    rule: 'unknown-key',
    message: 'ukendt felt `minutter` i trin 1',
    fix: 'key',
    hint: 'skriv `minutes:` i stedet for `minutter:`',
  },
];

/** The file with the hint applied to line `line` (1-based). */
function applied(text: string, line: number, fix: Mistake['fix'], hint: string): string {
  const lines = text.split('\n');
  if (fix === 'line') {
    const written = /skriv linjen sådan: `(.*)`$/.exec(hint);
    expect(written, hint).not.toBeNull();
    lines[line - 1] = written![1];
  } else {
    const keys = /^skriv `([^`]+)` i stedet for `([^`]+)`$/.exec(hint);
    expect(keys, hint).not.toBeNull();
    expect(lines[line - 1]).toContain(keys![2]);
    lines[line - 1] = lines[line - 1].replace(keys![2], keys![1]);
  }
  return lines.join('\n');
}

describe('an editor’s first mistakes, in Danish', () => {
  it.each(mistakes)('$fixture: one error at line $line, and its hint fixes it', (m) => {
    const dir = path.join(tmp, m.fixture);
    cpSync(path.join(testFixtures, 'bad', m.fixture), dir, {
      recursive: true,
    });
    rmSync(path.join(dir, 'expect.json'));
    const file = path.join(dir, 'topic.yaml');

    const check = runCli(['check', dir], { env: danish });
    const context = `--- stderr ---\n${check.stderr}`;
    expect(check.code, context).toBe(1);
    const lines = check.stderr.split('\n');
    const errors = lines.filter((l) => / fejl: .* \[[a-z0-9-]+\]$/.test(l));
    expect(errors, context).toHaveLength(1);
    const [error] = errors;
    expect(error.startsWith(`${file}:${m.line}:`), context).toBe(true);
    expect(error, context).toContain(`[${m.rule}]`);
    expect(error, context).toContain(m.message);
    const hintLine = lines[lines.indexOf(error) + 1];
    expect(hintLine, context).toBe(`  sådan retter du det: ${m.hint}`);

    writeFileSync(file, applied(readFileSync(file, 'utf8'), m.line, m.fix, m.hint.trim()));
    const build = runCli(['build', dir, '--out', path.join(tmp, `${m.fixture}-out`)], { env: danish });
    expect(build.code, `${readFileSync(file, 'utf8')}\n--- stderr ---\n${build.stderr}`).toBe(0);
    expect(build.stderr).not.toMatch(/ fejl: /);
  });
});
