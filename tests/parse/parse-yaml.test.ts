import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/parse/parse-yaml.js';

const data = (text: string) => parseYaml(text, 'topic.yaml', 0).yaml.data as Record<string, unknown>;

describe('parseYaml: an empty line inside a plain text', () => {
  it('is a paragraph break in plain and single-quoted texts, as the editor meant', () => {
    expect(data('tip: Første afsnit.\n\n  Andet afsnit.\n').tip).toBe('Første afsnit.\n\nAndet afsnit.');
    expect(data("tip: 'Første afsnit.\n\n  Andet afsnit.'\n").tip).toBe('Første afsnit.\n\nAndet afsnit.');
    expect(data('tips:\n  - Første.\n\n    Andet.\n').tips).toEqual(['Første.\n\nAndet.']);
  });

  it('leaves a folded line (no empty line), a block text and double quotes as YAML reads them', () => {
    expect(data('tip: Første linje\n  fortsætter her.\n').tip).toBe('Første linje fortsætter her.');
    expect(data('tip: |\n  a\n\n  b\n').tip).toBe('a\n\nb\n');
    expect(data('tip: "a\\nb"\n').tip).toBe('a\nb');
  });
});
