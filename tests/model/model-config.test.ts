import { describe, expect, it } from 'vitest';
import { modelConfig } from '../../src/model/model-config.js';
import { hintText, messageText } from '../helpers/message-text.js';

describe('hyphenation exceptions in dialogpack.yaml', () => {
  it('become a build default, as written', () => {
    const { defaults, diagnostics } = modelConfig('dialogpack.yaml', 'hyphenation:\n  exceptions:\n    - service-niveau\n    - Kerne-opgave\n    - streaming\n');
    expect(diagnostics).toEqual([]);
    expect(defaults.hyphenationExceptions).toEqual(['service-niveau', 'Kerne-opgave', 'streaming']);
  });

  it('reports an entry that is not one word with hyphens at its line and column, in both languages', () => {
    const { defaults, diagnostics } = modelConfig('dialogpack.yaml', 'out: print\nhyphenation:\n  exceptions:\n    - service-niveau\n    - helbreds oplysninger\n');
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect([d.file, d.line, d.column, d.severity, d.rule]).toEqual(['dialogpack.yaml', 5, 7, 'error', 'bad-hyphenation-exception']);
    expect(messageText(d, 'en')).toBe('hyphenation exception "helbreds oplysninger" must be one word of letters, with a hyphen where it may be broken');
    expect(messageText(d, 'da')).toBe('orddelingsundtagelsen "helbreds oplysninger" skal være ét ord af bogstaver, med en bindestreg hvor ordet må deles');
    expect(hintText(d, 'da')).toBe('skriv linjen sådan: `- helbreds-oplysninger`');
    expect(hintText(d, 'en')).toBe('write the line as `- helbreds-oplysninger`');
    expect(defaults.hyphenationExceptions).toEqual(['service-niveau']);
  });

  it('rejects an unknown key under hyphenation', () => {
    const { diagnostics } = modelConfig('dialogpack.yaml', 'hyphenation:\n  exception: [service-niveau]\n');
    expect(diagnostics.map((d) => [d.line, d.rule])).toEqual([[2, 'unknown-key']]);
  });
});
