import type { Text } from '../diagnostics/diagnostic.js';

export interface XmlAttribute {
  /** As written, e.g. `xlink:href`. */
  name: string;
  /** The namespace its prefix is bound to; '' for an attribute without a prefix. */
  uri: string;
  local: string;
  value: string;
}

export interface XmlElement {
  name: string;
  /** The namespace of the element (its prefix's, or the default one in scope); '' when none. */
  uri: string;
  local: string;
  attributes: XmlAttribute[];
  children: (XmlElement | string)[];
  /** 1-based place of the `<` that opens it. */
  line: number;
  column: number;
}

export interface XmlLimits {
  maxElements: number;
  maxDepth: number;
  maxAttributes: number;
}

/** What is wrong, completing "… cannot be printed: " / "… kan ikke udskrives: ". */
export type XmlProblem = { problem: Text; line: number; column: number };

const predefined: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const nameAt = /[\p{L}_:][\p{L}\p{N}_.:-]*/uy;
const space = /[ \t\r\n]*/y;
const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';
const outsideText: Text = { da: 'der står tekst uden for elementet <svg>', en: 'there is text outside the <svg> element' };

interface Scope {
  parent?: Scope;
  bindings: Map<string, string>;
}

/**
 * An SVG file's XML as a tree, or the first reason it is not well-formed XML, with its place. Written
 * for hostile input: every step moves forward with indexOf or a sticky pattern that cannot backtrack,
 * so the time is linear in the text, and elements, nesting and attributes are counted as they come,
 * so a file of 100 000 opening tags or 50 000 nested groups stops at the limit instead of running
 * for a minute or overflowing the stack. Comments, processing instructions and the DOCTYPE are skipped;
 * entities other than XML's five and numeric references are refused, so nothing expands.
 */
export function parseSvgXml(text: string, limits: XmlLimits): { root: XmlElement } | XmlProblem {
  let line = 1;
  let lineStart = 0;
  let counted = 0;
  /** 1-based line and column of an index; indexes are asked for in increasing order, so counting is linear. */
  const place = (index: number) => {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    counted = Math.max(counted, index);
    return { line, column: index - lineStart + 1 };
  };
  const fail = (index: number, problem: Text): XmlProblem => ({ problem, ...place(index) });

  const stack: { element: XmlElement; scope: Scope }[] = [];
  let root: XmlElement | undefined;
  let elements = 0;
  let at = 0;
  const rootScope: Scope = { bindings: new Map([['xml', xmlNamespace]]) };

  while (at < text.length) {
    if (text[at] !== '<') {
      const end = text.indexOf('<', at);
      const stop = end === -1 ? text.length : end;
      const raw = text.slice(at, stop);
      const decoded = decodeEntities(raw);
      if (typeof decoded !== 'string') return fail(at + decoded.offset, decoded.problem);
      if (stack.length) stack[stack.length - 1].element.children.push(decoded);
      else if (decoded.trim()) return fail(at, outsideText);
      at = stop;
      continue;
    }
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end === -1) return fail(at, { da: 'en kommentar (<!-- …) slutter aldrig med -->', en: 'a comment is never closed with -->' });
      at = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', at)) {
      const end = text.indexOf(']]>', at + 9);
      if (end === -1) return fail(at, { da: 'et CDATA-afsnit (<![CDATA[ …) slutter aldrig med ]]>', en: 'a CDATA section is never closed with ]]>' });
      if (!stack.length) return fail(at, outsideText);
      stack[stack.length - 1].element.children.push(text.slice(at + 9, end));
      at = end + 3;
      continue;
    }
    if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at + 2);
      if (end === -1) return fail(at, { da: 'en linje, der begynder med <?, slutter aldrig med ?>', en: 'a processing instruction is never closed with ?>' });
      at = end + 2;
      continue;
    }
    if (text.startsWith('<!', at)) {
      // A DOCTYPE, perhaps with an internal subset in brackets; its entities are never defined here.
      const bracket = text.indexOf('[', at);
      const close = text.indexOf('>', at);
      const subsetEnd = bracket !== -1 && bracket < close ? text.indexOf(']', bracket) : -1;
      const end = subsetEnd !== -1 ? text.indexOf('>', subsetEnd) : bracket !== -1 && bracket < close ? -1 : close;
      if (close === -1 || end === -1) return fail(at, { da: 'en <!DOCTYPE> slutter aldrig med >', en: 'a <!DOCTYPE> is never closed' });
      at = end + 1;
      continue;
    }
    if (text[at + 1] === '/') {
      nameAt.lastIndex = at + 2;
      const name = nameAt.exec(text)?.[0];
      const open = stack.pop();
      if (!name || !open) return fail(at, { da: 'et element lukkes med </…>, men det blev aldrig åbnet', en: 'a closing tag has no opening tag' });
      if (name !== open.element.name) return fail(at, {
          da: `</${name}> står, hvor elementet <${open.element.name}> fra linje ${open.element.line} skulle lukkes`,
          en: `</${name}> closes <${open.element.name}> (line ${open.element.line})`,
        });
      space.lastIndex = at + 2 + name.length;
      space.exec(text);
      if (text[space.lastIndex] !== '>') return fail(at, { da: `</${name}> slutter ikke med >`, en: `</${name}> is not closed with >` });
      at = space.lastIndex + 1;
      continue;
    }

    const start = at;
    nameAt.lastIndex = at + 1;
    const name = nameAt.exec(text)?.[0];
    if (!name) return fail(at, { da: 'et < bliver ikke fulgt af navnet på et element', en: 'a < is not followed by an element name' });
    if (root && !stack.length) return fail(at, { da: 'der kommer endnu et element, efter at elementet <svg> er slut', en: 'there is a second element after the <svg> element ended' });
    if (++elements > limits.maxElements) return fail(at, { da: `tegningen har mere end ${limits.maxElements.toLocaleString('da')} elementer`, en: `it has more than ${limits.maxElements.toLocaleString('en')} elements` });
    if (stack.length >= limits.maxDepth) return fail(at, { da: `tegningens elementer ligger mere end ${limits.maxDepth} lag inden i hinanden`, en: `its elements nest more than ${limits.maxDepth} levels deep` });
    at = nameAt.lastIndex;
    const raw: { name: string; value: string }[] = [];
    const seen = new Set<string>();
    let selfClosing = false;
    for (;;) {
      space.lastIndex = at;
      space.exec(text);
      const gap = space.lastIndex - at;
      at = space.lastIndex;
      if (text[at] === '>') {
        at++;
        break;
      }
      if (text.startsWith('/>', at)) {
        selfClosing = true;
        at += 2;
        break;
      }
      if (at >= text.length) return fail(start, { da: `<${name}> slutter aldrig med >`, en: `<${name}> is never closed with >` });
      nameAt.lastIndex = at;
      const attribute = gap ? nameAt.exec(text)?.[0] : undefined;
      if (!attribute) return fail(at, { da: `<${name}> indeholder noget, der ikke er en egenskab som \`navn="værdi"\``, en: `<${name}> has something that is not an attribute` });
      if (seen.has(attribute)) return fail(at, { da: `<${name}> har egenskaben ${attribute} to gange`, en: `<${name}> has the attribute ${attribute} twice` });
      if (raw.length >= limits.maxAttributes) return fail(at, { da: `<${name}> har mere end ${limits.maxAttributes} egenskaber`, en: `<${name}> has more than ${limits.maxAttributes} attributes` });
      seen.add(attribute);
      space.lastIndex = nameAt.lastIndex;
      space.exec(text);
      at = space.lastIndex;
      if (text[at] !== '=') return fail(at, { da: `egenskaben ${attribute} mangler = og en værdi`, en: `the attribute ${attribute} has no = and value` });
      space.lastIndex = at + 1;
      space.exec(text);
      at = space.lastIndex;
      const quote = text[at];
      if (quote !== '"' && quote !== "'") return fail(at, { da: `værdien af ${attribute} står ikke i anførselstegn`, en: `the value of ${attribute} is not in quotes` });
      const end = text.indexOf(quote, at + 1);
      if (end === -1) return fail(at, { da: `værdien af ${attribute} slutter aldrig med ${quote}`, en: `the value of ${attribute} is never closed with ${quote}` });
      const rawValue = text.slice(at + 1, end);
      const lt = rawValue.indexOf('<');
      if (lt !== -1) return fail(at + 1 + lt, { da: `værdien af ${attribute} indeholder et <`, en: `the value of ${attribute} holds a <` });
      const value = decodeEntities(rawValue);
      if (typeof value !== 'string') return fail(at + 1 + value.offset, value.problem);
      raw.push({ name: attribute, value });
      at = end + 1;
    }

    const parentScope = stack.length ? stack[stack.length - 1].scope : rootScope;
    const declared = raw.filter((a) => a.name === 'xmlns' || a.name.startsWith('xmlns:'));
    const scope: Scope = declared.length ? { parent: parentScope, bindings: new Map(declared.map((a) => [a.name === 'xmlns' ? '' : a.name.slice(6), a.value])) } : parentScope;
    const resolve = (prefix: string) => {
      for (let s: Scope | undefined = scope; s; s = s.parent) {
        const uri = s.bindings.get(prefix);
        if (uri !== undefined) return uri;
      }
      return '';
    };
    const [prefix, local] = split(name);
    const element: XmlElement = {
      name,
      uri: resolve(prefix),
      local,
      attributes: raw
        .filter((a) => !declared.includes(a))
        .map((a) => {
          const [p, l] = split(a.name);
          // An attribute without a prefix is in no namespace, whatever the default is.
          return { name: a.name, uri: p ? resolve(p) : '', local: l, value: a.value };
        }),
      children: [],
      ...place(start),
    };
    if (stack.length) stack[stack.length - 1].element.children.push(element);
    else root = element;
    if (!selfClosing) stack.push({ element, scope });
  }
  if (stack.length) {
    const open = stack[stack.length - 1].element;
    return { problem: { da: `elementet <${open.name}> lukkes aldrig`, en: `<${open.name}> is never closed` }, line: open.line, column: open.column };
  }
  if (!root) return fail(0, { da: 'filen indeholder intet <svg>-element', en: 'it holds no <svg> element' });
  return { root };
}

/** `inkscape:label` → [`inkscape`, `label`]; `rect` → [``, `rect`]. */
function split(name: string): [string, string] {
  const colon = name.indexOf(':');
  return colon === -1 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

/** XML's five entities and character references; anything else (a DOCTYPE's own entities among them) is refused. */
function decodeEntities(raw: string): string | { problem: Text; offset: number } {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    const semi = raw.indexOf(';', amp);
    const body = semi === -1 || semi - amp > 12 ? undefined : raw.slice(amp + 1, semi);
    let char: string | undefined;
    if (body !== undefined) {
      if (body in predefined) char = predefined[body];
      else if (/^#[0-9]{1,7}$/.test(body) || /^#x[0-9a-fA-F]{1,6}$/.test(body)) {
        const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) char = String.fromCodePoint(code);
      }
    }
    if (char === undefined) {
      const shown = body === undefined ? '&' : `&${body};`;
      return {
        problem: {
          da: `${shown} er ikke en tegnkode, en SVG-fil må bruge (kun &lt; &gt; &amp; &quot; &apos; og &#…;); skriv tegnet selv i stedet`,
          en: `${shown} is not an XML character reference (an SVG file may use only &lt; &gt; &amp; &quot; &apos; and &#…;)`,
        },
        offset: amp,
      };
    }
    out += raw.slice(from, amp) + char;
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}
