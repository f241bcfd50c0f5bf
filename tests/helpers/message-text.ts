import { inLanguage, type Diagnostic, type Language } from '../../src/diagnostics/diagnostic.js';

/** A diagnostic's message as a user with this language reads it; English unless a test says otherwise. */
export function messageText(d: Diagnostic, language: Language = 'en'): string {
  return inLanguage(d, language).message;
}

/** Its hint likewise, or undefined. */
export function hintText(d: Diagnostic, language: Language = 'en'): string | undefined {
  return inLanguage(d, language).hint;
}
