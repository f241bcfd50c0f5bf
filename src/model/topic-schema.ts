/**
 * The public contract of topic.yaml and card front matter, as zod schemas.
 * The JSON Schema that editors' tools use is generated from these (see `dialogpack schema`).
 * Each rule states its message in both languages where it is made (see schema-text.ts).
 */
import * as z from 'zod';
import { schemaText } from './schema-text.js';

const say = schemaText.state;

const notEmpty = say('not-empty', { da: 'må ikke være tom', en: 'must not be empty' });
const markdownString = z.string().min(1, notEmpty);
const count = z
  .number()
  .int(say('whole-number', { da: 'skal være et helt tal', en: 'must be a whole number' }))
  .positive(say('at-least-1', { da: 'skal være mindst 1', en: 'must be at least 1' }));

/** A staff dialogue, not a stadium: the bound also keeps plans and group lists small. */
const mostParticipants = 500;

/** `{ 4: 6, 12: 8, 20: 10 }`: minutes by participant count. YAML gives the keys as strings. */
const minutesTable = z
  .record(
    z.string().regex(/^[1-9]\d*$/, say('participant-count-key', { da: 'antal deltagere skal være hele tal fra 1', en: 'participant counts must be whole numbers from 1' })),
    count,
  )
  .refine(
    (table) => Object.keys(table).length > 0,
    say('minutes-table-empty', { da: 'en tabel over minutter skal have mindst én linje', en: 'a minutes table needs at least one entry' }),
  );

const when = z
  .strictObject({
    'min-participants': count.optional(),
    'max-participants': count.optional(),
  })
  .superRefine((w, ctx) => {
    const min = w['min-participants'];
    const max = w['max-participants'];
    if (min !== undefined && max !== undefined && min > max) {
      ctx.addIssue(
        schemaText.issue(
          ['min-participants'],
          {
            da: `min-participants ${min} er større end max-participants ${max}, så dette tip kan aldrig bruges`,
            en: `min-participants ${min} is above max-participants ${max}, so this tip can never apply`,
          },
          { rule: 'when-never-holds', hint: { da: 'byt om på de to tal, eller fjern det ene', en: 'swap the two numbers, or drop one of them' } },
        ),
      );
    }
  });

const tip = z.union([markdownString, z.strictObject({ text: markdownString, when: when.optional() })]);

export const groupings = ['plenary', 'individual', 'pairs', 'groups'] as const;

const step = z
  .strictObject({
    title: z.string().min(1, say('step-title', { da: 'et trin skal have en titel', en: 'a step needs a title' })),
    minutes: z.union([count, minutesTable], {
      error: say('minutes', {
        da: 'skal være et helt antal minutter eller en tabel som { 4: 6, 20: 10 }',
        en: 'must be a whole number of minutes or a table like { 4: 6, 20: 10 }',
      }),
    }),
    grouping: z.enum(groupings).default('plenary'),
    'group-size': z.number().int().min(2, say('group-size-min', { da: 'en gruppe har mindst 2 deltagere', en: 'a group has at least 2 participants' })).optional(),
    instructions: z.array(markdownString).default([]),
    questions: z.array(markdownString).default([]),
    tips: z.array(tip).default([]),
  })
  .superRefine((s, ctx) => {
    if (s.grouping === 'groups' && s['group-size'] === undefined) {
      ctx.addIssue(schemaText.issue(['grouping'], { da: 'gruppering `groups` kræver en `group-size`', en: 'grouping `groups` needs a `group-size`' }));
    }
    if (s.grouping !== 'groups' && s['group-size'] !== undefined) {
      ctx.addIssue(
        schemaText.issue(['group-size'], {
          da: `\`group-size\` gælder kun for gruppering \`groups\`, ikke \`${s.grouping}\``,
          en: `group-size applies only to grouping \`groups\`, not \`${s.grouping}\``,
        }),
      );
    }
  });

/** Where a section stands in the pack: `intro` before the frame questions, `appendix` after the script. */
export const placements = ['intro', 'appendix'] as const;

const section = z.strictObject({
  title: z.string().min(1),
  file: z.string().min(1),
  handout: z.boolean().default(false),
  placement: z.enum(placements).default('appendix'),
});

const participantCount = count.max(
  mostParticipants,
  say('most-participants', { da: `en dialog har højst ${mostParticipants} deltagere`, en: `a dialogue has at most ${mostParticipants} participants` }),
);

const personName = z.string().min(1, notEmpty);

export const topicSchema = z
  .strictObject({
    title: z.string().min(1, say('topic-title', { da: 'emnet skal have en titel', en: 'the topic needs a title' })),
    subtitle: z.string().optional(),
    lang: z.enum(['da', 'en']).default('da'),
    publisher: z.string().optional(),
    // One author is written as text as often as a list of one: both mean the same.
    authors: z
      .union([
        personName,
        z.array(personName).min(1, say('authors-empty', { da: 'skriv mindst én forfatter, eller fjern `authors`', en: 'name at least one author, or leave `authors` out' })),
      ])
      .transform((a) => (typeof a === 'string' ? [a] : a))
      .optional(),
    series: z.string().min(1, notEmpty).optional(),
    'publisher-note': markdownString.optional(),
    date: z
      .union([z.string(), z.date()])
      .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
      .pipe(
        z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, say('date-format', { da: 'skal være en dato skrevet ÅÅÅÅ-MM-DD, fx 2026-03-01', en: 'must be a date written YYYY-MM-DD' }))
          // 2026-13-45 has the right shape but is no day; it would become an invalid PDF date.
          .refine(
            (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
            say('calendar-date', { da: 'er ikke en dato, der findes i kalenderen', en: 'is not a calendar date' }),
          ),
      )
      .optional(),
    participants: z
      .strictObject({ min: participantCount, max: participantCount })
      .superRefine((p, ctx) => {
        if (p.min > p.max) {
          ctx.addIssue(
            schemaText.issue(
              ['min'],
              { da: `min ${p.min} er større end max ${p.max}, så ingen gruppestørrelse passer`, en: `min ${p.min} is above max ${p.max}, so no group size fits` },
              { rule: 'min-over-max', hint: { da: `mente du \`{ min: ${p.max}, max: ${p.min} }\`?`, en: `did you mean \`{ min: ${p.max}, max: ${p.min} }\`?` } },
            ),
          );
        }
      }),
    duration: count,
    purpose: markdownString.optional(),
    questions: z.array(markdownString).default([]),
    preparation: z
      .strictObject({
        materials: z.array(markdownString).default([]),
        checklist: z.array(markdownString).default([]),
      })
      .default({ materials: [], checklist: [] }),
    sections: z.array(section).default([]),
    steps: z.array(step).min(1, say('steps-empty', { da: 'et emne skal have mindst ét trin', en: 'a topic needs at least one step' })),
    cards: z.array(z.string().min(1)).default([]),
  });

export const cardSchema = z.strictObject({
  name: z.string().min(1),
  age: z.union([z.number().int().nonnegative(), z.string()]).optional(),
  role: z.string().optional(),
  quote: z.string().optional(),
});

export type TopicInput = z.input<typeof topicSchema>;
export type TopicData = z.output<typeof topicSchema>;
export type CardData = z.output<typeof cardSchema>;
