import type { Data, PhrasingContent, RootContent } from 'mdast';
import type { Position } from 'unist';
import type { SourcePlace } from '../model/topic.js';

/**
 * The blocks of a composed document that layout sets in a way of its own. Compose makes them (from the
 * directives a template writes, and the passages its helpers place by reference); the rest of the tree
 * is plain mdast. Each is switched over in layout with a `never` check, so a type added here without
 * layout learning to set it fails the type check. Each keeps the place it was written: `position` and
 * `data.sourceFile`, as every node of the tree does.
 */
export type DocumentNode =
  | CoverNode
  | ContentsNode
  | StepMetaNode
  | TimetableNode
  | SheetNode
  | CardNode
  | FormNode
  | PassageNode
  | ColophonNode
  | KeepNode
  | LangNode
  | PageBreakNode
  | LogoNode
  | WritingRoomNode
  | UnknownDirectiveNode;

/** What every document node has, as mdast's nodes have it. */
interface Placed {
  position?: Position;
  data?: Data;
}

/** The title page's blocks, under a band of the accent colour: `:::cover`. */
export interface CoverNode extends Placed {
  type: 'cover';
  children: RootContent[];
}

/** The contents, with its heading: `::toc[Indhold]`. The title is in the document's language, from compose's labels when the template gives none. */
export interface ContentsNode extends Placed {
  type: 'contents';
  title: string;
}

/** A step's (or a sheet's) line of when, how long and in what groups, on a tint: `::step-meta[…]`. */
export interface StepMetaNode extends Placed {
  type: 'stepMeta';
  children: PhrasingContent[];
  /** The step whose line it is, when the line prints a step's values. */
  step?: number;
}

/**
 * The steps at a glance, one row a step: what `{{timetable}}` places. Every cell is text compose
 * worded in the document's language, never markdown to read again.
 */
export interface TimetableNode extends Placed {
  type: 'timetable';
  /** The column headings: step, time, activity, grouping. */
  head: [string, string, string, string];
  rows: { step: number; cells: [string, string, string, string] }[];
}

/** Where a sheet's or card's text was written, for a warning that it did not fit: see `unitPlace` in compose-tree.ts. */
export interface UnitPlace {
  /** Where the first of the topic's text on it was written, whatever the template around it says. */
  place?: SourcePlace;
  /** The step whose text it shows, when it shows a step's text. */
  step?: number;
}

/** One flip-chart sheet: `:::sheet`. Its title names it in a poster tile's label and in warnings. */
export interface SheetNode extends Placed, UnitPlace {
  type: 'sheet';
  title: string;
  children: RootContent[];
}

/** One card face: `:::card`. */
export interface CardNode extends Placed, UnitPlace {
  type: 'card';
  title: string;
  children: RootContent[];
}

/** A table whose empty cells are fields to fill in: `:::form{field-1="…"}`. */
export interface FormNode extends Placed {
  type: 'form';
  fields: FormFields;
  children: RootContent[];
}

/** What a form's fields ask for, by column: what a reader hears on entering a field, beyond its name. */
export interface FormFields {
  /** Column (0-based) → accessible name, with `{n}` for the row; from `:::form{field-1="…"}`. */
  hints: Map<number, string>;
}

/**
 * A passage of the topic (the purpose, a section, a card's text, the publisher's note) placed whole:
 * the parse stage's tree of its file, which compose put where a template printed the passage. Its blocks
 * are set as if written where it stands.
 */
export interface PassageNode extends Placed {
  type: 'passage';
  /** The file the passage was written in, when it has one of its own. */
  file?: string;
  children: RootContent[];
}

/** Who made it, at the foot of the last page: `:::colophon`, left out with `{if-room}` when the last page has no room. */
export interface ColophonNode extends Placed {
  type: 'colophon';
  ifRoom: boolean;
  children: RootContent[];
}

/** Blocks kept on one page when they fit: `:::keep`. */
export interface KeepNode extends Placed {
  type: 'keep';
  children: RootContent[];
}

/** A passage in another language: `:::lang{lang=en}`. `lang` is absent when the tag written is no language tag. */
export interface LangNode extends Placed {
  type: 'lang';
  lang?: string;
  children: RootContent[];
}

/** `::page-break`. */
export interface PageBreakNode extends Placed {
  type: 'pageBreak';
}

/** The theme's logo, when it has one: `::logo`. */
export interface LogoNode extends Placed {
  type: 'logo';
}

/** Ruled lines to write on by hand: `::lines{questions=N}` or `::lines{count=N min=M}`. */
export interface WritingRoomNode extends Placed {
  type: 'writingRoom';
  lines: number;
  /** The fewest lines the room may shrink to at a page's foot; `lines` when it may not. */
  minLines: number;
}

/** A directive no one knows (a typing mistake in a template or a topic file): printed as its author wrote it, and warned about at its place. */
export interface UnknownDirectiveNode extends Placed {
  type: 'unknownDirective';
  name: string;
  /** Written `::name[label]` on a line of its own (its children are the label), not `:::name` around blocks. */
  leaf: boolean;
  attributes: Record<string, string | null | undefined>;
  children: RootContent[];
}

declare module 'mdast' {
  interface RootContentMap {
    cover: CoverNode;
    contents: ContentsNode;
    stepMeta: StepMetaNode;
    timetable: TimetableNode;
    sheet: SheetNode;
    card: CardNode;
    form: FormNode;
    passage: PassageNode;
    colophon: ColophonNode;
    keep: KeepNode;
    lang: LangNode;
    pageBreak: PageBreakNode;
    logo: LogoNode;
    writingRoom: WritingRoomNode;
    unknownDirective: UnknownDirectiveNode;
  }
}

const documentNodeTypes: Record<DocumentNode['type'], true> = {
  cover: true,
  contents: true,
  stepMeta: true,
  timetable: true,
  sheet: true,
  card: true,
  form: true,
  passage: true,
  colophon: true,
  keep: true,
  lang: true,
  pageBreak: true,
  logo: true,
  writingRoom: true,
  unknownDirective: true,
};

export function isDocumentNode(node: { type: string }): node is DocumentNode {
  return Object.hasOwn(documentNodeTypes, node.type);
}
