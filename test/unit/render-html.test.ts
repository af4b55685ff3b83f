// The HTML writer on hand-made documents: escaping, heading ids, table headers, charts, the
// print rules' strings. The pages themselves are read by Chromium in test/e2e/site.test.ts.
import { describe, expect, it } from 'vitest';
import type { DocumentSpec } from '../../src/document/index.js';
import { renderHtml } from '../../src/render/html/index.js';

const metadata = { title: 'Titre <b>', author: 'GTM', subject: 'Sujet', language: 'fr-FR' as const, creationDate: new Date(Date.UTC(2023, 5, 20, 12)) };

function html(blocks: DocumentSpec['blocks'], extra: Partial<DocumentSpec> = {}): string {
  return renderHtml({ blocks, metadata, ...extra });
}

describe('renderHtml', () => {
  it('escapes text, attributes and the title; keeps links and line breaks', () => {
    const page = html([{ kind: 'paragraph', runs: [{ text: 'a < b & "c"\nligne' }, { text: 'lien', link: 'https://exemple.org/?a=1&b="2"' }] }]);
    expect(page).toContain('<title>Titre &lt;b&gt;</title>');
    expect(page).toContain('<p>a &lt; b &amp; "c"<br>ligne<a href="https://exemple.org/?a=1&amp;b=&quot;2&quot;">lien</a></p>');
    expect(page).not.toContain('<script');
  });

  it('gives agenda items and annexes stable ids, other headings slugs numbered on repeat', () => {
    const page = html([
      { kind: 'heading', level: 1, runs: [{ text: 'Compte-rendu' }] },
      { kind: 'heading', level: 2, runs: [{ text: '3. Présentation (OIM)' }] },
      { kind: 'heading', level: 3, runs: [{ text: 'Points de discussion clés' }] },
      { kind: 'heading', level: 2, runs: [{ text: '4. Divers' }] },
      { kind: 'heading', level: 3, runs: [{ text: 'Points de discussion clés' }] },
      { kind: 'heading', level: 3, runs: [{ text: 'Annexe 2 : Synthèse' }] },
    ]);
    expect([...page.matchAll(/<h\d id="([^"]+)"/g)].map((match) => match[1])).toEqual([
      'compte-rendu',
      'point-3',
      'points-de-discussion-cles',
      'point-4',
      'points-de-discussion-cles-2',
      'annexe-2',
    ]);
  });

  it('writes column headers, and row headers for a table without a header row', () => {
    const page = html([
      { kind: 'table', header: [[{ text: 'Points d’action' }], [{ text: 'Date limite' }]], rows: [[[{ text: 'Partager' }], [{ text: 'juillet 2023' }]]] },
      { kind: 'table', header: [], rows: [[[{ text: 'Date', bold: true }], [{ text: 'mardi 20 juin 2023' }]]] },
    ]);
    expect(page).toContain('<thead><tr><th scope="col">Points d’action</th><th scope="col">Date limite</th></tr></thead>');
    expect(page).toContain('<tr><th scope="row">Date</th><td>mardi 20 juin 2023</td></tr>');
  });

  it('shows a chart as the table of its data, with bars in proportion', () => {
    const page = html([{ kind: 'chart', chart: 'bars', labelHeader: 'Organisation', valueHeader: 'Présences', unit: '%', bars: [{ label: 'OIM', value: 50 }, { label: 'UNHCR', value: 100 }] }]);
    expect(page).toContain('<th scope="col">Organisation</th><th scope="col">Présences</th>');
    expect(page).toContain('<tr><th scope="row">OIM</th><td><span class="barre" style="width:50.0%" aria-hidden="true"></span> 50\u00a0%</td></tr>');
    expect(page).toContain('style="width:100.0%"');
  });

  it('prints the running header and footer as CSS strings that cannot break out', () => {
    const page = html([], { runningHeader: 'Compte-rendu "du" GTM', footer: { left: 'GTM – </style><script>' }, watermark: 'PROJET' });
    expect(page).toContain('@top-center { content: "Compte-rendu \\22 du\\22  GTM"');
    expect(page).not.toContain('</style><script>');
    expect(page).toContain('<div class="filigrane" aria-hidden="true"><span>PROJET</span></div>');
    expect(page).toContain('<footer class="pied">GTM – &lt;/style&gt;&lt;script&gt;</footer>');
  });
});
