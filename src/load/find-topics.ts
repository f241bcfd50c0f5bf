/**
 * Expands the paths a user gives (topic folders or content roots holding topic folders)
 * into topic folders, in a stable order, and names the content roots it listed: a build may take a
 * topic recorded from one of those and no longer found there as removed. A folder named twice (as a
 * root's child and on its own, or through a symlink) is listed once.
 * Given the output folder, it also refuses one that lies in a topic folder or a content root, or holds
 * one: a build would write into the sources, or read its own output as a topic, and removing stale
 * files could reach an editor's. Paths are compared as the file system resolves them (symlinks, `..`).
 * Reads only directory listings and real paths.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface FoundTopics {
  topics: string[];
  roots: string[];
  diagnostics: Diagnostic[];
}

export async function findTopics(paths: readonly string[], options: { outDir?: string; outLabel?: string } = {}): Promise<FoundTopics> {
  const topics: string[] = [];
  const roots: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const addTopic = async (dir: string) => {
    const real = await realpath(dir).catch(() => path.resolve(dir));
    if (seen.has(real)) return;
    seen.add(real);
    topics.push(dir);
  };
  for (const given of paths) {
    const isDir = await stat(given).then((s) => s.isDirectory()).catch(() => undefined);
    if (isDir === undefined) {
      diagnostics.push({
        file: given,
        severity: 'error',
        rule: 'path-not-found',
        message: { da: `filen eller mappen findes ikke: ${given}`, en: `no such file or folder: ${given}` },
      });
      continue;
    }
    if (!isDir) {
      if (path.basename(given) === 'topic.yaml') await addTopic(path.dirname(given));
      else {
        diagnostics.push({
          file: given,
          severity: 'error',
          rule: 'not-a-topic',
          message: { da: `${given} er hverken et emnes mappe eller en mappe med emner`, en: `${given} is neither a topic folder nor a content root` },
          hint: { da: 'nævn emnets mappe eller mappen med emnerne, fx `content`', en: 'name a topic folder or the folder of topics, such as `content`' },
        });
      }
      continue;
    }
    if (await isFile(path.join(given, 'topic.yaml'))) {
      await addTopic(given);
      continue;
    }
    roots.push(given);
    const entries = (await readdir(given, { withFileTypes: true })).filter((e) => e.isDirectory() && !e.name.startsWith('.'));
    const children: string[] = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = path.join(given, entry.name);
      if (await isFile(path.join(child, 'topic.yaml'))) children.push(child);
    }
    if (!children.length) {
      diagnostics.push({
        file: given,
        severity: 'error',
        rule: 'not-a-topic',
        message: { da: `${given} har hverken en topic.yaml eller mapper med emner`, en: `${given} holds no topic.yaml and no topic folders` },
        hint: {
          da: 'et emnes mappe har en topic.yaml; en mappe med emner har en undermappe for hvert emne',
          en: 'a topic folder holds topic.yaml; a content root holds topic folders',
        },
      });
    }
    for (const child of children) await addTopic(child);
  }
  if (options.outDir !== undefined) diagnostics.push(...(await outOverlaps(options.outDir, options.outLabel ?? '--out', [...roots, ...topics])));
  return { topics, roots, diagnostics };
}

/**
 * The output folder against every source folder: neither may be the other or lie inside it. One
 * problem is enough to name: the first source it overlaps, a content root before its topics.
 */
async function outOverlaps(outDir: string, label: string, sources: readonly string[]): Promise<Diagnostic[]> {
  const out = await realPathOf(outDir);
  const problems: Diagnostic[] = [];
  for (const source of sources) {
    const real = await realPathOf(source);
    const where = out === real ? 'is' : isInside(out, real) ? 'is inside' : isInside(real, out) ? 'holds' : undefined;
    if (!where) continue;
    problems.push({
      file: label,
      severity: 'error',
      rule: 'out-overlaps-source',
      message:
        where === 'holds'
          ? {
              da: `mappen til PDF-filerne, ${outDir}, indeholder emnerne i ${source}: bygger du dertil, kan de blive overskrevet eller slettet`,
              en: `the output folder ${outDir} holds the sources ${source}: a build there could overwrite or remove them`,
            }
          : {
              da: `mappen til PDF-filerne, ${outDir}, ${where === 'is' ? 'er den samme som' : 'ligger inde i'} ${source}: bygger du dertil, kommer PDF-filerne til at ligge mellem emnets filer`,
              en: `the output folder ${outDir} ${where} ${where === 'is' ? 'the source folder' : 'the sources'} ${source}: a build there would write among the topic's files`,
            },
      hint: {
        da: 'byg til en mappe ved siden af emnerne, fx `--out out` ved siden af `content/`',
        en: 'build into a folder beside the content, such as --out out next to content/',
      },
    });
    break;
  }
  return problems;
}

/**
 * The real path of a folder that may not exist yet: its nearest existing ancestor resolved through
 * symlinks, with the rest appended as given.
 */
async function realPathOf(given: string): Promise<string> {
  let existing = path.resolve(given);
  const rest: string[] = [];
  for (;;) {
    const real = await realpath(existing).catch(() => undefined);
    if (real !== undefined) return path.join(real, ...rest.reverse());
    const parent = path.dirname(existing);
    if (parent === existing) return path.resolve(given);
    rest.push(path.basename(existing));
    existing = parent;
  }
}

function isInside(target: string, root: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function isFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile()).catch(() => false);
}
