import type { Section, Topic } from '../model/topic.js';
import type { Agenda, AgendaStep } from '../plan/agenda.js';
import { describeGroups } from '../plan/describe-groups.js';
import { fill, labels as allLabels, type Labels } from './labels.js';

/**
 * The data templates see: the topic and agenda with every number already worded in the
 * document's language, so templates only arrange text and never compute.
 */
export function templateView(topic: Topic, agenda: Agenda) {
  const labels: Labels = allLabels[topic.lang];
  const range = (r: [number, number]) => (r[0] === r[1] ? `${r[0]}` : `${r[0]}–${r[1]}`);
  return {
    labels,
    topic: {
      title: topic.title,
      subtitle: topic.subtitle,
      publisher: topic.publisher,
      date: topic.date ? formatDate(topic.date, topic.lang) : undefined,
      participants: fill(labels.participantsRange, topic.participants),
      duration: fill(labels.aboutMinutes, { n: topic.duration }),
      purpose: topic.purpose?.markdown,
      questions: topic.questions.map(oneLine),
      materials: topic.preparation.materials.map(oneLine),
      checklist: topic.preparation.checklist.map(oneLine),
      sections: topic.sections.map(sectionView),
      handoutSections: topic.sections.filter((s) => s.handout).map(sectionView),
      cards: topic.cards.map((c) => ({
        file: c.file,
        name: c.name,
        role: c.role,
        quote: c.quote,
        markdown: c.markdown,
        age: c.age === undefined ? undefined : fill(labels.age, { age: c.age }),
      })),
    },
    facilitator: {
      clockHeader: agenda.start ? labels.clock : labels.fromStart,
      forGroup: [fill(labels.facilitatorFor, { n: agenda.participants }), agenda.start ? fill(labels.startsAt, { start: agenda.start, end: agenda.end! }) : '']
        .filter(Boolean)
        .join(', '),
      rows: agenda.steps.map((s) => ({
        clock: s.start ?? `${s.offset}`,
        minutes: s.minutes,
        step: `${s.step.number}. ${s.step.title}`,
        grouping: labels.groupings[s.step.grouping],
        cue: oneLine(s.step.instructions[0] ?? ''),
      })),
      groups: agenda.steps
        .filter((s) => s.groups && (s.step.grouping === 'pairs' || s.step.grouping === 'groups'))
        .map((s) => ({ step: `${labels.step} ${s.step.number}`, text: describeGroups(s.groups!, topic.lang, s.step.grouping as 'pairs' | 'groups') })),
      tips: agenda.steps.flatMap((s) => s.applicableTips.map((t) => ({ step: `${labels.step} ${s.step.number}`, text: oneLine(t.text) }))),
    },
    /** The step that decides (the last one), whose sheet becomes a dot vote. */
    decidingStep: agenda.steps.length ? agenda.steps[agenda.steps.length - 1].step.number : undefined,
    /** The dot-vote sheet's empty rows, one per proposal to write down: see `dotVoteRows`. */
    dotVoteRows: dotVoteRows(agenda),
    agenda: {
      tailored: agenda.tailored,
      planned: agenda.tailored
        ? [fill(labels.plannedFor, { n: agenda.participants }), agenda.start ? fill(labels.startsAt, { start: agenda.start, end: agenda.end! }) : '']
            .filter(Boolean)
            .join(', ')
        : undefined,
      steps: agenda.steps.map((s) => stepView(s, agenda, labels, topic.lang, range)),
    },
  };
}

/**
 * One numbered row per group that brings proposals to the vote: the groups (or pairs) of the last step
 * before the deciding one that splits the participants; with no such step the participants propose in
 * pairs. At least two rows, since a vote needs two proposals and a lone group is asked for one or two;
 * at most four, what an A3 sheet holds under its heading and the table's header at the smallest
 * flip-chart type (54 pt).
 */
function dotVoteRows(agenda: Agenda): number[] {
  const split = agenda.steps
    .slice(0, -1)
    .filter((s) => s.groups && (s.step.grouping === 'pairs' || s.step.grouping === 'groups'))
    .at(-1);
  const count = split ? split.groups!.sizes.length : Math.ceil(agenda.participants / 2);
  return Array.from({ length: Math.min(4, Math.max(2, count)) }, (_, i) => i + 1);
}

function sectionView(s: Section) {
  return { title: s.title, handout: s.handout, file: s.file, markdown: s.markdown };
}

function stepView(s: AgendaStep, agenda: Agenda, labels: Labels, lang: Topic['lang'], range: (r: [number, number]) => string) {
  const minutes = agenda.tailored ? `${s.minutes}` : range(s.range);
  let grouping: string = labels.groupings[s.step.grouping];
  if (s.step.grouping === 'groups' && s.step.groupSize) grouping += ` (${fill(labels.groupsOf, { n: s.step.groupSize })})`;
  if (agenda.tailored && s.groups && (s.step.grouping === 'pairs' || s.step.grouping === 'groups')) {
    grouping = `${labels.groupings[s.step.grouping]}: ${describeGroups(s.groups, lang, s.step.grouping)}`;
  }
  return {
    number: s.step.number,
    title: s.step.title,
    minutes: `${minutes} ${labels.minutesShort}`,
    clock: s.start ? `${s.start}–${s.end}` : undefined,
    grouping,
    instructions: s.step.instructions.map(oneLine),
    questions: s.step.questions.map(oneLine),
    tips: s.tips.map((t) => ({
      text: oneLine(t.text),
      condition: !agenda.tailored && t.when ? fill(labels.tipWhen, { cond: describeCondition(t.when, labels) }) : undefined,
    })),
  };
}

function describeCondition(when: { minParticipants?: number; maxParticipants?: number }, labels: Labels): string {
  const { minParticipants: min, maxParticipants: max } = when;
  if (min !== undefined && max !== undefined) return fill(labels.between, { min, max });
  if (min !== undefined) return fill(labels.atLeast, { n: min });
  return fill(labels.atMost, { n: max! });
}

/** A markdown string that fills one list item: its line breaks would end the item. */
function oneLine(markdown: string): string {
  return markdown.replace(/\s*\n\s*/g, ' ').trim();
}

const monthsDa = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function formatDate(iso: string, lang: Topic['lang']): string {
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'da' ? `${d}. ${monthsDa[m - 1]} ${y}` : `${d} ${monthsEn[m - 1]} ${y}`;
}

export type TemplateView = ReturnType<typeof templateView>;
