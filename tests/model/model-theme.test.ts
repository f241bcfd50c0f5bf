import { describe, expect, it } from 'vitest';
import type { TemplateSource } from '../../src/load/load-templates.js';
import { contrastRatio, modelTheme } from '../../src/model/model-theme.js';
import { hintText, messageText } from '../helpers/message-text.js';

function templates(themeYaml: string, extra: Record<string, string> = {}): TemplateSource {
  const files = new Map(Object.entries({ 'theme.yaml': themeYaml, ...extra }).map(([path, text]) => [path, { path, displayPath: `t/${path}`, text }]));
  return { files };
}

describe('modelTheme', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });

  it('takes name and colours, keeping the defaults for the rest', () => {
    const { theme, diagnostics } = modelTheme(templates('name: Eksempel Kommune\ncolors: { accent: "#7a1f3d" }\n'));
    expect(diagnostics).toEqual([]);
    expect(theme.name).toBe('Eksempel Kommune');
    expect(theme.colors.accent).toBe('#7a1f3d');
    expect(theme.colors.text).toBe('#1b1b1b');
  });

  it('tells a theme without a logo file to name a picture in the templates folder, not a markdown file', () => {
    const { diagnostics } = modelTheme(templates('name: Eksempel Kommune\nlogo:\n  alt: Eksempel Kommunes logo\n'));
    const missing = diagnostics.find((d) => d.rule === 'missing-field');
    // Reported where the logo's own fields are written, the line a missing one joins.
    expect(missing?.line).toBe(3);
    expect(hintText(missing!, 'da')).toContain('logoets billedfil (PNG, JPEG eller SVG) i skabelonmappen');
    expect(hintText(missing!, 'en')).not.toContain('markdown');
  });

  it('rejects text colours below 4.5:1, naming the pair and the line', () => {
    const { diagnostics } = modelTheme(templates('colors:\n  accent: "#9ecbd6"\n  muted: "#777777"\n'));
    const errors = diagnostics.filter((d) => d.rule === 'low-contrast');
    expect(errors.map((d) => [d.line, messageText(d).split(' has ')[0]])).toEqual([
      [3, 'colors.muted #777777 on white paper'],
      [2, 'colors.accent #9ecbd6 on white paper'],
      [2, 'colors.accent #9ecbd6 on colors.tint #e8f1f2'],
    ]);
    expect(messageText(errors[1])).toMatch(/contrast 1\.\d\d:1; text needs at least 4\.5:1/);
    // #777777 is 4.48:1 on white: just too pale.
    expect(modelTheme(templates('colors: { muted: "#777777" }\n')).diagnostics.map((d) => d.rule)).toEqual(['low-contrast']);
  });

  it('rejects a rule colour below 3:1 on white or on the tint, as lines to write on and field borders must be seen', () => {
    const { diagnostics } = modelTheme(templates('colors:\n  tint: "#f6e9ee"\n  rule: "#c9a3b2"\n'));
    const errors = diagnostics.filter((d) => d.rule === 'low-contrast');
    expect(errors.map((d) => [d.severity, d.line, messageText(d)])).toEqual([
      ['error', 3, 'colors.rule #c9a3b2 on white paper has contrast 2.24:1; lines and borders need at least 3:1'],
      ['error', 3, 'colors.rule #c9a3b2 on colors.tint #f6e9ee has contrast 1.90:1; lines and borders need at least 3:1'],
    ]);
    // 3:1 is enough for a line, though it would be too pale for text.
    expect(modelTheme(templates('colors: { rule: "#858585" }\n')).diagnostics).toEqual([]);
    // A tint too dark for the default rule is named where the tint is written.
    const dark = modelTheme(templates('colors:\n  tint: "#9db3b6"\n')).diagnostics.filter((d) => messageText(d).startsWith('colors.rule'));
    expect(dark.map((d) => d.line)).toEqual([2]);
  });

  it('requires alt text for a logo and a file that exists', () => {
    const noAlt = modelTheme(templates('logo: { file: logo.svg }\n', { 'logo.svg': '<svg viewBox="0 0 10 5"></svg>' }));
    expect(noAlt.diagnostics.map((d) => [d.rule, d.line])).toEqual([['missing-field', 1]]);
    const missing = modelTheme(templates('logo: { file: nope.png, alt: Logo }\n'));
    expect(missing.diagnostics.map((d) => d.rule)).toEqual(['bad-logo']);
    const ok = modelTheme(templates('logo: { file: logo.svg, alt: Logo }\n', { 'logo.svg': '<svg viewBox="0 0 10 5"></svg>' }));
    expect(ok.theme.logo).toMatchObject({ format: 'svg', alt: 'Logo', aspect: 2 });
  });

  it('reports unknown keys with a hint', () => {
    const { diagnostics } = modelTheme(templates('colours: { accent: "#000000" }\n'));
    expect(diagnostics[0]).toMatchObject({ rule: 'unknown-key', line: 1 });
    expect(hintText(diagnostics[0])).toBe('did you mean `colors`?');
  });
});
