// A topic (topic.yaml + its markdown files) as one Typst document shaped like dialogpack's pack:
// A4, the same fonts, sizes and margins as the default theme (src/model/theme.ts), a cover, a table
// of contents, purpose, questions, the drejebog with each step as a table, the sections and an
// action-plan page. pandoc 2.17 has no Typst writer, so the bench converts the markdown itself.
// It is a yardstick for the bench, not a second renderer: it covers what the bench's topics use.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { parse as parseYaml } from 'yaml';

const markdown = unified().use(remarkParse).use(remarkGfm);

/** Every character that starts markup somewhere in Typst is escaped; a backslash makes any of them literal. */
function text(value) {
  return value.replace(/[\\#*_`$<>@[\]~/=+\-.:'"]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

/** A Typst string literal (JSON's escapes are Typst's for everything a topic holds). */
function str(value) {
  return JSON.stringify(value);
}

function inline(nodes) {
  return nodes.map(inlineNode).join('');
}

function inlineNode(node) {
  switch (node.type) {
    case 'text':
      return text(node.value);
    case 'emphasis':
      return `#emph[${inline(node.children)}]`;
    case 'strong':
      return `#strong[${inline(node.children)}]`;
    case 'delete':
      return `#strike[${inline(node.children)}]`;
    case 'inlineCode':
      return `#raw(${str(node.value)})`;
    case 'link':
      return `#link(${str(node.url)})[${inline(node.children)}]`;
    case 'break':
      return '\\\n';
    case 'image':
      return text(node.alt ?? '');
    default:
      return 'children' in node ? inline(node.children) : text(node.value ?? '');
  }
}

function indent(block, by) {
  return block.replace(/\n(?=.)/g, `\n${by}`);
}

function blocks(nodes, headingShift) {
  return nodes.map((node) => block(node, headingShift)).filter(Boolean).join('\n\n');
}

function block(node, headingShift) {
  switch (node.type) {
    case 'heading':
      return `${'='.repeat(Math.min(6, node.depth + headingShift))} ${inline(node.children)}`;
    case 'paragraph':
      return inline(node.children);
    case 'list': {
      const start = node.start ?? 1;
      return node.children
        .map((item, i) => {
          const marker = node.ordered ? `${start + i}.` : '-';
          // A tight item's paragraphs stay tight; a loose one is spaced as markdown would.
          const body = blocks(item.children, headingShift);
          return `${marker} ${indent(body, ' '.repeat(marker.length + 1))}`;
        })
        .join(node.spread ? '\n\n' : '\n');
    }
    case 'blockquote':
      return `#quote(block: true)[\n${blocks(node.children, headingShift)}\n]`;
    case 'table': {
      const columns = node.children[0]?.children.length ?? 1;
      const cells = node.children.flatMap((row, r) =>
        row.children.map((cell) => (r === 0 ? `[*${inline(cell.children)}*]` : `[${inline(cell.children)}]`)),
      );
      return `#table(columns: ${columns}, inset: 5pt, ${cells.join(', ')})`;
    }
    case 'code':
      return `#raw(block: true, ${str(node.value)})`;
    case 'thematicBreak':
      return '#line(length: 100%, stroke: 0.5pt)';
    case 'html':
    case 'definition':
    case 'footnoteDefinition':
      return '';
    default:
      return 'children' in node ? blocks(node.children, headingShift) : '';
  }
}

/** Markdown as Typst blocks; `headingShift` moves a file's `#` under the section's own heading. */
export function markdownToTypst(source, headingShift = 0) {
  return blocks(markdown.parse(source).children, headingShift);
}

/** A list of plain YAML strings, which may hold inline markdown such as `**casen**`. */
function itemList(items) {
  return items.map((item) => `- ${indent(markdownToTypst(String(item)), '  ')}`).join('\n');
}

const groupingWords = { plenary: 'I plenum', pairs: 'I makkerpar', groups: 'I grupper', individual: 'Hver for sig' };

function minutes(value) {
  return typeof value === 'number' ? `${value}` : Object.values(value).join('–');
}

function stepTable(step, index) {
  const rows = [['Tid', `${minutes(step.minutes)} min · ${groupingWords[step.grouping] ?? step.grouping ?? ''}${step['group-size'] ? ` (${step['group-size']} pr. gruppe)` : ''}`]];
  const cells = [`[*Tid*]`, `[${text(rows[0][1])}]`];
  const add = (label, items) => {
    if (items?.length) cells.push(`[*${text(label)}*]`, `[\n${itemList(items)}\n]`);
  };
  add('Sådan gør du', step.instructions);
  add('Spørgsmål til dialogen', step.questions);
  add('Gode råd', (step.tips ?? []).map((t) => (typeof t === 'string' ? t : t.text)));
  return [
    `=== Trin ${index + 1}: ${text(step.title)}`,
    `#table(columns: (auto, 1fr), inset: 6pt, stroke: 0.5pt + luma(160), ${cells.join(', ')})`,
  ].join('\n\n');
}

/** The pack of the topic in `dir` as one Typst source. */
export function topicToTypst(dir) {
  const topic = parseYaml(readFileSync(path.join(dir, 'topic.yaml'), 'utf8'));
  const read = (file) => readFileSync(path.join(dir, file), 'utf8');
  const title = String(topic.title);
  const out = [];
  out.push(
    `#set document(title: ${str(title)}, author: ${str(String(topic.publisher ?? 'dialogpack'))})`,
    '#set page(paper: "a4", margin: (top: 62pt, bottom: 70pt, left: 64pt, right: 64pt),',
    `  header: context { if counter(page).get().first() > 1 { set text(9pt); ${str(title)} } },`,
    '  footer: context { set align(right); set text(9pt); [Side #counter(page).display() af #counter(page).final().first()] })',
    '#set text(font: ("Atkinson Hyperlegible", "Noto Sans"), size: 12pt, lang: "da", hyphenate: true)',
    '#set par(leading: 0.9em, spacing: 1.2em)',
    '#show raw: set text(font: "Noto Sans Mono", size: 10.5pt)',
    '#show heading.where(level: 1): set text(size: 26pt)',
    '#show heading.where(level: 2): set text(size: 20pt)',
    '#show heading.where(level: 3): set text(size: 15.5pt)',
    '#show heading.where(level: 4): set text(size: 13pt)',
    '#show heading: set block(above: 1.4em, below: 0.8em)',
    '',
    `#text(size: 32pt, weight: "bold")[${text(title)}]`,
    '',
    topic.subtitle ? `#text(size: 15pt)[${text(String(topic.subtitle))}]` : '',
    '',
    `- Deltagere: ${topic.participants.min}–${topic.participants.max}`,
    `- Varighed: ca. ${topic.duration} minutter`,
    topic.publisher ? `- Udgivet af: ${text(String(topic.publisher))}` : '',
    topic.date ? `- Dato: ${text(String(topic.date))}` : '',
    '',
    '#outline(title: [Indhold], depth: 2)',
    '#pagebreak()',
  );
  if (topic.purpose) out.push('== Formål', markdownToTypst(read(topic.purpose), 2));
  if (topic.questions?.length) out.push('== Spørgsmål, der rammesætter emnet', 'Emnet kan rammesættes med disse spørgsmål:', itemList(topic.questions));
  out.push('#pagebreak()', '== Drejebog', 'Følg trinnene herunder. Tiderne er cirkatider; de afhænger af, hvor mange I er.');
  if (topic.preparation) {
    out.push('=== Forberedelse');
    if (topic.preparation.materials?.length) out.push('==== Materialer', itemList(topic.preparation.materials));
    if (topic.preparation.checklist?.length) out.push('==== Tjekliste', itemList(topic.preparation.checklist));
  }
  (topic.steps ?? []).forEach((step, i) => out.push(stepTable(step, i)));
  for (const section of topic.sections ?? []) out.push('#pagebreak()', `== ${text(String(section.title))}`, markdownToTypst(read(section.file), 2));
  out.push(
    '#pagebreak()',
    '== Handlingsplan',
    'Skriv jeres aftaler ned, så I kan følge op på dem.',
    `#table(columns: (1fr, 1fr, auto), inset: 8pt, [*Hvad*], [*Hvem*], [*Hvornår*], ${Array(8).fill('[#v(3em)], [], []').join(', ')})`,
  );
  return `${out.filter((part) => part !== '').join('\n\n')}\n`;
}
