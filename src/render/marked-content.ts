import type { RunningArtifact } from '../layout/layout.js';
import { pdfkitPatches, type PdfContent, type PdfDoc } from './pdfkit-patches.js';
import type { StructTags } from './struct-tags.js';

/**
 * The marked-content sequence open on a page: content of one structure element, or an artifact.
 * Consecutive items of the same element (or the same kind of artifact) share one sequence.
 */
export class MarkedContent {
  private open: { node: number; content: PdfContent; order?: number; last?: number } | { artifact: RunningArtifact | 'layout' } | undefined;

  constructor(
    private readonly doc: PdfDoc,
    private readonly tags: StructTags,
  ) {}

  close(): void {
    if (this.open === undefined) return;
    this.doc.endMarkedContent();
    if ('node' in this.open) this.tags.add(this.open.node, this.open.content, this.open.order);
    this.open = undefined;
  }

  /** Opens a sequence for content of `node`, or for an artifact when there is none, unless the open one will do. */
  openFor(node: number | undefined, actualText?: string, running?: RunningArtifact, order?: number): void {
    const { doc, tags } = this;
    if (node === undefined) {
      const artifact = running ?? 'layout';
      if (this.open !== undefined && 'artifact' in this.open && this.open.artifact === artifact) return;
      this.close();
      pdfkitPatches.markArtifact(doc, artifact);
      this.open = { artifact };
      return;
    }
    // Each part of a hyphenated word is a sequence of its own, on its own line, so an extractor that
    // places ActualText where its sequence's glyphs are never sees one sequence across two lines.
    // Content read in an order of its own (a poster's tiles) shares a sequence only with what is next to it in that order.
    const open = this.open;
    if (open !== undefined && 'node' in open && open.node === node && actualText === undefined && (order === undefined || order === (open.last ?? NaN) + 1)) {
      open.last = order;
      return;
    }
    this.close();
    tags.element(node);
    const role = tags.role(node);
    // pdftotext reads ActualText from the marked content, pdf.js from the element: set both. The
    // first part's sequence reads as the whole word, at the end of its line; a later part, which
    // starts the next line, must read as no more than the space after a word: poppler ignores an
    // empty ActualText and would read the part's letters again.
    const options = actualText !== undefined && role === 'Span' ? { actual: actualText || ' ' } : {};
    this.open = { node, content: doc.markStructureContent(role, options), order, last: order };
  }
}
