import type { Text } from '../diagnostics/diagnostic.js';
import { parseSvgXml, type XmlElement, type XmlLimits } from './parse-svg-xml.js';

/** An SVG element as render draws it: only what a print figure needs, every reference inside the drawing. */
export interface SvgNode {
  name: string;
  attributes: Record<string, string>;
  children: (SvgNode | string)[];
}

export interface SvgPicture {
  format: 'png' | 'jpeg';
  bytes: Uint8Array;
  pixels: number;
}

export interface SvgDrawing {
  root: SvgNode;
  /** The pictures the drawing shows, checked as any picture is; `<image href="dialogpack:2">` shows the third. */
  pictures: SvgPicture[];
}

export interface SvgLimits extends XmlLimits {
  /** Shapes drawn once `<use>`, clip paths, masks, patterns and markers are followed. */
  maxDrawn: number;
  /** Rules in its `<style>` sheets together; each is matched against every element. */
  maxStyleRules: number;
}

export interface SanitizedSvg {
  drawing: SvgDrawing;
  /** Width over height, from the viewBox or else width and height. */
  aspect: number;
  /** Width at the file's own size, in points. */
  naturalWidth: number;
  drawn: number;
  /** What was taken out because a print figure cannot have it, described for an editor. */
  leftOut: Text[];
}

/** What is wrong with the drawing, completing "… cannot be printed: " / "… kan ikke udskrives: ". */
export type SvgProblem = { problem: Text; line?: number; column?: number };

const svgNamespace = 'http://www.w3.org/2000/svg';
const xlinkNamespace = 'http://www.w3.org/1999/xlink';
const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';

const shapes = ['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon'];
const printed = new Set(['svg', 'g', 'defs', 'symbol', 'use', ...shapes, 'text', 'tspan', 'textPath', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern', 'marker', 'image']);
/** Elements that never print (and that drawing programs write): left out without a word. */
const unprinted = new Set(['title', 'desc', 'metadata']);
const textHolders = new Set(['text', 'tspan', 'textPath']);
/** Elements whose href may name another element of the drawing, and only that. */
const innerHref = new Set(['use', 'linearGradient', 'radialGradient', 'pattern', 'textPath']);
const pxPerUnit: Record<string, number> = { '': 1, px: 1, pt: 96 / 72, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 };
const scripts: Text = { da: 'scripts (programkode)', en: 'scripts' };

/**
 * An SVG file → the drawing render may hand to svg-to-pdfkit, or the first reason it may not be printed.
 * svg-to-pdfkit (unchanged since 2022) draws well but trusts its input: it turns `<a href>` into live
 * links, opens any `<image href>` path on the machine through PDFKit, falls back to non-embedded
 * Helvetica for text, recurses once per nesting level and expands `<use>` without bound. So nothing
 * reaches it unchecked: the XML is parsed here (linear, bounded), only the elements a print figure
 * needs are kept, `<style>` rules are written into each element's style, every reference must name an
 * element of this drawing, pictures come only as checked bytes (a data: URI, or a file in the topic
 * folder that `picture` reads and checks), and what would be drawn after following references is
 * counted before render ever sees it. `picture` answers for an `<image>`'s href (a data: URI or a
 * relative path) with its checked bytes or why it cannot be shown.
 */
export function sanitizeSvg(text: string, limits: SvgLimits, picture: (href: string) => SvgPicture | { problem: Text }): SanitizedSvg | SvgProblem {
  const parsed = parseSvgXml(text, limits);
  if ('problem' in parsed) return parsed;
  const root = parsed.root;
  if (!isSvg(root) || root.local !== 'svg') {
    return { problem: { da: `tegningens yderste element er <${root.name}>, ikke <svg>`, en: `its outermost element is <${root.name}>, not <svg>` }, line: root.line, column: root.column };
  }

  /** By its English wording, so each kind is named once. */
  const leftOut = new Map<string, Text>();
  const leave = (what: Text) => leftOut.set(what.en, what);
  const pictures: SvgPicture[] = [];
  const pictureIndex = new Map<string, number>();
  const styleSheets: string[] = [];
  const byId = new Map<string, SvgNode>();
  const places = new Map<SvgNode, XmlElement>();
  let problem: SvgProblem | undefined;
  const refuse = (at: XmlElement, what: Text) => {
    problem ??= { problem: what, line: at.line, column: at.column };
  };

  // Iterative, so the depth of the tree costs no stack here; render's recursion is bounded by maxDepth.
  const convert = (top: XmlElement): SvgNode | undefined => {
    const made = keep(top);
    if (!made) return undefined;
    const work: [XmlElement, SvgNode][] = [[top, made]];
    while (work.length && !problem) {
      const [element, node] = work.pop()!;
      let children = element.children;
      if (element.local === 'switch') {
        // A switch prints its first child a renderer supports: Illustrator puts its own data first.
        const first = children.find((c): c is XmlElement => typeof c !== 'string' && isSvg(c) && c.local !== 'foreignObject' && !c.attributes.some((a) => a.local === 'requiredExtensions'));
        children = first ? [first] : [];
      }
      for (const child of children) {
        if (typeof child === 'string') {
          if (textHolders.has(node.name)) node.children.push(child);
          continue;
        }
        const kept = keep(child);
        if (!kept) continue;
        node.children.push(kept);
        work.push([child, kept]);
      }
    }
    return made;
  };

  /** The node an element becomes, or undefined when it is left out (and why, when an editor should know). */
  const keep = (element: XmlElement): SvgNode | undefined => {
    if (!isSvg(element)) return undefined; // Inkscape's, Illustrator's and others' own data
    const local = element.local;
    if (local === 'style') {
      styleSheets.push(element.children.filter((c): c is string => typeof c === 'string').join(''));
      return undefined;
    }
    let name = local;
    if (local === 'a') {
      leave({ da: 'links (man kan ikke klikke på en trykt figur)', en: 'links (a printed figure cannot be clicked)' });
      name = 'g';
    } else if (local === 'switch') name = 'g';
    else if (!printed.has(local)) {
      if (!unprinted.has(local)) leave(describeElement(local));
      return undefined;
    }
    const node: SvgNode = { name, attributes: {}, children: [] };
    places.set(node, element);
    for (const attribute of element.attributes) {
      const isHref = attribute.local === 'href' && (attribute.uri === '' || attribute.uri === xlinkNamespace);
      if (attribute.uri === xmlNamespace && attribute.local === 'space') {
        node.attributes['xml:space'] = attribute.value;
        continue;
      }
      if (attribute.uri !== '' && !isHref) continue;
      if (/^on/i.test(attribute.local)) {
        leave(scripts);
        continue;
      }
      if (isHref) {
        const href = hrefOf(node, attribute.value, element);
        if (href !== undefined) node.attributes.href = href;
        continue;
      }
      if (name === 'g' && local === 'a' && (attribute.local === 'target' || attribute.local === 'download')) continue;
      const value = attribute.local === 'style' ? checkDeclarations(parseDeclarations(attribute.value), element) : checkUrls(attribute.value, element);
      if (value === undefined) continue;
      node.attributes[attribute.local] = typeof value === 'string' ? value : writeDeclarations(value);
    }
    const id = node.attributes.id;
    if (id !== undefined && !byId.has(id)) byId.set(id, node);
    return node;
  };

  const hrefOf = (node: SvgNode, value: string, at: XmlElement): string | undefined => {
    const href = value.trim();
    if (node.name === 'image') {
      if (href.startsWith('#')) return void refuse(at, { da: '<image> henviser til et element og ikke til et billede', en: '<image> names an element, not a picture' });
      if (!href.startsWith('data:') && isAddress(href)) {
        return void refuse(at, {
          da: `<image> viser \`${shorten(href)}\`, som er en adresse og ikke en fil ved siden af tegningen`,
          en: `<image> shows \`${shorten(href)}\`, an address, not a file beside the drawing`,
        });
      }
      const key = href.startsWith('data:') ? `data:${pictures.length}` : href;
      let index = pictureIndex.get(key);
      if (index === undefined) {
        const found = picture(href);
        if ('problem' in found) return void refuse(at, { da: `<image> viser et billede, men det ${found.problem.da}`, en: `<image> shows a picture that ${found.problem.en}` });
        index = pictures.push(found) - 1;
        pictureIndex.set(key, index);
      }
      return `dialogpack:${index}`;
    }
    if (!innerHref.has(node.name)) return undefined;
    if (!/^#[^\s#]+$/.test(href)) {
      return void refuse(at, {
        da: `<${node.name}> henviser til \`${shorten(href)}\`; en tegning må kun henvise til sine egne elementer (#navn)`,
        en: `<${node.name}> refers to \`${shorten(href)}\`; a drawing may refer only to its own elements (#name)`,
      });
    }
    return href;
  };

  /** Every url(…) in a value must name an element of this drawing; the value comes back with them written plainly. */
  const checkUrls = (value: string, at: XmlElement): string | undefined => {
    if (!value.includes('url(')) return value;
    let out = '';
    let from = 0;
    for (let i = value.indexOf('url(', from); i !== -1; i = value.indexOf('url(', from)) {
      const close = value.indexOf(')', i);
      const inner = (close === -1 ? value.slice(i + 4) : value.slice(i + 4, close)).trim().replace(/^(["'])(.*)\1$/, '$2').trim();
      if (!/^#[^\s#'"()]+$/.test(inner)) {
        refuse(at, {
          da: `tegningen henviser til \`${shorten(inner)}\` i url(…); en tegning må kun henvise til sine egne elementer (#navn)`,
          en: `it refers to \`${shorten(inner)}\` in url(…); a drawing may refer only to its own elements (#name)`,
        });
        return undefined;
      }
      out += `${value.slice(from, i)}url(${inner})`;
      from = close === -1 ? value.length : close + 1;
    }
    return out + value.slice(from);
  };

  const checkDeclarations = (declarations: [string, string][], at: XmlElement): [string, string][] | undefined => {
    const out: [string, string][] = [];
    for (const [property, value] of declarations) {
      const checked = checkUrls(value, at);
      if (checked === undefined) return undefined;
      out.push([property, checked]);
    }
    return out;
  };

  const converted = convert(root);
  if (problem) return problem;
  const drawingRoot = converted!;

  // Style sheets become each element's own style, so svg-to-pdfkit never parses CSS itself.
  const rules: StyleRule[] = [];
  for (const sheet of styleSheets) {
    const read = parseStyleSheet(sheet, limits.maxStyleRules - rules.length);
    if ('problem' in read) return { problem: read.problem, line: root.line, column: root.column };
    for (const rule of read.rules) {
      const declarations = checkDeclarations(rule.declarations, root);
      if (!declarations) return problem!;
      rules.push({ ...rule, declarations });
    }
  }
  if (rules.length) applyStyleRules(drawingRoot, rules);

  const size = outerSize(root);
  if (!size) {
    return {
      problem: { da: 'tegningen har hverken viewBox eller width og height, så dens størrelse er ukendt', en: 'has no viewBox, and no width and height, so its size is unknown' },
      line: root.line,
      column: root.column,
    };
  }
  // The figure takes exactly the box layout gives it: the file's own width and height would override it.
  for (const key of ['width', 'height', 'x', 'y']) delete drawingRoot.attributes[key];
  drawingRoot.attributes.viewBox ??= `0 0 ${size.width} ${size.height}`;

  const counted = countDrawn(drawingRoot, byId, limits);
  if (typeof counted !== 'number') {
    const at = places.get(counted.at) ?? root;
    return { problem: counted.problem, line: at.line, column: at.column };
  }
  return {
    drawing: { root: drawingRoot, pictures },
    aspect: size.aspect,
    naturalWidth: size.naturalWidth,
    drawn: counted,
    leftOut: [...leftOut.values()],
  };
}

function isSvg(element: XmlElement): boolean {
  return element.uri === svgNamespace || (element.uri === '' && !element.name.includes(':'));
}

/** A URL (http:, file:, javascript:) or a network path; a Windows drive (`C:`) is a path, and `picture` refuses it. */
function isAddress(href: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(href) || href.startsWith('//') || href.startsWith('\\\\') || href === '';
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function describeElement(local: string): Text {
  if (local === 'script' || local === 'handler' || local === 'listener') return scripts;
  if (local === 'foreignObject') return { da: 'indhold fra en webside (<foreignObject>)', en: 'web page content (<foreignObject>)' };
  if (/^(animate|animateMotion|animateTransform|animateColor|set|mpath|discard)$/.test(local)) return { da: 'animation', en: 'animation' };
  if (local === 'filter' || /^fe[A-Z]/.test(local)) return { da: 'filtereffekter (skygger, sløring)', en: 'filter effects (shadows, blur)' };
  return { da: `<${local}>`, en: `<${local}>` };
}

/** Width over height and the width in points, from the outermost element's viewBox, width and height. */
function outerSize(root: XmlElement): { aspect: number; naturalWidth: number; width: number; height: number } | undefined {
  const attr = (name: string) => root.attributes.find((a) => a.uri === '' && a.local === name)?.value;
  const box = (attr('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  const viewBox = box.length === 4 && box.every(Number.isFinite) && box[2] > 0 && box[3] > 0 ? { width: box[2], height: box[3] } : undefined;
  const width = length(attr('width'));
  const height = length(attr('height'));
  const w = viewBox?.width ?? width;
  const h = viewBox?.height ?? height;
  if (!(w! > 0 && h! > 0)) return undefined;
  return { aspect: w! / h!, naturalWidth: (width ?? w!) * 0.75, width: width ?? w!, height: height ?? h! };
}

/** A length in CSS pixels (96 per inch); undefined for percentages, ems and anything unreadable. */
function length(value: string | undefined): number | undefined {
  const match = /^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in)?\s*$/.exec(value ?? '');
  if (!match) return undefined;
  const n = Number(match[1]) * pxPerUnit[match[2] ?? ''];
  return n > 0 && Number.isFinite(n) ? n : undefined;
}

/**
 * Shapes drawn once references are followed: a `<use>`, a clip path, mask or pattern draws its target
 * again wherever it is named, and a marker at every point of the path that names it. Counted with
 * memory, each element once, so a drawing of nine `<use>` levels of ten each is found to pass the
 * limit after a few dozen steps instead of drawing 10⁹ shapes. A loop of references is refused, and
 * elements and references together may nest no deeper than elements alone may.
 */
function countDrawn(root: SvgNode, byId: Map<string, SvgNode>, limits: SvgLimits): number | { problem: Text; at: SvgNode } {
  type Counted = { drawn: number; height: number };
  type Stop = { problem: Text; at: SvgNode };
  const memo = new Map<SvgNode, Counted>();
  const busy = new Set<SvgNode>();
  const tooMany = (at: SvgNode): Stop => ({
    problem: {
      da: `tegningen tegner mere end ${limits.maxDrawn.toLocaleString('da')} figurer (en lang sti tæller som mange, en <use> som det, den gentager)`,
      en: `it draws more than ${limits.maxDrawn.toLocaleString('en')} shapes (a long path counts as many, a <use> as what it repeats)`,
    },
    at,
  });
  const tooDeep = (at: SvgNode): Stop => ({
    problem: {
      da: `tegningens elementer og henvisninger ligger mere end ${limits.maxDepth} lag inden i hinanden`,
      en: `its elements and references nest more than ${limits.maxDepth} levels deep`,
    },
    at,
  });
  // `depth` is how far below the outermost element render will be when it draws `node` here.
  const count = (node: SvgNode, depth: number): Counted | Stop => {
    const known = memo.get(node);
    if (known) return depth + known.height > limits.maxDepth ? tooDeep(node) : known;
    if (busy.has(node)) {
      const element = `<${node.name}${node.attributes.id ? ` id="${node.attributes.id}"` : ''}>`;
      return { problem: { da: `${element} henviser til sig selv igen og igen, så tegningen aldrig bliver færdig`, en: `${element} draws itself again through its references, without end` }, at: node };
    }
    if (depth >= limits.maxDepth) return tooDeep(node);
    busy.add(node);
    const own: Counted = { drawn: cost(node), height: 1 };
    const add = (below: Counted | Stop, times: number): Stop | undefined => {
      if ('problem' in below) return below;
      own.drawn += below.drawn * times;
      own.height = Math.max(own.height, below.height + 1);
      return own.drawn > limits.maxDrawn ? tooMany(node) : undefined;
    };
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      const stop = add(count(child, depth + 1), 1);
      if (stop) return stop;
    }
    for (const { id, times } of references(node)) {
      const target = byId.get(id);
      if (!target) continue;
      const stop = add(count(target, depth + 1), times);
      if (stop) return stop;
    }
    busy.delete(node);
    memo.set(node, own);
    return own;
  };
  const counted = count(root, 0);
  return 'problem' in counted ? counted : counted.drawn;
}

/**
 * What drawing a node costs, in shapes: svg-to-pdfkit takes about as long for one shape as for 40
 * numbers of path data or 50 characters of text (measured: 10 000 rectangles 2.2 s, a path of a
 * million numbers 5.6 s), so a drawing that is one enormous path is bounded like one of many shapes.
 */
function cost(node: SvgNode): number {
  const data = node.attributes.d ?? node.attributes.points;
  const text = node.children.reduce((n, c) => n + (typeof c === 'string' ? c.length : 0), 0);
  return 1 + (data ? Math.ceil(numberCount(data) / 40) : 0) + Math.ceil(text / 50);
}

/** The elements a node draws again by reference, with how often (a marker once per point). */
function references(node: SvgNode): { id: string; times: number }[] {
  const found: { id: string; times: number }[] = [];
  const href = node.attributes.href;
  if (href?.startsWith('#')) found.push({ id: href.slice(1), times: 1 });
  const style = parseDeclarations(node.attributes.style ?? '');
  const values: [string, string][] = [...Object.entries(node.attributes).filter(([k]) => k !== 'style'), ...style];
  let points: number | undefined;
  for (const [property, value] of values) {
    for (let i = value.indexOf('url(#'); i !== -1; i = value.indexOf('url(#', i + 5)) {
      const close = value.indexOf(')', i);
      const id = value.slice(i + 5, close === -1 ? undefined : close);
      const times = property === 'marker-mid' || property === 'marker' ? (points ??= pointCount(node)) : 1;
      found.push({ id, times: Math.max(1, times) });
    }
  }
  return found;
}

/** At most the number of points a path or polyline has: half its numbers. */
function pointCount(node: SvgNode): number {
  return Math.ceil(numberCount(node.attributes.d ?? node.attributes.points ?? '') / 2) + 1;
}

function numberCount(data: string): number {
  let numbers = 0;
  let inNumber = false;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (digit && !inNumber) numbers++;
    inNumber = digit || c === 46 || ((c === 101 || c === 69) && inNumber);
  }
  return numbers;
}

interface StyleRule {
  selectors: { tag?: string; ids: string[]; classes: string[]; specificity: number }[];
  declarations: [string, string][];
  order: number;
}

/**
 * A `<style>` sheet as rules of simple selectors (`rect`, `.st0`, `#logo`, `path.st1`, lists of them),
 * the ones svg-to-pdfkit understood; other selectors are passed over, as it did. `@import` would fetch
 * another file, so it is refused; other at-rules are skipped.
 */
function parseStyleSheet(css: string, maxRules: number): { rules: StyleRule[] } | { problem: Text } {
  let text = '';
  for (let from = 0; from < css.length; ) {
    const open = css.indexOf('/*', from);
    if (open === -1) {
      text += css.slice(from);
      break;
    }
    text += css.slice(from, open);
    const close = css.indexOf('*/', open + 2);
    from = close === -1 ? css.length : close + 2;
  }
  // Searches only move forward, so a sheet of many small rules is read in one pass.
  const next = (char: string, from: number, memo: { at: number }) => {
    if (memo.at !== -1 && memo.at < from) memo.at = text.indexOf(char, from);
    return memo.at;
  };
  const braces = { at: text.indexOf('{') };
  const semis = { at: text.indexOf(';') };
  const rules: StyleRule[] = [];
  let at = 0;
  while (at < text.length) {
    while (at < text.length && /\s|}/.test(text[at])) at++;
    if (at >= text.length) break;
    const brace = next('{', at, braces);
    if (text[at] === '@') {
      if (/^@import\b/i.test(text.slice(at, at + 8))) return { problem: { da: 'tegningens stilark henter en anden fil (@import)', en: 'its style sheet imports another file (@import)' } };
      const semi = next(';', at, semis);
      if (semi !== -1 && (brace === -1 || semi < brace)) at = semi + 1;
      else at = brace === -1 ? text.length : skipBlock(text, brace);
      continue;
    }
    if (brace === -1) break;
    const close = text.indexOf('}', brace);
    const prelude = text.slice(at, brace).trim();
    const body = text.slice(brace + 1, close === -1 ? text.length : close);
    at = close === -1 ? text.length : close + 1;
    const selectors = prelude.split(',').map((s) => simpleSelector(s.trim()));
    if (selectors.some((s) => !s)) continue;
    if (rules.length >= maxRules) return { problem: { da: `tegningens stilark har mere end ${maxRules} regler`, en: `its style sheet has more than ${maxRules} rules` } };
    rules.push({ selectors: selectors as StyleRule['selectors'], declarations: parseDeclarations(body), order: rules.length });
  }
  return { rules };
}

/** The index after the block that opens at `open`, braces nested. */
function skipBlock(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

function simpleSelector(selector: string): StyleRule['selectors'][number] | undefined {
  const match = /^(\*|[A-Za-z][\w-]*)?((?:[.#][\w-]+)*)$/.exec(selector);
  if (!match || !selector) return undefined;
  const parts = match[2].match(/[.#][\w-]+/g) ?? [];
  const ids = parts.filter((p) => p[0] === '#').map((p) => p.slice(1));
  const classes = parts.filter((p) => p[0] === '.').map((p) => p.slice(1));
  const tag = match[1] && match[1] !== '*' ? match[1] : undefined;
  return { tag, ids, classes, specificity: ids.length * 10000 + classes.length * 100 + (tag ? 1 : 0) };
}

/** `fill: red; stroke:#000` → [[fill, red], [stroke, #000]]; `!important` is dropped, as svg-to-pdfkit did. */
function parseDeclarations(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    if (colon === -1) continue;
    const property = part.slice(0, colon).trim();
    const value = part.slice(colon + 1).replace(/!\s*important\s*$/i, '').trim();
    if (property) out.push([property, value]);
  }
  return out;
}

function writeDeclarations(declarations: [string, string][]): string {
  return declarations.map(([p, v]) => `${p}:${v}`).join(';');
}

/** Each element's matching rules, by specificity then order, under its own style attribute. */
function applyStyleRules(root: SvgNode, rules: StyleRule[]): void {
  const buckets = new Map<string, { rule: StyleRule; selector: StyleRule['selectors'][number] }[]>();
  for (const rule of rules) {
    for (const selector of rule.selectors) {
      const key = selector.ids[0] !== undefined ? `#${selector.ids[0]}` : selector.classes[0] !== undefined ? `.${selector.classes[0]}` : selector.tag ?? '*';
      const bucket = buckets.get(key);
      if (bucket) bucket.push({ rule, selector });
      else buckets.set(key, [{ rule, selector }]);
    }
  }
  const work: SvgNode[] = [root];
  while (work.length) {
    const node = work.pop()!;
    for (const child of node.children) if (typeof child !== 'string') work.push(child);
    const classes = new Set((node.attributes.class ?? '').split(/\s+/).filter(Boolean));
    const id = node.attributes.id;
    const keys = new Set(['*', node.name, ...[...classes].map((c) => `.${c}`), ...(id ? [`#${id}`] : [])]);
    const matched = [...keys]
      .flatMap((k) => buckets.get(k) ?? [])
      .filter(({ selector }) => (!selector.tag || selector.tag === node.name) && selector.ids.every((i) => i === id) && selector.classes.every((c) => classes.has(c)))
      .sort((a, b) => a.selector.specificity - b.selector.specificity || a.rule.order - b.rule.order);
    if (!matched.length) continue;
    const style = new Map<string, string>();
    for (const { rule } of matched) for (const [p, v] of rule.declarations) style.set(p, v);
    for (const [p, v] of parseDeclarations(node.attributes.style ?? '')) style.set(p, v);
    node.attributes.style = writeDeclarations([...style]);
  }
}
