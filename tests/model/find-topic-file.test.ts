import { describe, expect, it } from 'vitest';
import type { TopicSource } from '../../src/load/load-topic.js';
import { sniffFileType } from '../../src/load/sniff-file-type.js';
import type { SourceFile } from '../../src/load/source-file.js';
import { findTopicFile } from '../../src/model/find-topic-file.js';
import { photoJpeg } from '../helpers/make-photo.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const heic = bytes('\0\0\0\x18ftypheic\0\0\0\0mif1heic');
const webp = bytes('RIFF\x10\0\0\0WEBPVP8 \0\0\0\0');
const docx = bytes('PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml word/document.xml');
const jpeg = photoJpeg(8, 8);

/** A topic folder in memory: files by path, read through the same door as load's reader. */
function source(files: Record<string, string | Uint8Array>): TopicSource {
  const read = new Map<string, SourceFile>();
  return {
    dir: '/t',
    displayDir: 't',
    slug: 't',
    files: read,
    listing: Object.keys(files).sort(),
    read(rel) {
      const content = files[rel];
      if (content === undefined) return undefined;
      return typeof content === 'string' ? { kind: 'text', path: rel, text: content } : { kind: 'binary', path: rel, bytes: content };
    },
  };
}

const topic = source({
  'topic.yaml': 'title: T\n',
  'case.md': '# Case\n',
  'case.docx': docx,
  'noter.pdf': bytes('%PDF-1.7\n'),
  'gammel.doc': bytes('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1'),
  'billeder/tegning.webp': webp,
  'billeder/foto.heic': heic,
  'billeder/iphone.jpg': heic,
  'billeder/rigtig.webp': jpeg,
  'billeder/skaerm.png': bytes('\x89PNG\r\n\x1a\n'),
  'afsnit.md': docx,
});

describe('sniffFileType', () => {
  it('tells the kinds editors hand over by their first bytes', () => {
    expect([heic, webp, docx, jpeg].map(sniffFileType)).toEqual(['heic', 'webp', 'docx', 'jpeg']);
    expect(sniffFileType(bytes('# Overskrift\n'))).toBeUndefined();
  });
});

describe('findTopicFile', () => {
  it('tells a Word file, a PDF and an old .doc named as a text from a missing file, with what to do', () => {
    const found = findTopicFile(topic, 'case.docx');
    expect(found).toMatchObject({ problem: 'refused', path: 'case.docx', wrongType: { type: 'docx' }, file: { reason: 'wrong-type' } });
    if (!('problem' in found) || found.problem !== 'refused') throw new Error('not refused');
    expect(found.file.hint).toEqual({
      da: 'lav den om til markdown med `dialogpack import case.docx`, og skriv `case.md` i stedet for `case.docx`',
      en: 'make it markdown with `dialogpack import case.docx`, and write `case.md` instead of `case.docx`',
    });
    expect(findTopicFile(topic, 'noter.pdf')).toMatchObject({ wrongType: { type: 'pdf' }, file: { hint: { da: expect.stringContaining('kopiér teksten ind i en .md-fil') } } });
    expect(findTopicFile(topic, 'gammel.doc')).toMatchObject({ wrongType: { type: 'doc' }, file: { hint: { da: expect.stringContaining('gem den som .docx i Word') } } });
  });

  it('tells a Word file saved under a markdown name by its bytes', () => {
    expect(findTopicFile(topic, 'afsnit.md')).toMatchObject({ wrongType: { type: 'docx', named: '.md' }, file: { detail: { en: 'it is a Word file, though its name ends in .md; a topic’s texts must be markdown files (.md)' } } });
  });

  it('tells pictures dialogpack cannot print, by name and by content', () => {
    expect(findTopicFile(topic, 'billeder/tegning.webp', '', 'image')).toMatchObject({ wrongType: { type: 'webp' } });
    expect(findTopicFile(topic, 'billeder/foto.heic', '', 'image')).toMatchObject({ wrongType: { type: 'heic' }, file: { hint: { da: expect.stringContaining('Indstillinger > Kamera > Formater > Mest kompatibel') } } });
    expect(findTopicFile(topic, 'billeder/iphone.jpg', '', 'image')).toMatchObject({ wrongType: { type: 'heic', named: '.jpg' } });
    // A JPEG whose name says WebP is a JPEG.
    expect(findTopicFile(topic, 'billeder/rigtig.webp', '', 'image')).toMatchObject({ path: 'billeder/rigtig.webp', file: { kind: 'binary' } });
  });

  it('guesses only files of the kind asked for', () => {
    expect(findTopicFile(topic, 'cse.md')).toMatchObject({ problem: 'missing', guess: 'case.md' });
    // No markdown file for a missing picture, and no picture for a missing text.
    expect(findTopicFile(topic, 'case.png', '', 'image')).toMatchObject({ problem: 'missing', guess: undefined });
    expect(findTopicFile(topic, 'skaerm.md')).toMatchObject({ problem: 'missing', guess: undefined });
    expect(findTopicFile(topic, 'billeder/skaerm.pn', '', 'image')).toMatchObject({ problem: 'missing', guess: 'billeder/skaerm.png' });
  });
});
