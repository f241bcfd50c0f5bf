import type { OutputKind } from '../compose/compose-document.js';
import type { Diagnostic, Text } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import { outputKinds, type BuildOptions } from '../pipeline/build-options.js';
import { parseClock } from '../plan/plan-agenda.js';

export interface RawBuildOptions {
  out?: string;
  participants?: string;
  start?: string;
  kind?: string;
  strict?: boolean;
  templates?: string;
  poster?: string;
  sheets?: string;
  paper?: string;
  pdfa?: boolean;
  shard?: string;
  site?: boolean;
}

/** Maps commander's strings to BuildOptions, reporting every bad value as a usage diagnostic. */
/** 9999-12-31T23:59:59Z, the last moment a PDF date (D:YYYY…) can state. */
const lastPdfSecond = 253402300799;

export function parseBuildOptions(paths: string[], raw: RawBuildOptions, env: NodeJS.ProcessEnv): { options: BuildOptions; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bad = (option: string, message: Text, hint?: Text) =>
    diagnostics.push({ file: option, severity: 'error', rule: 'bad-option', message, hint });

  let participants: number | undefined;
  if (raw.participants !== undefined) {
    participants = Number(raw.participants);
    if (!/^\d+$/.test(raw.participants) || participants < 1 || participants > 500) {
      bad('--participants', {
        da: `--participants skal være et helt tal fra 1 til 500, ikke "${raw.participants}"`,
        en: `--participants must be a whole number from 1 to 500, not "${raw.participants}"`,
      });
      participants = undefined;
    }
  }
  if (raw.start !== undefined && parseClock(raw.start) === undefined) {
    bad(
      '--start',
      { da: `--start skal være et klokkeslæt som TT:MM, ikke "${raw.start}"`, en: `--start must be a time of day as HH:MM, not "${raw.start}"` },
      { da: 'skriv fx --start 13:00', en: 'e.g. --start 13:00' },
    );
  }
  let kinds: OutputKind[] | undefined;
  if (raw.kind !== undefined) {
    kinds = [];
    for (const k of raw.kind.split(',').map((s) => s.trim()).filter(Boolean)) {
      if ((outputKinds as string[]).includes(k)) kinds.push(k as OutputKind);
      else {
        const guess = suggest(k, outputKinds);
        bad(
          '--kind',
          { da: `der er ingen udgave, der hedder "${k}"`, en: `unknown output kind "${k}"` },
          guess
            ? { da: `mente du \`${guess}\`? Udgaverne er: ${outputKinds.join(', ')}`, en: `did you mean \`${guess}\`? Kinds: ${outputKinds.join(', ')}` }
            : { da: `udgaverne er: ${outputKinds.join(', ')}`, en: `kinds: ${outputKinds.join(', ')}` },
        );
      }
    }
  }
  const poster = raw.poster?.toUpperCase();
  if (poster !== undefined && poster !== 'A1' && poster !== 'A2') {
    bad('--poster', { da: `--poster skal være A1 eller A2, ikke "${raw.poster}"`, en: `--poster must be A1 or A2, not "${raw.poster}"` });
  }
  const paper = raw.paper?.toUpperCase();
  if (paper !== undefined && paper !== 'A4' && paper !== 'A3') {
    bad('--paper', { da: `--paper skal være A4 eller A3, ikke "${raw.paper}"`, en: `--paper must be A4 or A3, not "${raw.paper}"` });
  }
  if (paper !== undefined && poster === undefined) {
    bad('--paper', {
      da: '--paper vælger papiret til en plakat, der printes i stykker, så det skal bruges sammen med --poster A1 eller A2',
      en: '--paper sets the paper for poster tiles, so it needs --poster A1 or A2',
    });
  }
  const sheets = raw.sheets === undefined ? undefined : sheetNumbers(raw.sheets);
  if (raw.sheets !== undefined && !sheets) {
    bad(
      '--sheets',
      {
        da: `--sheets skal være numre på flipoverark, adskilt af komma, ikke "${raw.sheets}"`,
        en: `--sheets must be flip-chart sheet numbers separated by commas, not "${raw.sheets}"`,
      },
      { da: 'skriv fx --sheets 1,3 eller --sheets 2-4; det første ark er nummer 1', en: 'e.g. --sheets 1,3 or --sheets 2-4; the first sheet is number 1' },
    );
  }
  if (raw.sheets !== undefined && poster === undefined) {
    bad('--sheets', {
      da: '--sheets vælger, hvilke flipoverark der bliver til plakater, så det skal bruges sammen med --poster A1 eller A2',
      en: '--sheets picks the flip-chart sheets to print as posters, so it needs --poster A1 or A2',
    });
  }
  let shard: { index: number; count: number } | undefined;
  if (raw.shard !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(raw.shard.trim());
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (!match || count < 1 || index < 1 || index > count) {
      bad(
        '--shard',
        { da: `--shard skal være i/n, hvor i er fra 1 til n, ikke "${raw.shard}"`, en: `--shard must be i/n with 1 ≤ i ≤ n, not "${raw.shard}"` },
        { da: 'fx bygger --shard 2/4 den anden af fire dele', en: 'e.g. --shard 2/4 builds the second of four shares' },
      );
    }
    else shard = { index, count };
  }
  let sourceDate: Date | undefined;
  if (env.SOURCE_DATE_EPOCH !== undefined) {
    const seconds = Number(env.SOURCE_DATE_EPOCH);
    if (!/^\d+$/.test(env.SOURCE_DATE_EPOCH)) {
      bad('SOURCE_DATE_EPOCH', {
        da: `SOURCE_DATE_EPOCH skal være et antal sekunder siden 1970, ikke "${env.SOURCE_DATE_EPOCH}"`,
        en: `SOURCE_DATE_EPOCH must be seconds since 1970, not "${env.SOURCE_DATE_EPOCH}"`,
      });
    } else if (seconds > lastPdfSecond) {
      // A PDF date has four digits for the year: past 9999-12-31 the date cannot be written at all.
      bad(
        'SOURCE_DATE_EPOCH',
        {
          da: `SOURCE_DATE_EPOCH ligger efter år 9999, som en dato i en PDF-fil ikke kan have: "${env.SOURCE_DATE_EPOCH}"`,
          en: `SOURCE_DATE_EPOCH is past the year 9999, which a PDF date cannot hold: "${env.SOURCE_DATE_EPOCH}"`,
        },
        { da: 'brug sekunderne for en rigtig dato, fx git log -1 --format=%ct', en: 'use the seconds of a real date, e.g. git log -1 --format=%ct' },
      );
    } else sourceDate = new Date(seconds * 1000);
  }
  return {
    options: {
      paths: paths.length ? paths : ['content'],
      outDir: raw.out ?? 'out',
      participants,
      start: raw.start === undefined ? undefined : normaliseClock(raw.start),
      kinds,
      strict: !!raw.strict,
      templatesDir: raw.templates,
      cwd: process.cwd(),
      poster: poster === 'A1' || poster === 'A2' ? poster : undefined,
      sheets,
      paper: paper === 'A4' || paper === 'A3' ? paper : undefined,
      pdfa: !!raw.pdfa,
      shard,
      sourceDate,
      site: !!raw.site,
    },
    diagnostics,
  };
}

/**
 * `1,3` or `2-4,7` as sheet numbers in rising order, each once; undefined for anything else. A
 * number past the topic's last sheet is found when the topic is laid out.
 */
function sheetNumbers(value: string): number[] | undefined {
  const numbers = new Set<number>();
  for (const part of value.split(',').map((p) => p.trim())) {
    const match = /^(\d{1,4})(?:\s*-\s*(\d{1,4}))?$/.exec(part);
    if (!match) return undefined;
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (from < 1 || to < from) return undefined;
    for (let n = from; n <= to; n++) numbers.add(n);
  }
  return [...numbers].sort((a, b) => a - b);
}

function normaliseClock(value: string): string {
  const minutes = parseClock(value);
  if (minutes === undefined) return value;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
