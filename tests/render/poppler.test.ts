import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInMemory, output, referenceTopic } from '../helpers/build-fixture.js';

// poppler-utils and qpdf are installed by .ci/run; the README names them for local runs.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-poppler-'));
const pack = path.join(tmp, 'pack.pdf');
const run = (tool: string, ...args: string[]) => execFileSync(tool, [...args, pack], { encoding: 'utf8' });

beforeAll(async () => {
  const result = await buildInMemory(referenceTopic);
  writeFileSync(pack, output(result, 'pack'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the pack as poppler and qpdf see it', () => {
  it('pdfinfo: A4, tagged, titled', () => {
    const info = run('pdfinfo');
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 842 pts \(A4\)$/m);
    expect(info).toMatch(/^Title:\s+Samtykke og fuldmagt i den digitale hjælp$/m);
  });

  it('pdffonts: every font embedded, with a Unicode map', () => {
    const rows = run('pdffonts').split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      const [emb, , uni] = cols.slice(-5, -2);
      expect(emb, row).toBe('yes');
      expect(uni, row).toBe('yes');
    }
  });

  it('pdfinfo -struct-text: the elements carry their text', () => {
    const tree = run('pdfinfo', '-struct-text');
    for (const role of ['H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Link']) {
      expect(tree, role).toMatch(new RegExp(`^\\s*${role}\\b`, 'm'));
    }
    expect(tree).toContain('"Trin 1: Velkomst og rammesætning"');
    expect(tree).toContain('"Digital fuldmagt på borger.dk"');
    expect(tree).toContain('persondataforordningens');
  });

  it('qpdf: the destinations of the contents page are named in byte order, as name trees must be', () => {
    const trees: unknown[][] = [];
    const find = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(find);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === '/Names' && Array.isArray(inner)) trees.push(inner);
          else find(inner);
        }
      }
    };
    find(JSON.parse(run('qpdf', '--json', '--json-key=qpdf')).qpdf[1]);
    expect(trees).toHaveLength(1);
    const keys = trees[0].filter((k): k is string => typeof k === 'string').map((k) => k.replace(/^u:/, ''));
    expect(keys.length).toBeGreaterThan(1);
    expect(keys).toEqual([...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });

  it('qpdf --check finds no errors', () => {
    const check = execFileSync('qpdf', ['--check', pack], { encoding: 'utf8' });
    expect(check).toContain('No syntax or stream encoding errors found');
  });
});
