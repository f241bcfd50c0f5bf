// svg-to-pdfkit ships no types; this is the one call dialogpack makes.
declare module 'svg-to-pdfkit' {
  export default function SVGtoPDF(
    doc: unknown,
    svg: string,
    x: number,
    y: number,
    options?: { width?: number; height?: number; assumePt?: boolean; preserveAspectRatio?: string },
  ): void;
}
