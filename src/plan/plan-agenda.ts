/**
 * plan: Topic × participants × start → Agenda (minutes per step, clock times, groups, tips).
 * Input: a valid Topic and the coordinator's options. Output: the Agenda and warnings about the plan.
 * Never: read files, format for print, or fail on a plan that is merely unusual (it warns).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Tip, TipCondition, Topic } from '../model/topic.js';
import type { Agenda, AgendaStep } from './agenda.js';
import { interpolateMinutes } from './interpolate-minutes.js';
import { planGroups, type EarlierGrouping } from './plan-groups.js';

export interface PlanOptions {
  participants?: number;
  /** `HH:MM`, already validated by the CLI. */
  start?: string;
}

/** How far the steps' sum may stray from the topic's stated duration before an editor is told. */
export const durationTolerance = 0.1;

export function planAgenda(topic: Topic, options: PlanOptions = {}): { agenda: Agenda; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { min, max } = topic.participants;
  const tailored = options.participants !== undefined;
  const participants = options.participants ?? Math.round((min + max) / 2);

  if (tailored && (participants < min || participants > max)) {
    diagnostics.push({
      ...topic.participantsPlace,
      severity: 'warning',
      rule: 'participants-outside-range',
      message: {
        da: `${participants} deltagere er uden for emnets ${min}–${max} (feltet \`participants\`)`,
        en: `${participants} participants is outside this topic's ${min}–${max}`,
      },
    });
  }

  let clock = options.start === undefined ? undefined : parseClock(options.start);
  let offset = 0;
  let before: EarlierGrouping | undefined;
  const steps: AgendaStep[] = topic.steps.map((step) => {
    const planned = interpolateMinutes(step.minutes, participants);
    if (planned.outside) {
      diagnostics.push({
        ...step.place,
        severity: 'warning',
        rule: 'participants-outside-table',
        message: {
          da: `trin ${step.number} har ingen minutter for ${participants} deltagere i feltet \`minutes\`; dialogpack bruger det nærmeste tal (${planned.minutes} min)`,
          en: `step ${step.number} has no minutes for ${participants} participants; using the nearest entry (${planned.minutes} min)`,
        },
      });
    }
    const range = minutesRange(step.minutes, min, max);
    for (const tip of step.tips) checkTipCanApply(tip, min, max, diagnostics);
    const entry: AgendaStep = {
      step,
      minutes: planned.minutes,
      range,
      groups: planGroups(participants, step.grouping, step.groupSize, before),
      tips: tailored ? step.tips.filter((t) => conditionHolds(t.when, participants)) : step.tips,
      applicableTips: step.tips.filter((t) => conditionHolds(t.when, participants)),
      offset,
    };
    offset += planned.minutes;
    before = { grouping: step.grouping, groupSize: step.groupSize, groups: entry.groups };
    if (clock !== undefined) {
      entry.start = formatClock(clock);
      clock += planned.minutes;
      entry.end = formatClock(clock);
    }
    return entry;
  });

  const totalMinutes = steps.reduce((sum, s) => sum + s.minutes, 0);
  const totalRange: [number, number] = [
    steps.reduce((sum, s) => sum + s.range[0], 0),
    steps.reduce((sum, s) => sum + s.range[1], 0),
  ];
  if (Math.abs(totalMinutes - topic.duration) > topic.duration * durationTolerance) {
    diagnostics.push({
      ...topic.durationPlace,
      severity: 'warning',
      rule: 'duration-mismatch',
      message: {
        da: `trinene tager tilsammen ${totalMinutes} minutter for ${participants} deltagere, men feltet \`duration\` siger ca. ${topic.duration}`,
        en: `the steps add up to ${totalMinutes} minutes for ${participants} participants, but duration says about ${topic.duration}`,
      },
      hint: {
        da: 'ret trinenes minutter (\`minutes\`) eller \`duration\`, så de højst er 10 % fra hinanden',
        en: "adjust the steps' minutes or the duration (at most 10 % apart)",
      },
    });
  }
  return {
    agenda: {
      participants,
      tailored,
      start: steps[0]?.start,
      end: steps[steps.length - 1]?.end,
      totalMinutes,
      totalRange,
      steps,
    },
    diagnostics,
  };
}

export function conditionHolds(when: TipCondition | undefined, participants: number): boolean {
  if (!when) return true;
  if (when.minParticipants !== undefined && participants < when.minParticipants) return false;
  if (when.maxParticipants !== undefined && participants > when.maxParticipants) return false;
  return true;
}

function checkTipCanApply(tip: Tip, min: number, max: number, diagnostics: Diagnostic[]): void {
  if (!tip.when) return;
  for (let n = min; n <= max; n++) if (conditionHolds(tip.when, n)) return;
  diagnostics.push({
    ...tip.place,
    severity: 'warning',
    rule: 'tip-never-applies',
    message: {
      da: `feltet \`when\` i dette tip passer aldrig med emnets ${min}–${max} deltagere, så tippet vises aldrig`,
      en: `this tip's \`when\` never holds for this topic's ${min}–${max} participants`,
    },
  });
}

function minutesRange(minutes: Parameters<typeof interpolateMinutes>[0], min: number, max: number): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let n = min; n <= max; n++) {
    const m = interpolateMinutes(minutes, n).minutes;
    low = Math.min(low, m);
    high = Math.max(high, m);
  }
  return [low, high];
}

export function parseClock(value: string): number | undefined {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(value.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

function formatClock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
