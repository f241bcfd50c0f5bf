import { describe, expect, it } from 'vitest';
import { breakLines } from '../../src/layout/break-lines.js';
import { hyphenateWord } from '../../src/layout/hyphenate-word.js';
import { lineAtoms } from '../../src/layout/line-atoms.js';
import { paginate } from '../../src/layout/paginate.js';
import { StructBuilder } from '../../src/layout/struct-builder.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';

const text =
  'Kommunalbestyrelsesmedlemmernes sagsbehandlingsfristforlængelser og kvalitetsudviklingsprojekterne handler om ' +
  'ansvarsfordelingsprincipperne i hjemmehjælpsordningen, arbejdsmiljølovgivningen og databeskyttelsesforordningen, ' +
  'når persondataforordningens regler og uddannelsesforløbet om sikkerhedsforanstaltningerne skal efterleves af ' +
  'borgerservicemedarbejderne i kommunalbestyrelsesmedlemmernes sagsbehandlingsfristforlængelser.';

describe('a page turn', () => {
  it('never falls inside a hyphenated word: its first part moves to the next page', async () => {
    const { shared } = await sharedResources();
    const lines = breakLines([{ text, bold: false, italic: false }], shared.fonts, 10, 180, (w, start) => hyphenateWord(w, 'da', start));
    const struct = new StructBuilder();
    const atoms = lineAtoms(lines, 0, 180, { size: 10, lineHeight: 14, color: '#000', linkColor: '#00f' }, struct.add(struct.root, 'P'), struct, shared.fonts);
    const hyphenated = lines.flatMap((l, i) => (l.hyphenated ? [i] : []));
    expect(hyphenated.length).toBeGreaterThan(3);
    let shortened = 0;
    // A page for each number of lines: every one that would end in a hyphenated line ends a line sooner.
    for (let room = 3; room < lines.length; room++) {
      const pages = paginate(atoms, { top: 0, bottom: room * 14 });
      let line = 0;
      for (const page of pages) {
        const onPage = new Set(page.items.filter((i) => i.type === 'text').map((i) => (i as { y: number }).y)).size;
        line += onPage;
        if (page !== pages[pages.length - 1]) expect(lines[line - 1].hyphenated, `${room} lines a page, page ends at line ${line - 1}`).toBeFalsy();
        if (onPage < room && hyphenated.includes(line)) shortened++;
      }
      expect(line).toBe(lines.length);
    }
    expect(shortened).toBeGreaterThan(0);
  });
});
