import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Grouping, Step, StepMinutes, Tip, TipCondition, Topic } from '../../src/model/topic.js';
import { conditionHolds, durationTolerance, parseClock, planAgenda } from '../../src/plan/plan-agenda.js';
import { messageText } from '../helpers/message-text.js';

// ---------------------------------------------------------------- factories

const file = 'content/test/topic.yaml';

function minutesOf(m: number | Record<number, number>): StepMinutes {
  if (typeof m === 'number') return { kind: 'fixed', minutes: m };
  return {
    kind: 'table',
    entries: Object.entries(m)
      .map(([k, v]) => [Number(k), v] as [number, number])
      .sort((a, b) => a[0] - b[0]),
  };
}

function tip(text: string, when?: TipCondition, line = 90): Tip {
  return when ? { text, when, place: { file, line, column: 9 } } : { text, place: { file, line, column: 9 } };
}

interface StepInput {
  title?: string;
  minutes: number | Record<number, number>;
  grouping?: Grouping;
  groupSize?: number;
  tips?: Tip[];
}

function step(input: StepInput, index: number): Step {
  return {
    number: index + 1,
    title: input.title ?? `Trin ${index + 1}`,
    minutes: minutesOf(input.minutes),
    grouping: input.grouping ?? 'plenary',
    ...(input.groupSize !== undefined ? { groupSize: input.groupSize } : {}),
    instructions: ['Gør noget.'],
    questions: [],
    tips: input.tips ?? [],
    place: { file, line: 30 + 10 * index, column: 5 },
  };
}

function makeTopic(overrides: {
  steps: StepInput[];
  participants?: { min: number; max: number };
  duration?: number;
  lang?: 'da' | 'en';
}): Topic {
  return {
    slug: 'test',
    dir: 'content/test',
    title: 'Et emne',
    lang: overrides.lang ?? 'da',
    participants: overrides.participants ?? { min: 6, max: 16 },
    duration: overrides.duration ?? 40,
    durationPlace: { file, line: 8, column: 11 },
    participantsPlace: { file, line: 7, column: 15 },
    questions: [],
    preparation: { materials: [], checklist: [] },
    sections: [],
    steps: overrides.steps.map(step),
    cards: [],
    images: new Map(),
  };
}

/** The reference fixture (tests/fixtures/samtykke-og-fuldmagt) as far as the plan sees it. */
const bigTip = tip('Med mange grupper kan I nøjes med at høre fra tre af dem i næste trin.', { minParticipants: 13 }, 52);
const plainTip = tip('Mind grupperne om, at der ikke findes ét rigtigt svar.', undefined, 50);
function referenceTopic(): Topic {
  return makeTopic({
    participants: { min: 6, max: 16 },
    duration: 40,
    steps: [
      { title: 'Velkomst og rammesætning', minutes: 5 },
      { title: 'Dilemmaer i grupper', minutes: { 6: 8, 16: 12 }, grouping: 'groups', groupSize: 4, tips: [plainTip, bigTip] },
      { title: 'Fælles opsamling', minutes: { 6: 10, 16: 14 } },
      { title: 'Beslut og aftal næste skridt', minutes: 10, tips: [tip('Lav en prik-afstemning.', {}, 70)] },
    ],
  });
}

const rules = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.rule);
const withRule = (diagnostics: Diagnostic[], rule: string) => diagnostics.filter((d) => d.rule === rule);

// ---------------------------------------------------------------- parseClock

describe('parseClock', () => {
  it.each([
    ['13:00', 13 * 60],
    ['9:05', 9 * 60 + 5],
    ['09:05', 9 * 60 + 5],
    ['23:59', 23 * 60 + 59],
    ['00:00', 0],
    ['0:00', 0],
    ['20:30', 20 * 60 + 30],
  ])('accepts %s as %i minutes after midnight', (text, minutes) => {
    expect(parseClock(text)).toBe(minutes);
  });

  it.each(['25:99', '24:00', 'abc', '', '12:60', '9:5', '1300', '13:', ':30', '-1:00', '13:00:00', '123:00', '13:0a'])(
    'rejects %j',
    (text) => {
      expect(parseClock(text)).toBeUndefined();
    },
  );

  it('property: every HH:MM of the day parses to its minute and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const mm = String(m).padStart(2, '0');
        expect(parseClock(`${String(h).padStart(2, '0')}:${mm}`)).toBe(h * 60 + m);
        expect(parseClock(`${h}:${mm}`)).toBe(h * 60 + m);
      }),
    );
  });

  it('property: hours 24.. and minutes 60.. are rejected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (h, m) => {
        fc.pre(h > 23 || m > 59);
        expect(parseClock(`${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)).toBeUndefined();
      }),
    );
  });
});

// ---------------------------------------------------------------- minutes and clock times

describe('planAgenda: minutes and clock times', () => {
  it('reference fixture, 14 participants from 13:00: 13:00, 13:05, 13:16, 13:29, ends 13:39', () => {
    const { agenda } = planAgenda(referenceTopic(), { participants: 14, start: '13:00' });
    expect(agenda.steps.map((s) => s.minutes)).toEqual([5, 11, 13, 10]);
    expect(agenda.steps.map((s) => s.start)).toEqual(['13:00', '13:05', '13:16', '13:29']);
    expect(agenda.steps.map((s) => s.end)).toEqual(['13:05', '13:16', '13:29', '13:39']);
    expect(agenda.start).toBe('13:00');
    expect(agenda.end).toBe('13:39');
    expect(agenda.totalMinutes).toBe(39);
    expect(agenda.participants).toBe(14);
    expect(agenda.tailored).toBe(true);
  });

  it('reference fixture at 14 gives no warnings', () => {
    const { diagnostics } = planAgenda(referenceTopic(), { participants: 14, start: '13:00' });
    expect(diagnostics).toEqual([]);
  });

  it('accepts a one-digit hour as start and pads clock times', () => {
    const { agenda } = planAgenda(referenceTopic(), { participants: 14, start: '9:05' });
    expect(agenda.steps.map((s) => s.start)).toEqual(['09:05', '09:10', '09:21', '09:34']);
    expect(agenda.end).toBe('09:44');
  });

  it('wraps past midnight', () => {
    const { agenda } = planAgenda(referenceTopic(), { participants: 14, start: '23:30' });
    expect(agenda.steps.map((s) => s.start)).toEqual(['23:30', '23:35', '23:46', '23:59']);
    expect(agenda.end).toBe('00:09');
  });

  it('without a start there are no clock times', () => {
    const { agenda } = planAgenda(referenceTopic(), { participants: 14 });
    expect(agenda.start).toBeUndefined();
    expect(agenda.end).toBeUndefined();
    for (const s of agenda.steps) {
      expect(s.start).toBeUndefined();
      expect(s.end).toBeUndefined();
    }
  });

  it('keeps each step object and its order', () => {
    const topic = referenceTopic();
    const { agenda } = planAgenda(topic, { participants: 14 });
    expect(agenda.steps.map((s) => s.step)).toEqual(topic.steps);
  });

  it('gives each step its range over the topic’s participants, and the total range', () => {
    const { agenda } = planAgenda(referenceTopic(), { participants: 14 });
    expect(agenda.steps.map((s) => s.range)).toEqual([
      [5, 5],
      [8, 12],
      [10, 14],
      [10, 10],
    ]);
    expect(agenda.totalRange).toEqual([33, 41]);
  });

  it('plans groups for grouped steps only', () => {
    const { agenda } = planAgenda(referenceTopic(), { participants: 14 });
    expect(agenda.steps[1].groups).toEqual({ sizes: [4, 4, 3, 3] });
    expect(agenda.steps[0].groups).toBeUndefined();
    expect(agenda.steps[2].groups).toBeUndefined();
    const pairs = planAgenda(makeTopic({ steps: [{ minutes: 40, grouping: 'pairs' }] }), { participants: 13 });
    expect(pairs.agenda.steps[0].groups).toEqual({ sizes: [3, 2, 2, 2, 2, 2] });
  });

  it('an untailored agenda plans for the middle of the range', () => {
    const { agenda } = planAgenda(referenceTopic());
    expect(agenda.tailored).toBe(false);
    expect(agenda.participants).toBe(11);
    // 8 + 4·5/10 = 10, 10 + 4·5/10 = 12
    expect(agenda.steps.map((s) => s.minutes)).toEqual([5, 10, 12, 10]);
    expect(agenda.totalMinutes).toBe(37);
  });

  it('property: step times chain, each step lasts its minutes, the agenda spans the total', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: 1, max: 90 }),
            fc.tuple(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 90 })).map(([a, b]) => ({ 4: a, 20: b })),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        fc.integer({ min: 4, max: 20 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (minutes, participants, h, m) => {
          const topic = makeTopic({ participants: { min: 4, max: 20 }, steps: minutes.map((x) => ({ minutes: x })) });
          const start = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const { agenda } = planAgenda(topic, { participants, start });
          const toMin = (t: string | undefined) => parseClock(t!)!;
          expect(agenda.start).toBe(start);
          expect(agenda.steps[0].start).toBe(start);
          for (let i = 0; i < agenda.steps.length; i++) {
            const s = agenda.steps[i];
            expect(s.start).toMatch(/^\d\d:\d\d$/);
            expect(s.end).toMatch(/^\d\d:\d\d$/);
            if (i > 0) expect(s.start).toBe(agenda.steps[i - 1].end);
            expect((toMin(s.end) - toMin(s.start) + 1440) % 1440).toBe(s.minutes % 1440);
            expect(s.minutes).toBeGreaterThanOrEqual(s.range[0]);
            expect(s.minutes).toBeLessThanOrEqual(s.range[1]);
          }
          expect(agenda.end).toBe(agenda.steps[agenda.steps.length - 1].end);
          expect(agenda.totalMinutes).toBe(agenda.steps.reduce((a, s) => a + s.minutes, 0));
          expect((toMin(agenda.end) - toMin(agenda.start) + 1440) % 1440).toBe(agenda.totalMinutes % 1440);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- tips

describe('planAgenda: tips', () => {
  it('a tailored agenda keeps a min-participants 13 tip at 14', () => {
    const { agenda } = planAgenda(referenceTopic(), { participants: 14 });
    expect(agenda.steps[1].tips).toEqual([plainTip, bigTip]);
  });

  it('a tailored agenda drops a min-participants 13 tip at 8', () => {
    const { agenda } = planAgenda(referenceTopic(), { participants: 8 });
    expect(agenda.steps[1].tips).toEqual([plainTip]);
  });

  it('the boundary counts: kept at exactly 13, dropped at 12', () => {
    expect(planAgenda(referenceTopic(), { participants: 13 }).agenda.steps[1].tips).toContain(bigTip);
    expect(planAgenda(referenceTopic(), { participants: 12 }).agenda.steps[1].tips).not.toContain(bigTip);
  });

  it('an untailored agenda keeps every tip, whatever its when', () => {
    const small = tip('Kun for små hold.', { maxParticipants: 7 });
    const topic = makeTopic({ steps: [{ minutes: 40, tips: [plainTip, bigTip, small] }] });
    const { agenda } = planAgenda(topic);
    expect(agenda.tailored).toBe(false);
    expect(agenda.steps[0].tips).toEqual([plainTip, bigTip, small]);
    // the reference topic's middle is 11, below 13, and the tip is still there
    expect(planAgenda(referenceTopic()).agenda.steps[1].tips).toEqual([plainTip, bigTip]);
  });

  it('max-participants and both bounds filter too; tips without when or with an empty when are kept', () => {
    const small = tip('Små hold.', { maxParticipants: 8 });
    const middle = tip('Mellem.', { minParticipants: 8, maxParticipants: 12 });
    const empty = tip('Tom betingelse.', {});
    const topic = makeTopic({ steps: [{ minutes: 40, tips: [plainTip, small, middle, empty] }] });
    expect(planAgenda(topic, { participants: 6 }).agenda.steps[0].tips).toEqual([plainTip, small, empty]);
    expect(planAgenda(topic, { participants: 8 }).agenda.steps[0].tips).toEqual([plainTip, small, middle, empty]);
    expect(planAgenda(topic, { participants: 12 }).agenda.steps[0].tips).toEqual([plainTip, middle, empty]);
    expect(planAgenda(topic, { participants: 16 }).agenda.steps[0].tips).toEqual([plainTip, empty]);
  });

  it('conditionHolds: inclusive bounds', () => {
    expect(conditionHolds(undefined, 1)).toBe(true);
    expect(conditionHolds({}, 1)).toBe(true);
    expect(conditionHolds({ minParticipants: 13 }, 13)).toBe(true);
    expect(conditionHolds({ minParticipants: 13 }, 12)).toBe(false);
    expect(conditionHolds({ maxParticipants: 8 }, 8)).toBe(true);
    expect(conditionHolds({ maxParticipants: 8 }, 9)).toBe(false);
  });

  const arbWhen: fc.Arbitrary<TipCondition | undefined> = fc.option(
    fc.record({ minParticipants: fc.integer({ min: 1, max: 30 }), maxParticipants: fc.integer({ min: 1, max: 30 }) }, { requiredKeys: [] }),
    { nil: undefined },
  );

  it('property: tailored keeps exactly the tips whose when holds, in order; untailored keeps all', () => {
    fc.assert(
      fc.property(fc.array(arbWhen, { maxLength: 6 }), fc.integer({ min: 1, max: 30 }), (whens, participants) => {
        const tips = whens.map((w, i) => tip(`Tip ${i}`, w, 100 + i));
        const topic = makeTopic({ participants: { min: 1, max: 30 }, steps: [{ minutes: 40, tips }] });
        const kept = planAgenda(topic, { participants }).agenda.steps[0].tips;
        const expected = tips.filter(
          (t) =>
            (t.when?.minParticipants === undefined || participants >= t.when.minParticipants) &&
            (t.when?.maxParticipants === undefined || participants <= t.when.maxParticipants),
        );
        expect(kept).toEqual(expected);
        expect(planAgenda(topic).agenda.steps[0].tips).toEqual(tips);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- duration-mismatch

describe('planAgenda: duration-mismatch', () => {
  const fixedTopic = (minutes: number[], duration: number) => makeTopic({ duration, steps: minutes.map((m) => ({ minutes: m })) });

  it('the seed: steps 5, 8, 12, 10 = 35 against 45 warns, at the duration’s place', () => {
    const { agenda, diagnostics } = planAgenda(fixedTopic([5, 8, 12, 10], 45), { participants: 10 });
    expect(agenda.totalMinutes).toBe(35);
    const found = withRule(diagnostics, 'duration-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', file, line: 8, column: 11 });
    expect(messageText(found[0])).toContain('35');
    expect(messageText(found[0])).toContain('45');
  });

  it('warns for the seed untailored too', () => {
    expect(rules(planAgenda(fixedTopic([5, 8, 12, 10], 45)).diagnostics)).toContain('duration-mismatch');
  });

  it('45 against 45 does not warn', () => {
    const { diagnostics } = planAgenda(fixedTopic([5, 8, 12, 10, 10], 45), { participants: 10 });
    expect(rules(diagnostics)).not.toContain('duration-mismatch');
  });

  it('the tolerance is 10 %', () => {
    expect(durationTolerance).toBe(0.1);
  });

  it('exactly 10 % off does not warn; one minute more does (duration 50: 45..55 are fine)', () => {
    const warns = (total: number, duration: number) =>
      rules(planAgenda(fixedTopic([total], duration), { participants: 10 }).diagnostics).includes('duration-mismatch');
    expect(warns(55, 50)).toBe(false);
    expect(warns(45, 50)).toBe(false);
    expect(warns(56, 50)).toBe(true);
    expect(warns(44, 50)).toBe(true);
    // duration 30: 0.1 · 30 is 3.0000000000000004 in floating point; 27 and 33 are exactly 10 % off
    expect(warns(33, 30)).toBe(false);
    expect(warns(27, 30)).toBe(false);
    expect(warns(34, 30)).toBe(true);
    expect(warns(26, 30)).toBe(true);
    // duration 45: 10 % is 4.5 minutes, so 49 and 41 are fine, 50 and 40 are not
    expect(warns(49, 45)).toBe(false);
    expect(warns(41, 45)).toBe(false);
    expect(warns(50, 45)).toBe(true);
    expect(warns(40, 45)).toBe(true);
  });

  it('property: warns exactly when |total − duration| > 10 % of duration (whole-number arithmetic)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 400 }), (duration, total) => {
        const { diagnostics } = planAgenda(fixedTopic([total], duration), { participants: 10 });
        const expected = 10 * Math.abs(total - duration) > duration;
        expect(rules(diagnostics).includes('duration-mismatch'), `${total} against ${duration}`).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: at exactly ±10 % of any duration that is a multiple of 10 there is no warning', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.constantFrom(-1, 1), (tenth, sign) => {
        const duration = 10 * tenth;
        const { diagnostics } = planAgenda(fixedTopic([duration + sign * tenth], duration), { participants: 10 });
        expect(rules(diagnostics)).not.toContain('duration-mismatch');
        const over = planAgenda(fixedTopic([duration + sign * (tenth + 1)], duration), { participants: 10 });
        expect(rules(over.diagnostics)).toContain('duration-mismatch');
      }),
      { numRuns: 200 },
    );
  });

  it('uses the minutes for the planned count: the reference fixture warns at 6 (33 vs 40), not at 14 or 16', () => {
    expect(rules(planAgenda(referenceTopic(), { participants: 6 }).diagnostics)).toContain('duration-mismatch');
    expect(rules(planAgenda(referenceTopic(), { participants: 14 }).diagnostics)).not.toContain('duration-mismatch');
    expect(rules(planAgenda(referenceTopic(), { participants: 16 }).diagnostics)).not.toContain('duration-mismatch');
  });
});

// ---------------------------------------------------------------- participants-outside-range

describe('planAgenda: participants-outside-range', () => {
  it('warns below min and above max, at the participants’ place', () => {
    for (const p of [5, 17, 1, 40]) {
      const found = withRule(planAgenda(referenceTopic(), { participants: p }).diagnostics, 'participants-outside-range');
      expect(found, `at ${p}`).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: 'warning', file, line: 7, column: 15 });
      expect(messageText(found[0])).toContain(String(p));
    }
  });

  it('does not warn at min, max or between', () => {
    for (const p of [6, 11, 16]) {
      expect(rules(planAgenda(referenceTopic(), { participants: p }).diagnostics), `at ${p}`).not.toContain('participants-outside-range');
    }
  });

  it('does not warn for an untailored agenda', () => {
    expect(rules(planAgenda(referenceTopic()).diagnostics)).not.toContain('participants-outside-range');
  });

  it('property: warns exactly when the count is outside min–max', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 45 }), (min, span, p) => {
        const topic = makeTopic({ participants: { min, max: min + span }, steps: [{ minutes: 40 }] });
        const found = withRule(planAgenda(topic, { participants: p }).diagnostics, 'participants-outside-range');
        expect(found.length).toBe(p < min || p > min + span ? 1 : 0);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------- participants-outside-table

describe('planAgenda: participants-outside-table', () => {
  it('warns once per table step that has no entry that far out, at the step’s place', () => {
    const found = withRule(planAgenda(referenceTopic(), { participants: 20 }).diagnostics, 'participants-outside-table');
    expect(found).toHaveLength(2);
    expect(found.map((d) => d.line)).toEqual([40, 50]);
    for (const d of found) expect(d).toMatchObject({ severity: 'warning', file, column: 5 });
    expect(messageText(found[0])).toContain('20');
  });

  it('warns below the table as well, and uses the nearest entry', () => {
    const { agenda, diagnostics } = planAgenda(referenceTopic(), { participants: 4 });
    expect(withRule(diagnostics, 'participants-outside-table')).toHaveLength(2);
    expect(agenda.steps.map((s) => s.minutes)).toEqual([5, 8, 10, 10]);
  });

  it('does not warn inside or at the edges of the table', () => {
    for (const p of [6, 10, 14, 16]) {
      expect(rules(planAgenda(referenceTopic(), { participants: p }).diagnostics), `at ${p}`).not.toContain('participants-outside-table');
    }
  });

  it('a count inside the topic’s range but outside a narrower table still warns', () => {
    const topic = makeTopic({ participants: { min: 4, max: 20 }, steps: [{ minutes: { 8: 20, 12: 30 } }, { minutes: 10 }] });
    const found = withRule(planAgenda(topic, { participants: 5 }).diagnostics, 'participants-outside-table');
    expect(found).toHaveLength(1);
    expect(found[0].line).toBe(30);
    expect(rules(planAgenda(topic, { participants: 5 }).diagnostics)).not.toContain('participants-outside-range');
  });

  it('fixed minutes never warn', () => {
    const topic = makeTopic({ steps: [{ minutes: 40 }] });
    expect(rules(planAgenda(topic, { participants: 100 }).diagnostics)).not.toContain('participants-outside-table');
  });
});

// ---------------------------------------------------------------- tip-never-applies

describe('planAgenda: tip-never-applies', () => {
  const topicWithTip = (when: TipCondition, participants = { min: 6, max: 16 }) =>
    makeTopic({ participants, steps: [{ minutes: 40, tips: [tip('Et tip.', when, 77)] }] });

  it('warns when the when can never hold within min–max, at the tip’s place', () => {
    for (const when of [{ minParticipants: 17 }, { maxParticipants: 5 }, { minParticipants: 20, maxParticipants: 30 }, { minParticipants: 1, maxParticipants: 5 }]) {
      const found = withRule(planAgenda(topicWithTip(when)).diagnostics, 'tip-never-applies');
      expect(found, JSON.stringify(when)).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: 'warning', file, line: 77, column: 9 });
    }
  });

  it('does not warn when the when holds for at least one count in min–max', () => {
    for (const when of [{ minParticipants: 16 }, { maxParticipants: 6 }, { minParticipants: 13 }, { minParticipants: 10, maxParticipants: 10 }, {}]) {
      expect(rules(planAgenda(topicWithTip(when)).diagnostics), JSON.stringify(when)).not.toContain('tip-never-applies');
    }
  });

  it('checks against the topic’s range whatever count is planned, tailored or not', () => {
    const topic = topicWithTip({ minParticipants: 30 });
    expect(rules(planAgenda(topic).diagnostics)).toContain('tip-never-applies');
    expect(rules(planAgenda(topic, { participants: 40 }).diagnostics)).toContain('tip-never-applies');
    expect(rules(planAgenda(topicWithTip({ minParticipants: 13 }), { participants: 8 }).diagnostics)).not.toContain('tip-never-applies');
  });

  it('property: warns exactly when no count in min–max satisfies the when', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.option(fc.integer({ min: 1, max: 45 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 45 }), { nil: undefined }),
        (min, span, lo, hi) => {
          const max = min + span;
          const when: TipCondition = {};
          if (lo !== undefined) when.minParticipants = lo;
          if (hi !== undefined) when.maxParticipants = hi;
          const canHold = Math.max(min, lo ?? min) <= Math.min(max, hi ?? max);
          const found = withRule(planAgenda(topicWithTip(when, { min, max })).diagnostics, 'tip-never-applies');
          expect(found.length).toBe(canHold ? 0 : 1);
        },
      ),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------- diagnostics are warnings only

describe('planAgenda: never fails', () => {
  it('property: every diagnostic is a warning with a known rule and a file', () => {
    const known = ['duration-mismatch', 'participants-outside-range', 'participants-outside-table', 'tip-never-applies'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 120 }), (participants, duration) => {
        const topic = referenceTopic();
        topic.duration = duration;
        const { diagnostics } = planAgenda(topic, { participants, start: '08:00' });
        for (const d of diagnostics) {
          expect(d.severity).toBe('warning');
          expect(known).toContain(d.rule);
          expect(d.file).toBe(file);
          expect(messageText(d).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
