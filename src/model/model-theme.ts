/**
 * model (theme): a templates folder's theme.yaml → the Theme layout draws with.
 * Input: the loaded template files. Output: the Theme, the bytes of any fonts it brings, and diagnostics
 * placed in theme.yaml. Never: read files (load did), or accept text colours or line colours that fail
 * WCAG contrast (4.5:1 for text, 3:1 for rules, writing lines and field borders).
 */
import path from 'node:path';
import * as z from 'zod';
import type { Diagnostic, Text } from '../diagnostics/diagnostic.js';
import { defaultTheme, type Theme, type ThemeLogo } from './theme.js';
import type { TemplateSource } from '../load/load-templates.js';
import { parseYaml, type ParsedYaml } from '../parse/parse-yaml.js';
import { locate } from './locate.js';
import { imageBudget, readImage } from './read-image.js';
import { schemaKeys } from './schema-keys.js';
import { schemaText } from './schema-text.js';
import { themeHints } from './topic-hints.js';
import { zodDiagnostics } from './zod-diagnostics.js';

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, schemaText.state('colour', { da: 'skal være en farve skrevet #rrggbb, fx #1a4f8b', en: 'must be a colour written #rrggbb' }));
const faces = ['regular', 'bold', 'italic', 'boldItalic'] as const;

export const themeSchema = z.strictObject({
  name: z.string().min(1).optional(),
  logo: z.strictObject({ file: z.string().min(1), alt: z.string().min(1, schemaText.state('logo-alt', { da: 'et logo skal have en alternativ tekst, der siger, hvad det viser', en: 'a logo needs alt text' })) }).optional(),
  colors: z
    .strictObject({ text: hex, muted: hex, accent: hex, tint: hex, rule: hex, link: hex })
    .partial()
    .optional(),
  fonts: z.strictObject(Object.fromEntries(faces.map((f) => [f, z.string().min(1)])) as Record<(typeof faces)[number], z.ZodString>).partial().optional(),
});

/** Foreground × background pairs that carry text, and where the background comes from. */
const textPairs: [fg: keyof Theme['colors'], bg: keyof Theme['colors'] | 'white'][] = [
  ['text', 'white'],
  ['muted', 'white'],
  ['accent', 'white'],
  ['link', 'white'],
  ['text', 'tint'],
  ['accent', 'tint'],
];

export const minimumContrast = 4.5;

/**
 * colors.rule draws the rules, the lines to write on and the borders of fields and table cells, on
 * white paper and on a table header's tint: a reader must see where to write, so they need 3:1 (WCAG
 * 1.4.11, non-text contrast).
 */
const linePairs: [fg: keyof Theme['colors'], bg: keyof Theme['colors'] | 'white'][] = [
  ['rule', 'white'],
  ['rule', 'tint'],
];

export const minimumLineContrast = 3;

export function modelTheme(templates: TemplateSource): { theme: Theme; fonts: Map<string, Uint8Array>; diagnostics: Diagnostic[] } {
  const file = templates.files.get('theme.yaml');
  const fonts = new Map<string, Uint8Array>();
  if (!file?.text) return { theme: defaultTheme, fonts, diagnostics: [] };
  const { yaml, diagnostics } = parseYaml(file.text, file.displayPath, 0);
  if (!yaml.ok) return { theme: defaultTheme, fonts, diagnostics };
  const input = yaml.data ?? {};
  const result = themeSchema.safeParse(input);
  if (!result.success) {
    diagnostics.push(...zodDiagnostics(result.error.issues, yaml, input, (p) => schemaKeys(themeSchema, p), themeHints));
    return { theme: defaultTheme, fonts, diagnostics };
  }
  const data = result.data;
  const theme: Theme = { ...defaultTheme, name: data.name, colors: { ...defaultTheme.colors, ...data.colors } };

  const pairs = [
    ...textPairs.map((pair) => ({ pair, minimum: minimumContrast, what: { da: 'tekst skal', en: 'text needs' } })),
    ...linePairs.map((pair) => ({ pair, minimum: minimumLineContrast, what: { da: 'streger og kanter skal', en: 'lines and borders need' } })),
  ];
  for (const { pair: [fg, bg], minimum, what } of pairs) {
    const background = bg === 'white' ? '#ffffff' : theme.colors[bg];
    const ratio = contrastRatio(theme.colors[fg], background);
    if (ratio < minimum) {
      const at = data.colors?.[fg] ? ['colors', fg] : ['colors', bg];
      diagnostics.push({
        ...locate(yaml, at),
        severity: 'error',
        rule: 'low-contrast',
        message: {
          da: `colors.${fg} ${theme.colors[fg]} på ${bg === 'white' ? 'hvidt papir' : `colors.${bg} ${background}`} har kontrasten ${ratio.toFixed(2).replace('.', ',')}:1; ${what.da} have mindst ${String(minimum).replace('.', ',')}:1`,
          en: `colors.${fg} ${theme.colors[fg]} on ${bg === 'white' ? 'white paper' : `colors.${bg} ${background}`} has contrast ${ratio.toFixed(2)}:1; ${what.en} at least ${minimum}:1`,
        },
        hint: {
          da: `gør colors.${fg} mørkere${bg === 'white' ? '' : `, eller colors.${bg} lysere`}`,
          en: `darken colors.${fg}${bg === 'white' ? '' : ` or lighten colors.${bg}`}`,
        },
      });
    }
  }

  if (data.logo) {
    const logo = readLogo(templates, data.logo.file, data.logo.alt, yaml, diagnostics);
    if (logo) theme.logo = logo;
  }
  if (data.fonts) {
    theme.fonts = {};
    for (const face of faces) {
      const name = data.fonts[face];
      if (!name) continue;
      const font = templates.files.get(name);
      if (!font?.bytes || !/\.(woff|ttf|otf)$/i.test(name)) {
        diagnostics.push({
          ...locate(yaml, ['fonts', face]),
          severity: 'error',
          rule: 'missing-file',
          message: {
            da: `skrifttypen \`${name}\` er ikke en .woff-, .ttf- eller .otf-fil i skabelonmappen`,
            en: `font \`${name}\` is not a .woff, .ttf or .otf file in the templates folder`,
          },
          hint: {
            da: 'læg skrifttypens fil i skabelonmappen, og skriv dens navn, fx `regular: fonts/MinFont-Regular.ttf`',
            en: 'put the typeface file in the templates folder and name it, e.g. `regular: fonts/MinFont-Regular.ttf`',
          },
        });
        continue;
      }
      const id = `theme-${face}`;
      fonts.set(id, font.bytes);
      theme.fonts[face] = id;
    }
  }
  return { theme, fonts, diagnostics };
}

function readLogo(templates: TemplateSource, name: string, alt: string, yaml: ParsedYaml, diagnostics: Diagnostic[]): ThemeLogo | undefined {
  const file = templates.files.get(name);
  const fail = (message: Text, hint?: Text) => {
    diagnostics.push({ ...locate(yaml, ['logo', 'file']), severity: 'error', rule: 'bad-logo', message, hint });
    return undefined;
  };
  if (!file) {
    return fail(
      { da: `logoet \`${name}\` findes ikke i skabelonmappen`, en: `logo \`${name}\` does not exist in the templates folder` },
      { da: 'læg logoet (PNG, JPEG eller SVG) i skabelonmappen ved siden af theme.yaml', en: 'put the logo (PNG, JPEG or SVG) in the templates folder beside theme.yaml' },
    );
  }
  // An SVG logo follows a topic's drawings' rules, with the templates folder as its folder.
  const pictureFile = (href: string) => {
    const ref = path.posix.normalize(path.posix.join(path.posix.dirname(name), href.replace(/\\/g, '/')));
    if (path.posix.isAbsolute(href) || /^[a-zA-Z]:/.test(href) || ref === '..' || ref.startsWith('../')) {
      return { problem: { da: `er \`${href}\`, som ligger uden for skabelonmappen`, en: `is \`${href}\`, outside the templates folder` } };
    }
    const found = templates.files.get(ref);
    if (found?.bytes) return { bytes: found.bytes, path: ref };
    return { problem: { da: `er \`${ref}\`, som ikke er en PNG- eller JPEG-fil i skabelonmappen`, en: `is \`${ref}\`, which is not a PNG or JPEG file in the templates folder` } };
  };
  const read = readImage(name, file, imageBudget(), pictureFile);
  if ('problem' in read) return fail({ da: `logoet ${read.problem.da}`, en: `logo ${read.problem.en}` });
  if (read.leftOut.length) {
    diagnostics.push({
      ...locate(yaml, ['logo', 'file']),
      severity: 'warning',
      rule: 'svg-left-out',
      message: {
        da: `logoet \`${name}\` har dele, som en trykt figur ikke kan vise, og de udelades: ${read.leftOut.map((t) => t.da).join(', ')}`,
        en: `logo \`${name}\` has parts a printed figure cannot show, and they are left out: ${read.leftOut.map((t) => t.en).join(', ')}`,
      },
      hint: { da: 'fjern dem fra tegningen, eller gem den igen som almindelig SVG', en: 'remove them from the drawing, or save it again as plain SVG' },
    });
  }
  return { ...read.image, alt };
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hexColour: string): number {
  const channel = (i: number) => {
    const c = parseInt(hexColour.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}
