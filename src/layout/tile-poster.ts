import { fill, labels } from '../compose/labels.js';
import type { FontBook } from '../fonts/font-book.js';
import type { LayoutItem, LayoutPage, PosterTile, RunningArtifact } from './layout.js';
import type { PageSetup, Size } from './page-setup.js';
import type { Theme } from './theme.js';

/**
 * Tiles each poster page across printer pages. Tiles overlap by the glue margin; each tile prints its
 * window of the poster through a clip, with cut marks and a label in the printer's margin. Text is tagged
 * on the one tile that owns its starting point, so the tag tree reads every word once.
 */
export function tilePoster(
  posters: LayoutPage[],
  config: NonNullable<PageSetup['tiles']>,
  lang: 'da' | 'en',
  fonts: FontBook,
  theme: Theme,
): { pages: LayoutPage[]; tiles: PosterTile[] } {
  const pages: LayoutPage[] = [];
  const tiles: PosterTile[] = [];
  posters.forEach((poster, sheet) => {
    const paper = bestOrientation(poster, config);
    const ww = paper.width - 2 * config.margin;
    const wh = paper.height - 2 * config.margin;
    const stepX = ww - config.overlap;
    const stepY = wh - config.overlap;
    const columns = Math.max(1, Math.ceil((poster.width - config.overlap) / stepX));
    const rows = Math.max(1, Math.ceil((poster.height - config.overlap) / stepY));
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const window = { x: column * stepX, y: row * stepY, width: ww, height: wh };
        const own = {
          x: window.x,
          y: window.y,
          width: (column === columns - 1 ? poster.width : (column + 1) * stepX) - window.x,
          height: (row === rows - 1 ? poster.height : (row + 1) * stepY) - window.y,
        };
        const tile: PosterTile = { page: pages.length, sheet, row, column, rows, columns, window, own, poster: { width: poster.width, height: poster.height } };
        tiles.push(tile);
        pages.push({ width: paper.width, height: paper.height, items: tileItems(poster, tile, config, lang, fonts, theme) });
      }
    }
  });
  return { pages, tiles };
}

function bestOrientation(poster: Size, config: NonNullable<PageSetup['tiles']>): Size {
  const count = (paper: Size) => {
    const ww = paper.width - 2 * config.margin - config.overlap;
    const wh = paper.height - 2 * config.margin - config.overlap;
    return Math.ceil((poster.width - config.overlap) / ww) * Math.ceil((poster.height - config.overlap) / wh);
  };
  const portrait = { width: Math.min(config.paper.width, config.paper.height), height: Math.max(config.paper.width, config.paper.height) };
  const landscape = { width: portrait.height, height: portrait.width };
  return count(landscape) < count(portrait) ? landscape : portrait;
}

function tileItems(
  poster: LayoutPage,
  tile: PosterTile,
  config: NonNullable<PageSetup['tiles']>,
  lang: 'da' | 'en',
  fonts: FontBook,
  theme: Theme,
): LayoutItem[] {
  const m = config.margin;
  const { window, own } = tile;
  const owns = (x: number, y: number) => x >= own.x && x < own.x + own.width && y >= own.y && y < own.y + own.height;
  const shown = poster.items.flatMap((item): LayoutItem[] => {
    if (item.type === 'text') return [owns(item.x, item.y) ? item : { ...item, node: undefined }];
    if (item.type === 'link' || item.type === 'field') return owns(item.x, item.y) ? [item] : [];
    return [item];
  });
  const items: LayoutItem[] = [];
  const words = labels[lang];
  const size = 8;
  // The tile's label is its folio and the glue note its footer, in the printer's margin: Pagination artifacts.
  const text = (value: string, x: number, y: number, running: RunningArtifact) => {
    for (const seg of fonts.segment(value, 'regular')) {
      items.push({ type: 'text', x, y, text: seg.text, fontId: seg.fontId, size, color: theme.colors.muted, running });
      x += fonts.width(seg.fontId, seg.text, size);
    }
  };
  // Glue strips: the right and bottom overlap, which the next tile is laid over.
  const glue = '#e6e6e6';
  if (tile.column < tile.columns - 1) {
    items.push({ type: 'rect', x: m + window.width - config.overlap, y: m, width: config.overlap, height: window.height, fill: glue });
  }
  if (tile.row < tile.rows - 1) {
    items.push({ type: 'rect', x: m, y: m + window.height - config.overlap, width: window.width, height: config.overlap, fill: glue });
  }
  items.push({ type: 'group', clip: { x: m, y: m, width: window.width, height: window.height }, dx: m - window.x, dy: m - window.y, items: shown });
  items.push(...cutMarks(m, m, window.width, window.height, m));
  const n = tile.row * tile.columns + tile.column + 1;
  text(fill(words.sheet, { n, total: tile.rows * tile.columns, row: tile.row + 1, column: tile.column + 1 }), m, m * 0.6, 'header');
  if (tile.column < tile.columns - 1 || tile.row < tile.rows - 1) {
    const glueLabel = `${words.glue}: ${[tile.column < tile.columns - 1 ? words.glueRight : '', tile.row < tile.rows - 1 ? words.glueBottom : ''].filter(Boolean).join(', ')}`;
    text(glueLabel, m, m + window.height + m * 0.6, 'footer');
  }
  return items;
}

/** Cut marks in the margin at the window's corners, pointing along its edges. */
function cutMarks(x: number, y: number, w: number, h: number, margin: number): LayoutItem[] {
  const len = margin * 0.6;
  const gap = margin * 0.15;
  const line = (x1: number, y1: number, x2: number, y2: number): LayoutItem => ({ type: 'line', x1, y1, x2, y2, color: '#000000', width: 0.4 });
  const items: LayoutItem[] = [];
  for (const cx of [x, x + w]) items.push(line(cx, y - gap, cx, y - gap - len), line(cx, y + h + gap, cx, y + h + gap + len));
  for (const cy of [y, y + h]) items.push(line(x - gap, cy, x - gap - len, cy), line(x + w + gap, cy, x + w + gap + len, cy));
  return items;
}
