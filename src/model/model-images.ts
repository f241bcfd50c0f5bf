import type { Image, Parent } from 'mdast';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import type { Diagnostic, Text } from '../diagnostics/diagnostic.js';
import type { TopicSource } from '../load/load-topic.js';
import { describeRefusalText } from '../load/source-file.js';
import type { ParsedMarkdown } from '../parse/parse-topic.js';
import { describeWrongType } from './describe-wrong-type.js';
import { findTopicFile } from './find-topic-file.js';
import { notRaster, readImage, type ImageBudget, type ImageData, type PictureFile } from './read-image.js';
import type { RuleId } from '../diagnostics/rules.js';

declare module 'mdast' {
  interface Data {
    /** On an image printed as a figure: its file, relative to the topic folder (a key of Topic.images). */
    imagePath?: string;
  }
}

/**
 * The images one topic file shows, `![alt text](file.png)`: each must be a PNG, JPEG or SVG in the
 * topic folder, have alt text (it becomes the figure's Alt in the tag tree) and stand in a paragraph
 * of its own. Those that do are marked with their file and added to `images`; the others get a
 * diagnostic at their place in the file, and print as their alt text.
 */
export function modelImages(md: ParsedMarkdown, source: TopicSource, images: Map<string, ImageData>, budget: ImageBudget): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  visit(md.tree, 'image', (node: Image, _index, parent: Parent | undefined) => {
    const place = { file: md.file, line: node.position?.start.line, column: node.position?.start.column };
    const problem = (severity: Diagnostic['severity'], rule: RuleId, message: Text, hint?: Text) => {
      diagnostics.push({ ...place, severity, rule, message, hint });
    };
    const url = decode(node.url);
    if (!url.trim()) {
      return problem(
        'warning',
        'image-without-file',
        { da: 'et billede nævner ingen fil, så kun dets alternative tekst udskrives', en: 'an image names no file, so only its alt text is printed' },
        { da: 'skriv billedets fil i parentesen: `![…](billeder/skaerm.png)`', en: 'name the picture in the parentheses: `![…](billeder/skaerm.png)`' },
      );
    }
    if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) {
      return problem(
        'warning',
        'image-not-local',
        {
          da: `billedet \`${url.slice(0, 60)}\` ligger ikke i emnets mappe, så dets alternative tekst udskrives i stedet`,
          en: `the image \`${url.slice(0, 60)}\` is not in the topic folder, so its alt text is printed instead`,
        },
        {
          da: 'gem billedet i emnets mappe, og skriv navnet på det der, fx `![…](billeder/skaerm.png)`',
          en: 'save the picture in the topic folder and name it there, e.g. `![…](billeder/skaerm.png)`',
        },
      );
    }
    if (!node.alt?.trim()) {
      return problem(
        'error',
        'image-without-alt',
        { da: `billedet \`${url}\` har ingen alternativ tekst`, en: `the image \`${url}\` has no alt text` },
        {
          da: 'skriv mellem de firkantede parenteser, hvad billedet viser: `![Skærmbillede af MitID-appen](…)`; skærmlæsere læser det højt',
          en: 'write what the picture shows between the brackets: `![Skærmbillede af MitID-appen](…)`; screen readers read it aloud',
        },
      );
    }
    const alone = parent?.type === 'paragraph' && parent.children.every((c) => c === node || (c.type === 'text' && !c.value.trim()));
    if (!alone) {
      return problem(
        'warning',
        'image-in-text',
        { da: `billedet \`${url}\` står inde i en tekstlinje, så dets alternative tekst udskrives i stedet`, en: `the image \`${url}\` stands inside a line of text, so its alt text is printed instead` },
        { da: 'sæt billedet i et afsnit for sig, med en tom linje før og efter', en: 'put the image in a paragraph of its own, with a blank line before and after' },
      );
    }
    const found = findTopicFile(source, url, path.posix.dirname(md.path), 'image');
    if ('problem' in found) {
      if (found.problem === 'outside') {
        return problem(
          'error',
          'path-outside-topic',
          { da: `billedet \`${url}\` peger uden for emnets mappe`, en: `the image \`${url}\` points outside the topic folder` },
          { da: 'gem billedet i emnets mappe', en: 'save the picture in the topic folder' },
        );
      }
      if (found.problem === 'missing') {
        return problem(
          'error',
          'missing-image',
          { da: `billedet \`${url}\` findes ikke i ${source.displayDir}`, en: `the image \`${url}\` does not exist in ${source.displayDir}` },
          found.guess
            ? { da: `mente du \`${found.guess}\`?`, en: `did you mean \`${found.guess}\`?` }
            : { da: 'billeder er PNG-, JPEG- eller SVG-filer i emnets mappe', en: 'images are PNG, JPEG or SVG files in the topic folder' },
        );
      }
      if (found.wrongType) {
        const said = describeWrongType(found.wrongType, url, 'image', (ref) => `![${node.alt}](${ref})`);
        return problem('error', said.rule, said.message, said.hint);
      }
      const refused = describeRefusalText(found.file);
      return problem('error', `file-${found.file.reason}`, { da: `billedet \`${url}\` ${refused.da}`, en: `the image \`${url}\` ${refused.en}` }, found.file.hint);
    }
    const { file, path: rel } = found;
    if (!images.has(rel)) {
      // A picture an SVG shows is found from the SVG's own folder, through the same reader, inside the topic.
      const pictureFile = (href: string): ReturnType<PictureFile> => {
        const inner = findTopicFile(source, href, path.posix.dirname(rel), 'picture');
        if (!('problem' in inner)) return inner.file.kind === 'binary' ? { bytes: inner.file.bytes, path: inner.path } : { problem: notRaster(inner.path) };
        if (inner.problem === 'outside') return { problem: { da: `er \`${href}\`, som ligger uden for emnets mappe`, en: `is \`${href}\`, outside the topic folder` } };
        if (inner.problem === 'missing') {
          return { problem: { da: `er \`${inner.path}\`, som ikke findes i ${source.displayDir}`, en: `is \`${inner.path}\`, which does not exist in ${source.displayDir}` } };
        }
        if (inner.wrongType) return { problem: notRaster(inner.path) };
        const refused = describeRefusalText(inner.file);
        return { problem: { da: `er \`${inner.path}\`, og den fil ${refused.da}`, en: `is \`${inner.path}\`, which ${refused.en}` } };
      };
      const read = readImage(rel, file.kind === 'text' ? { text: file.text } : { bytes: file.bytes }, budget, pictureFile);
      if ('problem' in read) return problem('error', 'bad-image', { da: `billedet ${read.problem.da}`, en: `the image ${read.problem.en}` });
      if (read.leftOut.length) {
        problem(
          'warning',
          'svg-left-out',
          {
            da: `billedet \`${rel}\` har dele, som en trykt figur ikke kan vise, og de udelades: ${read.leftOut.map((t) => t.da).join(', ')}`,
            en: `the image \`${rel}\` has parts a printed figure cannot show, and they are left out: ${read.leftOut.map((t) => t.en).join(', ')}`,
          },
          { da: 'fjern dem fra tegningen, eller gem den igen som almindelig SVG', en: 'remove them from the drawing, or save it again as plain SVG' },
        );
      }
      images.set(rel, read.image);
    }
    (node.data ??= {}).imagePath = rel;
  });
  return diagnostics;
}

/** Markdown keeps a URL's percent-escapes (`min%20skærm.png`); the file on disk has the characters. */
function decode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
