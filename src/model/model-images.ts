import type { Image, Parent } from 'mdast';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TopicSource } from '../load/load-topic.js';
import { describeRefusal } from '../load/source-file.js';
import type { ParsedMarkdown } from '../parse/parse-topic.js';
import { findTopicFile } from './find-topic-file.js';
import { readImage, type ImageBudget, type ImageData } from './read-image.js';

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
    const problem = (severity: Diagnostic['severity'], rule: string, message: string, hint?: string) => {
      diagnostics.push({ ...place, severity, rule, message, hint });
    };
    const url = decode(node.url);
    if (!url.trim()) {
      return problem('warning', 'image-without-file', 'an image names no file, so only its alt text is printed', 'name the picture in the parentheses: `![…](billeder/skaerm.png)`');
    }
    if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) {
      return problem('warning', 'image-not-local', `the image \`${url.slice(0, 60)}\` is not in the topic folder, so its alt text is printed instead`, 'save the picture in the topic folder and name it there, e.g. `![…](billeder/skaerm.png)`');
    }
    if (!node.alt?.trim()) {
      return problem('error', 'image-without-alt', `the image \`${url}\` has no alt text`, 'write what the picture shows between the brackets: `![Skærmbillede af MitID-appen](…)`; screen readers read it aloud');
    }
    const alone = parent?.type === 'paragraph' && parent.children.every((c) => c === node || (c.type === 'text' && !c.value.trim()));
    if (!alone) {
      return problem('warning', 'image-in-text', `the image \`${url}\` stands inside a line of text, so its alt text is printed instead`, 'put the image in a paragraph of its own, with a blank line before and after');
    }
    const found = findTopicFile(source, url, path.posix.dirname(md.path), (k) => /\.(png|jpe?g|svg)$/i.test(k));
    if ('problem' in found) {
      if (found.problem === 'outside') return problem('error', 'path-outside-topic', `the image \`${url}\` points outside the topic folder`, 'save the picture in the topic folder');
      if (found.problem === 'missing') {
        return problem('error', 'missing-image', `the image \`${url}\` does not exist in ${source.displayDir}`, found.guess ? `did you mean \`${found.guess}\`?` : 'images are PNG, JPEG or SVG files in the topic folder');
      }
      return problem('error', `file-${found.file.reason}`, `the image \`${url}\` ${describeRefusal(found.file)}`, found.file.hint);
    }
    const { file, path: rel } = found;
    if (!images.has(rel)) {
      // A picture an SVG shows is found from the SVG's own folder, through the same reader, inside the topic.
      const pictureFile = (href: string) => {
        const inner = findTopicFile(source, href, path.posix.dirname(rel), (k) => /\.(png|jpe?g)$/i.test(k));
        if (!('problem' in inner)) return inner.file.kind === 'binary' ? { bytes: inner.file.bytes, path: inner.path } : { problem: `is \`${inner.path}\`, which is not a PNG or JPEG file` };
        if (inner.problem === 'outside') return { problem: `is \`${href}\`, outside the topic folder` };
        if (inner.problem === 'missing') return { problem: `is \`${inner.path}\`, which does not exist in ${source.displayDir}` };
        return { problem: `is \`${inner.path}\`, which ${describeRefusal(inner.file)}` };
      };
      const read = readImage(rel, file.kind === 'text' ? { text: file.text } : { bytes: file.bytes }, budget, pictureFile);
      if ('problem' in read) return problem('error', 'bad-image', `the image ${read.problem}`);
      if (read.leftOut.length) {
        problem('warning', 'svg-left-out', `the image \`${rel}\` has parts a printed figure cannot show, and they are left out: ${read.leftOut.join(', ')}`, 'remove them from the drawing, or save it again as plain SVG');
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
