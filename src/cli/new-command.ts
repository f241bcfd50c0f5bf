import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toKebabCase } from '../model/topic-slug.js';
import { exitCodeFor, exitCodes } from './exit-codes.js';
import { printDiagnostics, printReport, type CliIo, type GlobalFlags } from './print-report.js';

export interface RawNewOptions {
  dir?: string;
}

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A topic's starter files in a new folder under the content root, and the schema copy they point at in
 * the root itself. Also the first topic of `dialogpack init`.
 */
export async function createTopic(root: string, slug: string): Promise<{ written: string[]; diagnostics: Diagnostic[] }> {
  const [{ scaffoldTopic }, { writeScaffold }, { schemaCopy }, { writeStarterFiles }] = await Promise.all([
    import('../write/scaffold-topic.js'),
    import('../write/write-scaffold.js'),
    import('../write/schema-copy.js'),
    import('../write/write-starter-files.js'),
  ]);
  const topic = await writeScaffold(root, slug, scaffoldTopic(slug));
  if (topic.diagnostics.length) return topic;
  const schema = await writeStarterFiles(root, [{ ...schemaCopy(), replace: true }]);
  return { written: [...topic.written, ...schema.written], diagnostics: schema.diagnostics };
}

/** `dialogpack new <slug> [--dir <root>]`: refuses a bad slug or an existing folder with exit code 2. */
export async function runNewCommand(slug: string, raw: RawNewOptions, flags: GlobalFlags, io: CliIo): Promise<number> {
  const root = raw.dir ?? 'content';
  if (!kebabCase.test(slug)) {
    const guess = toKebabCase(slug);
    const problem: Diagnostic = {
      file: slug,
      severity: 'error',
      rule: 'bad-slug',
      message: {
        da: `"${slug}" kan ikke bruges som navn på emnets mappe: brug kun små bogstaver a–z, tal og enkelte bindestreger`,
        en: `the slug "${slug}" is not kebab-case: use lowercase a–z, digits and single hyphens`,
      },
      hint:
        guess && guess !== slug
          ? { da: `skriv dialogpack new ${guess}; navnet bliver navnet på mappen og på PDF-filerne`, en: `did you mean \`${guess}\`? The slug names the folder and the PDF files.` }
          : { da: 'skriv fx dialogpack new hjaelp-til-mitid', en: 'e.g. hjaelp-til-mitid' },
    };
    printRefusal([problem], flags, io);
    return exitCodeFor([problem]);
  }
  const dir = path.join(root, slug);
  const created = await createTopic(root, slug);
  if (created.diagnostics.length) {
    printRefusal(created.diagnostics, flags, io);
    return exitCodeFor(created.diagnostics);
  }
  const inTopic = created.written.filter((f) => path.dirname(f) === dir);
  const schemaFile = created.written.find((f) => path.dirname(f) !== dir);
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ created: dir, files: created.written }, null, 2)}\n`);
    return exitCodes.ok;
  }
  const files = inTopic.map((f) => path.basename(f)).join(', ');
  const lines =
    flags.language === 'en'
      ? [
          `created ${dir}/ with ${files}`,
          `wrote ${schemaFile}, the schema editors' YAML tooling checks topic.yaml against`,
          'next: write the topic in these files, then check and preview it:',
        ]
      : [
          `lavede ${dir}/ med ${files}`,
          `skrev ${schemaFile}, som editoren bruger til at tjekke topic.yaml`,
          'skriv så emnet i filerne, og tjek og byg det:',
        ];
  io.stderr.write([...lines, `  dialogpack check ${dir}`, `  dialogpack build ${dir} --participants 12`, ''].join('\n'));
  return exitCodes.ok;
}

/** No topic was built, so a count of topics would only confuse: just the problem, or JSON as usual. */
export function printRefusal(diagnostics: Diagnostic[], flags: GlobalFlags, io: CliIo): void {
  if (flags.json) printReport(diagnostics, 0, flags, io);
  else printDiagnostics(diagnostics, flags, io);
}
