import type { Step, Tip } from '../model/topic.js';

/** How the participants of one step are split. */
export interface GroupPlan {
  /** Size of each group, largest first; sums to the participant count. */
  sizes: number[];
}

export interface AgendaStep {
  step: Step;
  /** Minutes for the planned participant count. */
  minutes: number;
  /** Fewest and most minutes over the topic's participant range, for an untailored pack. */
  range: [number, number];
  /** Clock times when a start time was given, `HH:MM`. */
  start?: string;
  end?: string;
  groups?: GroupPlan;
  /** Tips that apply: for a tailored agenda only those whose `when` holds. */
  tips: Tip[];
}

export interface Agenda {
  participants: number;
  /** True when the coordinator gave `--participants`; an untailored pack shows ranges and every tip. */
  tailored: boolean;
  start?: string;
  end?: string;
  totalMinutes: number;
  totalRange: [number, number];
  steps: AgendaStep[];
}
