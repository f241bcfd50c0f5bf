import path from 'node:path';
import type { Text } from '../diagnostics/diagnostic.js';
import type { FileType } from '../load/sniff-file-type.js';
import { toKebabCase } from './topic-slug.js';
import type { RuleId } from '../diagnostics/rules.js';

/**
 * What the place that names the file wants: `markdown` (purpose, a section, a card), `image` (a picture in
 * markdown: PNG, JPEG or SVG) or `picture` (one an SVG drawing shows: PNG or JPEG).
 */
export type WantedFile = 'markdown' | 'image' | 'picture';

/**
 * A file there but of a kind its place cannot use: `type` is what it is, by content where it was read;
 * `named` is the extension its name has when that says otherwise (`.jpg` on a HEIC photo).
 */
export interface WrongType {
  type: FileType;
  named?: string;
}

/** What each kind is called, as the message names it. */
const names: Record<FileType, Text> = {
  png: { da: 'et PNG-billede', en: 'a PNG picture' },
  jpeg: { da: 'et JPEG-billede', en: 'a JPEG picture' },
  webp: { da: 'et WebP-billede', en: 'a WebP picture' },
  heic: { da: 'et HEIC-billede (iPhones eget format)', en: 'a HEIC picture (the iPhone’s own format)' },
  avif: { da: 'et AVIF-billede', en: 'an AVIF picture' },
  gif: { da: 'et GIF-billede', en: 'a GIF picture' },
  tiff: { da: 'et TIFF-billede', en: 'a TIFF picture' },
  bmp: { da: 'et BMP-billede', en: 'a BMP picture' },
  pdf: { da: 'en PDF-fil', en: 'a PDF file' },
  docx: { da: 'en Word-fil', en: 'a Word file' },
  odt: { da: 'en OpenDocument-fil (.odt)', en: 'an OpenDocument text (.odt)' },
  doc: { da: 'en gammel Word-fil (.doc)', en: 'an old Word file (.doc)' },
  rtf: { da: 'en RTF-fil', en: 'an RTF file' },
};

/**
 * The message for a file of a kind its place cannot use: a Word file named as a text, a HEIC photo as
 * an image. `detail` completes "`case.docx` cannot be used here: …"; `message` is the whole sentence.
 * The hint is the next step in the editor's own tools, ending in what to write; `line` writes that for
 * another file name (`![…](billeder/foto.jpg)`), by default "`case.md` instead of `case.docx`".
 */
export function describeWrongType(
  found: WrongType,
  ref: string,
  wanted: WantedFile,
  line?: (ref: string) => string,
): { rule: RuleId; message: Text; detail: Text; hint: Text } {
  const { type, named } = found;
  const name = names[type];
  const swap = (ext: string) => ref.replace(/\.[^./\\]*$/, '') + `.${ext}`;
  const write = (to: string): Text =>
    line ? { da: `skriv \`${line(to)}\``, en: `write \`${line(to)}\`` } : { da: `skriv \`${to}\` i stedet for \`${ref}\``, en: `write \`${to}\` instead of \`${ref}\`` };
  const lies: Text = named ? { da: `, selvom navnet ender på ${named}`, en: `, though its name ends in ${named}` } : { da: '', en: '' };

  if (wanted === 'markdown') {
    // `dialogpack import` names the markdown file after the document, in lower case without spaces.
    const stem = path.posix.basename(ref.replace(/\\/g, '/')).replace(/\.[^.]*$/, '');
    const md = path.posix.join(path.posix.dirname(ref.replace(/\\/g, '/')), `${toKebabCase(stem) || 'import'}.md`);
    const detail: Text = {
      da: `det er ${name.da}${lies.da}; emnets tekster skal være markdown-filer (.md)`,
      en: `it is ${name.en}${lies.en}; a topic’s texts must be markdown files (.md)`,
    };
    const message: Text = { da: `\`${ref}\` ${detail.da.replace(/^det /, '')}`, en: `\`${ref}\` ${detail.en.replace(/^it /, '')}` };
    const docxName = path.posix.join(path.posix.dirname(ref.replace(/\\/g, '/')), `${stem}.docx`);
    const docx = /\s/.test(docxName) ? `"${docxName}"` : docxName;
    // A Word file saved under a markdown name is first given its own name back.
    const rename: Text = named ? { da: `giv filen navnet \`${docxName}\`, `, en: `rename the file to \`${docxName}\`, ` } : { da: '', en: '' };
    const hints: Partial<Record<FileType, Text>> = {
      docx: {
        da: `${rename.da}lav den om til markdown med \`dialogpack import ${docx}\`${md === ref ? '' : `, og ${write(md).da}`}`,
        en: `${rename.en}make it markdown with \`dialogpack import ${docx}\`${md === ref ? '' : `, and ${write(md).en}`}`,
      },
      doc: {
        da: `gem den som .docx i Word (Filer > Gem som > Word-dokument), og kør så \`dialogpack import ${docx}\`; ${write(md).da} bagefter`,
        en: `save it as .docx in Word (File > Save As > Word Document), then run \`dialogpack import ${docx}\`, and ${write(md).en}`,
      },
      pdf: {
        da: `kopiér teksten ind i en .md-fil, fx \`${md}\`, og ${write(md).da}`,
        en: `copy the text into a .md file, e.g. \`${md}\`, and ${write(md).en}`,
      },
    };
    hints.odt = hints.doc;
    hints.rtf = hints.doc;
    const hint = hints[type] ?? {
      da: `et billede vises i en tekst som \`![Hvad billedet viser](${ref})\`; skriv her navnet på en .md-fil: ${write(md).da}`,
      en: `a picture is shown inside a text as \`![What the picture shows](${ref})\`; name a .md file here: ${write(md).en}`,
    };
    return { rule: 'file-wrong-type', message, detail, hint };
  }

  const picture = wanted === 'picture' ? { da: 'PNG og JPEG', en: 'PNG and JPEG' } : { da: 'PNG, JPEG og SVG', en: 'PNG, JPEG and SVG' };
  const detail: Text = {
    da: `det er ${name.da}${lies.da}; dialogpack kan kun vise ${picture.da}`,
    en: `it is ${name.en}${lies.en}; dialogpack shows only ${picture.en}`,
  };
  const message: Text = { da: `billedet \`${ref}\` ${detail.da.replace(/^det /, '')}`, en: `the image \`${ref}\` ${detail.en.replace(/^it /, '')}` };
  const jpg = swap('jpg');
  const png = swap('png');
  const hints: Partial<Record<FileType, Text>> = {
    heic: {
      da: `gem billedet som JPEG eller PNG, og ${write(jpg).da} (på iPhone: Indstillinger > Kamera > Formater > Mest kompatibel, så tager den JPEG-billeder fremover)`,
      en: `save the picture as JPEG or PNG, and ${write(jpg).en} (on an iPhone: Settings > Camera > Formats > Most Compatible makes it take JPEG photos from then on)`,
    },
    webp: {
      da: `gem billedet som JPEG eller PNG, fx ved at åbne det i Paint og vælge Filer > Gem som > JPEG, og ${write(jpg).da}`,
      en: `save the picture as JPEG or PNG, e.g. open it in Paint and choose File > Save as > JPEG, and ${write(jpg).en}`,
    },
    pdf: {
      da: `gem siden som et PNG-billede (fx med Klippeværktøj), og ${write(png).da}`,
      en: `save the page as a PNG picture (e.g. with the Snipping Tool), and ${write(png).en}`,
    },
  };
  hints.avif = hints.webp;
  const hint = hints[type] ?? {
    da: `gem billedet som PNG (fx i Paint: Filer > Gem som > PNG-billede), og ${write(png).da}`,
    en: `save the picture as PNG (e.g. in Paint: File > Save as > PNG picture), and ${write(png).en}`,
  };
  return { rule: 'image-type-not-supported', message, detail, hint };
}
