#!/usr/bin/env node
// The benchmark behind docs/performance.md: dialogpack against Typst and pandoc + WeasyPrint on the
// same generated topics, in one run, with the ratios. It is a script, not a test: it measures and
// asserts nothing. `npm run bench -- --help` lists the options; `--quick` takes under two minutes.
//
// What it measures (each dialogpack run is the real CLI in a new process, as a user runs it):
// - packs of 1, 20, 100 and 300 topics, as copies of content/hardware (every word shared, so a
//   shaping cache has seen them all from the second topic on) and as topics with text of their own
//   (scripts/bench/topics.mjs);
// - the same packs through Typst: its Node compiler in one process, the compiler reused, the topic
//   converted to Typst markup beforehand (scripts/bench/typst-document.mjs) with the same fonts,
//   A4 and the default theme's sizes and margins; and through pandoc + WeasyPrint, a process each
//   as a script would run them, and WeasyPrint in one Python process for all (HTML from pandoc made
//   beforehand);
// - one topic with all outputs in a cold process, a topic as large as the limits allow, the
//   no-op rebuild of 20 and 300 topics, the watch rebuild after a save, and peak RSS (GNU time).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { makeCopies, makeUnique, makeUniqueTopic, slug, textBytes } from './bench/topics.mjs';
import { topicToTypst } from './bench/typst-document.mjs';
import { topicMarkdown } from './bench/pandoc-markdown.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    dialogpack: { type: 'string', default: path.join(root, 'bin/dialogpack.js') },
    'pandoc-max': { type: 'string' },
    'weasyprint-max': { type: 'string' },
    'no-typst': { type: 'boolean', default: false },
    'no-pandoc': { type: 'boolean', default: false },
    'no-watch': { type: 'boolean', default: false },
    'no-large': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (opt.help) {
  console.log(`npm run bench -- [options]
  --quick               1 and 20 topics, one run each, pandoc a process each only for 1 topic, no large topic
  --sizes 1,20,100,300  topic counts (default 1,20,100,300)
  --runs N              runs of each measurement of 1 topic, and of dialogpack and Typst on 20, the median kept
                        (default 3; 1 with --quick); larger sets, and the WeasyPrint runs of 20, run once
  --pandoc-max N        largest set run through pandoc + WeasyPrint a process each (default 20; 1 with --quick)
  --weasyprint-max N    largest set run through WeasyPrint in one Python process (default 20)
  --no-typst, --no-pandoc, --no-watch, --no-large   leave a part out
  --dialogpack PATH     the bin/dialogpack.js to time (default this checkout's; build it first)
  --markdown            print the tables as markdown for docs/performance.md`);
  process.exit(0);
}
const sizes = (opt.sizes ?? (opt.quick ? '1,20' : '1,20,100,300')).split(',').map(Number);
const runs = Number(opt.runs ?? (opt.quick ? 1 : 3));
const pandocMax = Number(opt['pandoc-max'] ?? (opt.quick ? 1 : 20));
const weasyMax = Number(opt['weasyprint-max'] ?? 20);
const bin = path.resolve(opt.dialogpack);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-bench-'));
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const env = { ...process.env, CI: 'true' };
const log = (line) => console.error(line);

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/**
 * Wall time, CPU time (user + system, of the process and the children it waited for) and peak RSS
 * (MB, of the largest of them) of one command. On a loaded machine CPU time moves far less than
 * wall time, so the report gives both.
 */
function timed(command, args, { allowFail = false } = {}) {
  const rssFile = path.join(tmp, 'rss');
  const [file, argv] = gnuTime ? [gnuTime, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] : [command, args];
  const started = performance.now();
  const result = spawnSync(file, argv, { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (result.status !== 0 && !allowFail) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  const [rss, user, system] = gnuTime ? readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, cpu: (user + system) * 1000, rss: rss / 1024, stdout: result.stdout };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** `times` runs of `make`, the median time and the highest peak kept. */
function repeat(times, make) {
  const samples = Array.from({ length: times }, (_, i) => make(i));
  return { ms: median(samples.map((s) => s.ms)), cpu: median(samples.map((s) => s.cpu)), rss: Math.max(...samples.map((s) => s.rss)), runs: times };
}

let outCount = 0;
const freshOut = () => path.join(tmp, `out-${++outCount}`);

function dialogpack(args) {
  return timed(process.execPath, [bin, ...args]);
}

/** Page counts of PDFs as "11" or "10–12", read with pdfinfo (poppler-utils) outside any timing. */
function pages(files) {
  if (!has('pdfinfo') || files.length === 0) return '–';
  const counts = files.slice(0, 20).map((f) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))?.[1]));
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  return lo === hi ? `${lo}` : `${lo}–${hi}`;
}

const packFiles = (out, n) => Array.from({ length: Math.min(n, 20) }, (_, i) => path.join(out, slug(i + 1), `${slug(i + 1)}-pack.pdf`));

// ---- the peers ----------------------------------------------------------------------------------

let typst;
if (!opt['no-typst']) {
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'node_modules/@myriaddreamin/typst-ts-node-compiler/package.json'), 'utf8'));
    await import('@myriaddreamin/typst-ts-node-compiler');
    typst = { version: pkg.version, fonts: path.join(tmp, 'typst-fonts') };
    // Typst reads TTF/OTF only: the fonts dialogpack bundles (WOFF) go through its own converter.
    const bundled = await build({ absWorkingDir: root, entryPoints: ['src/fonts/woff-to-sfnt.ts'], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning' });
    const { woffToSfnt } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
    mkdirSync(typst.fonts);
    const fontDir = path.join(root, 'node_modules/@fontsource');
    const faces = ['atkinson-hyperlegible/files/atkinson-hyperlegible-latin-', 'noto-sans/files/noto-sans-latin-'].flatMap((f) => ['400-normal', '700-normal', '400-italic', '700-italic'].map((s) => f + s));
    faces.push('noto-sans-mono/files/noto-sans-mono-latin-400-normal', 'noto-sans-mono/files/noto-sans-mono-latin-700-normal');
    for (const face of faces) writeFileSync(path.join(typst.fonts, `${path.basename(face)}.ttf`), woffToSfnt(readFileSync(path.join(fontDir, `${face}.woff`))));
  } catch (error) {
    log(`Typst: not measured (${String(error.message).split('\n')[0]}); npm ci installs @myriaddreamin/typst-ts-node-compiler where a binary exists for the platform.`);
    typst = undefined;
  }
}
const pandoc = !opt['no-pandoc'] && has('pandoc') && has('weasyprint');
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const weasyOne = pandoc && spawnSync(python, ['-c', 'import weasyprint'], { stdio: 'ignore' }).status === 0;
if (!opt['no-pandoc'] && !pandoc) log('pandoc + WeasyPrint: not installed (apt-get install pandoc weasyprint), not measured.');

/** A set of topics with its Typst sources and pandoc markdown, made before any timing. */
function prepare(name, n, make) {
  const dir = make(n, path.join(tmp, name));
  const set = { name, n, dir };
  if (typst) {
    set.typ = path.join(tmp, `${name}-typ`);
    mkdirSync(set.typ);
    for (let i = 1; i <= n; i++) writeFileSync(path.join(set.typ, `${slug(i)}.typ`), topicToTypst(path.join(dir, slug(i))));
  }
  if (pandoc && (n <= pandocMax || (weasyOne && n <= weasyMax))) {
    set.md = path.join(tmp, `${name}-md`);
    mkdirSync(set.md);
    for (let i = 1; i <= n; i++) writeFileSync(path.join(set.md, `${slug(i)}.md`), topicMarkdown(path.join(dir, slug(i))));
    if (weasyOne && n <= weasyMax) {
      for (let i = 1; i <= n; i++) execFileSync('pandoc', [path.join(set.md, `${slug(i)}.md`), '-s', '-o', path.join(set.md, `${slug(i)}.html`), '--metadata', `title=${slug(i)}`]);
    }
  }
  return set;
}

function typstRun(set) {
  const out = freshOut();
  mkdirSync(out);
  const r = timed(process.execPath, [path.join(root, 'scripts/bench/typst-compile.mjs'), typst.fonts, set.typ, out]);
  return { ...r, files: readdirSync(out).sort().map((f) => path.join(out, f)) };
}

function pandocEach(set) {
  const out = freshOut();
  mkdirSync(out);
  let rss = 0;
  let cpu = 0;
  const started = performance.now();
  for (let i = 1; i <= set.n; i++) {
    const r = timed('pandoc', [path.join(set.md, `${slug(i)}.md`), '-o', path.join(out, `${slug(i)}.pdf`), '--pdf-engine=weasyprint', '--metadata', `title=${slug(i)}`]);
    rss = Math.max(rss, r.rss);
    cpu += r.cpu;
  }
  return { ms: performance.now() - started, cpu, rss, files: packFilesFlat(out, set.n) };
}

const packFilesFlat = (out, n) => Array.from({ length: Math.min(n, 20) }, (_, i) => path.join(out, `${slug(i + 1)}.pdf`));

const weasyScript = 'import sys\nfrom weasyprint import HTML\nfor f in sys.argv[2:]:\n    HTML(filename=f).write_pdf(sys.argv[1] + "/" + f.rsplit("/", 1)[1][:-5] + ".pdf")\n';
function weasyOneProcess(set) {
  const out = freshOut();
  mkdirSync(out);
  const html = Array.from({ length: set.n }, (_, i) => path.join(set.md, `${slug(i + 1)}.html`));
  return { ...timed(python, ['-c', weasyScript, out, ...html]), files: packFilesFlat(out, set.n) };
}

// ---- the measurements ---------------------------------------------------------------------------

const rows = [];
const dpOnly = [];
const loadBefore = os.loadavg();
const started = performance.now();

/** dialogpack's packs of a set against every peer that is installed. */
function packsRow(label, set) {
  const times = set.n <= 20 ? runs : 1;
  // pandoc + WeasyPrint take a minute for 20 topics; their spread is small next to that, so once.
  const peerTimes = set.n === 1 ? runs : 1;
  const row = { label, n: set.n };
  let dpOut;
  row.dp = repeat(times, () => dialogpack(['build', set.dir, '--kind', 'pack', '--out', (dpOut = freshOut())]));
  row.pages = { dp: pages(packFiles(dpOut, set.n)) };
  log(`${label}: dialogpack ${(row.dp.ms / 1000).toFixed(2)} s`);
  if (typst) {
    let files;
    row.typst = repeat(times, () => {
      const r = typstRun(set);
      files = r.files;
      return r;
    });
    row.pages.typst = pages(files.slice(0, 20));
    log(`${label}: Typst ${(row.typst.ms / 1000).toFixed(2)} s`);
  }
  if (pandoc && set.n <= pandocMax) {
    let files;
    row.pandoc = repeat(peerTimes, () => {
      const r = pandocEach(set);
      files = r.files;
      return r;
    });
    row.pages.pandoc = pages(files);
    log(`${label}: pandoc + WeasyPrint ${(row.pandoc.ms / 1000).toFixed(2)} s`);
  }
  if (weasyOne && set.n <= weasyMax) {
    let files;
    row.weasy = repeat(peerTimes, () => {
      const r = weasyOneProcess(set);
      files = r.files;
      return r;
    });
    row.pages.pandoc ??= pages(files);
    log(`${label}: WeasyPrint, one process ${(row.weasy.ms / 1000).toFixed(2)} s`);
  }
  rows.push(row);
  return row;
}

/** A saved file to a rewritten PDF under `dialogpack watch`, `saves` times. */
async function watchRebuild(topicDir, saves) {
  const out = freshOut();
  const name = path.basename(topicDir);
  const pdf = path.join(out, name, `${name}-pack.pdf`);
  const child = spawn(process.execPath, [bin, 'watch', topicDir, '--out', out], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (d) => (text += d));
  child.stderr.on('data', (d) => (text += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const until = async (ok, what) => {
    const deadline = performance.now() + 60_000;
    while (!ok()) {
      if (performance.now() > deadline || child.exitCode !== null) throw new Error(`watch: no ${what}:\n${text}`);
      await new Promise((r) => setTimeout(r, 2));
    }
    return performance.now();
  };
  const pdfTimes = [];
  const doneTimes = [];
  try {
    await until(() => /Ctrl-C/.test(text) && existsSync(pdf), 'first build');
    for (let i = 0; i < saves; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const before = statSync(pdf).mtimeMs;
      const mark = text.length;
      const t0 = performance.now();
      appendFileSync(path.join(topicDir, 'purpose.md'), `\nEndnu en sætning, nummer ${i + 1}.\n`);
      pdfTimes.push((await until(() => existsSync(pdf) && statSync(pdf).mtimeMs !== before, 'rewritten pack')) - t0);
      // The line that ends a rebuild gives its own time ("… igen på 0,46 s").
      doneTimes.push((await until(() => /\d[,.]\d+ s/.test(text.slice(mark)), 'end of the rebuild')) - t0);
    }
  } finally {
    child.kill('SIGINT');
    await exited;
  }
  return { pdf: median(pdfTimes), done: median(doneTimes), saves };
}

try {
  const copies = {};
  const unique = {};
  for (const n of sizes) {
    copies[n] = prepare(`copies-${n}`, n, makeCopies);
    unique[n] = prepare(`unique-${n}`, n, makeUnique);
  }
  dialogpack(['build', copies[sizes[0]].dir, '--out', freshOut()]); // warm the disk cache, not the process

  if (sizes.includes(1)) {
    const one = copies[1];
    const all = repeat(runs, () => dialogpack(['build', path.join(one.dir, slug(1)), '--out', freshOut()]));
    const row = packsRow('1 topic, pack, cold process', one);
    rows.push({ label: '1 topic, all 4 outputs, cold process (peers: the pack)', n: 1, dp: all, typst: row.typst, pandoc: row.pandoc, weasy: row.weasy, pages: { dp: '4 PDFs' } });
    log(`1 topic, all outputs: ${(all.ms / 1000).toFixed(2)} s`);
  }
  for (const n of sizes.filter((s) => s > 1)) {
    packsRow(`${n} topics, packs, copies`, copies[n]);
    packsRow(`${n} topics, packs, unique text`, unique[n]);
  }

  // The no-op rebuild: the same command again over the output of a full build.
  for (const n of sizes.filter((s) => s >= 20)) {
    const out = freshOut();
    const first = dialogpack(['build', unique[n].dir, '--out', out]);
    const noop = repeat(runs, () => dialogpack(['build', unique[n].dir, '--out', out]));
    dpOnly.push({ label: `${n} topics, unique text, all outputs, first build`, ...first });
    dpOnly.push({ label: `${n} topics, no-op rebuild`, ...noop, note: `${((100 * noop.ms) / first.ms).toFixed(1)} % of the first build's time, ${((100 * noop.cpu) / first.cpu).toFixed(1)} % of its CPU` });
    log(`${n} topics: first build ${(first.ms / 1000).toFixed(2)} s, no-op ${(noop.ms / 1000).toFixed(2)} s`);
  }

  if (!opt['no-large'] && !opt.quick) {
    // Ten times hardware's text is over the 64 KiB limit (docs/authoring.md, "Grænser"): the
    // largest whole multiple within it is five.
    const dir = path.join(tmp, 'large');
    makeUniqueTopic(path.join(dir, slug(1)), 9001, 5);
    const factor = textBytes(path.join(dir, slug(1))) / textBytes(path.join(root, 'content/hardware'));
    const set = prepare('large', 1, () => dir);
    const label = `1 topic, ${factor.toFixed(1)}× hardware's text (${(textBytes(path.join(dir, slug(1))) / 1024).toFixed(0)} KiB), pack`;
    const row = packsRow(label, set);
    const all = repeat(runs, () => dialogpack(['build', path.join(dir, slug(1)), '--out', freshOut()]));
    rows.push({ label: `the same topic, all 4 outputs (peers: the pack)`, n: 1, dp: all, typst: row.typst, pandoc: row.pandoc, weasy: row.weasy, pages: { dp: '4 PDFs' } });
  }

  if (!opt['no-watch']) {
    const dir = path.join(tmp, 'watched');
    cpSync(path.join(unique[sizes[0]].dir, slug(1)), path.join(dir, slug(1)), { recursive: true });
    const w = await watchRebuild(path.join(dir, slug(1)), opt.quick ? 3 : 5);
    dpOnly.push({ label: `watch, 1 topic: a save to its pack rewritten (median of ${w.saves})`, ms: w.pdf });
    dpOnly.push({ label: `watch, 1 topic: a save to all 4 outputs rewritten`, ms: w.done });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// ---- the report ---------------------------------------------------------------------------------

const loadAfter = os.loadavg();
const seconds = (ms) => (ms === undefined || Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(2)} s`);
const mb = (rss) => (rss === undefined || Number.isNaN(rss) ? '–' : `${rss.toFixed(0)} MB`);
const ratio = (dp, peer, key = 'ms') => (dp && peer ? `${(dp[key] / peer[key]).toFixed(2)}×` : '–');

function table(headers, body) {
  if (opt.markdown) {
    const align = headers.map((_, i) => (i === 0 ? '---' : '---:'));
    return [headers, align, ...body].map((r) => `| ${r.join(' | ')} |`).join('\n');
  }
  const widths = headers.map((_, i) => Math.max(...[headers, ...body].map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

const version = (command, args) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0].trim();
  } catch {
    return undefined;
  }
};
const commit = version('git', ['-C', path.dirname(path.dirname(bin)), 'rev-parse', '--short', 'HEAD']);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
console.log(`dialogpack: ${bin}${commit ? ` (commit ${commit})` : ''}; Typst: ${typst ? `typst-ts-node-compiler ${typst.version}` : 'not measured'}; ${pandoc ? `${version('pandoc', ['--version'])} + ${version('weasyprint', ['--version'])}` : 'pandoc + WeasyPrint: not measured'}`);
console.log(`Load average (1, 5, 15 min): ${loadBefore.map((l) => l.toFixed(2)).join(', ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(', ')} after; the run took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
console.log(`Times are medians of ${runs} run${runs > 1 ? 's' : ''} for 1 topic and for dialogpack and Typst on 20, single runs otherwise; a ratio is dialogpack's time ÷ the peer's (below 1× dialogpack is faster).`);
console.log('');
console.log(
  table(
    ['measurement', 'dialogpack', 'Typst', '÷ Typst', 'pandoc + WeasyPrint, a process each', '÷ pandoc', 'WeasyPrint, one process', '÷ WeasyPrint'],
    rows.map((r) => [r.label, seconds(r.dp.ms), seconds(r.typst?.ms), ratio(r.dp, r.typst), seconds(r.pandoc?.ms), ratio(r.dp, r.pandoc), seconds(r.weasy?.ms), ratio(r.dp, r.weasy)]),
  ),
);
console.log('');
console.log(
  table(
    ['CPU time (user + system)', 'dialogpack', 'Typst', '÷ Typst', 'pandoc + WeasyPrint, a process each', '÷ pandoc', 'WeasyPrint, one process', '÷ WeasyPrint'],
    rows.map((r) => [r.label, seconds(r.dp.cpu), seconds(r.typst?.cpu), ratio(r.dp, r.typst, 'cpu'), seconds(r.pandoc?.cpu), ratio(r.dp, r.pandoc, 'cpu'), seconds(r.weasy?.cpu), ratio(r.dp, r.weasy, 'cpu')]),
  ),
);
console.log('');
console.log(
  table(
    ['measurement', 'dialogpack peak RSS', 'Typst peak RSS', 'pandoc + WeasyPrint peak RSS', 'WeasyPrint, one process, peak RSS', 'pages per pack: dialogpack / Typst / pandoc'],
    rows.map((r) => [r.label, mb(r.dp.rss), mb(r.typst?.rss), mb(r.pandoc?.rss), mb(r.weasy?.rss), [r.pages?.dp ?? '–', r.pages?.typst ?? '–', r.pages?.pandoc ?? '–'].join(' / ')]),
  ),
);
if (dpOnly.length) {
  console.log('');
  console.log(table(['dialogpack only', 'time', 'CPU time', 'peak RSS', ''], dpOnly.map((r) => [r.label, seconds(r.ms), seconds(r.cpu), mb(r.rss), r.note ?? ''])));
}
