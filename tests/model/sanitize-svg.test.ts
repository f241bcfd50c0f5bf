import { describe, expect, it } from 'vitest';
import type { Text } from '../../src/diagnostics/diagnostic.js';
import { imageLimits } from '../../src/model/read-image.js';
import { sanitizeSvg, type SanitizedSvg, type SvgNode, type SvgPicture } from '../../src/model/sanitize-svg.js';

const noPictures = () => ({ problem: { da: 'er der ikke', en: 'is not there' } });
const svg = (body: string, attributes = 'viewBox="0 0 100 50"') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attributes}>${body}</svg>`;

function sanitized(text: string, picture: (href: string) => SvgPicture | { problem: Text } = noPictures): SanitizedSvg {
  const result = sanitizeSvg(text, imageLimits.svg, picture);
  if ('problem' in result) throw new Error(result.problem.en);
  return result;
}

function refused(text: string) {
  const result = sanitizeSvg(text, imageLimits.svg, noPictures);
  if (!('problem' in result)) throw new Error('expected a refusal');
  return result;
}

const elements = (node: SvgNode): SvgNode[] => [node, ...node.children.flatMap((c) => (typeof c === 'string' ? [] : elements(c)))];

describe('sanitizeSvg', () => {
  it('keeps shapes, drops drawing programs’ own elements silently, and turns a link into a plain group', () => {
    const result = sanitized(
      svg('<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata><sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"/><a href="javascript:alert(1)" target="_blank"><rect width="10" height="10" onclick="x()"/></a>'),
    );
    expect(elements(result.drawing.root).map((n) => [n.name, n.attributes])).toEqual([
      ['svg', { viewBox: '0 0 100 50' }],
      ['g', {}],
      ['rect', { width: '10', height: '10' }],
    ]);
    expect(result.leftOut.map((t) => t.en)).toEqual(['links (a printed figure cannot be clicked)', 'scripts']);
    expect(result.leftOut.map((t) => t.da)).toEqual(['links (man kan ikke klikke på en trykt figur)', 'scripts (programkode)']);
  });

  it('takes the size from the viewBox and the width in its units, then lets the box layout gives decide', () => {
    const result = sanitized(svg('<rect width="1" height="1"/>', 'width="80mm" height="40mm" x="5" viewBox="0 0 200 100"'));
    expect(result.aspect).toBe(2);
    expect(result.naturalWidth).toBeCloseTo((80 / 25.4) * 72, 5);
    expect(result.drawing.root.attributes).toEqual({ viewBox: '0 0 200 100' });
    expect(sanitized(svg('', 'width="400" height="100"')).drawing.root.attributes).toEqual({ viewBox: '0 0 400 100' });
  });

  it('writes style sheet rules into each element’s style, by specificity, under its own style attribute', () => {
    const result = sanitized(svg('<style>/* Illustrator */ rect.a { fill: blue } .a { fill: red; stroke: green } @media print { .a { fill: pink } }</style><rect class="a" style="stroke: black"/><circle class="a" r="1"/>'));
    const [, rect, circle] = elements(result.drawing.root);
    expect(rect.attributes.style).toBe('fill:blue;stroke:black');
    expect(circle.attributes.style).toBe('fill:red;stroke:green');
    expect(elements(result.drawing.root).some((n) => n.name === 'style')).toBe(false);
  });

  it('allows references to its own elements only', () => {
    expect(sanitized(svg('<defs><linearGradient id="g"/></defs><rect fill="url(\'#g\')" style="clip-path: url(#g)"/>')).drawing.root.children).toHaveLength(2);
    expect(refused(svg('<rect fill="url(https://example.org/x.svg#g)"/>')).problem.en).toContain('refers to `https://example.org/x.svg#g`');
    expect(refused(svg('<use href="other.svg#a"/>')).problem.en).toContain('<use> refers to `other.svg#a`');
    expect(refused(svg('<image href="file:///etc/passwd"/>')).problem.en).toContain('an address, not a file');
    expect(refused(svg('<style>@import "x.css";</style>')).problem.en).toContain('@import');
  });

  it('gives an <image> only checked pictures, named by index, each file once', () => {
    const asked: string[] = [];
    const picture = (href: string): SvgPicture => (asked.push(href), { format: 'png', bytes: new Uint8Array([1]), pixels: 1 });
    const result = sanitized(svg('<image href="a.png"/><image xlink:href="a.png"/><image href="b.png"/>'), picture);
    expect(asked).toEqual(['a.png', 'b.png']);
    expect(elements(result.drawing.root).slice(1).map((n) => n.attributes.href)).toEqual(['dialogpack:0', 'dialogpack:0', 'dialogpack:1']);
    expect(refused(svg('<image href="x.png"/>')).problem.en).toBe('<image> shows a picture that is not there');
  });

  it('counts what references draw, markers once per point, and stops at the limit', () => {
    expect(sanitized(svg('<defs><g id="a"><rect/><rect/></g></defs><use href="#a"/><use href="#a"/>')).drawn).toBe(1 + 1 + 3 + 2 * (1 + 3));
    const marked = sanitized(svg('<marker id="m"><circle r="1"/></marker><polyline points="0,0 1,1 2,2 3,3" marker-mid="url(#m)"/>'));
    // The polyline costs one more for its path data (up to 40 numbers), and draws the marker at 4 + 1 points.
    expect(marked.drawn).toBe(1 + 2 + (1 + 1) + 5 * 2);
    let defs = '<g id="l0"><rect/></g>';
    for (let i = 1; i <= 5; i++) defs += `<g id="l${i}">${`<use href="#l${i - 1}"/>`.repeat(10)}</g>`;
    expect(refused(svg(`<defs>${defs}</defs><use href="#l5"/>`)).problem.en).toMatch(/^it draws more than 10,000 shapes/);
    expect(refused(svg('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>')).problem.en).toBe('<g id="a"> draws itself again through its references, without end');
  });

  it('counts nesting through references, so render’s recursion stays bounded', () => {
    const chain = Array.from({ length: 40 }, (_, i) => `<g id="c${i}"><use href="#c${i + 1}"/></g>`).join('') + '<rect id="c40"/>';
    expect(refused(svg(chain)).problem.en).toBe('its elements and references nest more than 64 levels deep');
  });

  it('places what is not well-formed XML at its line and column', () => {
    expect(refused('<svg xmlns="http://www.w3.org/2000/svg">\n  <g>\n</svg>')).toEqual({ problem: { da: '</svg> står, hvor elementet <g> fra linje 2 skulle lukkes', en: '</svg> closes <g> (line 2)' }, line: 3, column: 1 });
    expect(refused(svg('<text>&nbsp;</text>'))).toMatchObject({ problem: { en: expect.stringContaining('&nbsp; is not an XML character reference') }, line: 1 });
    expect(refused('<svg a="1" a="2"/>').problem.en).toBe('<svg> has the attribute a twice');
    expect(refused('<html/>').problem.en).toBe('its outermost element is <html>, not <svg>');
  });

  it('words every refusal in Danish too, with no English left in it', () => {
    expect(refused('<html/>').problem.da).toBe('tegningens yderste element er <html>, ikke <svg>');
    expect(refused(svg('<image href="x.png"/>')).problem.da).toBe('<image> viser et billede, men det er der ikke');
    expect(refused(svg('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>')).problem.da).toBe('<g id="a"> henviser til sig selv igen og igen, så tegningen aldrig bliver færdig');
    expect(refused(svg('<style>@import "x.css";</style>')).problem.da).toBe('tegningens stilark henter en anden fil (@import)');
    expect(refused(svg('<text>&nbsp;</text>')).problem.da).toMatch(/^&nbsp; er ikke en tegnkode/);
  });

  it('keeps text only where text is drawn, with its entities decoded', () => {
    const result = sanitized(svg('\n  <text x="1">Hej &amp; <tspan>æøå&#x21;</tspan></text>\n'));
    const text = result.drawing.root.children[0] as SvgNode;
    expect(result.drawing.root.children).toHaveLength(1);
    expect(text.children).toEqual(['Hej & ', { name: 'tspan', attributes: {}, children: ['æøå!'] }]);
  });
});
