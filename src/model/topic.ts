/** The validated, typed topic: what every later stage works from. */
import type { Root } from 'mdast';
import type { ImageData } from './read-image.js';

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

/** Markdown a template prints as a whole: a topic file's text after any front matter, or a YAML string. */
export interface Passage {
  markdown: string;
  /** The parse stage's tree of exactly `markdown`, which compose reuses instead of parsing the text again. */
  tree?: Root;
  /** The file as the user named it, when the passage has one. */
  file?: string;
}

export interface Section extends Passage {
  title: string;
  handout: boolean;
  /** `intro`: before the frame questions, telling how to use the material; `appendix`: after the script. */
  placement: 'intro' | 'appendix';
  file: string;
}

export interface Card extends Passage {
  file: string;
  name: string;
  age?: string;
  role?: string;
  quote?: string;
}

export interface Topic {
  slug: string;
  /** The topic folder as the user named it. */
  dir: string;
  title: string;
  subtitle?: string;
  lang: 'da' | 'en';
  publisher?: string;
  /** Who wrote the topic, as they are to be named, when topic.yaml says. */
  authors?: string[];
  /** The series of materials the topic belongs to. */
  series?: string;
  /** The publisher's words about the project behind the material, for the colophon. */
  publisherNote?: Passage;
  date?: string;
  participants: { min: number; max: number };
  duration: number;
  durationPlace: SourcePlace;
  participantsPlace: SourcePlace;
  purpose?: Passage;
  questions: string[];
  preparation: { materials: string[]; checklist: string[] };
  sections: Section[];
  steps: Step[];
  cards: Card[];
  /** The pictures the topic's files show as figures, by path in the topic folder (an image node's `data.imagePath`). */
  images: ReadonlyMap<string, ImageData>;
}
