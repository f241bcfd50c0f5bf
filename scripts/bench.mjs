#!/usr/bin/env node
// The benchmark behind docs/performance.md. Run `npm run bench` (after `npm ci`), optionally
// `npm run bench -- --topics 100 --runs 5`. It is a script, not a test: it measures, it asserts nothing.
//
// It copies the bundled hardware topic into N topics, then times the real CLI as a user runs it:
// one topic cold with all outputs, 20 and N topics' packs, N topics with all outputs, a no-op
// rebuild, and peak RSS (GNU time). Where pandoc and weasyprint are installed (apt), it renders the
// same 20 topics through pandoc + WeasyPrint in the same run and prints the ratio.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/dialogpack.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const topicCount = arg('--topics', 100);
const runs = arg('--runs', 3);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-bench-'));
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function makeTopics(n, dir) {
  mkdirSync(dir, { recursive: true });
  const source = path.join(root, 'content/hardware');
  for (let i = 1; i <= n; i++) {
    const slug = `emne-${String(i).padStart(3, '0')}`;
    cpSync(source, path.join(dir, slug), { recursive: true });
    const yamlPath = path.join(dir, slug, 'topic.yaml');
    writeFileSync(yamlPath, readFileSync(yamlPath, 'utf8').replace(/^title: (.*)$/m, `title: $1 (${i})`));
  }
  return dir;
}

/** Wall time and peak RSS of one CLI run. */
function run(args) {
  const command = gnuTime ? [gnuTime, ['-f', '%M', process.execPath, bin, ...args]] : [process.execPath, [bin, ...args]];
  const started = performance.now();
  const result = spawnSync(command[0], command[1], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`dialogpack ${args.join(' ')} failed:\n${result.stderr}`);
  const rss = gnuTime ? Number(result.stderr.trim().split('\n').pop()) / 1024 : NaN;
  return { ms, rss };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function repeat(label, times, make) {
  const samples = Array.from({ length: times }, make);
  const result = { label, ms: median(samples.map((s) => s.ms)), rss: Math.max(...samples.map((s) => s.rss)) };
  console.error(`${label}: ${(result.ms / 1000).toFixed(2)} s, peak ${result.rss.toFixed(0)} MB`);
  return result;
}

/** The markdown a pandoc user would write for the same pack: front matter, the script, the sections. */
function topicMarkdown(dir) {
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

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

const results = [];
try {
  const one = makeTopics(1, path.join(tmp, 'one'));
  const twenty = makeTopics(20, path.join(tmp, 'twenty'));
  const many = makeTopics(topicCount, path.join(tmp, 'many'));
  run(['build', one, '--out', path.join(tmp, 'warm')]); // warm the disk cache, not the process

  results.push(repeat('1 topic, all outputs, cold process', runs, () => run(['build', path.join(one, 'emne-001'), '--out', path.join(tmp, `o1-${Math.random()}`)])));
  const packs20 = repeat('20 topics, packs', runs, () => run(['build', twenty, '--kind', 'pack', '--out', path.join(tmp, `o20-${Math.random()}`)]));
  results.push(packs20);
  results.push(repeat(`${topicCount} topics, packs`, runs, () => run(['build', many, '--kind', 'pack', '--out', path.join(tmp, `oN-${Math.random()}`)])));
  const manyOut = path.join(tmp, 'oN-all');
  const first = repeat(`${topicCount} topics, all outputs`, 1, () => run(['build', many, '--out', manyOut]));
  results.push(first);
  const noop = repeat(`${topicCount} topics, no-op rebuild`, runs, () => run(['build', many, '--out', manyOut]));
  results.push(noop);
  // The default is one build thread per two cores; this shows what a second thread does here.
  const workers = repeat(`${topicCount} topics, all outputs, --jobs 2`, 1, () => run(['build', many, '--out', path.join(tmp, 'oN-2'), '--jobs', '2']));
  results.push(workers);

  let ratio;
  if (has('pandoc') && has('weasyprint')) {
    const md = path.join(tmp, 'md');
    mkdirSync(md);
    const started = performance.now();
    for (let i = 1; i <= 20; i++) {
      const slug = `emne-${String(i).padStart(3, '0')}`;
      const file = path.join(md, `${slug}.md`);
      writeFileSync(file, topicMarkdown(path.join(twenty, slug)));
      execFileSync('pandoc', [file, '-o', path.join(md, `${slug}.pdf`), '--pdf-engine=weasyprint', '--metadata', `title=${slug}`], { stdio: 'ignore' });
    }
    const pandocMs = performance.now() - started;
    console.error(`20 topics, pandoc + WeasyPrint: ${(pandocMs / 1000).toFixed(2)} s`);
    results.push({ label: '20 topics, pandoc + WeasyPrint (same content)', ms: pandocMs, rss: NaN });
    ratio = pandocMs / packs20.ms;
  }

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
  console.log('');
  console.log('| measurement | time | peak RSS |');
  console.log('|---|---:|---:|');
  for (const r of results) console.log(`| ${r.label} | ${(r.ms / 1000).toFixed(2)} s | ${Number.isNaN(r.rss) ? '–' : `${r.rss.toFixed(0)} MB`} |`);
  console.log('');
  console.log(`No-op rebuild: ${((100 * noop.ms) / first.ms).toFixed(1)} % of the first build.`);
  console.log(`Per document in a batch (${topicCount} packs): ${(results[2].ms / topicCount).toFixed(0)} ms.`);
  console.log(ratio === undefined ? 'pandoc + WeasyPrint: not installed (apt-get install pandoc weasyprint), no ratio.' : `pandoc + WeasyPrint / dialogpack on 20 packs: ${ratio.toFixed(1)}×.`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
