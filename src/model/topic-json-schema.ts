/**
 * The JSON Schema of topic.yaml, generated from the zod schema the checker validates with, so the
 * completion and squiggles editors get from their YAML tooling cannot disagree with `dialogpack check`
 * about keys and types.
 * Input: topicSchema. Output: a draft-07 JSON Schema object (draft-07 because every YAML extension and
 * validator reads it). Never: read or write files; `schema/topic.schema.json` is this output, saved.
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
  description: string;
  /** Keywords for checks zod keeps in refinements or transforms, which generation cannot see. */
  extra?: Record<string, unknown>;
}

/**
 * Hover texts for editors, in Danish because the editors are Danish. Paths name properties; `[]` steps into
 * a list's items. A path that no longer exists in the schema throws, so a renamed field cannot leave a
 * stale description behind.
 */
const annotations: Record<string, Annotation> = {
  title: { description: 'Emnets titel. Står på forsiden og øverst på siderne.' },
  subtitle: { description: 'Undertitel på forsiden (valgfri).' },
  lang: { description: 'Sproget i materialets faste tekster, fx "Drejebog" og "Side 1 af 9": da (dansk) eller en (engelsk).' },
  publisher: { description: 'Udgiveren, fx en kommune eller en organisation (valgfri).' },
  date: {
    description: 'Materialets dato, skrevet ÅÅÅÅ-MM-DD (valgfri). PDF-filerne får denne dato.',
    // The schema turns a YAML timestamp into this text before checking it, so the input is the same pattern.
    extra: { pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  },
  participants: { description: 'Hvor mange deltagere dialogen er lavet til: { min: 4, max: 20 }.' },
  'participants.min': { description: 'Det mindste antal deltagere.' },
  'participants.max': { description: 'Det største antal deltagere. Må ikke være mindre end min.' },
  duration: { description: 'Cirka hvor mange minutter dialogen varer i alt. Trinenes minutter bør give det samme (højst 10 % fra).' },
  purpose: { description: 'Formålet med dialogen: navnet på en .md-fil i emnets mappe (fx purpose.md) eller markdown skrevet direkte her.' },
  questions: { description: 'Emnets rammespørgsmål. Står i materialet og på flip-overens titelark.' },
  preparation: { description: 'Det, der skal gøres klar før mødet.' },
  'preparation.materials': { description: 'Materialer til mødet, fx "Tavle eller flip-over" (markdown).' },
  'preparation.checklist': { description: 'Tjekliste til den, der faciliterer (markdown).' },
  sections: { description: 'Tekstafsnit i den rækkefølge, de skal stå, fx praktiske råd, en case og juridisk baggrund.' },
  'sections[].title': { description: 'Afsnittets overskrift.' },
  'sections[].file': { description: 'Markdown-filen med afsnittets tekst, i emnets mappe (fx case.md).' },
  'sections[].handout': { description: 'true: afsnittet kommer også med i deltagernes handout.' },
  steps: { description: 'Drejebogens trin i rækkefølge. Værktøjet nummererer dem; skriv ikke selv numre.' },
  'steps[].title': { description: 'Trinnets overskrift, fx "Rammesæt emnet".' },
  'steps[].minutes': {
    description: 'Minutter til trinnet: et tal, eller en tabel efter antal deltagere, fx { 4: 6, 12: 8, 20: 10 }. Mellem to tal i tabellen regnes der jævnt.',
    // The schema refines an empty table away; minProperties constrains only the table, never the number.
    extra: { minProperties: 1 },
  },
  'steps[].grouping': {
    description: 'Hvordan deltagerne arbejder: plenary (alle samlet), individual (hver for sig), pairs (to og to) eller groups (i grupper; kræver group-size).',
  },
  'steps[].group-size': { description: 'Deltagere pr. gruppe, når grouping er groups. Værktøjet fordeler deltagerne i grupper, der er lige store eller næsten.' },
  'steps[].instructions': { description: 'Det, den der faciliterer, gør og siger i trinnet (markdown).' },
  'steps[].questions': { description: 'Trinnets spørgsmål. De kommer på trinnets flip-over-ark, så hold dem korte: højst 6 linjer med højst 8 ord.' },
  'steps[].tips': { description: 'Gode råd til trinnet: en tekst, eller { text, when } for et råd, der kun gælder ved et bestemt antal deltagere.' },
  'steps[].tips[].text': { description: 'Rådet (markdown).' },
  'steps[].tips[].when': { description: 'Hvornår rådet gælder, efter antal deltagere. Laves materialet til et bestemt antal (--participants), kommer rådet kun med, når det gælder.' },
  'steps[].tips[].when.min-participants': { description: 'Rådet gælder kun, når der er mindst så mange deltagere.' },
  'steps[].tips[].when.max-participants': { description: 'Rådet gælder kun, når der er højst så mange deltagere.' },
  cards: { description: 'Kort, fx personakort: markdown-filer i emnets mappe, der begynder med front matter (name, age, role, quote).' },
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
  for (const [path, annotation] of Object.entries(annotations)) annotate(nodeAt(generated, path), annotation.description, annotation.extra);
  const { $schema, ...rest } = generated;
  return { $schema, ...rootAnnotation, ...rest };
}

/** Removes what zod writes for JavaScript's sake and a YAML editor would only show as noise. */
function tidy(node: JsonSchema): void {
  if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
  if (node.type === 'integer' && node.exclusiveMinimum === 0) {
    delete node.exclusiveMinimum;
    node.minimum = 1;
  }
  if (node.anyOf) {
    const possible = node.anyOf.filter((member) => !isNever(member));
    if (possible.length === 1) {
      delete node.anyOf;
      Object.assign(node, possible[0]);
    } else node.anyOf = possible;
  }
  for (const child of children(node)) tidy(child);
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
function annotate(node: JsonSchema, description: string, extra: Record<string, unknown> = {}): void {
  const keywords = { ...node };
  for (const key of Object.keys(node)) delete node[key];
  Object.assign(node, { description }, keywords, extra);
}
