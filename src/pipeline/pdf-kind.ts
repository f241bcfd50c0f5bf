import type { OutputKind } from '../compose/compose-document.js';
import type { PosterSize } from '../layout/page-setup.js';

/**
 * What a built PDF is called after, in its file name `<slug>-<pdfKind>.pdf` and in the manifest: the
 * output kind, or for flip-chart sheets tiled as posters `flipchart-poster-a1`, so a poster build and
 * the A3 sheets never share a name.
 */
export function pdfKind(kind: OutputKind, poster?: PosterSize): string {
  return kind === 'flipchart' && poster ? `flipchart-poster-${poster.toLowerCase()}` : kind;
}
