/**
 * theme.yaml's JSON Schema must be the one modelTheme implies: the shipped copy may not drift from the
 * generated one, its keys are exactly the keys modelTheme accepts, each is described, and the built-in
 * templates/theme.yaml, with its example switched on, passes both.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import type { TemplateSource } from '../../src/load/load-templates.js';
import { modelTheme, themeSchema } from '../../src/model/model-theme.js';
import { themeDescriptions, themeJsonSchema, themeSchemaKeys } from '../../src/model/theme-json-schema.js';
import { repoRoot } from '../helpers/build-fixture.js';
import { compileTopicSchema } from '../helpers/topic-schema-validator.js';

const schema = themeJsonSchema();
const validate = compileTopicSchema(schema);

/** The key paths zod's object schemas name, however they are wrapped (optional, partial). */
function zodKeys(type: z.ZodType, at = ''): string[] {
  let inner = type as z.ZodType & { unwrap?: () => z.ZodType };
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault) inner = (inner as z.ZodOptional).unwrap() as never;
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) => {
    const path = at ? `${at}.${key}` : key;
    return [path, ...zodKeys(child, path)];
  });
}

function templates(yaml: string): TemplateSource {
  return { files: new Map([['theme.yaml', { displayPath: 'theme.yaml', text: yaml }]]) } as unknown as TemplateSource;
}

/** A value of the right type for a key path, to try it through both checks. */
function sample(key: string): unknown {
  if (key.startsWith('colors.')) return '#000000';
  if (key === 'logo') return { file: 'logo.png', alt: 'Logo' };
  if (key === 'colors' || key === 'fonts') return {};
  return 'noget';
}

/** `a.b: v` as nested data. */
function nested(key: string, value: unknown): Record<string, unknown> {
  const parts = key.split('.');
  return parts.reduceRight<unknown>((v, part) => ({ [part]: v }), value) as Record<string, unknown>;
}

describe('theme.yaml JSON Schema', () => {
  it('is the shipped schema/theme.schema.json', () => {
    const shipped = readFileSync(path.join(repoRoot, 'schema/theme.schema.json'), 'utf8');
    expect(shipped).toBe(`${JSON.stringify(schema, null, 2)}\n`);
  });

  it('names exactly the keys modelTheme accepts, each described', () => {
    const keys = themeSchemaKeys(schema);
    expect(keys).toEqual(zodKeys(themeSchema));
    expect(Object.keys(themeDescriptions).filter(Boolean).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      // A logo's two keys are required together.
      const data = key.startsWith('logo') ? { logo: sample('logo') } : nested(key, sample(key));
      expect(validate(data), `${key}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(themeSchema.safeParse(data).success, key).toBe(true);
    }
    // A key neither knows is refused by both, at any level.
    for (const data of [{ colour: {} }, { colors: { background: '#ffffff' } }, { fonts: { light: 'x.ttf' } }]) {
      expect(validate(data), JSON.stringify(data)).toBe(false);
      // JSON is YAML too.
      expect(modelTheme(templates(JSON.stringify(data))).diagnostics.map((d) => d.rule)).toContain('unknown-key');
    }
  });

  it('agrees with modelTheme on a colour that is not #rrggbb', () => {
    expect(validate({ colors: { accent: 'blå' } })).toBe(false);
    expect(modelTheme(templates('colors:\n  accent: blå\n')).diagnostics.length).toBeGreaterThan(0);
  });

  it('passes templates/theme.yaml, and its example once switched on', () => {
    const text = readFileSync(path.join(repoRoot, 'templates/theme.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/theme.schema.json');
    expect(validate(parseYaml(text) ?? {})).toBe(true);
    const lines = text.split('\n');
    const example = lines.slice(lines.findIndex((l) => l.startsWith('# Eksempel')) + 1).map((l) => l.replace(/^# ?/, '')).join('\n');
    const data = parseYaml(example);
    expect(Object.keys(data)).toEqual(['name', 'logo', 'colors', 'fonts']);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(themeSchema.safeParse(data).success).toBe(true);
    // Its colours are the defaults, which pass the contrast checks.
    const colours = example.slice(0, example.indexOf('fonts:'));
    expect(modelTheme(templates(colours.replace(/^logo:.*$/m, ''))).diagnostics).toEqual([]);
  });
});
