import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../src/cli/choose-language.js';
import { formatDiagnostic, formatFirstErrorAdvice, formatSummary } from '../../src/cli/format-report.js';
import type { ReportedDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { runCli } from '../helpers/run-cli.js';

describe('chooseLanguage', () => {
  it('is Danish unless --lang en or an English locale asks otherwise', () => {
    expect(chooseLanguage(undefined, { LANG: 'C.UTF-8' }, 'en-US')).toBe('da');
    expect(chooseLanguage(undefined, { LANG: 'da_DK.UTF-8' }, 'en-US')).toBe('da');
    expect(chooseLanguage(undefined, { LANG: 'en_GB.UTF-8' }, 'da-DK')).toBe('en');
    expect(chooseLanguage(undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'da_DK.UTF-8' }, 'da-DK')).toBe('en');
    expect(chooseLanguage(undefined, { LC_ALL: '', LANG: 'da_DK.UTF-8' }, 'en-US')).toBe('da');
    expect(chooseLanguage('da', { LANG: 'en_US.UTF-8' }, 'en-US')).toBe('da');
    expect(chooseLanguage('en', { LANG: 'da_DK.UTF-8' }, 'da-DK')).toBe('en');
    expect(chooseLanguage(undefined, { LANG: 'de_DE.UTF-8' }, 'en-US')).toBe('da');
  });

  it('on Windows, where no LANG is set, follows the system locale', () => {
    expect(chooseLanguage(undefined, {}, 'da-DK')).toBe('da');
    expect(chooseLanguage(undefined, {}, 'en-GB')).toBe('en');
  });
});

describe('the report in Danish', () => {
  const d: ReportedDiagnostic = { file: 'content/a/topic.yaml', line: 3, column: 5, severity: 'error', rule: 'unknown-key', message: 'ukendt felt', hint: 'skriv `participants:`' };
  it('says fejl, advarsel and how to fix it, and keeps the rule id', () => {
    expect(formatDiagnostic(d, 'da')).toBe('content/a/topic.yaml:3:5: fejl: ukendt felt [unknown-key]\n  sådan retter du det: skriv `participants:`');
    expect(formatDiagnostic({ ...d, severity: 'warning' }, 'da')).toMatch(/: advarsel: /);
    expect(formatSummary([d, { ...d, severity: 'warning' }, { ...d, severity: 'warning' }], 1, 'da')).toBe('1 fejl, 2 advarsler i 1 emne');
    expect(formatSummary([], 3, 'da')).toBe('0 fejl, 0 advarsler i 3 emner');
  });

  it('asks for the first error to be fixed first only when there are several', () => {
    expect(formatFirstErrorAdvice([d], 'da')).toBeUndefined();
    expect(formatFirstErrorAdvice([d, { ...d, line: 9 }], 'da')).toMatch(/^Ret den første fejl først/);
  });

  it('is what the CLI prints by default, and English with --lang en', () => {
    const danish = runCli(['build', 'content/hardware', '--participants', '0'], { env: { LANG: 'C.UTF-8' } });
    expect(danish.code).toBe(2);
    expect(danish.stderr).toMatch(/--participants: fejl: /);
    expect(danish.stderr).toMatch(/^1 fejl, 0 advarsler i 0 emner$/m);
    const english = runCli(['--lang', 'en', 'build', 'content/hardware', '--participants', '0'], { env: { LANG: 'C.UTF-8' } });
    expect(english.stderr).toMatch(/--participants: error: /);
    expect(english.stderr).toMatch(/^1 error, 0 warnings in 0 topics$/m);
  });
});
