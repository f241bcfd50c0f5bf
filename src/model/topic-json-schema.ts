/**
 * The JSON Schema of topic.yaml, generated from the zod schema the checker validates with, so the
 * completion and squiggles editors get from their YAML tooling cannot disagree with `dialogpack check`
 * about keys and types.
 * Input: topicSchema. Output: a draft-07 JSON Schema object (draft-07 because every YAML extension and
 * validator reads it), with the keywords yaml-language-server adds for editors: markdownDescription,
 * errorMessage, enumDescriptions, defaultSnippets (a strict validator such as Ajv must be told of them).
 * Never: read or write files; `schema/topic.schema.json` is this output, saved.
 */
import * as z from 'zod';
import { topicSchema } from './topic-schema.js';

type JsonSchema = {
  [keyword: string]: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
};

interface Annotation {
  /**
   * Hover and completion text, in markdown: backticks mark what is typed into topic.yaml. Without them it
   * is `description`, for tools that show plain text; with them, also `markdownDescription`.
   */
  description?: string;
  /**
   * What yaml-language-server (the engine of VS Code's YAML extension) says, as `errorMessage`, instead of
   * its English when the value has the wrong type, is not an allowed value or misses the pattern, and on an
   * object when a key is unknown or missing. It reads no message for ranges and lengths (minimum,
   * minLength, minItems, minProperties), so those stay English. `{keys}` becomes the object's keys.
   */
  message?: string;
  /** What each allowed value means, shown beside it in completion; names exactly the schema's enum. */
  values?: Record<string, string>;
  /** Keywords for checks zod keeps in refinements or transforms, which generation cannot see, and snippets. */
  extra?: Record<string, unknown>;
}

const asText = (what: string, example: string) => `${what} skal være tekst, fx ${example}. Står der kun et tal, så sæt anførselstegn om.`;
const asList = (what: string) => `Skriv ${what} som en liste: én linje pr. punkt, der begynder med "- ".`;
const wholeNumber = (what: string, example: string) => `Skriv ${what} som et helt tal, fx ${example}.`;
// A list item that is not text is nearly always a sentence with ": " in it, which YAML reads as a key.
const listItem = { message: 'Skal være tekst. Står der kolon og mellemrum (": ") i teksten, eller kun et tal, så sæt anførselstegn om hele teksten.' };

/** Offered by completion where a step can start; `${n:…}` are the places the editor fills in, in turn. */
const newStep = {
  label: 'Nyt trin',
  description: 'Et helt trin at udfylde: overskrift, minutter, arbejdsform, instruktioner og spørgsmål.',
  body: {
    title: '${1:Trinnets overskrift}',
    minutes: '^${2:5}',
    grouping: '${3|plenary,individual,pairs,groups|}',
    instructions: ['${4:Det, den der faciliterer, gør og siger.}'],
    questions: ['${5:Et spørgsmål til deltagerne?}'],
  },
};

/**
 * Texts for editors, in Danish because the editors are Danish. Paths name properties; `[]` steps into a
 * list's items; '' is the whole topic. A path that no longer exists in the schema throws, so a renamed
 * field cannot leave a stale text behind.
 */
const annotations: Record<string, Annotation> = {
  '': { message: 'Et emne {keys}. Andre nøgler kendes ikke.' },
  title: { description: 'Emnets titel. Står på forsiden og øverst på siderne.', message: asText('Titlen', 'title: Hjælp til MitID') },
  subtitle: { description: 'Undertitel på forsiden (valgfri).', message: asText('Undertitlen', 'subtitle: Dialogmateriale for frontmedarbejdere') },
  lang: {
    description: 'Sproget i materialets faste tekster, fx "Drejebog" og "Side 1 af 9": `da` (dansk) eller `en` (engelsk).',
    message: 'Skriv da (dansk) eller en (engelsk).',
    values: { da: 'dansk', en: 'engelsk' },
  },
  publisher: { description: 'Udgiveren, fx en kommune eller en organisation (valgfri).', message: asText('Udgiveren', 'publisher: Eksempelkommunen') },
  authors: {
    description:
      'Hvem der har skrevet materialet (valgfri): ét navn, eller en liste med ét navn pr. linje. Står som "Af …" med datoen på forsiden, i kolofonen bagerst og som forfatter i PDF-filerne.',
    message: 'Skriv navnet som tekst, fx authors: Anna Jensen, eller flere navne som en liste, fx authors: [Anna Jensen, Bo Holm].',
  },
  series: {
    description: 'Den serie af materialer, emnet hører til (valgfri), fx "Hjælp til digitalt udfordrede borgere". Står over titlen på forsiden og i kolofonen.',
    message: asText('Serien', 'series: Hjælp til digitalt udfordrede borgere'),
  },
  'publisher-note': {
    description:
      'Udgiverens note om projektet bag materialet (valgfri): navnet på en .md-fil i emnets mappe (fx `om-projektet.md`) eller markdown skrevet direkte her. Står i kolofonen bagerst og nederst på handoutet, hvis der er plads.',
    message: asText('Udgiverens note', 'publisher-note: om-projektet.md'),
  },
  date: {
    description: 'Materialets dato, skrevet ÅÅÅÅ-MM-DD, fx `2024-05-01` (valgfri). PDF-filerne får denne dato.',
    message: 'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-05-01 for 1. maj 2024.',
    // The schema turns a YAML timestamp into text before checking it, so the input is text of this shape;
    // the month and day ranges catch most days that do not exist, the rest is left to the checker.
    extra: { pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' },
  },
  participants: {
    description: 'Hvor mange deltagere dialogen er lavet til: `{ min: 4, max: 20 }`.',
    message: 'participants {keys}, fx participants: { min: 4, max: 20 }. Andre nøgler kendes ikke.',
  },
  'participants.min': { description: 'Det mindste antal deltagere.', message: wholeNumber('det mindste antal deltagere', '4') },
  'participants.max': { description: 'Det største antal deltagere. Må ikke være mindre end `min`.', message: wholeNumber('det største antal deltagere', '20') },
  duration: {
    description: 'Cirka hvor mange minutter dialogen varer i alt. Trinenes minutter bør give det samme (højst 10 % fra).',
    message: 'Skriv varigheden som et helt antal minutter, fx 60.',
  },
  purpose: {
    description: 'Formålet med dialogen: navnet på en .md-fil i emnets mappe (fx `purpose.md`) eller markdown skrevet direkte her.',
    message: asText('Formålet', 'purpose: purpose.md'),
  },
  questions: { description: 'Emnets rammespørgsmål. Står i materialet og på flipoverens titelark.', message: asList('rammespørgsmålene') },
  'questions[]': listItem,
  preparation: { description: 'Det, der skal gøres klar før mødet.', message: 'preparation {keys}. Andre nøgler kendes ikke.' },
  'preparation.materials': { description: 'Materialer til mødet, fx "Tavle eller flipover" (markdown).', message: asList('materialerne') },
  'preparation.materials[]': listItem,
  'preparation.checklist': { description: 'Tjekliste til den, der faciliterer (markdown).', message: asList('tjeklisten') },
  'preparation.checklist[]': listItem,
  sections: {
    description: 'Tekstafsnit i den rækkefølge, de skal stå, fx praktiske råd, en case og juridisk baggrund.',
    message: 'Skriv afsnittene som en liste: ét afsnit pr. punkt, der begynder med "- ", fx - { title: Case, file: case.md }.',
  },
  'sections[]': { message: 'Et afsnit {keys}, fx { title: Case, file: case.md, handout: true }. Andre nøgler kendes ikke.' },
  'sections[].title': { description: 'Afsnittets overskrift.', message: asText('Overskriften', 'title: Case') },
  'sections[].file': {
    description: 'Markdown-filen med afsnittets tekst, i emnets mappe (fx `case.md`).',
    message: 'Skriv navnet på en markdown-fil i emnets mappe, fx file: case.md.',
  },
  'sections[].handout': { description: '`true`: afsnittet kommer også med i deltagernes handout.', message: 'Skriv true (med i handout) eller false.' },
  'sections[].placement': {
    description:
      'Hvor afsnittet står i materialet: `intro` (før rammespørgsmålene, fx "Sådan bruger I dialogmaterialet") eller `appendix` (efter drejebogen, som afsnit gør, når der ikke står noget).',
    message: 'Skriv intro (før rammespørgsmålene) eller appendix (efter drejebogen).',
    values: { intro: 'før rammespørgsmålene', appendix: 'efter drejebogen' },
  },
  steps: {
    description: 'Drejebogens trin i rækkefølge. Værktøjet nummererer dem; skriv ikke selv numre.',
    message: 'Skriv trinnene som en liste: hvert trin begynder med "- title:" på sin egen linje.',
  },
  'steps[]': { message: 'Et trin {keys}. Andre nøgler kendes ikke.', extra: { defaultSnippets: [newStep] } },
  'steps[].title': { description: 'Trinnets overskrift, fx "Rammesæt emnet".', message: asText('Overskriften', 'title: Rammesæt emnet') },
  'steps[].minutes': {
    description:
      'Minutter til trinnet: et tal, eller en tabel efter antal deltagere, fx `{ 4: 6, 12: 8, 20: 10 }`. Mellem to tal i tabellen regnes der jævnt.',
    message: 'Skriv minutterne som et helt tal, fx 5, eller som en tabel efter antal deltagere, fx { 4: 6, 12: 8 }.',
    // The schema refines an empty table away; minProperties constrains only the table, never the number.
    extra: { minProperties: 1 },
  },
  'steps[].grouping': {
    description:
      'Hvordan deltagerne arbejder: `plenary` (alle samlet), `individual` (hver for sig), `pairs` (to og to) eller `groups` (i grupper; kræver `group-size`).',
    message: 'Skriv plenary, individual, pairs eller groups.',
    values: { plenary: 'alle samlet', individual: 'hver for sig', pairs: 'to og to', groups: 'i grupper; kræver group-size' },
  },
  'steps[].group-size': {
    description: 'Deltagere pr. gruppe, når `grouping` er `groups`. Værktøjet fordeler deltagerne i grupper, der er lige store eller næsten.',
    message: wholeNumber('antal deltagere pr. gruppe', '4'),
  },
  'steps[].instructions': {
    description:
      'Det, den der faciliterer, gør og siger i trinnet (markdown). Skal et punkt have flere afsnit eller en liste, så skriv `- |` og punktets linjer rykket ind under.',
    message: asList('instruktionerne'),
  },
  'steps[].instructions[]': listItem,
  'steps[].questions': {
    description: 'Trinnets spørgsmål. De kommer på trinnets flipoverark, så hold dem korte: højst 6 linjer med højst 8 ord.',
    message: asList('spørgsmålene'),
  },
  'steps[].questions[]': listItem,
  'steps[].tips': {
    description:
      'Gode råd til trinnet: en tekst, eller `{ text, when }` for et råd, der kun gælder ved et bestemt antal deltagere. Et råd med flere afsnit skrives `- |` med linjerne rykket ind under.',
    message: asList('rådene'),
  },
  'steps[].tips[]': { message: 'Et råd er en tekst eller nøgler, der {keys}. Andre nøgler kendes ikke.' },
  'steps[].tips[].text': {
    description: 'Rådet (markdown). Skal det have flere afsnit eller en liste, så skriv `text: |` og rådets linjer rykket ind under.',
    message: asText('Rådet', 'text: Lad makkerparrene bytte roller'),
  },
  'steps[].tips[].when': {
    description: 'Hvornår rådet gælder, efter antal deltagere. Laves materialet til et bestemt antal (`--participants`), kommer rådet kun med, når det gælder.',
    message: 'when {keys}, fx when: { min-participants: 10 }. Andre nøgler kendes ikke.',
  },
  'steps[].tips[].when.min-participants': {
    description: 'Rådet gælder kun, når der er mindst så mange deltagere.',
    message: wholeNumber('antal deltagere', '10'),
  },
  'steps[].tips[].when.max-participants': {
    description: 'Rådet gælder kun, når der er højst så mange deltagere.',
    message: wholeNumber('antal deltagere', '10'),
  },
  cards: {
    description: 'Kort, fx personakort: markdown-filer i emnets mappe, der begynder med front matter (`name`, `age`, `role`, `quote`).',
    message: 'Skriv kortene som en liste af filnavne: ét pr. linje, der begynder med "- ", fx - anna.md.',
  },
  'cards[]': { message: 'Skriv navnet på en markdown-fil i emnets mappe, fx anna.md.' },
};

const rootAnnotation = {
  title: 'dialogpack topic.yaml',
  description: 'Et emne til dialogpack: en kort personaledialog, skrevet som topic.yaml og markdown-filer. Se docs/authoring.md.',
};

export function topicJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(topicSchema, {
    io: 'input',
    target: 'draft-7',
    // A Date only reaches the schema from code, never from YAML text, so an editor is never offered one.
    unrepresentable: 'any',
    override: (ctx) => {
      if ((ctx.zodSchema._zod.def as { type: string }).type === 'date') {
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
        (ctx.jsonSchema as Record<string, unknown>).not = {};
      }
    },
  }) as JsonSchema;
  tidy(generated);
  // Texts go on after tidy, so a message on a union lands on the one schema yaml-language-server reads it from.
  for (const [path, annotation] of Object.entries(annotations)) annotate(nodeAt(generated, path), annotation);
  participantCountKeys(nodeAt(generated, 'steps[].minutes'));
  const { $schema, ...rest } = generated;
  return { $schema, ...rootAnnotation, ...rest };
}

/**
 * Removes what zod writes for JavaScript's sake and a YAML editor would only show as noise, and writes a
 * union of plain types as one schema (see typeList).
 */
function tidy(node: JsonSchema): void {
  if (node.anyOf) {
    const possible = node.anyOf.filter((member) => !isNever(member));
    const oneSchema = possible.length === 1 ? possible[0] : typeList(possible);
    if (oneSchema && Object.keys(oneSchema).every((key) => !(key in node))) {
      delete node.anyOf;
      Object.assign(node, oneSchema);
    } else node.anyOf = possible;
  }
  if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
  if ([node.type].flat().includes('integer') && node.exclusiveMinimum === 0) {
    delete node.exclusiveMinimum;
    node.minimum = 1;
  }
  for (const child of children(node)) tidy(child);
}

/** The keywords JSON Schema applies to one type of value only; `integer` counts as `number`. */
const keywordType: Record<string, string> = {
  minLength: 'string',
  maxLength: 'string',
  pattern: 'string',
  minimum: 'number',
  maximum: 'number',
  exclusiveMinimum: 'number',
  exclusiveMaximum: 'number',
  properties: 'object',
  required: 'object',
  additionalProperties: 'object',
  propertyNames: 'object',
  minProperties: 'object',
  maxProperties: 'object',
  items: 'array',
  minItems: 'array',
  maxItems: 'array',
};

/**
 * `anyOf: [{ type: integer, minimum: 1 }, { type: object, … }]` as one schema `type: [integer, object]`
 * with both members' keywords: the same rule, since each of those keywords applies only to its own type.
 * yaml-language-server says a schema's own message for a wrong type only without anyOf; across anyOf
 * members it writes its own English ("Incorrect type. Expected integer | object"). Undefined when the
 * members overlap, or hold a keyword that applies to every type (enum, not, …).
 */
function typeList(members: JsonSchema[]): JsonSchema | undefined {
  const types = members.map((member) => member.type);
  if (!types.every((type) => typeof type === 'string')) return undefined;
  const kinds = (types as string[]).map((type) => (type === 'integer' ? 'number' : type));
  if (new Set(kinds).size !== kinds.length) return undefined;
  const ownKeywordsOnly = members.every(({ type, ...keywords }) =>
    Object.keys(keywords).every((keyword) => keywordType[keyword] === (type === 'integer' ? 'number' : type)),
  );
  if (!ownKeywordsOnly) return undefined;
  return Object.assign({ type: types }, ...members.map(({ type: _type, ...keywords }) => keywords)) as JsonSchema;
}

function children(node: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  if (node.properties) out.push(...Object.values(node.properties));
  if (node.items) out.push(node.items);
  if (node.anyOf) out.push(...node.anyOf);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') out.push(node.additionalProperties);
  if (node.propertyNames && typeof node.propertyNames === 'object') out.push(node.propertyNames as JsonSchema);
  return out;
}

function isNever(node: JsonSchema): boolean {
  const keys = Object.keys(node);
  return keys.length === 1 && typeof node.not === 'object' && node.not !== null && Object.keys(node.not).length === 0;
}

/** `steps[].tips[].when`: properties by name, `[]` into items; a union is searched for the object that has the property. */
function nodeAt(root: JsonSchema, path: string): JsonSchema {
  let node = root;
  for (const token of path.match(/\[\]|[^.[\]]+/g) ?? []) {
    const next =
      token === '[]'
        ? node.items
        : [node, ...(node.anyOf ?? [])].map((candidate) => candidate.properties?.[token]).find((found) => found !== undefined);
    if (!next) throw new Error(`topic JSON Schema has no \`${path}\` to describe`);
    node = next;
  }
  return node;
}

/** The description goes first, because that is what a person reading the schema file looks for. */
function annotate(node: JsonSchema, { description, message, values, extra = {} }: Annotation): void {
  const keywords = { ...node };
  for (const key of Object.keys(node)) delete node[key];
  const plain = description?.replace(/`/g, '');
  const texts = description === undefined ? {} : plain === description ? { description } : { description: plain, markdownDescription: description };
  Object.assign(node, texts, keywords, extra);
  if (message !== undefined) node.errorMessage = message.replace('{keys}', () => keysOf(node));
  if (values !== undefined) {
    if (JSON.stringify(Object.keys(values)) !== JSON.stringify(node.enum)) {
      throw new Error(`topic JSON Schema: the values ${Object.keys(values).join(', ')} are not the enum ${JSON.stringify(node.enum)}`);
    }
    node.enumDescriptions = Object.values(values);
  }
}

/** "skal have title og minutes og kan have grouping, …": read off the schema, so it names the keys there are. */
function keysOf(node: JsonSchema): string {
  const keys = Object.keys(node.properties ?? {});
  if (keys.length === 0) throw new Error('topic JSON Schema: {keys} in a message for something that has no keys');
  const required = (node.required as string[] | undefined) ?? [];
  const optional = keys.filter((key) => !required.includes(key));
  const list = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} og ${words.at(-1)}`);
  return [required.length > 0 ? `skal have ${list(required)}` : '', optional.length > 0 ? `kan have ${list(optional)}` : ''].filter(Boolean).join(' og ');
}

/**
 * In `{ 4: 6, 12: 8 }` YAML reads the 4 as a number, and yaml-language-server checks a key as YAML read it,
 * while JSON validators like Ajv see every key as text. So a participant count is described both ways: a
 * whole number from 1, or text of digits (the pattern zod checks, which applies only to text).
 */
function participantCountKeys(minutes: JsonSchema): void {
  const keys = minutes.propertyNames as JsonSchema | undefined;
  const values = minutes.additionalProperties;
  if (keys?.type !== 'string' || typeof keys.pattern !== 'string' || typeof values !== 'object') {
    throw new Error('topic JSON Schema: steps[].minutes is no longer a table of minutes by participant count');
  }
  Object.assign(keys, { type: ['integer', 'string'], minimum: 1, errorMessage: 'Skriv antal deltagere som et helt tal fra 1, fx { 4: 6, 12: 8 }.' });
  values.errorMessage = 'Minutterne i tabellen skal være hele tal, fx { 4: 6, 12: 8 }.';
}
