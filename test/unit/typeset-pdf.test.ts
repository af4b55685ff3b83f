// The PDF as a reader sees it: typeset with the real fonts, read back with pdfjs-dist and
// rendered with poppler's pdftoppm.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, DocumentSpec } from '../../src/document/blocks.js';
import { typeset } from '../../src/typeset/index.js';
import { theme } from '../../src/typeset/style.js';
import { pdftoppmAvailable, readPdf, renderPages, type PdfContent } from '../helpers/pdf.js';
import { compteRendu, TEXT_BLOCK, t } from './typeset-document.fixture.js';

const { left, right, top, bottom } = TEXT_BLOCK;
const metadata: DocumentSpec['metadata'] = {
  title: 'Compte-rendu de la réunion du GTM',
  author: 'SP/CCM',
  subject: 'Coordination et partage de l’information',
  keywords: ['GTM', 'Niger'],
  language: 'fr-FR',
  creationDate: new Date('2023-06-20T09:30:00Z'),
};

/** The spaces a reader reports for no-break spaces are plain spaces. */
const asExtracted = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

let directory: string;
let fixturePath: string;
let fixture: PdfContent;
let fixtureBytes: Uint8Array;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'gtm-typeset-'));
  fixtureBytes = await typeset({ ...compteRendu(), watermark: 'PROJET' });
  fixturePath = join(directory, 'compte-rendu.pdf');
  writeFileSync(fixturePath, fixtureBytes);
  fixture = await readPdf(fixtureBytes);
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('text', () => {
  it('extracts exactly, in order, with accents, French punctuation and spaces between words', async () => {
    const sentences = [
      'Élève à l’école, ça coûte : « œuvre », l’Œil, À bientôt — fin – début, n° 12, le 1er mars.',
      'Espaces insécables\u00a0: 9h30\u202f–\u202f11h20 ; « guillemets\u202f» ; 1\u00a0000 personnes !',
      'Ligne où Ê, È, Ç, Ï, ÿ, æ, Æ, ß et € côtoient le « texte » ordinaire ; puis… la suite.',
    ];
    const blocks: Block[] = [
      { kind: 'heading', level: 2, runs: [t('Points de discussion clés')] },
      ...sentences.map((text): Block => ({ kind: 'paragraph', runs: [t(text)], align: 'left' })),
      { kind: 'paragraph', runs: [{ text: 'Gras', bold: true }, t(' puis '), { text: 'italique', italic: true }, t(' et '), { text: 'les deux', bold: true, italic: true }, t('.')], align: 'left' },
      { kind: 'list', ordered: false, items: [[{ kind: 'paragraph', runs: [t('Premier point ;')], align: 'left' }], [{ kind: 'paragraph', runs: [t('second point.')], align: 'left' }]] },
    ];
    const pdf = await readPdf(await typeset({ blocks, metadata }));
    const body = pdf.pages[0]!.lines.filter((line) => line.baseline > top && line.baseline < bottom).map((line) => line.text);
    const expected = ['Points de discussion clés', ...sentences, 'Gras puis italique et les deux.', '• Premier point ;', '• second point.'];
    expect(body.join('\n')).toBe(expected.map(asExtracted).join('\n'));
  });

  it('draws a character the fonts lack as « ? », which still extracts as itself', async () => {
    const text = 'Question ? Réponse 😀 ! Contrôle\u0007 fin.';
    const pdf = await readPdf(await typeset({ blocks: [{ kind: 'paragraph', runs: [t(text)], align: 'left' }], metadata }));
    expect(pdf.pages[0]!.lines[0]!.text).toBe('Question ? Réponse 😀 ! Contrôle fin.');
  });

  it('keeps every character of justified, hyphenated prose over several pages, in order', () => {
    const blocks = compteRendu().blocks.filter((block) => block.kind !== 'table');
    return typeset({ blocks, metadata }).then(async (bytes) => {
      const pdf = await readPdf(bytes);
      expect(pdf.pageCount).toBeGreaterThanOrEqual(3);
      const squeeze = (text: string) => asExtracted(text).replace(/[\s\u00ad]/g, '');
      const extracted = pdf.pages.flatMap((page) => page.lines.filter((l) => l.baseline > top && l.baseline < bottom).map((l) => l.text));
      const bullets = theme.list.bullets;
      const text = (block: Block, depth: number): string[] => {
        switch (block.kind) {
          case 'heading':
          case 'paragraph':
            return [block.runs.map((run) => run.text).join('')];
          case 'list':
            return block.items.flatMap((item, i) => [
              block.ordered ? `${(block.start ?? 1) + i}.` : bullets[depth % bullets.length]!,
              ...item.flatMap((inner) => text(inner, depth + 1)),
            ]);
          case 'group':
            return block.blocks.flatMap((inner) => text(inner, depth));
          default:
            return [];
        }
      };
      const expected = blocks.flatMap((block) => text(block, 0));
      expect(squeeze(extracted.join(''))).toBe(squeeze(expected.join('')));
      // Words are separated by real spaces: no line of prose is one run-together string.
      const prose = extracted.filter((line) => line.length > 60);
      expect(prose.length).toBeGreaterThan(20);
      for (const line of prose) expect(line.split(' ').length).toBeGreaterThan(6);
    });
  });

  it('keeps every glyph inside the margins; only the running header and footer are outside the text block', () => {
    for (const page of fixture.pages) {
      for (const item of page.items) {
        if (item.rotated) continue;
        expect(item.x).toBeGreaterThanOrEqual(left - 0.01);
        expect(item.x + item.width).toBeLessThanOrEqual(right + 0.5);
      }
      const outside = page.lines.filter((line) => line.baseline < top || line.baseline > bottom).map((line) => line.text);
      const expected = [
        ...(page.number > 1 ? ['Compte-rendu du GTM – 20 juin 2023'] : []),
        `GTM – Compte-rendu 2023-06-20-national Page ${page.number} / ${fixture.pageCount}`,
      ];
      expect(outside).toEqual(expected);
    }
  });

  it('numbers pages "Page N / M", right-aligned on the margin', () => {
    expect(fixture.pageCount).toBe(4);
    for (const page of fixture.pages) {
      const number = page.items.find((item) => item.text === `Page ${page.number} / 4`);
      expect(number).toBeDefined();
      expect(number!.x + number!.width).toBeCloseTo(right, 0);
    }
  });

  it('writes the watermark on every page, rotated, under the text', () => {
    for (const page of fixture.pages) {
      const watermark = page.items.filter((item) => item.rotated);
      expect(watermark.map((item) => item.text)).toEqual(['PROJET']);
    }
  });

  it('fits a long footer whole, condensed or on two lines, inside the margins and below the text', async () => {
    const footers = [
      // A regional group in a long month: one condensed line.
      'GTM Agadez – Compte-rendu du 21 septembre 2021 – Version du dépôt : 3f2a9c1 du 23/06/2023',
      // Longer still: two lines, broken after a separator.
      'GTM Tillabéri – Compte-rendu de la réunion extraordinaire du mercredi 21 septembre 2021 – Version du dépôt : 3f2a9c1 du 23/06/2023',
    ];
    for (const [index, footer] of footers.entries()) {
      const pdf = await readPdf(await typeset({ ...compteRendu(), footer: { left: footer } }));
      for (const page of pdf.pages) {
        const number = `Page ${page.number} / ${pdf.pageCount}`;
        const lines = page.lines.filter((line) => line.baseline > bottom);
        expect(lines.length).toBe(index + 1);
        expect(lines.at(-1)!.text.endsWith(` ${number}`)).toBe(true);
        const text = lines.map((line) => line.text).join(' ');
        expect(text).toBe(`${footer} ${number}`);
        expect(text).not.toContain('…');
        const numberItem = page.items.find((item) => item.text === number)!;
        for (const item of page.items.filter((item) => item.baseline > bottom && item.text.trim() !== '')) {
          expect(item.x).toBeGreaterThanOrEqual(left - 0.01);
          expect(item.x + item.width).toBeLessThanOrEqual(right + 0.5);
          if (item !== numberItem) expect(item.x + item.width).toBeLessThan(numberItem.x);
          // The footer stays in the bottom margin, clear of the page edge.
          expect(item.baseline).toBeLessThan(theme.page.height - item.size);
        }
      }
    }
  });
});

describe('tables', () => {
  it('splits a 40-row table across pages with its header row repeated on each', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [[t(`Action numéro ${i + 1} à conduire avec les membres du groupe`)], [t('SP/CCM, DRC/MMC')], [t('30 juin 2023')]]);
    const blocks: Block[] = [
      { kind: 'paragraph', runs: [t('Introduction du tableau des points d’action.')] },
      { kind: 'table', header: [[t('Points d’action')], [t('Personne/Agence responsable')], [t('Date limite')]], rows },
    ];
    const pdf = await readPdf(await typeset({ blocks, metadata }));
    expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    const seen: number[] = [];
    for (const page of pdf.pages) {
      const headerLines = page.lines.filter((line) => line.text.startsWith('Points d’action'));
      expect(headerLines).toHaveLength(1);
      const numbers = page.lines.map((line) => /^Action numéro (\d+)/.exec(line.text)).filter((m) => m !== null);
      expect(numbers.length).toBeGreaterThan(0);
      expect(headerLines[0]!.baseline).toBeLessThan(page.lines.find((l) => l.text.startsWith('Action'))!.baseline);
      seen.push(...numbers.map((m) => Number(m[1])));
    }
    expect(seen).toEqual(rows.map((_, i) => i + 1));
  });
});

describe('file', () => {
  it('embeds subsets of the TrueType fonts with a ToUnicode map, no standard font', () => {
    expect(fixture.fonts.length).toBeGreaterThanOrEqual(4);
    for (const font of fixture.fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.subset, font.name).toBe(true);
      expect(font.name).toMatch(/\+DejaVuSerif/);
    }
    const raw = Buffer.from(fixtureBytes).toString('latin1');
    expect(raw.match(/\/FontFile2 /g)).toHaveLength(fixture.fonts.length);
    expect(raw).not.toMatch(/\/Subtype \/Type1/);
    // The narrow no-break space maps back to U+202F, the apostrophe to U+2019.
    const cmaps = streams(fixtureBytes).filter((text) => text.includes('beginbfchar'));
    expect(cmaps).toHaveLength(fixture.fonts.length);
    expect(cmaps.some((cmap) => / <202F>\n/.test(cmap))).toBe(true);
    expect(cmaps.some((cmap) => / <2019>\n/.test(cmap))).toBe(true);
  });

  it('subsets: a four-page document weighs well under 100 kB', () => {
    expect(fixtureBytes.length).toBeLessThan(100_000);
  });

  it('is byte-identical for the same input, and depends on the date only through the date', async () => {
    const again = await typeset({ ...compteRendu(), watermark: 'PROJET' });
    expect(Buffer.from(again).equals(Buffer.from(fixtureBytes))).toBe(true);
    const later = await typeset({ ...compteRendu(), watermark: 'PROJET', metadata: { ...compteRendu().metadata, creationDate: new Date('2024-01-02T03:04:05Z') } });
    expect(Buffer.from(later).equals(Buffer.from(fixtureBytes))).toBe(false);
    expect(Buffer.from(later).toString('latin1')).toContain('(D:20240102030405Z)');
  });

  it('carries the metadata: title, author, subject, keywords, language, dates from the spec', () => {
    const { info, language } = fixture;
    const spec = compteRendu().metadata;
    expect(language).toBe('fr-FR');
    expect(info.Title).toBe(spec.title);
    expect(info.Author).toBe(spec.author);
    expect(info.Subject).toBe(spec.subject);
    expect(info.Keywords).toBe('GTM, migration, Niger');
    expect(info.CreationDate).toBe('D:20230620120000Z');
    expect(info.ModDate).toBe('D:20230620120000Z');
    expect(info.Producer).not.toMatch(/pdf-lib \(https/);
    expect(Buffer.from(fixtureBytes).toString('latin1')).toMatch(/\/ID \[ <([0-9A-F]{32})> <\1> \]/);
  });

  it('has an outline of the headings, nested by level, each opening its page', () => {
    const { outline } = fixture;
    expect(outline[0]).toMatchObject({ depth: 0, page: 1 });
    expect(outline[0]!.title).toMatch(/^Compte-rendu de la réunion du Groupe Technique sur la Migration/);
    expect(outline.filter((entry) => entry.depth === 1).map((entry) => entry.title)).toEqual([
      'Points inscrits à l’ordre du jour',
      '1. Ouverture (SP/CCM)',
      '2. Le suivi des points d’actions de la rencontre précédente (SP/CCM)',
      '3. Présentation de la stratégie de coordination (Consultant)',
      '4. Présentation des activités de l’OIM au 1er semestre 2023 (OIM)',
      '5. Divers',
      'Coordination prochaines étapes',
    ]);
    expect(outline.filter((entry) => entry.depth === 2)).toHaveLength(10);
    // Each entry opens the page where its heading is printed.
    for (const entry of outline) {
      const page = fixture.pages[entry.page - 1]!;
      expect(page.lines.some((line) => entry.title.startsWith(line.text)), entry.title).toBe(true);
    }
  });

  it('makes links clickable over their text', () => {
    const links = fixture.pages.flatMap((page) => page.links.map((link) => ({ link, page })));
    expect(links).toHaveLength(5);
    for (const { link, page } of links) {
      expect(link.uri).toBe('https://www.iom.int/fr/niger');
      const [x1, y1, x2, y2] = link.rect;
      // The reader merges the link's text with what precedes it on its line (the underline, an
      // artifact, closes the paragraph's marked content); the area covers the URL's part.
      const line = page.items.find((item) => item.text.endsWith('https://www.iom.int/fr/niger') && item.baseline > y1 && item.baseline < y2);
      expect(line).toBeDefined();
      expect(x1).toBeGreaterThan(line!.x + 100);
      expect(x2).toBeLessThanOrEqual(line!.x + line!.width + 0.5);
      expect(x2 - x1).toBeGreaterThan(120);
    }
  });

  it('renders every page non-blank (poppler)', (context) => {
    if (!pdftoppmAvailable()) {
      if (process.env.CI) throw new Error('pdftoppm is required in CI (apt-get install poppler-utils)');
      context.skip('pdftoppm not found: install poppler-utils to run this test');
    }
    const rendered = renderPages(fixturePath);
    expect(rendered).toHaveLength(4);
    for (const page of rendered) {
      expect(page.inkFraction, `page ${page.page}`).toBeGreaterThan(0.02);
      expect(page.inkFraction, `page ${page.page}`).toBeLessThan(0.5);
    }
  });
});

/** Decompressed contents of the Flate streams of a PDF written without object streams. */
function streams(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes);
  const found: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf('stream\n', at);
    if (start < 0) return found;
    const end = raw.indexOf('\nendstream', start);
    try {
      found.push(inflateSync(raw.subarray(start + 7, end)).toString('latin1'));
    } catch {
      // not Flate-compressed
    }
    at = end + 10;
  }
}
