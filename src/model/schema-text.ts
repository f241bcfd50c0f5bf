import type * as z from 'zod';
import type { Text } from '../diagnostics/diagnostic.js';
import type { RuleId } from '../diagnostics/rules.js';

/**
 * The schemas' own messages, stated in both languages where each schema states its rule.
 *
 * A built-in check (`.min(1, …)`, `.regex(…)`, `.refine(…)`, a union's `error`) hands zod one string,
 * which becomes the issue's `message`. So the schema gives zod a stable code (`schemaText.state(code,
 * text)` returns it) and the Text is kept here under that code; zodDiagnostics finds it by the code,
 * exactly, and never reads wording to find the other language. A custom issue whose words depend on
 * the values checked (`min 20 is above max 4`) is made in code and carries its Text in `params.message`.
 */
const stated = new Map<string, Text>();

/** Codes live beside zod's own messages in `message`; the prefix keeps a zod sentence from ever being one. */
const prefix = 'dialogpack:';

/** Keeps `text` under `code` and returns what to give zod as the check's message. */
function state(code: string, text: Text): string {
  const key = `${prefix}${code}`;
  const before = stated.get(key);
  // Two rules sharing a code with different words would make one of them say the other's message.
  if (before && (before.da !== text.da || before.en !== text.en)) throw new Error(`schema message ${code} is stated twice with different words`);
  stated.set(key, text);
  return key;
}

function isText(value: unknown): value is Text {
  if (value === null || typeof value !== 'object') return false;
  const { da, en } = value as Partial<Record<keyof Text, unknown>>;
  return typeof da === 'string' && typeof en === 'string';
}

/** The schema's own words for an issue: a custom issue's `params.message`, or the Text its code names. */
function of(issue: z.core.$ZodIssue): Text | undefined {
  if (issue.code === 'custom' && isText(issue.params?.message)) return issue.params.message;
  return stated.get(issue.message);
}

/**
 * An issue for a superRefine's `ctx.addIssue`: its words, and the hint and rule it may bring, typed,
 * where zod's `params` would take anything.
 */
function issue(path: (string | number)[], message: Text, more: { rule?: RuleId; hint?: Text } = {}) {
  return { code: 'custom' as const, path, params: { ...more, message } };
}

/** Every message stated so far, by code: for the tests that hold each to both languages. */
function all(): ReadonlyMap<string, Text> {
  return new Map([...stated].map(([key, text]) => [key.slice(prefix.length), text]));
}

export const schemaText = { state, issue, of, all, isText };
