import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { exitCodeFor, exitCodes } from './exit-codes.js';
import { createTopic, printRefusal } from './new-command.js';
import type { CliIo, GlobalFlags } from './print-report.js';

export interface RawInitOptions {
  ci?: string;
}

const contentRoot = 'content';
const firstTopic = 'mit-foerste-emne';

/**
 * `dialogpack init [dir] [--ci github]`: a content folder with dialogpack.yaml, a first topic, the schema
 * copy and editor settings, and with --ci a GitHub workflow and a package.json that lists dialogpack.
 * Run again after an upgrade, it refreshes the schema copy and leaves every other existing file alone.
 */
export async function runInitCommand(dir: string | undefined, raw: RawInitOptions, flags: GlobalFlags, io: CliIo): Promise<number> {
  const folder = dir ?? '.';
  if (raw.ci !== undefined && raw.ci !== 'github') {
    const problem: Diagnostic = {
      file: '--ci',
      severity: 'error',
      rule: 'bad-option',
      message: { da: `--ci kender kun github, ikke "${raw.ci}"`, en: `--ci knows only github, not "${raw.ci}"` },
      hint: { da: 'skriv dialogpack init --ci github', en: 'e.g. dialogpack init --ci github' },
    };
    return refuse([problem], flags, io);
  }
  const [{ findTopics }, { loadToolVersion }, { scaffoldContentFolder }, { schemaCopy }, { writeStarterFiles }] = await Promise.all([
    import('../load/find-topics.js'),
    import('../load/load-tool-version.js'),
    import('../write/scaffold-content-folder.js'),
    import('../write/schema-copy.js'),
    import('../write/write-starter-files.js'),
  ]);
  const root = path.join(folder, contentRoot);
  const written: string[] = [];
  const kept: string[] = [];
  // A first topic only in a new content root: one that holds topics already is the editor's own.
  const existing = await findTopics([root]);
  if (existing.diagnostics.some((d) => d.rule === 'path-not-found')) {
    const topic = await createTopic(root, firstTopic);
    if (topic.diagnostics.length) return refuse(topic.diagnostics, flags, io);
    written.push(...topic.written);
  } else {
    const schema = await writeStarterFiles(root, [{ ...schemaCopy(), replace: true }]);
    if (schema.diagnostics.length) return refuse(schema.diagnostics, flags, io);
    written.push(...schema.written);
  }
  const files = scaffoldContentFolder({ contentRoot, version: loadToolVersion(), ci: raw.ci === 'github' ? 'github' : undefined });
  const folderFiles = await writeStarterFiles(folder, files);
  if (folderFiles.diagnostics.length) return refuse(folderFiles.diagnostics, flags, io);
  written.push(...folderFiles.written);
  kept.push(...folderFiles.kept);

  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ folder, written, kept }, null, 2)}\n`);
    return exitCodes.ok;
  }
  const da = flags.language !== 'en';
  const lines = [
    ...written.map((f) => `${da ? 'skrev' : 'wrote'} ${f}`),
    ...kept.map((f) => (da ? `beholdt ${f} (den findes; dialogpack init skriver aldrig oven i den)` : `kept ${f} (it exists; dialogpack init never overwrites it)`)),
  ];
  const inFolder = folder === '.' ? '' : `cd ${folder}\n  `;
  lines.push(
    da ? 'åbn så mappen i VS Code (YAML-udvidelsen tjekker hver topic.yaml), og byg:' : 'next: open the folder in VS Code (the YAML extension checks every topic.yaml), then build:',
    `  ${inFolder}dialogpack build`,
  );
  if (raw.ci === 'github') {
    lines.push(
      da
        ? 'til GitHub: kør `npm install` én gang, og læg package-lock.json i git sammen med resten; arbejdsgangen er .github/workflows/dialogpack.yml'
        : 'for GitHub: run `npm install` once and commit package-lock.json with the rest; the workflow is .github/workflows/dialogpack.yml',
    );
  }
  io.stderr.write(`${lines.join('\n')}\n`);
  return exitCodes.ok;
}

function refuse(diagnostics: Diagnostic[], flags: GlobalFlags, io: CliIo): number {
  printRefusal(diagnostics, flags, io);
  return exitCodeFor(diagnostics);
}
