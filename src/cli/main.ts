/**
 * cli: argv → options → pipeline → report on stderr → exit code. The cli folder is the only one that
 * touches process and the console; each command beyond build and check has its own module beside this
 * one. Heavy modules load only when a command needs them.
 */
import { Command, CommanderError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadConfig } from '../load/load-config.js';
import { loadToolVersion } from '../load/load-tool-version.js';
import { modelConfig } from '../model/model-config.js';
import { stopWrites } from '../write/stop-writes.js';
import { chooseLanguage } from './choose-language.js';
import { createProgress } from './progress.js';
import { exitCodeFor, exitCodes } from './exit-codes.js';
import type { RawImportOptions } from './import-command.js';
import { runInitCommand, type RawInitOptions } from './init-command.js';
import { runListCommand } from './list-command.js';
import { lockOwner } from './lock-owner.js';
import { runNewCommand, type RawNewOptions } from './new-command.js';
import { parseBuildOptions, type RawBuildOptions } from './parse-options.js';
import { runPublishCommand, type RawPublishOptions } from './publish-command.js';
import { printReport, type CliIo, type GlobalFlags } from './print-report.js';
import { runSchemaCommand } from './schema-command.js';
import { terminalText } from './terminal-text.js';
import { runWatchCommand } from './watch-command.js';

export async function main(argv: string[], io: CliIo = process): Promise<number> {
  let code: number = exitCodes.ok;
  const program = new Command('dialogpack')
    .description('Print-ready, accessible PDFs of staff dialogue material, from topics written in YAML and markdown.')
    .version(loadToolVersion())
    .option('--json', 'print diagnostics and the summary as JSON on stdout')
    .addOption(new Option('--format <format>', 'diagnostics as text (default) or github: workflow commands that GitHub Actions shows as annotations').choices(['text', 'github']))
    .option('--debug', 'show stack traces of internal errors')
    .addOption(new Option('--lang <language>', 'language of messages: da (default) or en; an English locale also gives en').choices(['da', 'en']))
    .exitOverride()
    // Commander's own error lines are replaced by diagnostics in the catch below, in the house format.
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} })
    .addHelpText(
      'after',
      `
Examples:
  dialogpack build                                   build every topic in content/ into out/
  dialogpack build content/hardware --participants 14 --start 13:00
  dialogpack check content                           validate without writing anything
  dialogpack init                                    make this folder a content folder with a first topic
  dialogpack new hjaelp-til-mitid                    start a topic in content/hjaelp-til-mitid
  dialogpack import rapport.docx                     a Word document as markdown for a section
  dialogpack watch content/hjaelp-til-mitid          rebuild on every save while you write
  dialogpack preview content/hjaelp-til-mitid        see the PDFs in the browser, updated on every save
  dialogpack list                                    the topics in content/ and their state
  dialogpack --json list                             the same as JSON
  dialogpack publish shard-1 shard-2 --out site      merge sharded builds into one folder
  dialogpack --format github check content           diagnostics as annotations on a pull request
  dialogpack schema > topic.schema.json              the JSON Schema of topic.yaml`,
    );

  const buildLike = (name: 'build' | 'check' | 'watch' | 'preview', description: string) =>
    program
      .command(name)
      .description(description)
      .argument('[paths...]', name === 'preview' ? 'the topic folder to show (or a content root: all its topics)' : 'topic folders or content roots', [])
      .option('-o, --out <dir>', 'output folder', 'out')
      .option('-p, --participants <n>', 'tailor the agenda to this many participants')
      .option('-s, --start <HH:MM>', 'clock time the dialogue starts')
      .option('-k, --kind <kinds>', 'comma-separated outputs: pack,facilitator,handout,flipchart,cards')
      .option('--poster <size>', 'print flip-chart sheets as A1 or A2 posters, tiled on --paper')
      .option('--sheets <list>', 'with --poster: only these flip-chart sheets, e.g. 1,3 or 2-4')
      .option('--paper <size>', 'printer paper for poster tiles: A4 (default) or A3')
      .option('--templates <dir>', "a municipality's templates and theme, read over the built-in ones")
      .option('--strict', 'treat warnings as errors')
      .option('--pdfa', 'also claim PDF/A-2a (archival) conformance alongside PDF/UA')
      .action(async (paths: string[], raw: RawBuildOptions & BuildRunFlags, command: Command) => {
        const outGiven = command.getOptionValueSource('out') === 'cli';
        code = await runBuildCommand(name, paths, raw, globalFlags(program), io, outGiven);
      });

  buildLike('build', 'build topics into PDFs')
    .option('--force', 'rebuild every topic, even those whose inputs are unchanged since the last build')
    .option('--shard <i/n>', 'build only the i-th of n shares of the topics (to split CI jobs)')
    .option('--site', "also write each topic's web page (out/<slug>/index.html), linked from index.html")
    .option('-j, --jobs <n>', 'worker threads for many topics (default: one per two cores)')
    .addHelpText(
    'after',
    `
Examples:
  dialogpack build content/hardware --participants 14 --start 13:00
  dialogpack build content --out dist/print --kind pack
  dialogpack build content/hardware --kind flipchart --poster A1 --paper A4
  dialogpack build content --shard 1/2               half of the topics, for one of two CI jobs
  dialogpack build content --site                    the PDFs and a web page per topic, for a web site
  dialogpack --json build content                    a machine summary on stdout`,
  );
  buildLike('check', 'validate topics; writes nothing and reports the same diagnostics as build').addHelpText(
    'after',
    `
Examples:
  dialogpack check                                   every topic in content/
  dialogpack check content/hardware --participants 14
  dialogpack check content --strict                  fail on warnings too, as CI does
  dialogpack --json check content                    diagnostics as JSON on stdout`,
  );
  buildLike('watch', 'build, then rebuild each topic whose files change, until Ctrl-C')
    .option('--poll', 'compare the files every second instead of waiting for events: for network drives (SMB, NFS)')
    .addHelpText(
    'after',
    `
Examples:
  dialogpack watch content/hardware                  rebuild into out/hardware/ on every save
  dialogpack watch content --participants 12         every topic in content/, tailored to 12
  dialogpack watch content/hardware --kind pack      only the pack, for the quickest turnaround
  dialogpack watch --poll content/hardware           the topic is on a network drive

Errors are shown and watching goes on; fix the file and save again.`,
  );
  buildLike('preview', 'show the PDFs in the browser, page by page, rebuilt and reloaded on every save')
    .option('--poll', 'compare the files every second instead of waiting for events: for network drives (SMB, NFS)')
    .option('--port <n>', 'the port on 127.0.0.1 to serve the page on (default: a free one)')
    .addHelpText(
    'after',
    `
Examples:
  dialogpack preview content/hardware                open the address it prints in a browser
  dialogpack preview content/hardware --kind handout only the handout, for the quickest turnaround
  dialogpack preview content/hardware --port 8080    always the same address

The page is served to this computer only (127.0.0.1). Errors are listed on the page beside their file and
line; fix the file and save again. Ctrl-C stops it.`,
  );

  program
    .command('init')
    .description('make a content folder: dialogpack.yaml, a first topic, the schema copy and editor settings')
    .argument('[dir]', 'the folder to set up (default: this one)')
    .option('--ci <service>', 'also add a CI workflow that builds and publishes the PDFs: github')
    .addHelpText(
      'after',
      `
Examples:
  dialogpack init                                    set up this folder
  dialogpack init dialogmateriale                    set up a new folder
  dialogpack init --ci github                        also .github/workflows/dialogpack.yml and package.json

Writes only files that are not there yet, except content/topic.schema.json, which it refreshes: run it
again after upgrading dialogpack.`,
    )
    .action(async (dir: string | undefined, raw: RawInitOptions) => {
      code = await runInitCommand(dir, raw, globalFlags(program), io);
    });

  program
    .command('new')
    .description('create a topic folder with a commented topic.yaml and starter markdown that builds at once')
    .argument('<slug>', 'the folder name in kebab-case, e.g. hjaelp-til-mitid')
    .option('-d, --dir <root>', 'content root to create the topic in', 'content')
    .addHelpText(
      'after',
      `
Examples:
  dialogpack new hjaelp-til-mitid                    creates content/hjaelp-til-mitid/
  dialogpack new samtykke --dir materialer           creates materialer/samtykke/

Refuses (exit 2) a slug that is not kebab-case or a folder that already exists.`,
    )
    .action(async (slug: string, raw: RawNewOptions) => {
      code = await runNewCommand(slug, raw, globalFlags(program), io);
    });

  program
    .command('list')
    .description('show each topic: title, participants, duration, outputs, and whether it has errors')
    .argument('[paths...]', 'topic folders or content roots', [])
    .addHelpText(
      'after',
      `
Examples:
  dialogpack list                                    the topics in content/
  dialogpack list content/hardware other/content
  dialogpack --json list                             the same as JSON on stdout

A topic with errors is listed as such; the exit code is 0 unless a path names no topic.`,
    )
    .action(async (paths: string[]) => {
      code = await runListCommand(paths, globalFlags(program), io);
    });

  program
    .command('publish')
    .description('merge the output folders of sharded builds into one, with one manifest.json and index.html')
    .argument('<shards...>', 'output folders of `dialogpack build --shard i/n`')
    .requiredOption('-o, --out <dir>', 'folder to publish into')
    .option('--site', "bring each topic's web page from its shard (built with --site) and link it from index.html")
    .addHelpText(
      'after',
      `
Examples:
  dialogpack publish shard-1 shard-2 --out site      every topic's PDFs, one manifest.json, one index.html
  dialogpack publish shards/* --out site             every shard a CI job downloaded into shards/
  dialogpack publish shards/* --out site --site      with each topic's web page, from shards built with --site

A shard is the --out folder of one \`dialogpack build content --shard i/n --out shard-i\` job.
Each PDF is checked against its shard's manifest.json (sha256); a missing or changed file, or a topic
in two shards, is an error and nothing is written. Files an earlier publish left in the folder that no
shard holds any more are removed.`,
    )
    .action(async (shards: string[], raw: RawPublishOptions) => {
      const removeInterruptHandler = cleanUpOnInterrupt(io, globalFlags(program));
      try {
        code = await runPublishCommand(shards, raw, globalFlags(program), io);
      } finally {
        removeInterruptHandler();
      }
    });

  program
    .command('import')
    .description('turn a Word document (.docx) into a markdown file for a section, with its pictures')
    .argument('<file>', 'the Word document, e.g. rapport.docx')
    .option('-t, --topic <dir>', 'write into this topic folder, pictures under billeder/ (default: beside the document)')
    .option('--force', 'replace the markdown file and pictures an earlier import wrote')
    .addHelpText(
      'after',
      `
Examples:
  dialogpack import rapport.docx                     writes rapport.md and billeder/rapport-1.png … beside it
  dialogpack import "Råd om MitID.docx" --topic content/hjaelp-til-mitid
                                                     writes content/hjaelp-til-mitid/raad-om-mitid.md
  dialogpack import rapport.docx --topic content/hjaelp-til-mitid --force
                                                     import again, replacing what the last import wrote

Headings, paragraphs, lists, tables, bold, italic, links, notes and pictures with their alternative text
come along; warnings (in Danish) name what does not, such as comments, tracked changes and pictures
without alternative text. Prints the line to add under sections: in topic.yaml. Refuses (exit 2) to
replace an existing file without --force.`,
    )
    .action(async (file: string, raw: RawImportOptions) => {
      // mammoth and the HTML-to-markdown packages load only for this command.
      const { runImportCommand } = await import('./import-command.js');
      code = await runImportCommand(file, raw, globalFlags(program), io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of topic.yaml (or with --theme of theme.yaml), for completion and checking in editors')
    .option('--theme', "the schema of a templates folder's theme.yaml instead")
    .addHelpText(
      'after',
      `
Examples:
  dialogpack schema                                  print it on stdout
  dialogpack schema > schema/topic.schema.json       refresh the copy shipped with dialogpack
  dialogpack schema --theme > theme.schema.json      beside a municipality's theme.yaml

A topic.yaml made by \`dialogpack new\` already points editors' YAML tooling at the shipped copy.`,
    )
    .action(async (options: { theme?: boolean }) => {
      code = await runSchemaCommand(io, options);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return exitCodes.ok;
      printReport([usageDiagnostic(error, argv)], 0, globalFlags(program), io);
      return exitCodes.usage;
    }
    // Reported like any other problem, so that --json and --format github get it in their own form too.
    const flags = globalFlags(program);
    const problem = [internalErrorDiagnostic(error, flags.debug)];
    printReport(problem, 0, flags, io);
    // On stderr even under --json: stdout holds the report, and must stay JSON.
    if (flags.debug) io.stderr.write(`${String(error instanceof Error ? error.stack : error).split('\n').map(terminalText).join('\n')}\n`);
    return exitCodeFor(problem);
  }
  return code;
}

/** The global options, with the language of messages settled once for the whole run. */
function globalFlags(program: Command): GlobalFlags {
  const flags = program.opts<GlobalFlags>();
  return { ...flags, language: chooseLanguage(flags.lang, process.env, Intl.DateTimeFormat().resolvedOptions().locale) };
}

interface BuildRunFlags {
  force?: boolean;
  jobs?: string;
  poll?: boolean;
  port?: string;
}

async function runBuildCommand(
  command: 'build' | 'check' | 'watch' | 'preview',
  paths: string[],
  raw: RawBuildOptions & BuildRunFlags,
  flags: GlobalFlags,
  io: CliIo,
  outGiven: boolean,
): Promise<number> {
  const config = await loadConfig(process.cwd(), process.cwd());
  const configured = config ? modelConfig(config.file, config.text) : { defaults: {}, diagnostics: [] };
  if (configured.diagnostics.some((d) => d.severity === 'error')) {
    printReport(configured.diagnostics, 0, flags, io);
    return exitCodes.content;
  }
  // Flags win over dialogpack.yaml; commander's default for --out must not hide the config's.
  const merged = { ...raw, templates: raw.templates ?? configured.defaults.templates, out: outGiven ? raw.out : (configured.defaults.out ?? raw.out) };
  const outLabel = !outGiven && configured.defaults.out !== undefined ? `out: ${flags.language === 'en' ? 'in' : 'i'} ${config!.file}` : '--out';
  const { options, diagnostics: optionProblems } = parseBuildOptions(paths, merged, process.env);
  options.hyphenationExceptions = configured.defaults.hyphenationExceptions;
  // One build thread keeps about 1.4 cores busy (V8 collects garbage and compiles on threads of its
  // own): on 2 cores a second worker saved 9 % of the time and took 60 % more memory (docs/performance.md).
  const jobs = raw.jobs === undefined ? Math.max(1, Math.floor(availableParallelism() / 2)) : Number(raw.jobs);
  if (raw.jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64)) {
    optionProblems.push({
      file: '--jobs',
      severity: 'error',
      rule: 'bad-option',
      message: { da: `--jobs skal være et helt tal fra 1 til 64, ikke "${raw.jobs}"`, en: `--jobs must be a whole number from 1 to 64, not "${raw.jobs}"` },
    });
  }
  if (optionProblems.length) {
    printReport(optionProblems, 0, flags, io);
    return exitCodes.usage;
  }
  if (command === 'watch') return runWatchCommand(options, flags, io, process, { lockOwner: lockOwner(), outLabel }, { poll: raw.poll });
  if (command === 'preview') {
    const { runPreviewCommand } = await import('./preview-command.js');
    return runPreviewCommand(options, { poll: raw.poll, port: raw.port }, flags, io, process, { lockOwner: lockOwner(), outLabel });
  }
  const { runBuild } = await import('../pipeline/run-build.js');
  const progress = command === 'build' && !flags.json ? createProgress(io, process.env, flags.language ?? 'da') : undefined;
  const removeInterruptHandler = command === 'build' ? cleanUpOnInterrupt(io, flags) : () => {};
  try {
    // A build runs on worker threads even for one topic, so this thread answers Ctrl-C at once.
    const result = await runBuild(options, {
      write: command === 'build',
      force: raw.force,
      jobs,
      isolate: command === 'build',
      onTopic: progress?.topicDone,
      lockOwner: command === 'build' ? lockOwner() : undefined,
      outLabel,
    });
    progress?.finish();
    const all = [...result.diagnostics, ...result.topics.flatMap((t) => t.diagnostics)];
    printReport(all, result.topics.length, flags, io, command === 'build' ? { outDir: options.outDir, topics: result.topics, removed: result.removed } : undefined);
    return exitCodeFor(all);
  } finally {
    removeInterruptHandler();
  }
}

/** An error nothing in dialogpack expected: not tied to a file of the user's, so it is named at dialogpack. */
function internalErrorDiagnostic(error: unknown, debug: boolean | undefined): Diagnostic {
  const text = error instanceof Error ? error.message : String(error);
  return {
    file: 'dialogpack',
    severity: 'error',
    rule: 'internal-error',
    message: { da: `intern fejl: ${text}`, en: `internal error: ${text}` },
    hint: debug
      ? { da: 'linjerne herunder viser, hvor i dialogpack fejlen skete', en: 'the lines below show where in dialogpack it happened' }
      : { da: 'kør igen med --debug for at se, hvor i dialogpack fejlen skete', en: 'run again with --debug for the stack trace' },
  };
}

/** Commander's usage errors as diagnostics: the option or argument is the place, its did-you-mean the hint. */
function usageDiagnostic(error: CommanderError, argv: string[]): Diagnostic {
  const text = error.message.replace(/^error: /, '');
  const hint = /\(Did you mean ([^)?]*)\??\)/.exec(text)?.[1];
  const option = /'(-[^']+)'/.exec(text)?.[1];
  const en = text.replace(/\s*\(Did you mean [^)]*\)/, '').trim();
  return {
    file: option ?? argv[0] ?? 'dialogpack',
    severity: 'error',
    rule: error.code === 'commander.unknownOption' ? 'unknown-option' : error.code === 'commander.unknownCommand' ? 'unknown-command' : 'bad-option',
    message: { da: danishUsageMessage(error.code, en), en },
    hint: hint
      ? {
          da: `mente du ${hint}? Skriv dialogpack --help for at se ${error.code === 'commander.unknownCommand' ? 'kommandoerne' : 'tilvalgene'}.`,
          en: `did you mean ${hint}? Run dialogpack --help for the options.`,
        }
      : { da: 'skriv dialogpack --help for at se kommandoerne og tilvalgene', en: 'run dialogpack --help for the commands and options' },
  };
}

/**
 * Commander words its errors in English only; each kind it has is said again in Danish from the parts
 * its English names (an option's flags, a value, a count). One it may add later keeps its English words.
 */
function danishUsageMessage(code: string, en: string): string {
  const quoted = [...en.matchAll(/'([^']*)'/g)].map((m) => `'${m[1]}'`);
  const numbers = [...en.matchAll(/\d+/g)].map((m) => m[0]);
  switch (code) {
    case 'commander.unknownOption':
      return `dialogpack kender ikke tilvalget ${quoted[0]}`;
    case 'commander.unknownCommand':
      return `dialogpack har ingen kommando, der hedder ${quoted[0]}`;
    case 'commander.missingArgument':
      return `kommandoen mangler ${quoted[0]}`;
    case 'commander.optionMissingArgument':
      return `tilvalget ${quoted[0]} skal have en værdi efter sig`;
    case 'commander.missingMandatoryOptionValue':
      return `tilvalget ${quoted[0]} skal være med`;
    case 'commander.excessArguments': {
      const expected = numbers[numbers.length - 2];
      const given = numbers[numbers.length - 1];
      return `for mange navne eller stier efter ${quoted[0] ?? 'dialogpack'}: der må være ${expected}, men der er ${given}`;
    }
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\.$/.exec(en)?.[1];
      return `tilvalget ${quoted[0]} kan ikke have værdien ${quoted[1]}${choices ? `; det kan være ${choices.replace(/, ([^,]*)$/, ' eller $1')}` : ''}`;
    }
    default:
      return `dialogpack forstår ikke kommandolinjen: ${en}`;
  }
}

/**
 * On Ctrl-C or SIGTERM the build stops at once: its temporary files and its lock on the output folder
 * are removed and the previous PDFs stay as they were, since files are renamed into place only when
 * every topic is done (and should the signal come while they are, the next build checks them all).
 * The topics are built on worker threads, so this thread is free to take the signal whenever it comes;
 * exiting ends the workers.
 */
function cleanUpOnInterrupt(io: CliIo, flags: GlobalFlags): () => void {
  const handler = (signal: NodeJS.Signals) => {
    stopWrites();
    io.stderr.write(
      flags.language === 'en' ? `dialogpack: interrupted (${signal}); earlier files are unchanged\n` : `dialogpack: afbrudt (${signal}); de filer, der var der i forvejen, er uændrede\n`,
    );
    process.exit(signal === 'SIGTERM' ? exitCodes.terminated : exitCodes.interrupted);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
