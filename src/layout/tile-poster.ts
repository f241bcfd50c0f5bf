import { fill, type DocumentLabels } from '../compose/labels.js';
import type { FontBook } from '../fonts/font-book.js';
import type { LayoutItem, LayoutPage, PosterTile, RunningArtifact, TextItem } from './layout.js';
import { mm, printerEdge, type TileSetup, type Size } from './page-setup.js';
import type { Theme } from './theme.js';

/** Where a heading starts on a poster: the sheet and the point where its first line begins. */
export interface PosterPlace {
  sheet: number;
  x: number;
  y: number;
}

/** What a tile's label names: the topic and the title of each poster's sheet. */
export interface PosterNames {
  topic: string;
  sheets: readonly string[];
}

/**
 * Tiles each poster page across printer pages. Tiles overlap by the glue margin; each tile prints its
 * window of the poster through a clip, with cut marks and a label in the margin around it, all inside
 * what a printer prints (`printerEdge` from the paper's edge).
 *
 * Each piece of content is tagged on the one tile that shows it once the tiles are glued (the tile
 * that owns its place), so the tag tree reads every word once. A line that crosses a vertical cut is
 * cut there into parts, one for each tile it shows on, and each part is tagged where it shows: a
 * tile then holds no tagged text that its own paper does not show. Every tagged part gets its place
 * in the poster's reading order (`order`), so render can put the parts of a line in the tag tree one
 * after the other, though the tiles are printed, and so drawn, column by column.
 */
export function tilePoster(
  posters: LayoutPage[],
  config: TileSetup,
  words: DocumentLabels,
  fonts: FontBook,
  theme: Theme,
  names: PosterNames,
): { pages: LayoutPage[]; tiles: PosterTile[]; tileAt: (place: PosterPlace) => number } {
  const pages: LayoutPage[] = [];
  const tiles: PosterTile[] = [];
  let order = 0;
  posters.forEach((poster, sheet) => {
    const paper = bestOrientation(poster, config);
    const ww = paper.width - 2 * config.margin;
    const wh = paper.height - 2 * config.margin;
    const stepX = ww - config.overlap;
    const stepY = wh - config.overlap;
    const columns = Math.max(1, Math.ceil((poster.width - config.overlap) / stepX));
    const rows = Math.max(1, Math.ceil((poster.height - config.overlap) / stepY));
    const grid: Grid = { stepX, stepY, columns, rows };
    const parts = posterParts(poster.items, grid, fonts, () => order++);
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
        pages.push({ width: paper.width, height: paper.height, items: tileItems(parts, tile, config, words, fonts, theme, names) });
      }
    }
  });
  // A bookmark leads to the tile where its heading starts, not to the sheet's first tile.
  const tileAt = ({ sheet, x, y }: PosterPlace) => {
    const first = tiles.find((t) => t.sheet === sheet);
    if (!first) return 0;
    const grid = { stepX: first.own.width, stepY: first.own.height, columns: first.columns, rows: first.rows };
    const at = tiles.find((t) => t.sheet === sheet && t.row === rowOf(y, grid) && t.column === columnOf(x, grid));
    return (at ?? first).page;
  };
  return { pages, tiles, tileAt };
}

/** How a poster is cut: the owned part of every tile but the last in a row or column is step × step. */
interface Grid {
  stepX: number;
  stepY: number;
  columns: number;
  rows: number;
}

const columnOf = (x: number, grid: Grid) => Math.min(grid.columns - 1, Math.max(0, Math.floor(x / grid.stepX)));
const rowOf = (y: number, grid: Grid) => Math.min(grid.rows - 1, Math.max(0, Math.floor(y / grid.stepY)));

/** A poster item as the tiles print it: tagged on the tile at (row, column), an artifact on the others. */
interface PosterPart {
  item: LayoutItem;
  owner?: { row: number; column: number };
  /** A text part's advance width: a tile whose window it misses does not draw it at all. */
  width?: number;
}

/** The poster's items in reading order, lines cut where they cross a vertical tile cut, each tagged part numbered. */
function posterParts(items: readonly LayoutItem[], grid: Grid, fonts: FontBook, next: () => number): PosterPart[] {
  return items.flatMap((item): PosterPart[] => {
    switch (item.type) {
      case 'text': {
        if (item.node === undefined) return [{ item, width: fonts.width(item.fontId, item.text, item.size) }];
        const row = rowOf(item.y, grid);
        return cutAtColumns(item, grid, fonts).map((part) => ({ item: { ...part.item, order: next() }, owner: { row, column: part.column }, width: part.width }));
      }
      case 'link':
      case 'field':
      case 'image':
        return [{ item: { ...item, order: next() }, owner: { row: rowOf(item.y, grid), column: columnOf(item.x, grid) } }];
      default:
        return [{ item }];
    }
  });
}

/**
 * A text item cut into the parts each tile column shows: a glyph goes with the column its middle is
 * in, and a mark with no advance, or a space, stays with the glyph before it. Each part is placed where the whole
 * line's shaping put its first glyph, so the parts join up on the glued poster as the line was set.
 */
function cutAtColumns(item: TextItem, grid: Grid, fonts: FontBook): { item: TextItem; column: number; width: number }[] {
  const start = columnOf(item.x, grid);
  const width = fonts.width(item.fontId, item.text, item.size);
  const whole = [{ item, column: start, width }];
  if (grid.columns === 1 || columnOf(item.x + width, grid) === start) return whole;
  const scale = item.size / fonts.unitsPerEm(item.fontId);
  const cuts: { at: number; x: number; column: number }[] = [{ at: 0, x: item.x, column: start }];
  let pen = item.x;
  let at = 0;
  for (const run of fonts.runs(item.fontId, item.text)) {
    run.glyphs.forEach((glyph, i) => {
      const advance = run.positions[i].xAdvance * scale;
      const column = columnOf(pen + advance / 2, grid);
      // A space ends the part before it, as a line's last space does, so the word boundary is read.
      const space = glyph.codePoints.every((cp) => cp === 0x20);
      if (advance > 0 && !space && column !== cuts[cuts.length - 1].column) cuts.push({ at, x: pen, column });
      at += glyph.codePoints.reduce((n, cp) => n + (cp > 0xffff ? 2 : 1), 0);
      pen += advance;
    });
  }
  // Shaping that does not account for every character (none known) leaves the line whole, as before.
  if (at !== item.text.length || cuts.length === 1) return whole;
  return cuts.map((cut, i) => {
    const text = item.text.slice(cut.at, cuts[i + 1]?.at ?? item.text.length);
    // The ActualText of a hyphenated word's part is read where the part begins; its continuation on
    // the next tile reads as nothing more.
    const actualText = item.actualText === undefined ? undefined : i === 0 ? item.actualText : '';
    const end = cuts[i + 1]?.x ?? item.x + width;
    return { item: { ...item, x: cut.x, text, actualText }, column: cut.column, width: end - cut.x };
  });
}

function bestOrientation(poster: Size, config: TileSetup): Size {
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
  parts: readonly PosterPart[],
  tile: PosterTile,
  config: TileSetup,
  words: DocumentLabels,
  fonts: FontBook,
  theme: Theme,
  names: PosterNames,
): LayoutItem[] {
  const m = config.margin;
  const { window } = tile;
  // Text this tile's window does not show is left out: clipped away, it would still be read.
  const inWindow = (item: TextItem, width: number) =>
    item.x < window.x + window.width && item.x + width > window.x && item.y - item.size * 1.5 < window.y + window.height && item.y + item.size * 0.5 > window.y;
  const shown = parts.flatMap(({ item, owner, width }): LayoutItem[] => {
    // A part's last space draws nothing: a part that reaches into the window by its space alone is not shown there.
    const inked = item.type === 'text' && /\s$/.test(item.text) ? fonts.width(item.fontId, item.text.trimEnd(), item.size) : width;
    if (item.type === 'text' && !inWindow(item, inked ?? 0)) return [];
    if (!owner || (owner.row === tile.row && owner.column === tile.column)) return [item];
    // The same content on a tile that does not own it is drawn as decoration, and a link or a field
    // is made once, on its owner.
    if (item.type === 'text' || item.type === 'image') return [{ ...item, node: undefined, order: undefined, actualText: undefined } as LayoutItem];
    return [];
  });
  const items: LayoutItem[] = [];
  const size = 8;
  // The tile's label is its folio and the glue note its footer: Pagination artifacts.
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
  items.push(...cutMarks(m, m, window.width, window.height));
  // Label and glue note run between the cut marks at the window's corners, never across one, and
  // their glyphs (ascent 0.95 em, descent 0.29 em) stay between the printer's edge and the window.
  const inset = mm(3);
  const room = window.width - 2 * inset;
  const n = tile.row * tile.columns + tile.column + 1;
  const place = fill(words.sheet, { n, total: tile.rows * tile.columns, row: tile.row + 1, column: tile.column + 1 });
  const sheetTitle = names.sheets[tile.sheet] ?? '';
  const named = [names.topic, sheetTitle === names.topic ? '' : sheetTitle].filter(Boolean).join(' – ');
  const tail = ` – ${place}`;
  const head = fitText(named, room - fonts.measure(tail, 'regular', size), fonts, size);
  text(head ? `${head}${tail}` : place, m + inset, m - mm(3.5), 'header');
  if (tile.column < tile.columns - 1 || tile.row < tile.rows - 1) {
    const glueLabel = `${words.glue}: ${[tile.column < tile.columns - 1 ? words.glueRight : '', tile.row < tile.rows - 1 ? words.glueBottom : ''].filter(Boolean).join(', ')}`;
    text(glueLabel, m + inset, m + window.height + mm(4.5), 'footer');
  }
  return items;
}

/** The longest head of `value` that fits `max` with an ellipsis, by bisection over its characters; all of it when it fits. */
function fitText(value: string, max: number, fonts: FontBook, size: number): string {
  if (fonts.measure(value, 'regular', size) <= max) return value;
  const chars = Array.from(value);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const k = (low + high + 1) >> 1;
    if (fonts.measure(`${chars.slice(0, k).join('').trimEnd()}…`, 'regular', size) <= max) low = k;
    else high = k - 1;
  }
  return low ? `${chars.slice(0, low).join('').trimEnd()}…` : '';
}

/**
 * Cut marks at the window's corners, pointing along its edges, from just outside the window to the
 * printer's edge: the whole mark prints.
 */
function cutMarks(x: number, y: number, w: number, h: number): LayoutItem[] {
  const gap = mm(1.5);
  const line = (x1: number, y1: number, x2: number, y2: number): LayoutItem => ({ type: 'line', x1, y1, x2, y2, color: '#000000', width: 0.4 });
  const right = x + w + x;
  const bottom = y + h + y;
  const items: LayoutItem[] = [];
  for (const cx of [x, x + w]) items.push(line(cx, y - gap, cx, printerEdge), line(cx, y + h + gap, cx, bottom - printerEdge));
  for (const cy of [y, y + h]) items.push(line(x - gap, cy, printerEdge, cy), line(x + w + gap, cy, right - printerEdge, cy));
  return items;
}
