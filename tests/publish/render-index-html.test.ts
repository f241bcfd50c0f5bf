import { describe, expect, it } from 'vitest';
import type { Manifest, ManifestTopic } from '../../src/load/load-manifest.js';
import { renderIndexHtml } from '../../src/publish/render-index-html.js';

const pdf = (path: string, kind = 'pack') => ({ path, kind, pages: 3, bytes: 40_000, sha256: '0'.repeat(64) });
const topic = (slug: string, pdfs: ManifestTopic['pdfs'], title = 'Et emne'): ManifestTopic => ({
  slug,
  title,
  participants: { min: 4, max: 20 },
  duration: 45,
  inputHash: 'x',
  warnings: [],
  pdfs,
});

/** Every href and every attribute value of the page. */
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

describe('index.html from a hostile manifest', () => {
  const hostile = 'javascript:alert(document.domain);<!--';
  const manifest: Manifest = {
    tool: 'dialogpack',
    version: '0',
    topics: [
      topic('hardware', [pdf('hardware/hardware-pack.pdf'), pdf('hardware/hardware-handout.pdf', 'handout')]),
      // A slug no build makes, with a path that is a script.
      topic(hostile, [pdf(`${hostile}/x-pack.pdf`)], 'Skadelig'),
      // A good slug whose paths lead elsewhere: another site, a script, out of the folder, a quote.
      topic('okay', [
        pdf('https://evil.example/x.pdf'),
        pdf('javascript:alert(1)//okay/okay-pack.pdf'),
        pdf('../../okay/okay-pack.pdf'),
        pdf('okay/okay-pack.pdf" onclick="alert(1)'),
        pdf('okay/okay-evil.pdf', 'evil" onmouseover="alert(1)'),
      ]),
      topic('titled', [pdf('titled/titled-pack.pdf')], '<script>alert(1)</script>" onload="x'),
    ],
  };
  const html = renderIndexHtml(manifest);

  it('links only relative URLs of checked slugs and kinds dialogpack makes', () => {
    expect(hrefs(html)).toEqual(['hardware/hardware-pack.pdf', 'hardware/hardware-handout.pdf', 'titled/titled-pack.pdf']);
  });

  it('has no script, handler or javascript: URL anywhere, and escapes text', () => {
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('Skadelig');
  });
});
