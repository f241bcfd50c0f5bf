/**
 * The list of rules (src/diagnostics/rules.ts) against what editors read (issue #17): every rule a
 * diagnostic can name has an entry in docs/authoring.md's "## Når dialogpack melder noget", no entry
 * there names a rule that no longer exists, and a rule's kind is the exit code its error gives.
 * An entry is a `#### rule-id` heading, a table row whose first cell is `rule-id`, or a list item
 * that starts with the rule id in bold or backticks (the list under "Andre advarsler").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeFor, exitCodes } from '../../src/cli/exit-codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { type RuleId, ruleKinds } from '../../src/diagnostics/rules.js';
import { repoRoot } from '../helpers/build-fixture.js';

const heading = '## Når dialogpack melder noget';

/** The section's text, up to the next `## ` heading outside a code block, if any. */
function messagesSection(): string {
  const doc = readFileSync(path.join(repoRoot, 'docs/authoring.md'), 'utf8');
  const start = doc.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`docs/authoring.md has no section "${heading}"`);
  const lines = doc.slice(start + 1).split('\n');
  let fenced = false;
  const kept = [lines[0]];
  for (const line of lines.slice(1)) {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && /^## /.test(line)) break;
    kept.push(line);
  }
  return kept.join('\n');
}

const ruleLike = '[a-z0-9]+(?:-[a-z0-9]+)*';
const entryPatterns = [
  new RegExp(`^#### (${ruleLike})\\s*$`, 'gm'),
  new RegExp(`^\\| \`(${ruleLike})\` \\|`, 'gm'),
  new RegExp(`^- (?:\\*\\*(${ruleLike})\\*\\*|\`(${ruleLike})\`):`, 'gm'),
];

/** Every rule id the section explains, once per entry (a rule explained twice is there twice). */
function documentedIds(section: string): string[] {
  return entryPatterns.flatMap((pattern) => [...section.matchAll(pattern)].map((m) => m[1] ?? m[2]));
}

describe('docs/authoring.md explains every rule', () => {
  const section = messagesSection();
  const documented = documentedIds(section);
  const rules = Object.keys(ruleKinds) as RuleId[];

  it('finds the entries it looks for', () => {
    // Guards the patterns themselves: a change of format that hid every entry would otherwise pass (2).
    expect(documented).toContain('duration-mismatch');
    expect(documented).toContain('unknown-key');
    expect(documented).toContain('nothing-to-print');
    expect(documented.length).toBeGreaterThanOrEqual(rules.length);
  });

  it('has an entry for each rule in the list', () => {
    const missing = rules.filter((rule) => !documented.includes(rule));
    expect(missing, `rules with no entry in "${heading}"`).toEqual([]);
  });

  it('has no entry for a rule that is not in the list', () => {
    const known = new Set<string>(rules);
    expect(documented.filter((id) => !known.has(id))).toEqual([]);
  });

  it('explains each rule once', () => {
    const twice = documented.filter((id, i) => documented.indexOf(id) !== i);
    expect(twice).toEqual([]);
  });
});

describe('a rule’s kind is its exit code', () => {
  const expected = { content: exitCodes.content, usage: exitCodes.usage, io: exitCodes.internal } as const;
  const error = (rule: RuleId): Diagnostic => ({ file: 'x', severity: 'error', rule, message: { da: 'x', en: 'x' } });

  it('gives content 1, usage 2 and io 3 for one error of each rule', () => {
    const codes = Object.fromEntries((Object.keys(ruleKinds) as RuleId[]).map((rule) => [rule, exitCodeFor([error(rule)])]));
    const wanted = Object.fromEntries(Object.entries(ruleKinds).map(([rule, kind]) => [rule, expected[kind]]));
    expect(codes).toEqual(wanted);
    // Exactly the usage rules exit 2: the command-line ones, nothing a topic's content can cause.
    const exitTwo = Object.keys(codes).filter((rule) => codes[rule] === 2);
    expect(exitTwo.sort()).toEqual(Object.keys(ruleKinds).filter((rule) => ruleKinds[rule as RuleId] === 'usage').sort());
    expect(exitTwo).toEqual(expect.arrayContaining(['bad-option', 'unknown-option', 'path-not-found']));
    expect(exitTwo).not.toContain('unknown-key');
  });

  it('gives 0 for a warning of any rule', () => {
    for (const rule of Object.keys(ruleKinds) as RuleId[]) {
      expect(exitCodeFor([{ ...error(rule), severity: 'warning' }]), rule).toBe(exitCodes.ok);
    }
  });
});
