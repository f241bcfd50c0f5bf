import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Text } from '../diagnostics/diagnostic.js';
import { decodeText } from './decode-text.js';
import type { EntryKind } from './list-topic-folder.js';
import { sniffFileType } from './sniff-file-type.js';
import type { Refusal, SourceFile } from './source-file.js';

// Windows has neither flag; there a pipe cannot carry a topic file's name anyway.
const openFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const chunkBytes = 64 * 1024;

export interface ReadLimits {
  /** Bytes this one file may have. */
  maxBytes: number;
  /** What the limit is for, in the refusal: `a topic file`, `a picture`. */
  what: Text;
  hint: Text;
  /** Bytes the topic may still read in all; a file that does not fit is refused, not read in part. */
  budget: number;
}

/**
 * One listed file of a topic folder, read whole or refused unread: a link must end inside `root`,
 * the thing opened must be the regular file that was looked at (not a pipe, device or socket, which
 * can block a read for ever or never end), and no more than `maxBytes` are read, whatever the size
 * the file claimed. Text (markdown, YAML, SVG) is decoded as UTF-8; pictures stay bytes. Synchronous,
 * because later stages ask for files while they work, and each answer is a few milliseconds.
 */
export function readTopicFile(root: string, relPath: string, kind: EntryKind, isText: boolean, limits: ReadLimits): SourceFile {
  const refuse = (refusal: Refusal): SourceFile => ({ kind: 'refused', path: relPath, ...refusal });
  if (kind === 'special') return refuse({ reason: 'not-a-file', hint: notAFileHint });
  const full = path.join(root, relPath);
  let fd: number | undefined;
  try {
    // Always resolved, not only for listed links: a folder on the way may have become a link since.
    const real = realpathSync(full);
    if (real !== root && !real.startsWith(root + path.sep)) {
      return refuse({ reason: 'outside-folder', detail: real, hint: { da: 'kopiér filen ind i emnets mappe i stedet for at lave en genvej til den', en: 'copy the file into the topic folder instead of linking to it' } });
    }
    // `real` holds no link any more, so lstat sees what open will open.
    const looked = lstatSync(real);
    if (!looked.isFile()) return refuse({ reason: 'not-a-file', hint: notAFileHint });
    if (looked.size > limits.maxBytes) return refuse(tooLarge(looked.size, limits));
    if (looked.size > limits.budget) return refuse({ reason: 'over-budget', hint: overBudgetHint });
    fd = openSync(real, openFlags);
    const opened = fstatSync(fd);
    // Swapped for something else between the look and the open: refuse rather than read it.
    if (!opened.isFile() || opened.ino !== looked.ino || opened.dev !== looked.dev) {
      return refuse({ reason: 'not-a-file', hint: { da: 'filen blev ændret, mens den blev læst; byg igen', en: 'the file changed while it was read; build again' } });
    }
    const cap = Math.min(limits.maxBytes, limits.budget);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(chunkBytes, cap + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      // The file grew after the look: it is as refused as if it had been that large to begin with.
      if (total > cap) return refuse(total > limits.maxBytes ? tooLarge(total, limits) : { reason: 'over-budget', hint: overBudgetHint });
    }
    const bytes = new Uint8Array(Buffer.concat(chunks, total));
    // A Word file or picture under a text file's name is handed on as bytes, so the model can say what it is.
    if (!isText || sniffFileType(bytes)) return { kind: 'binary', path: relPath, bytes };
    const decoded = decodeText(bytes);
    return 'text' in decoded ? { kind: 'text', path: relPath, text: decoded.text } : refuse(decoded.refused);
  } catch (error) {
    return refuse({ reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const notAFileHint: Text = { da: 'fjern den fra emnets mappe, eller gem teksten som en almindelig fil', en: 'remove it from the topic folder, or save the text as an ordinary file' };
const overBudgetHint: Text = { da: 'gør billederne mindre, eller del emnet i to', en: 'make the pictures smaller, or split the topic in two' };

function tooLarge(size: number, limits: ReadLimits): Refusal {
  return {
    reason: 'too-large',
    detail: {
      da: `${formatBytes(size, 'da', limits.maxBytes)}, over grænsen på ${formatBytes(limits.maxBytes, 'da')} for ${limits.what.da}`,
      en: `${formatBytes(size, 'en')}, over the ${formatBytes(limits.maxBytes, 'en')} limit for ${limits.what.en}`,
    },
    hint: limits.hint,
  };
}

/**
 * `1,048,577 bytes` against `1 MiB`: exact where it matters (just over the limit), round for the limit.
 * In Danish a file well over its limit is told in MB with one decimal (`30,2 MB`), as Explorer shows it.
 */
function formatBytes(bytes: number, language: keyof Text, limit?: number): string {
  const mib = bytes / 1024 / 1024;
  if (bytes % (1024 * 1024) === 0) return `${mib} ${language === 'da' ? 'MB' : 'MiB'}`;
  if (language === 'en') return `${bytes.toLocaleString('en')} bytes`;
  const rounded = Math.round(mib * 10) / 10;
  return limit !== undefined && rounded > limit / 1024 / 1024 ? `${rounded.toLocaleString('da')} MB` : `${bytes.toLocaleString('da')} byte`;
}
