import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { OutputKind } from '../compose/compose-document.js';
import { fill, labels as allLabels } from '../compose/labels.js';
import { templateView } from '../compose/template-view.js';
import type { ManifestPdf } from '../load/load-manifest.js';
import type { Theme } from '../model/theme.js';
import type { Passage, Topic } from '../model/topic.js';
import { markdownProcessor } from '../parse/markdown-processor.js';
import type { Agenda } from '../plan/agenda.js';
import { downloadLink } from './download-link.js';
import { imageDataUrl } from './image-data-url.js';
import { markdownToHast } from './markdown-to-hast.js';
import { pdfKindNames } from './pdf-kind-names.js';
import { svgToHast } from './svg-to-hast.js';

export interface TopicPageInput {
  /** The topic as the model made it, its passages still holding the trees parse made. */
  topic: Topic;
  /** The agenda planned for the default group (no `--participants`, no `--start`): ranges and every tip. */
  agenda: Agenda;
  theme: Theme;
  /** The PDFs this build wrote for the topic, as the manifest records them. */
  pdfs: readonly ManifestPdf[];
  /** The kinds the topic has content for: the tailoring form offers these. */
  kinds: readonly OutputKind[];
}

/** The page's own words, per topic language; the PDFs' link texts are the download page's, in Danish. */
const furniture = {
  da: {
    skip: 'Spring til indholdet',
    allTopics: 'Alle emner',
    downloads: 'Hent materialet som PDF',
    downloadsIntro: 'Færdige PDF-filer til at printe, beregnet til {min}–{max} deltagere. De er tilgængelige (PDF/UA) og kan læses med skærmlæser.',
    tailor: 'Lav jeres egen udgave',
    tailorIntro: 'Skriv, hvor mange I er, og hvornår I begynder. Så regnes tider og grupper ud til jer, og PDF-filerne bliver lavet her i browseren. Intet bliver sendt nogen steder hen.',
    participants: 'Antal deltagere',
    start: 'Starttidspunkt',
    kinds: 'Udgaver',
    submit: 'Lav PDF’erne',
    noscript: 'Formularen kræver JavaScript, som er slået fra i din browser. De færdige PDF-filer ovenfor virker uden.',
    plannedFor: 'Med {n} deltagere',
    cards: 'Kort',
    about: 'Om materialet',
    facts: 'Kort om emnet',
    titleSuffix: 'dialogmateriale',
  },
  en: {
    skip: 'Skip to content',
    allTopics: 'All topics',
    downloads: 'Download the material as PDF',
    downloadsIntro: 'Ready-made PDF files to print, for {min}–{max} participants. They are accessible (PDF/UA) and can be read with a screen reader.',
    tailor: 'Make your own edition',
    tailorIntro: 'Say how many you are and when you start. The times and groups are worked out for you, and the PDF files are made here in the browser. Nothing is sent anywhere.',
    participants: 'Number of participants',
    start: 'Start time',
    kinds: 'Outputs',
    submit: 'Make the PDFs',
    noscript: 'The form needs JavaScript, which is turned off in your browser. The ready-made PDF files above work without it.',
    plannedFor: 'With {n} participants',
    cards: 'Cards',
    about: 'About the material',
    facts: 'The topic in brief',
    titleSuffix: 'dialogue material',
  },
};

/**
 * A topic's own web page, `out/<slug>/index.html`: the whole topic, purpose, frame questions, the
 * script with its steps, times and groupings for the default group, the sections in the topic's order
 * and the cards, made from the same trees and the same worded view (compose's templateView) the PDFs
 * are made from; then the downloads of the prebuilt PDFs and the form the web edition's script builds
 * a tailored pack with. The whole page is one hast tree, stringified by rehype-stringify: every text is
 * escaped there, and markdown's raw HTML was never let in (see markdownToHast).
 */
export function renderTopicPage(input: TopicPageInput): string {
  const { topic, agenda, theme } = input;
  const words = furniture[topic.lang];
  const labels = allLabels[topic.lang];
  const view = templateView(topic, agenda);
  const ids = new Set<string>();
  /** An id made from a label, unique on the page. */
  const idFor = (base: string) => {
    const stem = base.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'afsnit';
    let id = stem;
    for (let n = 2; ids.has(id); n++) id = `${stem}-${n}`;
    ids.add(id);
    return id;
  };
  const parseInline = markdownProcessor();
  let passages = 0;
  const passage = (p: Passage | undefined, level: number): ElementContent[] => {
    if (!p) return [];
    const tree: Root = p.tree ?? parseInline(p.markdown);
    return markdownToHast(tree, { lang: topic.lang, images: topic.images, headingLevel: level, idPrefix: `tekst${++passages}` });
  };
  /** A line of topic.yaml (a question, an instruction, a tip): its markdown, a lone paragraph unwrapped. */
  const inline = (markdown: string): ElementContent[] => {
    const content = passage({ markdown }, 6);
    const only = content.length === 1 ? content[0] : undefined;
    return only?.type === 'element' && only.tagName === 'p' ? only.children : content;
  };
  const list = (items: readonly string[], ordered = false) => el(ordered ? 'ol' : 'ul', {}, items.map((item) => el('li', {}, inline(item))));
  /** A part of the page: a section named by its heading. */
  const part = (level: number, title: string, content: ElementContent[], extra: Attributes = {}): Element => {
    const id = idFor(title);
    return el('section', { ariaLabelledBy: id, ...extra }, [el(`h${level}`, { id }, [text(title)]), ...content]);
  };

  const facts: [string, string | undefined][] = [
    [labels.participants, view.topic.participants],
    [labels.duration, view.topic.duration],
    [labels.publisher, view.topic.publisher],
    [labels.date, view.topic.date],
    [labels.series, view.topic.series],
  ];
  const intro: ElementContent[] = [
    el('h1', {}, [text(topic.title)]),
    ...(topic.subtitle ? [el('p', { className: ['subtitle'] }, [text(topic.subtitle)])] : []),
    ...(view.topic.byline ? [el('p', { className: ['byline'] }, [text(view.topic.byline)])] : []),
    el('dl', { className: ['facts'], ariaLabel: words.facts }, facts.flatMap(([term, value]) => (value ? [el('div', {}, [el('dt', {}, [text(term)]), el('dd', {}, [text(value)])])] : []))),
  ];

  const links = input.pdfs.flatMap((pdf) => {
    const link = downloadLink(topic.slug, pdf, true);
    return link ? [el('li', {}, [el('a', { href: link.href, download: true }, [text(link.name)]), text(' '), el('span', { className: ['details'] }, [text(`(${link.details})`)])])] : [];
  });
  const downloads = part(2, words.downloads, [
    el('p', {}, [text(fill(words.downloadsIntro, topic.participants))]),
    // The link texts are the download page's, which are Danish whatever the topic's language.
    el('ul', { className: ['downloads'], ...(topic.lang === 'da' ? {} : { lang: 'da' }) }, links),
  ]);

  const steps = agenda.steps.map((s, i) => {
    const stepView = view.agenda.steps[i];
    const planned = view.facilitator.steps[i];
    const content: ElementContent[] = [
      el('p', { className: ['meta'] }, [text(`${stepView.minutes} · ${stepView.grouping}`)]),
      el('p', { className: ['meta'] }, [text(`${fill(words.plannedFor, { n: agenda.participants })}: ${planned.meta}`)]),
    ];
    if (s.step.instructions.length) content.push(el('h4', {}, [text(labels.instructions)]), list(s.step.instructions));
    if (s.step.questions.length) content.push(el('h4', {}, [text(labels.questions)]), list(s.step.questions));
    if (s.tips.length) {
      content.push(
        el('h4', {}, [text(labels.tips)]),
        el('ul', {}, s.tips.map((tip, t) => {
          const condition = stepView.tips[t]?.condition;
          return el('li', {}, [...(condition ? [el('strong', {}, [text(condition)]), text(' ')] : []), ...inline(tip.text)]);
        })),
      );
    }
    return part(3, `${labels.step} ${s.step.number}: ${s.step.title}`, content, { className: ['step'] });
  });
  const preparation: ElementContent[] = [];
  if (topic.preparation.materials.length) preparation.push(el('h4', {}, [text(labels.materials)]), list(topic.preparation.materials));
  if (topic.preparation.checklist.length) preparation.push(el('h4', {}, [text(labels.checklist)]), list(topic.preparation.checklist));

  const body: ElementContent[] = [];
  if (topic.purpose) body.push(part(2, labels.purpose, passage(topic.purpose, 2)));
  for (const section of topic.sections.filter((s) => s.placement === 'intro')) body.push(part(2, section.title, passage(section, 2)));
  if (topic.questions.length) body.push(part(2, labels.frameQuestions, [el('p', {}, [text(labels.frameIntro)]), list(topic.questions)]));
  body.push(
    part(2, labels.script, [
      el('p', {}, [text(labels.scriptIntro)]),
      ...(preparation.length ? [part(3, labels.preparation, preparation)] : []),
      ...steps,
    ]),
  );
  for (const section of topic.sections.filter((s) => s.placement === 'appendix')) body.push(part(2, section.title, passage(section, 2)));
  if (topic.cards.length) {
    body.push(
      part(2, words.cards, topic.cards.map((card, i) => {
        const who = [view.topic.cards[i].age, card.role].filter(Boolean).join(' · ');
        return part(3, card.name, [
          ...(who ? [el('p', { className: ['meta'] }, [text(who)])] : []),
          ...(card.quote ? [el('blockquote', {}, [el('p', {}, inline(card.quote))])] : []),
          ...passage(card, 3),
        ], { className: ['card'] });
      })),
    );
  }
  if (view.topic.colophon) {
    body.push(
      part(2, words.about, [
        ...(view.topic.byline ? [el('p', {}, [text(view.topic.byline)])] : []),
        ...(view.topic.series ? [el('p', {}, [text(`${labels.series}: ${view.topic.series}`)])] : []),
        ...(topic.publisher ? [el('p', {}, [text(`${labels.publisher}: ${topic.publisher}`)])] : []),
        ...passage(topic.publisherNote, 2),
      ]),
    );
  }

  const page: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      el('html', { lang: topic.lang }, [
        el('head', {}, [
          el('meta', { charSet: 'utf-8' }, []),
          el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }, []),
          el('title', {}, [text(`${topic.title} – ${words.titleSuffix}`)]),
          el('style', {}, [text(style(theme))]),
        ]),
        el('body', {}, [
          el('header', {}, [
            el('a', { className: ['skip'], href: '#indhold' }, [text(words.skip)]),
            ...brand(theme),
            // The arrow is drawn for the eye; a screen reader says the link's words only.
            el('nav', { ariaLabel: words.allTopics }, [el('a', { href: '../index.html' }, [el('span', { ariaHidden: 'true' }, [text('← ')]), text(words.allTopics)])]),
          ]),
          el('main', { id: 'indhold' }, [...intro, downloads, tailorForm(topic, agenda, input.kinds, words), ...body]),
          el('script', { src: '../assets/dialogpack-web.js', defer: true }, []),
          el('script', { src: 'topic-data.js', defer: true }, []),
        ]),
      ]),
    ],
  };
  return `${unified().use(rehypeStringify).stringify(page)}\n`;
}

/**
 * The form the web edition's script (assets/dialogpack-web.js) attaches to, by these ids and names:
 * it reads the count, the start and the kinds, says how far it is in `#tailor-status`, and lists the
 * PDFs it made in `#tailor-downloads`. Without the script the form is still a readable, labelled form,
 * and the noscript text says that the ready-made PDFs work without it.
 */
function tailorForm(topic: Topic, agenda: Agenda, kinds: readonly OutputKind[], words: (typeof furniture)['da']): Element {
  const field = (id: string, label: string, input: Attributes) => el('p', { className: ['field'] }, [el('label', { htmlFor: id }, [text(label)]), el('input', { id, name: id, ...input }, [])]);
  return el('section', { className: ['tailor'] }, [
    el('form', { id: 'tailor', dataSlug: topic.slug, ariaLabelledBy: 'tailor-heading' }, [
      el('h2', { id: 'tailor-heading' }, [text(words.tailor)]),
      el('p', {}, [text(words.tailorIntro)]),
      field('participants', words.participants, { type: 'number', min: topic.participants.min, max: topic.participants.max, step: 1, value: agenda.participants, required: true }),
      field('start', words.start, { type: 'time', value: '13:00' }),
      el('fieldset', {}, [
        el('legend', {}, [text(words.kinds)]),
        ...kinds.map((kind) =>
          el('p', { className: ['choice'] }, [
            el('input', { type: 'checkbox', name: 'kind', value: kind, id: `kind-${kind}`, checked: true }, []),
            // The outputs' names are the download page's, in Danish whatever the topic's language.
            el('label', { htmlFor: `kind-${kind}`, ...(topic.lang === 'da' ? {} : { lang: 'da' }) }, [text(pdfKindNames[kind] ?? kind)]),
          ]),
        ),
      ]),
      el('button', { type: 'submit' }, [text(words.submit)]),
      el('p', { id: 'tailor-status', role: 'status', ariaLive: 'polite' }, []),
      el('ul', { id: 'tailor-downloads' }, []),
    ]),
    el('noscript', {}, [el('p', {}, [text(words.noscript)])]),
  ]);
}

/** The theme's logo and name in the page's header, when it has them. */
function brand(theme: Theme): ElementContent[] {
  const content = [...logo(theme), ...(theme.name ? [el('span', { className: ['brand-name'] }, [text(theme.name)])] : [])];
  return content.length ? [el('div', { className: ['brand'] }, content)] : [];
}

/** The theme's logo: a checked SVG drawn inline, a PNG or JPEG as a data URL. */
function logo(theme: Theme): ElementContent[] {
  const found = theme.logo;
  if (!found) return [];
  if (found.format === 'svg' && found.svg) {
    const svg = svgToHast(found.svg, found.alt);
    svg.properties = { ...svg.properties, className: ['logo'] };
    return [svg];
  }
  if (!found.bytes || found.format === 'svg') return [];
  return [el('img', { className: ['logo'], src: imageDataUrl(found.format, found.bytes), alt: found.alt }, [])];
}

/** The theme's colours, whose contrast on white model-theme already checked (4.5:1 for text, 3:1 for rules). */
function style(theme: Theme): string {
  const c = theme.colors;
  return `
    :root { --text: ${c.text}; --muted: ${c.muted}; --accent: ${c.accent}; --tint: ${c.tint}; --rule: ${c.rule}; --link: ${c.link}; }
    * { box-sizing: border-box; }
    body { font-family: system-ui, sans-serif; font-size: 1.0625rem; line-height: 1.5; margin: 0; color: var(--text); background: #fff; overflow-wrap: break-word; }
    header, main { max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem; }
    header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1.5rem; border-bottom: 4px solid var(--accent); }
    .brand { display: flex; align-items: center; gap: .75rem; }
    .logo { max-height: 3.5rem; width: auto; max-width: 12rem; }
    .brand-name { font-weight: bold; }
    .skip { position: absolute; left: -100vw; }
    .skip:focus { position: static; }
    h1, h2, h3, h4, h5, h6 { color: var(--accent); line-height: 1.25; }
    h1 { font-size: 2rem; margin: .5rem 0 .25rem; }
    h2 { font-size: 1.5rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin-top: 2.5rem; }
    h3 { font-size: 1.25rem; margin-top: 2rem; }
    h4, h5, h6 { font-size: 1.0625rem; margin: 1.25rem 0 .25rem; }
    .subtitle { font-size: 1.2rem; color: var(--muted); margin-top: 0; }
    .facts { display: flex; flex-wrap: wrap; gap: .25rem 2rem; margin: 1rem 0; }
    .facts dt { font-weight: bold; }
    .facts dd { margin: 0; }
    .meta, .details { color: var(--muted); }
    .step > h3, .card > h3 { background: var(--tint); padding: .35rem .6rem; border-left: 4px solid var(--accent); }
    a { color: var(--link); }
    a:focus, input:focus, button:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
    blockquote { margin: 1rem 0; padding: .25rem 1rem; border-left: 4px solid var(--rule); }
    .table-scroll { overflow-x: auto; margin: 1rem 0; }
    table { border-collapse: collapse; }
    th, td { border: 1px solid var(--rule); padding: .35rem .6rem; text-align: left; vertical-align: top; }
    th { background: var(--tint); }
    img, svg { max-width: 100%; height: auto; }
    .tailor { margin: 2rem 0; padding: 0 1rem 1rem; border: 2px solid var(--accent); border-radius: .4rem; }
    .tailor h2 { border: 0; margin-top: 1rem; }
    .field label { display: block; font-weight: bold; }
    input[type=number], input[type=time] { font: inherit; padding: .3rem .4rem; border: 1px solid var(--rule); border-radius: .25rem; min-width: 8rem; }
    fieldset { border: 1px solid var(--rule); border-radius: .25rem; margin: 1rem 0; }
    legend { font-weight: bold; padding: 0 .3rem; }
    .choice { margin: .35rem 0; }
    .choice input { width: 1.25rem; height: 1.25rem; vertical-align: middle; margin-right: .5rem; }
    button { font: inherit; font-weight: bold; color: #fff; background: var(--accent); border: 0; border-radius: .3rem; padding: .6rem 1.2rem; cursor: pointer; }
    @media (max-width: 30rem) { header, main { padding: .75rem 1rem; } h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; } }
  `.replace(/\n {4}/g, '\n');
}

/** Attributes by hast's property names; spelled as a plain record, since the typings narrow some names to lists. */
type Attributes = Record<string, string | number | boolean | string[]>;

function el(tagName: string, properties: Attributes, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties: properties as Properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}
