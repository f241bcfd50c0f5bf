import type { PhrasingContent, RootContent } from 'mdast';
import type { FaceKey } from '../fonts/font-catalog.js';
import { contentLimits } from '../model/content-limits.js';

/** A stretch of inline text in one style, belonging to one structure element. */
export interface InlineRun {
  text: string;
  bold: boolean;
  italic: boolean;
  /** External URL when the run is link text (http, https or mailto only). */
  link?: string;
  /** Struck through (`~~text~~`): printed with a line through it, as written. */
  strike?: boolean;
  /** Code (`` `text` `` or a fenced block): set in the mono face, never hyphenated. */
  code?: boolean;
  /** A hard line break after this run. */
  breakAfter?: boolean;
}

const linkSchemes = /^(https?:|mailto:)/i;

/** mdast phrasing content → styled runs. Unknown or unsafe constructs print as their plain text. */
export function inlineRuns(nodes: readonly (PhrasingContent | RootContent)[], style: { bold?: boolean; italic?: boolean; link?: string; strike?: boolean } = {}): InlineRun[] {
  const runs: InlineRun[] = [];
  const push = (text: string, code = false) => {
    if (text) runs.push({ text, bold: !!style.bold, italic: !!style.italic, link: style.link, ...(style.strike ? { strike: true } : {}), ...(code ? { code } : {}) });
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        push(node.value);
        break;
      case 'inlineCode':
        push(node.value, true);
        break;
      case 'html':
        // Raw HTML is shown as written, never interpreted.
        push(node.value);
        break;
      case 'strong':
        runs.push(...inlineRuns(node.children, { ...style, bold: true }));
        break;
      case 'emphasis':
        runs.push(...inlineRuns(node.children, { ...style, italic: true }));
        break;
      case 'delete':
        runs.push(...inlineRuns(node.children, { ...style, strike: true }));
        break;
      case 'footnoteReference':
        // The note's mark as the author labelled it; its text prints where the definition stands.
        push(`[${node.label ?? node.identifier}]`);
        break;
      case 'link': {
        const url = linkSchemes.test(node.url) && node.url.length <= contentLimits.linkCharacters ? node.url : undefined;
        runs.push(...inlineRuns(node.children, { ...style, link: url }));
        break;
      }
      case 'image':
      case 'imageReference':
        push(node.alt ?? '');
        break;
      case 'break':
        if (runs.length) runs[runs.length - 1].breakAfter = true;
        else runs.push({ text: '', bold: false, italic: false, breakAfter: true });
        break;
      case 'textDirective':
      case 'leafDirective':
        runs.push(...inlineRuns((node as { children: PhrasingContent[] }).children, style));
        break;
      default:
        if ('children' in node && Array.isArray(node.children)) runs.push(...inlineRuns(node.children as PhrasingContent[], style));
        else if ('value' in node && typeof node.value === 'string') push(node.value);
    }
  }
  return runs;
}

export function faceOf(run: { bold: boolean; italic: boolean; code?: boolean }): FaceKey {
  if (run.code) return run.bold ? 'monoBold' : 'mono';
  return run.bold ? (run.italic ? 'boldItalic' : 'bold') : run.italic ? 'italic' : 'regular';
}
