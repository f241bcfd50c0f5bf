// The bench's topics: copies of content/hardware, or topics with text of their own made from it.
// Copies share every word, so from the second topic on a shaping cache has seen all of them. The
// unique topics keep hardware's structure (steps, sections, lists, the table, the link) but draw
// every word, with a seeded shuffle, from the words of the project's own content/, and change a
// letter of most longer words, so each topic's text differs from every other's the way real topics
// do: the short common words recur, most of the rest are new.
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const source = path.join(root, 'content/hardware');

export function slug(i) {
  return `emne-${String(i).padStart(3, '0')}`;
}

/** `n` copies of content/hardware, each titled with its number. */
export function makeCopies(n, dir) {
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= n; i++) {
    cpSync(source, path.join(dir, slug(i)), { recursive: true });
    const yamlPath = path.join(dir, slug(i), 'topic.yaml');
    writeFileSync(yamlPath, readFileSync(yamlPath, 'utf8').replace(/^title: (.*)$/m, `title: $1 (${i})`));
  }
  return dir;
}

/** mulberry32: small, fast and the same on every machine, so a seed names one set of topics. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

let corpusCache;
/** Every distinct word of content/'s markdown and YAML, lower-cased. */
function corpus() {
  if (corpusCache) return corpusCache;
  const words = new Set();
  for (const file of filesUnder(path.join(root, 'content'))) {
    if (!/\.(md|ya?ml)$/.test(file)) continue;
    for (const w of readFileSync(file, 'utf8').match(/\p{L}+/gu) ?? []) words.add(w.toLowerCase());
  }
  corpusCache = [...words].sort();
  return corpusCache;
}

const letters = 'abdefghiklmnoprstuvyæøå';

/** A word-by-word rewrite of `text`: same shape, capitals and punctuation, other words. */
function rewriter(rng) {
  const words = corpus();
  const short = words.filter((w) => w.length <= 3);
  const long = words.filter((w) => w.length > 3);
  const word = (original) => {
    let w = original.length <= 3 ? short[Math.floor(rng() * short.length)] : long[Math.floor(rng() * long.length)];
    if (w.length > 3 && rng() < 0.8) {
      const at = 1 + Math.floor(rng() * (w.length - 2));
      w = w.slice(0, at) + letters[Math.floor(rng() * letters.length)] + w.slice(at + 1);
    }
    if (original[0] !== original[0].toLowerCase()) w = w[0].toUpperCase() + w.slice(1);
    return w;
  };
  // Link addresses and footnote labels keep their form; only the prose changes.
  return (text) => text.split(/(\]\([^)]*\))/).map((part, i) => (i % 2 ? part : part.replace(/\p{L}+/gu, word))).join('');
}

function rewriteTopic(yamlText, rewrite, copies = 1) {
  const topic = parseYaml(yamlText);
  const list = (items) => items?.map((x) => rewrite(String(x)));
  topic.title = rewrite(topic.title);
  topic.subtitle = topic.subtitle && rewrite(topic.subtitle);
  topic.questions = list(topic.questions);
  topic.preparation = { materials: list(topic.preparation.materials), checklist: list(topic.preparation.checklist) };
  const steps = [];
  for (let c = 0; c < copies; c++) {
    for (const step of topic.steps) {
      steps.push({
        ...step,
        title: rewrite(step.title),
        instructions: list(step.instructions),
        questions: list(step.questions),
        tips: step.tips?.map((t) => (typeof t === 'string' ? rewrite(t) : { ...t, text: rewrite(t.text) })),
      });
    }
  }
  topic.steps = steps;
  topic.duration = steps.reduce((sum, s) => sum + (typeof s.minutes === 'number' ? s.minutes : Math.max(...Object.values(s.minutes))), 0);
  topic.sections = topic.sections.map((s) => ({ ...s, title: rewrite(s.title) }));
  return stringifyYaml(topic, { lineWidth: 0 });
}

/**
 * One topic with text of its own: hardware's structure, words drawn with seed `seed`. With
 * `copies` > 1 every markdown file and the list of steps hold that many rewrites of the original,
 * for a topic that many times larger.
 */
export function makeUniqueTopic(dir, seed, copies = 1) {
  const rewrite = rewriter(random(seed));
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(source)) {
    const text = readFileSync(path.join(source, file), 'utf8');
    const out = file === 'topic.yaml' ? rewriteTopic(text, rewrite, copies) : Array.from({ length: copies }, () => rewrite(text)).join('\n\n');
    writeFileSync(path.join(dir, file), out);
  }
  return dir;
}

/** `n` topics whose text differs from each other's. */
export function makeUnique(n, dir) {
  for (let i = 1; i <= n; i++) makeUniqueTopic(path.join(dir, slug(i)), i);
  return dir;
}

/** The topic's text as the limit counts it, near enough: the markdown files and topic.yaml's strings. */
export function textBytes(dir) {
  const topic = parseYaml(readFileSync(path.join(dir, 'topic.yaml'), 'utf8'));
  let bytes = 0;
  const walk = (value) => {
    if (typeof value === 'string') bytes += Buffer.byteLength(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(topic);
  for (const file of readdirSync(dir)) if (file.endsWith('.md')) bytes += statSync(path.join(dir, file)).size;
  return bytes;
}
