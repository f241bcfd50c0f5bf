import type { Language } from '../diagnostics/diagnostic.js';

/**
 * Danish unless the user asks for English: `--lang en`, or a locale that names English. The editors
 * and coordinators dialogpack is for read Danish; a CI runner's `C.UTF-8` is no request for English.
 * Windows sets no LANG, so there the system's locale (which Node's Intl reads) decides.
 */
export function chooseLanguage(flag: string | undefined, env: NodeJS.ProcessEnv, systemLocale: string): Language {
  if (flag === 'da' || flag === 'en') return flag;
  const named = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value && !/^(C|POSIX)([._@]|$)/i.test(value));
  const locale = named ?? (env.LANG === undefined && env.LC_ALL === undefined ? systemLocale : '');
  return /^en([-_.@]|$)/i.test(locale) ? 'en' : 'da';
}
