// svg-to-pdfkit ships no types; this is the one call dialogpack makes (see draw-svg.ts).
declare module 'svg-to-pdfkit' {
  export default function SVGtoPDF(
    doc: unknown,
    svg: string | object,
    x: number,
    y: number,
    options?: {
      width?: number;
      height?: number;
      assumePt?: boolean;
      preserveAspectRatio?: string;
      warningCallback?: (message: string) => void;
      imageCallback?: (link: string) => unknown;
      fontCallback?: (family: string, bold: boolean, italic: boolean, options: { fauxBold: boolean; fauxItalic: boolean }) => string;
    },
  ): void;
}
