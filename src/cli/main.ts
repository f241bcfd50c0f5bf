/**
 * cli: argv → options → pipeline → report on stderr → exit code. The only module that touches
 * process and the console. Heavy modules load only when a command needs them.
 */
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { exitCodeFor, exitCodes } from './exit-codes.js';
import { formatDiagnostic, formatSummary, sortDiagnostics } from './format-report.js';
import { parseBuildOptions, type RawBuildOptions } from './parse-options.js';

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

interface GlobalFlags {
  json?: boolean;
  debug?: boolean;
}

export async function main(argv: string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process): Promise<number> {
  let code: number = exitCodes.ok;
  const program = new Command('dialogpack')
    .description('Print-ready, accessible PDFs of staff dialogue material, from topics written in YAML and markdown.')
    .version(version)
    .option('--json', 'print diagnostics and the summary as JSON on stdout')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run dialogpack --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  dialogpack build                                   build every topic in content/ into out/
  dialogpack build content/hardware --participants 14 --start 13:00
  dialogpack check content                           validate without writing anything`,
    );

  const buildLike = (name: 'build' | 'check', description: string) =>
    program
      .command(name)
      .description(description)
      .argument('[paths...]', 'topic folders or content roots', [])
      .option('-o, --out <dir>', 'output folder', 'out')
      .option('-p, --participants <n>', 'tailor the agenda to this many participants')
      .option('-s, --start <HH:MM>', 'clock time the dialogue starts')
      .option('-k, --kind <kinds>', 'comma-separated outputs: pack,facilitator,handout,flipchart,cards')
      .option('--poster <size>', 'print flip-chart sheets as A1 or A2 posters, tiled on --paper')
      .option('--paper <size>', 'printer paper for poster tiles: A4 (default) or A3')
      .option('--templates <dir>', "a municipality's templates and theme, read over the built-in ones")
      .option('--strict', 'treat warnings as errors')
      .action(async (paths: string[], raw: RawBuildOptions) => {
        code = await runBuildCommand(name, paths, raw, program.opts<GlobalFlags>(), io);
      });

  buildLike('build', 'build topics into PDFs').addHelpText(
    'after',
    `
Examples:
  dialogpack build content/hardware --participants 14 --start 13:00
  dialogpack build content --out dist/print --kind pack
  dialogpack build content/hardware --kind flipchart --poster A1 --paper A4`,
  );
  buildLike('check', 'validate topics; writes nothing and reports the same diagnostics as build');

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return exitCodes.ok;
      return exitCodes.usage;
    }
    const flags = program.opts<GlobalFlags>();
    io.stderr.write(`dialogpack: internal error: ${(error as Error).message}\n`);
    if (flags.debug) io.stderr.write(`${(error as Error).stack}\n`);
    else io.stderr.write('  hint: run again with --debug for the stack trace\n');
    return exitCodes.internal;
  }
  return code;
}

async function runBuildCommand(
  command: 'build' | 'check',
  paths: string[],
  raw: RawBuildOptions,
  flags: GlobalFlags,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const { options, diagnostics: optionProblems } = parseBuildOptions(paths, raw, process.env);
  if (optionProblems.length) {
    report(optionProblems, 0, flags, io);
    return exitCodes.usage;
  }
  const { runBuild } = await import('../pipeline/run-build.js');
  const result = await runBuild(options, command === 'build');
  const all = [...result.diagnostics, ...result.topics.flatMap((t) => t.diagnostics)];
  report(all, result.topics.length, flags, io);
  if (!flags.json && command === 'build') {
    for (const topic of result.topics) {
      for (const output of topic.outputs) {
        if (!topic.diagnostics.some((d) => d.severity === 'error')) io.stderr.write(`wrote ${options.outDir}/${output.path} (${output.pages} pages)\n`);
      }
    }
  }
  return exitCodeFor(all);
}

function report(diagnostics: Diagnostic[], topics: number, flags: GlobalFlags, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): void {
  const sorted = sortDiagnostics(diagnostics);
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ diagnostics: sorted, summary: formatSummary(sorted, topics) }, null, 2)}\n`);
    return;
  }
  for (const d of sorted) io.stderr.write(`${formatDiagnostic(d)}\n`);
  io.stderr.write(`${formatSummary(sorted, topics)}\n`);
}
