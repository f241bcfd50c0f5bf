import type { Step, Tip } from '../model/topic.js';

/** How the participants of one step are split. */
export interface GroupPlan {
  /** Size of each group, largest first; sums to the participant count. */
  sizes: number[];
  /** The groups are the pairs of the step before, joined: the same people stay together. */
  joinsPairs?: boolean;
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
  /** Tips the pack shows: for a tailored agenda only those whose `when` holds, else all. */
  tips: Tip[];
  /** Tips whose `when` holds for the planned participant count (the facilitator's sheet). */
  applicableTips: Tip[];
  /** Minutes from the start of the dialogue to the start of this step. */
  offset: number;
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
