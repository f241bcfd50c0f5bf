// linebreak (UAX #14, a dependency of PDFKit) ships no types. Only what break-lines uses is declared.
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
