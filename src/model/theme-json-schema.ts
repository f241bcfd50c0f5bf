/**
 * The JSON Schema of theme.yaml, generated from the zod schema modelTheme validates with, so an editor's
 * completion and the check cannot disagree about keys and types. Each key is described in Danish with
 * its default (from layout's defaultTheme) and what it changes, as docs/authoring.md does.
 * Input: themeSchema. Output: a draft-07 JSON Schema object with yaml-language-server's
 * markdownDescription beside description. Never: read or write files; `schema/theme.schema.json` is
 * this output, saved (`dialogpack schema --theme`).
 */
import * as z from 'zod';
import { defaultTheme } from './theme.js';
import { themeSchema } from './model-theme.js';

type JsonSchema = { [keyword: string]: unknown; properties?: Record<string, JsonSchema> };

const colour = (what: string, key: keyof typeof defaultTheme.colors, contrast: string) =>
  `${what} Skrives \`"#rrggbb"\` i anførselstegn. Standard: \`"${defaultTheme.colors[key]}"\`. ${contrast}`;
const textContrast = 'Skal have kontrast mindst 4,5:1 på hvidt papir.';
const face = (what: string) => `Skrifttypen til ${what}: en .woff-, .ttf- eller .otf-fil i skabelonmappen, fx \`fonts/MinFont-Regular.ttf\`. Standard: dialogpacks egen (Atkinson Hyperlegible).`;

/** Danish texts by key path; every key of the schema has one (the test checks both ways). */
export const themeDescriptions: Record<string, string> = {
  '': 'En kommunes eget udseende til dialogpack: navn, logo, farver og skrifttyper. Alle felter kan udelades; det, der udelades, får dialogpacks standard.',
  name: 'Kommunens eller organisationens navn, fx `Eksempel Kommune`. Står i sidefoden på hver side. Standard: intet navn.',
  logo: 'Logoet, der står på forsiden: en fil og en alternativ tekst. Standard: intet logo.',
  'logo.file': 'Logoets fil i skabelonmappen, fx `logo.png`: PNG, JPEG eller SVG.',
  'logo.alt': 'Hvad logoet viser, fx `Eksempel Kommunes logo`. Skal udfyldes: skærmlæsere læser det højt.',
  colors: 'Farverne i materialet. Hver farve kan udelades og får så standardfarven.',
  'colors.text': colour('Brødtekstens farve.', 'text', `${textContrast} Også på \`tint\`.`),
  'colors.muted': colour('Dæmpet tekst: sidehoved, sidefod og forsidens undertitel.', 'muted', textContrast),
  'colors.accent': colour('Overskrifter, tal og punkttegn i lister, og båndet på forsiden.', 'accent', `${textContrast} Også på \`tint\`.`),
  'colors.tint': colour('Den lyse baggrund under tabellers overskrifter og trinnenes bjælker.', 'tint', '`text` og `accent` skal kunne læses på den (4,5:1), og `rule` skal ses på den (3:1).'),
  'colors.rule': colour('Streger: linjer at skrive på, felters og tabellers kanter.', 'rule', 'Skal have kontrast mindst 3:1 på hvidt papir og på `tint`.'),
  'colors.link': colour('Links.', 'link', textContrast),
  fonts: 'Kommunens egen skrifttype. Hvert snit kan udelades; et tegn, skrifttypen ikke har, tages fra dialogpacks egne.',
  'fonts.regular': face('almindelig tekst'),
  'fonts.bold': face('fed tekst og overskrifter'),
  'fonts.italic': face('kursiv'),
  'fonts.boldItalic': face('fed kursiv'),
};

/** Defaults a key has when left out, for completion; from the theme layout draws with. */
const defaults: Record<string, unknown> = Object.fromEntries(Object.entries(defaultTheme.colors).map(([key, value]) => [`colors.${key}`, value]));

export function themeJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(themeSchema, { target: 'draft-7', io: 'input' }) as JsonSchema;
  const visit = (node: JsonSchema, at: string) => {
    const description = themeDescriptions[at];
    if (description === undefined) throw new Error(`theme JSON Schema: no description of \`${at || '(the theme)'}\``);
    const plain = description.replace(/`/g, '');
    const keywords = { ...node };
    for (const key of Object.keys(node)) delete node[key];
    Object.assign(node, { description: plain }, plain === description ? {} : { markdownDescription: description }, keywords);
    if (at in defaults) {
      node.default = defaults[at];
      // What yaml-language-server says instead of its English when the pattern is missed.
      node.errorMessage = `Skriv farven som "#rrggbb" i anførselstegn, fx "${defaults[at]}".`;
    }
    for (const [key, child] of Object.entries(node.properties ?? {})) visit(child, at ? `${at}.${key}` : key);
  };
  visit(schema, '');
  return { $schema: schema.$schema, title: 'dialogpack theme.yaml', ...schema };
}

/** Every key path the schema describes, `colors.text` and so on, in the schema's order. */
export function themeSchemaKeys(node: JsonSchema = themeJsonSchema(), at = ''): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const path = at ? `${at}.${key}` : key;
    return [path, ...themeSchemaKeys(child, path)];
  });
}
