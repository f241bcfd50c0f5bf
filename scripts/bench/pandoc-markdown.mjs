// The markdown a pandoc user would write for the same pack: front matter, the drejebog, the sections.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export function topicMarkdown(dir) {
  const topic = parse(readFileSync(path.join(dir, 'topic.yaml'), 'utf8'));
  const read = (f) => readFileSync(path.join(dir, f), 'utf8');
  const lines = [`# ${topic.title}`, '', topic.subtitle ?? '', '', `Deltagere: ${topic.participants.min}–${topic.participants.max}, ca. ${topic.duration} minutter`, ''];
  if (topic.purpose) lines.push('## Formål', '', read(topic.purpose), '');
  lines.push('## Spørgsmål', '', ...topic.questions.map((q) => `- ${q}`), '', '## Drejebog', '');
  lines.push('### Forberedelse', '', ...topic.preparation.materials.map((m) => `- ${m}`), '', ...topic.preparation.checklist.map((c) => `- ${c}`), '');
  topic.steps.forEach((s, i) => {
    lines.push(`### Trin ${i + 1}: ${s.title} (${typeof s.minutes === 'number' ? s.minutes : Object.values(s.minutes).join('–')} min)`, '');
    for (const list of [s.instructions, s.questions, (s.tips ?? []).map((t) => (typeof t === 'string' ? t : t.text))]) lines.push(...(list ?? []).map((x) => `- ${x}`), '');
  });
  for (const section of topic.sections) lines.push(`## ${section.title}`, '', read(section.file).replace(/^## /gm, '### '), '');
  return lines.join('\n');
}
