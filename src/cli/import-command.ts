import path from 'node:path';
import { stringify } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findTopics } from '../load/find-topics.js';
import { loadDocx } from '../load/load-docx.js';
import { toKebabCase } from '../model/topic-slug.js';
import { parseDocx } from '../parse/parse-docx.js';
import { writeImport } from '../write/write-import.js';
import { exitCodeFor, exitCodes } from './exit-codes.js';
import { printRefusal } from './new-command.js';
import { printDiagnostics, type CliIo, type GlobalFlags } from './print-report.js';

export interface RawImportOptions {
  topic?: string;
  force?: boolean;
}

/** The folder for pictures, in the topic folder or beside the document, as docs/authoring.md suggests. */
const imageDir = 'billeder';

/**
 * `dialogpack import <file.docx> [--topic DIR] [--force]`: a Word document as a section's markdown file
 * with its pictures, beside the document or in a topic folder, and the line to add under `sections:`.
 * Refuses (exit 2) to replace a file unless given --force.
 */
export async function runImportCommand(file: string, raw: RawImportOptions, flags: GlobalFlags, io: CliIo): Promise<number> {
  if (raw.topic !== undefined) {
    const problem = await notATopic(raw.topic);
    if (problem) return refuse([problem], flags, io);
  }
  const loaded = await loadDocx(file);
  if (!loaded.bytes) return refuse(loaded.diagnostics, flags, io);

  const stem = path.basename(file, path.extname(file));
  const name = toKebabCase(stem) || 'import';
  const dir = raw.topic ?? path.dirname(file);
  const markdownFile = path.join(dir, `${name}.md`);
  const parsed = await parseDocx(loaded.bytes, { docxFile: file, markdownFile, imageDir, imageStem: name });
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return refuse(parsed.diagnostics, flags, io);

  // The markdown last: with --force it replaces the old one only once its pictures are in place.
  const files = [...parsed.pictures, { path: `${name}.md`, bytes: new TextEncoder().encode(parsed.markdown) }];
  const written = await writeImport(dir, files, { replace: raw.force === true, pid: process.pid });
  if (written.diagnostics.length) return refuse(written.diagnostics, flags, io);

  const title = parsed.title ?? titleFromFileName(stem);
  const section = stringify({ title, file: `${name}.md` }, { collectionStyle: 'flow', lineWidth: 0 }).trim();
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ written: written.written, replaced: written.replaced, section: { title, file: `${name}.md` }, diagnostics: parsed.diagnostics }, null, 2)}\n`);
    return exitCodes.ok;
  }
  printDiagnostics(parsed.diagnostics, flags, io);
  const replaced = new Set(written.replaced);
  const da = flags.language !== 'en';
  const lines = written.written.map((f) => `${replaced.has(f) ? (da ? 'erstattede' : 'replaced') : da ? 'skrev' : 'wrote'} ${f}`);
  const warnings = parsed.diagnostics.length;
  if (warnings) {
    lines.push(
      da
        ? `${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'} om det, der ikke kom med fra Word som i Word: se ovenfor`
        : `${warnings} ${warnings === 1 ? 'warning' : 'warnings'} about what did not come across from Word as it was: see above`,
    );
  }
  const topicYaml = raw.topic !== undefined ? path.join(raw.topic, 'topic.yaml') : undefined;
  const moved = `${name}.md${parsed.pictures.length ? (da ? ` og ${imageDir}/` : ` and ${imageDir}/`) : ''}`;
  const check = `dialogpack check${raw.topic !== undefined ? ` ${raw.topic}` : ''}`;
  lines.push(
    da
      ? topicYaml
        ? `tilføj afsnittet i ${topicYaml} under sections:`
        : `læg ${moved} i emnets mappe, og tilføj afsnittet i topic.yaml under sections:`
      : topicYaml
        ? `add the section to ${topicYaml} under sections:`
        : `put ${moved} in the topic folder, and add the section to topic.yaml under sections:`,
    `  - ${section}`,
    da ? `tjek det bagefter: ${check}` : `then check it: ${check}`,
    '',
  );
  io.stderr.write(lines.join('\n'));
  return exitCodes.ok;
}

/** A topic folder holds topic.yaml; a content root or a missing folder is a mistake worth a word. */
async function notATopic(dir: string): Promise<Diagnostic | undefined> {
  const found = await findTopics([dir]);
  if (found.topics.length === 1 && !found.roots.length && path.resolve(found.topics[0]) === path.resolve(dir)) return undefined;
  const missing = found.diagnostics.some((d) => d.rule === 'path-not-found');
  return {
    file: dir,
    severity: 'error',
    rule: missing ? 'path-not-found' : 'not-a-topic',
    message: missing
      ? { da: `mappen ${dir} findes ikke`, en: `the folder ${dir} does not exist` }
      : { da: `${dir} er ikke en emnemappe: der er ingen topic.yaml i den`, en: `${dir} is not a topic folder: it holds no topic.yaml` },
    hint: {
      da: 'giv --topic den mappe, der har emnets topic.yaml, fx --topic content/hjaelp-til-mitid; et nyt emne laver du med dialogpack new',
      en: "give --topic the folder that holds the topic's topic.yaml, e.g. --topic content/hjaelp-til-mitid; dialogpack new makes a new topic",
    },
  };
}

/** `rapport_om-MitID` → `Rapport om MitID`: the file's own words, as a title. */
function titleFromFileName(stem: string): string {
  const words = stem.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? words[0].toLocaleUpperCase('da') + words.slice(1) : 'Afsnit';
}

function refuse(diagnostics: Diagnostic[], flags: GlobalFlags, io: CliIo): number {
  printRefusal(diagnostics, flags, io);
  return exitCodeFor(diagnostics);
}
