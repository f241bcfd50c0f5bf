/**
 * Danish by default (issue #17), end to end: under a Danish locale, and under C.UTF-8 (what a CI runner
 * has, which asks for no language), the CLI words a range of mistakes in Danish, from the command line
 * to the content, and no line it prints keeps a word of the English messages. The preview page is
 * handed its diagnostics in the same language.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, testFixtures } from '../helpers/build-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-dansk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Words of the English messages; the rule id in brackets stays English and is left out of the check. */
const englishWords = /must be|unknown|does not exist|no such|cannot|did you mean|\bhint:|\berror:|\bwarning:/i;
const diagnosticLine = /: (fejl|advarsel): .+ \[[a-z0-9-]+\]$/;

const existing = path.join(tmp, 'content');
mkdirSync(path.join(existing, 'hardware'), { recursive: true });
const badDir = path.join(testFixtures, 'bad');

interface Case {
  name: string;
  args: string[];
  code: number;
  /** Text stderr must hold, in Danish. */
  danish: string[];
}

const cases: Case[] = [
  {
    name: '--participants 0',
    args: ['build', 'content/hardware', '--participants', '0'],
    code: 2,
    danish: ['--participants: fejl: --participants skal være et helt tal fra 1 til 500, ikke "0" [bad-option]', '1 fejl, 0 advarsler i 0 emner'],
  },
  {
    name: '--start 25:00',
    args: ['build', 'content/hardware', '--start', '25:00'],
    code: 2,
    danish: ['fejl: --start skal være et klokkeslæt som TT:MM, ikke "25:00"', '  sådan retter du det: skriv fx --start 13:00'],
  },
  {
    name: '--kind foo',
    args: ['check', 'content/hardware', '--kind', 'foo'],
    code: 2,
    danish: ['fejl: der er ingen udgave, der hedder "foo" [bad-option]', 'sådan retter du det: udgaverne er: pack, facilitator, handout, flipchart, cards'],
  },
  {
    name: 'an unknown option',
    args: ['build', 'content/hardware', '--particpants', '12'],
    code: 2,
    danish: ["fejl: dialogpack kender ikke tilvalget '--particpants' [unknown-option]", 'sådan retter du det: mente du --participants?'],
  },
  {
    name: 'an unknown command',
    args: ['biuld', 'content/hardware'],
    code: 2,
    danish: ["fejl: dialogpack har ingen kommando, der hedder 'biuld' [unknown-command]", 'sådan retter du det: mente du build?'],
  },
  {
    name: 'a missing path',
    args: ['check', 'findes-ikke'],
    code: 2,
    danish: ['findes-ikke: fejl: ', '[path-not-found]'],
  },
  {
    name: 'a topic name that is no folder name',
    args: ['new', 'Hjælp til MitID', '--dir', existing],
    code: 2,
    danish: ['fejl: "Hjælp til MitID" kan ikke bruges som navn på emnets mappe', 'sådan retter du det: skriv dialogpack new hjaelp-til-mitid'],
  },
  {
    name: 'a topic that exists',
    args: ['new', 'hardware', '--dir', existing],
    code: 2,
    danish: [`${path.join(existing, 'hardware')}: fejl: ${path.join(existing, 'hardware')} findes allerede; dialogpack new skriver aldrig i en mappe, der findes [topic-exists]`],
  },
  {
    name: 'a missing glyph',
    args: ['check', path.join(badDir, 'missing-glyph')],
    code: 1,
    danish: [
      'case.md:4:1: fejl: tegnet "漢" (U+6F22) findes ikke i nogen af skrifttyperne, så det ville blive printet som en tom firkant [missing-glyph]',
      'sådan retter du det: skriv det på en anden måde, eller tilføj en skrifttype, der har tegnet, i temaet',
      'Ret den første fejl først',
    ],
  },
  {
    name: 'a template error',
    args: ['check', path.join(badDir, 'template-error'), '--templates', path.join(badDir, 'template-error', 'templates')],
    code: 1,
    danish: ['pack.hbs:5:1: fejl: ', '[template-error]', '1 fejl, 0 advarsler i 1 emne'],
  },
];

describe.each(['da_DK.UTF-8', 'C.UTF-8'])('with LANG=%s', (lang) => {
  it.each(cases)('words $name in Danish', ({ args, code, danish }) => {
    const run = runCli(args, { env: { LANG: lang, LC_ALL: '', LC_MESSAGES: '' } });
    expect(run.code, run.stderr).toBe(code);
    const lines = run.stderr.split('\n').filter((line) => line.trim());
    // The lines the check below reads are there: at least one diagnostic, with the words expected.
    expect(lines.filter((line) => diagnosticLine.test(line)).length, run.stderr).toBeGreaterThan(0);
    for (const words of danish) expect(run.stderr).toContain(words);
    for (const line of lines) expect(line.replace(/ \[[a-z0-9-]+\]$/, ''), run.stderr).not.toMatch(englishWords);
  });
});

describe('the English the tests pin', () => {
  it('still words the same mistake in English, so the check above is not one language in both', () => {
    const run = runCli(['build', 'content/hardware', '--participants', '0']);
    expect(run.stderr).toContain('--participants: error: --participants must be a whole number from 1 to 500, not "0" [bad-option]');
    expect(run.stderr).toMatch(englishWords);
  });
});

describe('dialogpack preview under a Danish locale', () => {
  it('hands the page its diagnostics in Danish', async () => {
    const topic = path.join(tmp, 'preview', 'missing-glyph');
    cpSync(path.join(badDir, 'missing-glyph'), topic, { recursive: true });
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), 'preview', topic, '--kind', 'handout', '--out', path.join(tmp, 'preview-out')], {
      cwd: tmp,
      env: { ...process.env, LANG: 'da_DK.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      let stderr = '';
      const base = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address within 20 s; stderr:\n${stderr}`)), 20_000);
        child.stderr!.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const found = /^forhåndsvisning: åbn (http:\/\/127\.0\.0\.1:\d+)\//m.exec(stderr);
          if (found) {
            clearTimeout(timer);
            resolve(found[1]!);
          }
        });
      });
      const state = await builtState(`${base}/events`);
      const shown = state.topics.flatMap((t) => t.diagnostics).filter((d) => d.rule === 'missing-glyph');
      expect(shown.length).toBeGreaterThan(0);
      for (const d of shown) {
        expect(d.message).toMatch(/^tegnet ".+" \(U\+[0-9A-F]{4}\) findes ikke i nogen af skrifttyperne/);
        expect(d.hint).toContain('skriv det på en anden måde');
      }
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});

interface PageState {
  building: boolean;
  topics: { diagnostics: { rule: string; message: unknown; hint?: unknown }[] }[];
}

/** The first state the server pushes once a build is done and a topic is in it. */
function builtState(url: string): Promise<PageState> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no built state within 40 s')), 40_000);
    const request = http.get(url, (response) => {
      let buffer = '';
      response.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          const state = data ? (JSON.parse(data) as PageState) : undefined;
          if (state && !state.building && state.topics.length) {
            clearTimeout(timer);
            request.destroy();
            resolve(state);
            return;
          }
        }
      });
    });
    request.on('error', (error) => {
      if (!request.destroyed) reject(error);
    });
  });
}
