import type { Text } from '../diagnostics/diagnostic.js';

/** What the load stage hands on: file contents by path relative to their folder, or why they were refused. */
export type SourceFile =
  | { kind: 'text'; path: string; text: string }
  | { kind: 'binary'; path: string; bytes: Uint8Array }
  | ({ kind: 'refused'; path: string } & Refusal);

/** `wrong-type` is the model's: the file is there, but is a kind its place cannot use (a Word file for a text). */
export type RefusalReason = 'too-large' | 'not-utf8' | 'nul-byte' | 'outside-folder' | 'not-a-file' | 'over-budget' | 'unreadable' | 'wrong-type';

/** Why a file was not read, and where in it the problem is when that is one place (a bad byte). */
export interface Refusal {
  reason: RefusalReason;
  line?: number;
  column?: number;
  /** Completes the message, e.g. `byte 0xE6, which is not valid UTF-8`. */
  detail?: Text | string;
  hint?: Text;
}

export const refusalMessages: Record<RefusalReason, Text> = {
  'too-large': { da: 'er større end grænsen', en: 'is larger than the size limit' },
  'not-utf8': { da: 'er ikke gemt som UTF-8-tekst', en: 'is not UTF-8 text' },
  'nul-byte': { da: 'indeholder NUL-tegn, så det er ikke en tekstfil', en: 'holds NUL bytes, so it is not a text file' },
  'outside-folder': { da: 'er en genvej, der peger uden for emnets mappe', en: 'is a link that points outside the topic folder' },
  'not-a-file': {
    da: 'er ikke en almindelig fil (det er en pipe, en enhed eller en socket), så den læses ikke',
    en: 'is not an ordinary file (it is a pipe, a device or a socket), so it is not read',
  },
  'over-budget': { da: 'ville gøre emnets filer tilsammen større end grænsen', en: 'would take the files the topic uses over their total size limit' },
  unreadable: { da: 'kan ikke læses', en: 'cannot be read' },
  'wrong-type': { da: 'kan ikke bruges her', en: 'cannot be used here' },
};

/** `is not UTF-8 text: byte 0xE6, which is not valid UTF-8`, in both languages; a detail given in one language only is used in both. */
export function describeRefusalText(refusal: Refusal): Text {
  const message = refusalMessages[refusal.reason];
  const { detail } = refusal;
  if (detail === undefined) return message;
  const pick = (language: keyof Text) => (typeof detail === 'string' ? detail : detail[language]);
  return { da: `${message.da}: ${pick('da')}`, en: `${message.en}: ${pick('en')}` };
}
