import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { exitCodeFor, exitCodes } from './exit-codes.js';
import { formatDiagnostic } from './format-report.js';
import { printReport, type CliIo, type GlobalFlags } from './print-report.js';

export interface RawNewOptions {
  dir?: string;
}

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `dialogpack new <slug> [--dir <root>]`: refuses a bad slug or an existing folder with exit code 2. */
export async function runNewCommand(slug: string, raw: RawNewOptions, flags: GlobalFlags, io: CliIo): Promise<number> {
  const root = raw.dir ?? 'content';
  if (!kebabCase.test(slug)) {
    const guess = toKebabCase(slug);
    const problem: Diagnostic = {
      file: slug,
      severity: 'error',
      rule: 'bad-slug',
      message: `the slug "${slug}" is not kebab-case: use lowercase a–z, digits and single hyphens`,
      hint: guess && guess !== slug ? `did you mean \`${guess}\`? The slug names the folder and the PDF files.` : 'e.g. hjaelp-til-mitid',
    };
    refuse([problem], flags, io);
    return exitCodeFor([problem]);
  }
  const { scaffoldTopic } = await import('../write/scaffold-topic.js');
  const { writeScaffold } = await import('../write/write-scaffold.js');
  const dir = path.join(root, slug);
  const { written, diagnostics } = await writeScaffold(root, slug, scaffoldTopic(path.resolve(dir), slug));
  if (diagnostics.length) {
    refuse(diagnostics, flags, io);
    return exitCodeFor(diagnostics);
  }
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ created: dir, files: written }, null, 2)}\n`);
    return exitCodes.ok;
  }
  io.stderr.write(
    [
      `created ${dir}/ with ${written.map((f) => path.basename(f)).join(', ')}`,
      'next: write the topic in these files, then check and preview it:',
      `  dialogpack check ${dir}`,
      `  dialogpack build ${dir} --participants 12`,
      '',
    ].join('\n'),
  );
  return exitCodes.ok;
}

/** No topic was built, so a count of topics would only confuse: just the problem, or JSON as usual. */
function refuse(diagnostics: Diagnostic[], flags: GlobalFlags, io: CliIo): void {
  if (flags.json) printReport(diagnostics, 0, flags, io);
  else for (const d of diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
}

/** What the editor probably meant: Danish letters spelled out, anything else a hyphen. */
function toKebabCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
