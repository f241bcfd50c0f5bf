import type { Text } from '../diagnostics/diagnostic.js';
import type { YamlPath } from './locate.js';
import type { SchemaHints } from './zod-diagnostics.js';

/**
 * What zodDiagnostics is told of the topic, card, theme and config schemas in particular: the Danish
 * words editors write for their keys and values, examples for fields left out, and hints for values
 * written the wrong way. zod-diagnostics.ts is the general adapter that consults them; the schemas'
 * own messages are stated in both languages in the schemas (schema-text.ts), not here.
 */
/** Danish words editors write for the schema's English values (`grouping: grupper`). */
const danishValues: Record<string, string> = {
  plenum: 'plenary',
  'i plenum': 'plenary',
  individuelt: 'individual',
  enkeltvis: 'individual',
  alene: 'individual',
  'hver for sig': 'individual',
  par: 'pairs',
  parvis: 'pairs',
  makkerpar: 'pairs',
  'to og to': 'pairs',
  grupper: 'groups',
  gruppe: 'groups',
  gruppevis: 'groups',
  'i grupper': 'groups',
  dansk: 'da',
  engelsk: 'en',
};

/**
 * Danish names editors give the fields (`deltagere:`), each with the English keys it may stand for, the
 * first the schema knows at that place winning: `kort` is `cards` in a topic, and `forfattere` is
 * `authors` once the topic has such a field. Looked up in lower case.
 */
const danishKeys: Record<string, readonly string[]> = {
  titel: ['title'],
  overskrift: ['title'],
  undertitel: ['subtitle'],
  sprog: ['lang'],
  udgiver: ['publisher'],
  forfatter: ['authors', 'author'],
  forfattere: ['authors', 'author'],
  serie: ['series'],
  dato: ['date'],
  deltagere: ['participants'],
  'antal deltagere': ['participants'],
  antal: ['participants'],
  varighed: ['duration'],
  tid: ['duration', 'minutes'],
  formål: ['purpose'],
  spørgsmål: ['questions'],
  forberedelse: ['preparation'],
  materialer: ['materials'],
  materiale: ['materials'],
  tjekliste: ['checklist'],
  checkliste: ['checklist'],
  afsnit: ['sections'],
  trin: ['steps'],
  kort: ['cards'],
  minutter: ['minutes'],
  gruppering: ['grouping'],
  gruppeform: ['grouping'],
  organisering: ['grouping'],
  gruppestørrelse: ['group-size'],
  instruktioner: ['instructions'],
  instruktion: ['instructions'],
  vejledning: ['instructions'],
  tips: ['tips'],
  tip: ['tips'],
  råd: ['tips'],
  'gode råd': ['tips'],
  tekst: ['text'],
  hvornår: ['when'],
  når: ['when'],
  'min-deltagere': ['min-participants'],
  'mindst-deltagere': ['min-participants'],
  'maks-deltagere': ['max-participants'],
  'max-deltagere': ['max-participants'],
  mindst: ['min'],
  højst: ['max'],
  maks: ['max'],
  fil: ['file'],
  uddeling: ['handout'],
  placering: ['placement'],
  navn: ['name'],
  alder: ['age'],
  rolle: ['role'],
  citat: ['quote'],
  farver: ['colors'],
  skrifttyper: ['fonts'],
};

/** Examples for fields an editor left out, so the hint can be copied. */
const missingFieldHints: Record<string, Text> = {
  title: {
    da: 'tilføj fx `title: Hjælp med borgerens hardware`',
    en: 'add e.g. `title: Hjælp med borgerens hardware`',
  },
  participants: {
    da: 'tilføj fx `participants: { min: 4, max: 20 }`',
    en: 'add e.g. `participants: { min: 4, max: 20 }`',
  },
  duration: {
    da: 'tilføj det samlede antal minutter, cirka, fx `duration: 45`',
    en: 'add the approximate total in minutes, e.g. `duration: 45`',
  },
  steps: {
    da: 'tilføj mindst ét trin, fx `steps: [{ title: Tal sammen, minutes: 10 }]`',
    en: 'add at least one step, e.g. `steps: [{ title: Tal sammen, minutes: 10 }]`',
  },
  minutes: {
    da: 'tilføj fx `minutes: 10`, eller en tabel efter antal deltagere: `minutes: { 4: 6, 20: 10 }`',
    en: 'add e.g. `minutes: 10`, or a table by participant count: `minutes: { 4: 6, 20: 10 }`',
  },
  min: { da: 'tilføj fx `min: 4`', en: 'add e.g. `min: 4`' },
  max: { da: 'tilføj fx `max: 20`', en: 'add e.g. `max: 20`' },
  text: {
    da: 'et tip med `when` skal også have sin `text`',
    en: 'a tip with `when` needs its `text`',
  },
  file: {
    da: 'skriv navnet på en markdown-fil i emnets mappe, fx `file: case.md`',
    en: 'name a markdown file in the topic folder, e.g. `file: case.md`',
  },
  name: { da: 'tilføj fx `name: Kasper`', en: 'add e.g. `name: Kasper`' },
};

/** A topic's steps are counted as steps, not as points: "trin 2, `minutes`". */
const danishItems: Record<string, string> = { steps: 'trin' };

/** A record key that is not a participant count written in digits (`minutes: { fire: 5 }`). */
const keyFormat: Text = {
  da: 'skriv antal deltagere med cifre, fx `minutes: { 4: 5, 20: 10 }`',
  en: 'write the participant count as digits, e.g. `minutes: { 4: 5, 20: 10 }`',
};

/**
 * How to write what the editor meant, when the value they wrote shows it: `ca. 45`, `4-20`, a mapping of
 * steps. `expected` is the types the place takes (none when the type was right and a rule failed).
 */
function wrongTypeHint(path: YamlPath, value: unknown, expected: readonly string[]): Text | undefined {
  const field = String(path[path.length - 1] ?? '');
  const write = (line: string): Text => ({
    da: `skriv \`${line}\``,
    en: `write \`${line}\``,
  });
  if (typeof value === 'string') {
    const range = /(\d+)\s*[-–—]\s*(\d+)/.exec(value);
    if (field === 'participants' && range) return write(`participants: { min: ${range[1]}, max: ${range[2]} }`);
    const number = /\d+/.exec(value);
    // Only where a number belongs: `2026-13-45` is a date that is no day, not a number with words around it.
    if (number && (expected.includes('number') || expected.includes('int'))) {
      return {
        da: `skriv kun tallet: \`${field}: ${number[0]}\``,
        en: `write the number alone: \`${field}: ${number[0]}\``,
      };
    }
  }
  // `cards: cards/kasper.md`, one entry where a list belongs.
  if (expected.includes('array') && typeof value === 'string' && !value.includes('\n') && value.length <= 60) return write(`${field}: [${value}]`);
  // `sections: [advice.md]`: a section is a title and a file.
  if (expected.includes('object') && typeof value === 'string' && path[0] === 'sections' && /\.(md|markdown)$/i.test(value.trim())) {
    return {
      da: `skriv \`{ title: …, file: ${value.trim()} }\` med den titel, afsnittet skal have i pakken`,
      en: `write \`{ title: …, file: ${value.trim()} }\`, with the title the section has in the pack`,
    };
  }
  if (expected.includes('array') && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return field === 'steps'
      ? {
          da: 'begynd hvert trin med `- `, fx `  - title: Tal sammen` og så `    minutes: 10`',
          en: 'start each step with `- `, e.g. `  - title: Tal sammen` and then `    minutes: 10`',
        }
      : {
          da: 'begynd hvert punkt med `- ` på sin egen linje',
          en: 'start each entry with `- ` on a line of its own',
        };
  }
  return undefined;
}

export const topicHints = {
  danishValues,
  danishKeys,
  missingFieldHints,
  danishItems,
  keyFormat,
  wrongTypeHint,
} satisfies SchemaHints;

/**
 * theme.yaml shares the topic's hints but for `file`, which there names the logo in the templates folder:
 * a municipality told to "name a markdown file in the topic folder" would look in the wrong place.
 */
export const themeHints = {
  ...topicHints,
  missingFieldHints: {
    ...missingFieldHints,
    file: {
      da: 'skriv navnet på logoets billedfil (PNG, JPEG eller SVG) i skabelonmappen, fx `logo: { file: logo.svg, alt: Eksempel Kommunes logo }`',
      en: 'name the picture file of the logo (PNG, JPEG or SVG) in the templates folder, e.g. `logo: { file: logo.svg, alt: Eksempel Kommunes logo }`',
    },
  },
} satisfies SchemaHints;
