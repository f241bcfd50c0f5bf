/** What the load stage hands on: file contents by path relative to their folder, or why they were refused. */
export type SourceFile =
  | { kind: 'text'; path: string; text: string }
  | { kind: 'binary'; path: string; bytes: Uint8Array }
  | { kind: 'refused'; path: string; reason: RefusalReason };

export type RefusalReason = 'too-large' | 'not-utf8' | 'nul-byte' | 'outside-folder' | 'unreadable';

export const refusalMessages: Record<RefusalReason, string> = {
  'too-large': 'is larger than the size limit',
  'not-utf8': 'is not UTF-8 text',
  'nul-byte': 'holds NUL bytes, so it is not a text file',
  'outside-folder': 'is a link that points outside the topic folder',
  unreadable: 'cannot be read',
};
