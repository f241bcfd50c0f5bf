/** What each PDF is called where users pick one: the download page and the preview page. */
export const pdfKindNames: Readonly<Record<string, string>> = {
  pack: 'Hele dialogmaterialet',
  facilitator: 'Facilitatorens ark',
  handout: 'Deltagerark',
  flipchart: 'Flipoverark',
  'flipchart-poster-a1': 'Flipoverark som A1-plakater',
  'flipchart-poster-a2': 'Flipoverark som A2-plakater',
  cards: 'Kort',
};
