/**
 * Every limit an editor can run into is stated in docs/authoring.md, "Grænser", with the number the
 * code uses: a limit changed in the code and not in the guide fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateLimits } from '../../src/load/load-templates.js';
import { topicLimits } from '../../src/load/load-topic.js';
import { contentLimits } from '../../src/model/content-limits.js';
import { imageLimits } from '../../src/model/read-image.js';
import { printPixels } from '../../src/model/scale-to-print.js';
import { maxExpandedCharacters } from '../../src/parse/parse-yaml.js';
import { maxBrackets } from '../../src/parse/markdown-guard.js';
import { repoRoot } from '../helpers/build-fixture.js';

const guide = readFileSync(path.join(repoRoot, 'docs/authoring.md'), 'utf8');
const limits = guide.slice(guide.indexOf('## Grænser'), guide.indexOf('\n## ', guide.indexOf('## Grænser') + 1));

/** How the guide writes a number: `1 MiB`, `25 MiB`, `64 KiB`, `10.000`, `2.048`. */
function written(n: number, unit: 'bytes' | 'count'): string {
  if (unit === 'bytes') return n % (1024 * 1024) === 0 ? `${n / 1024 / 1024} MiB` : `${n / 1024} KiB`;
  return n.toLocaleString('da');
}

/** The table row (or sentence) that begins with `what`. */
function row(what: string): string {
  const line = limits.split('\n').find((l) => l.includes(what));
  if (!line) throw new Error(`Grænser has no line about ${what}`);
  return line;
}

describe('docs/authoring.md, Grænser', () => {
  it('states each limit with the number the code uses', () => {
    const cases: [string, string][] = [
      ['en tekstfil: `topic.yaml`', written(topicLimits.maxFileBytes, 'bytes')],
      ['et billede: PNG eller JPEG', written(topicLimits.maxImageBytes, 'bytes')],
      ['| en SVG-tegning |', written(topicLimits.maxSvgBytes, 'bytes')],
      ['alle de filer, et emne bruger', written(topicLimits.maxTopicBytes, 'bytes')],
      ['navne i emnets mappe', written(topicLimits.maxFiles, 'count')],
      ['undermapper under emnets mappe', `${topicLimits.maxDepth} niveauer`],
      ['pixels i ét billede', `${imageLimits.maxPixels / 1e6} megapixel`],
      ['pixels i alle emnets billeder', `${imageLimits.maxTopicPixels / 1e6} megapixel`],
      ['billeder, dialogpack gør mindre til tryk', `${imageLimits.maxTopicScaledPixels / 1e6} megapixel`],
      ['elementer i en SVG-tegning |', written(imageLimits.svg.maxElements, 'count')],
      ['elementer inden i hinanden i en SVG-tegning', `${imageLimits.svg.maxDepth} niveauer`],
      ['egenskaber (attributter)', written(imageLimits.svg.maxAttributes, 'count')],
      ['regler i en SVG-tegnings', written(imageLimits.svg.maxStyleRules, 'count')],
      ['figurer, en SVG-tegning tegner', written(imageLimits.svg.maxDrawn, 'count')],
      ['figurer i alle emnets SVG-tegninger', written(imageLimits.maxTopicDrawn, 'count')],
      ['emnets tekst i alt', written(contentLimits.textBytes, 'bytes')],
      ['emnets titel', `${contentLimits.titleCharacters} tegn`],
      ['punkter i hver liste', `| ${contentLimits.listEntries} |`],
      ['lister og citater inden i hinanden', `${contentLimits.nesting} niveauer`],
      ['kolonner i en tabel', `| ${contentLimits.tableColumns} |`],
      ['afsluttende firkantede parenteser', `| ${maxBrackets} |`],
      ['adressen i et link', `${written(contentLimits.linkCharacters, 'count')} tegn`],
      ['YAML-aliasser', written(maxExpandedCharacters, 'bytes')],
      ['en skabelon (`.hbs`)', written(templateLimits.maxTextBytes, 'bytes')],
      ['et logo: PNG, JPEG eller SVG', written(templateLimits.maxImageBytes, 'bytes')],
      ['en skrifttype |', written(templateLimits.maxFontBytes, 'bytes')],
      ['største størrelse, et billede kan blive trykt i', `${printPixels.width} × ${printPixels.height} pixels`],
    ];
    for (const [what, number] of cases) expect(row(what), what).toContain(number);
  });

  it('says what to do at each limit', () => {
    const rows = limits.split('\n').filter((l) => /^\| [^-h]/.test(l));
    expect(rows.length).toBeGreaterThan(20);
    for (const line of rows) expect(line.split('|').filter((cell) => cell.trim()).length, line).toBe(3);
  });
});
