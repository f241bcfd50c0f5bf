import type { StepMinutes } from '../model/topic.js';

/**
 * Minutes of a step for a participant count: a fixed number, or linear interpolation between the
 * nearest entries of its table, rounded to whole minutes. A count outside the table takes the
 * nearest entry and says so through `outside`.
 */
export function interpolateMinutes(minutes: StepMinutes, participants: number): { minutes: number; outside: boolean } {
  if (minutes.kind === 'fixed') return { minutes: minutes.minutes, outside: false };
  const entries = minutes.entries;
  const first = entries[0];
  const last = entries[entries.length - 1];
  if (participants <= first[0]) return { minutes: first[1], outside: participants < first[0] };
  if (participants >= last[0]) return { minutes: last[1], outside: participants > last[0] };
  for (let i = 1; i < entries.length; i++) {
    const [x1, y1] = entries[i];
    if (participants > x1) continue;
    const [x0, y0] = entries[i - 1];
    // Integer arithmetic up to the final division keeps x.5 cases exact.
    const numerator = y0 * (x1 - x0) + (y1 - y0) * (participants - x0);
    return { minutes: Math.max(1, Math.round(numerator / (x1 - x0))), outside: false };
  }
  return { minutes: last[1], outside: false };
}
