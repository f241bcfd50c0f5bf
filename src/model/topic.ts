/** The validated, typed topic: what every later stage works from. */
export type Grouping = 'plenary' | 'individual' | 'pairs' | 'groups';

/** Where a value came from, so later stages can place their diagnostics. */
export interface SourcePlace {
  file: string;
  line?: number;
  column?: number;
}

export type StepMinutes = { kind: 'fixed'; minutes: number } | { kind: 'table'; entries: [participants: number, minutes: number][] };

export interface TipCondition {
  minParticipants?: number;
  maxParticipants?: number;
}

export interface Tip {
  text: string;
  when?: TipCondition;
  place: SourcePlace;
}

export interface Step {
  /** 1-based, assigned by the tool in the order of the file. */
  number: number;
  title: string;
  minutes: StepMinutes;
  grouping: Grouping;
  groupSize?: number;
  instructions: string[];
  questions: string[];
  tips: Tip[];
  place: SourcePlace;
}

export interface Section {
  title: string;
  /** Markdown, as written in the section's file. */
  markdown: string;
  handout: boolean;
  file: string;
}

export interface Card {
  file: string;
  name: string;
  age?: string;
  role?: string;
  quote?: string;
  markdown: string;
}

export interface Topic {
  slug: string;
  /** The topic folder as the user named it. */
  dir: string;
  title: string;
  subtitle?: string;
  lang: 'da' | 'en';
  publisher?: string;
  date?: string;
  participants: { min: number; max: number };
  duration: number;
  durationPlace: SourcePlace;
  participantsPlace: SourcePlace;
  purpose?: string;
  questions: string[];
  preparation: { materials: string[]; checklist: string[] };
  sections: Section[];
  steps: Step[];
  cards: Card[];
}
