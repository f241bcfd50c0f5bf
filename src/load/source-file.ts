/** What the load stage hands on: file contents by path relative to their folder, or why they were refused. */
export type SourceFile =
  | { kind: 'text'; path: string; text: string }
  | { kind: 'binary'; path: string; bytes: Uint8Array }
  | ({ kind: 'refused'; path: string } & Refusal);

export type RefusalReason = 'too-large' | 'not-utf8' | 'nul-byte' | 'outside-folder' | 'not-a-file' | 'over-budget' | 'unreadable';

/** Why a file was not read, and where in it the problem is when that is one place (a bad byte). */
export interface Refusal {
  reason: RefusalReason;
  line?: number;
  column?: number;
  /** Completes the message, e.g. `byte 0xE6, which is not valid UTF-8`. */
  detail?: string;
  hint?: string;
}

export const refusalMessages: Record<RefusalReason, string> = {
  'too-large': 'is larger than the size limit',
  'not-utf8': 'is not UTF-8 text',
  'nul-byte': 'holds NUL bytes, so it is not a text file',
  'outside-folder': 'is a link that points outside the topic folder',
  'not-a-file': 'is not an ordinary file (it is a pipe, a device or a socket), so it is not read',
  'over-budget': 'would take the files the topic uses over their total size limit',
  unreadable: 'cannot be read',
};

/** `is not UTF-8 text: byte 0xE6, which is not valid UTF-8` */
export function describeRefusal(refusal: Refusal): string {
  return refusal.detail ? `${refusalMessages[refusal.reason]}: ${refusal.detail}` : refusalMessages[refusal.reason];
}
