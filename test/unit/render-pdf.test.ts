// The PDFs read back with an independent reader (pdfjs-dist) and rendered with poppler: every
// word of the Markdown on the pages in order, glyphs inside the margins, page numbers, headers
// and footers, long tables split with their header repeated, fonts embedded, watermark for drafts.
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedMeeting } from '../../src/core/model.js';
import { loadRepository } from '../../src/core/repository/load.js';
import { renderMarkdownFiles } from '../../src/render/markdown/files.js';
import { renderPdfFiles } from '../../src/render/pdf/files.js';
import { theme } from '../../src/typeset/style.js';
import { bundledMeetings, createFixtureRepo, minimalMeeting, type FixtureRepo } from '../helpers/fixture-repo.js';
import { pdftoppmAvailable, readPdf, renderPages, type PdfContent, type PdfPage, type PdfTextItem } from '../helpers/pdf.js';
import { LONG_ACTION_COUNT, longMeeting } from '../fixtures/long-meeting/long-meeting.js';

interface Rendered {
  id: string;
  markdown: string;
  bytes: Uint8Array;
  pdf: PdfContent;
}

async function renderAll(repo: FixtureRepo): Promise<Rendered[]> {
  const repository = await loadRepository(repo.root, { cache: false });
  const [markdown, pdfs] = await Promise.all([renderMarkdownFiles(repository.meetings, repository, { sources: new Map() }), renderPdfFiles(repository.meetings, repository, { sources: new Map() })]);
  return Promise.all(
    repository.meetings.map(async (meeting: LoadedMeeting) => ({
      id: meeting.id,
      markdown: markdown.get(meeting)!,
      bytes: pdfs.get(meeting)!,
      pdf: await readPdf(pdfs.get(meeting)!),
    })),
  );
}

// ---------- What the pages should say, derived from the Markdown on its own ----------

const BULLETS = ['•', '–', '◦'];
const compact = (text: string) => text.replace(/[\s\u00ad]+/g, '');

/** Markdown inline syntax removed: what a reader sees of one line. */
function visible(line: string): string {
  return line
    .replace(/<br>/g, ' ')
    .replace(/<((?:https?|ftp):[^>]+)>/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([\\`*_[\]<>|~$&#+=.)-])/g, (_, c: string) => `\u0000${c.charCodeAt(0)}\u0000`)
    .replace(/\*\*|\*/g, '')
    .replace(/\u0000(\d+)\u0000/g, (_, code: string) => String.fromCharCode(Number(code)));
}

interface ExpectedText {
  /** Everything but tables, in order, as one compact string. */
  prose: string;
  /** Tables: each a list of rows of cell texts (the Markdown's header row first). */
  tables: string[][][];
}

function expectedText(markdown: string): ExpectedText {
  // The end note goes to the footer; comments are layout hints.
  const body = markdown.replace(/<!-- gtm:pied -->[\s\S]*?<!-- \/gtm:pied -->/, '').replace(/<!--[\s\S]*?-->/g, '');
  let prose = '';
  const tables: string[][][] = [];
  let table: string[][] | undefined;
  for (const line of body.split('\n')) {
    if (line.startsWith('|')) {
      if (/^\|\s*-{3}/.test(line)) continue;
      const cells = line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => visible(cell).trim());
      if (!table) tables.push((table = []));
      table.push(cells);
      continue;
    }
    table = undefined;
    const bullet = /^( *)- /.exec(line);
    const text = bullet ? BULLETS[Math.floor(bullet[1]!.length / 2) % 3] + line.slice(bullet[0].length) : line.replace(/^#{1,6} /, '').replace(/^ +/, '');
    if (/^-{3,}$/.test(text.trim())) continue;
    prose += visible(text);
  }
  return { prose: compact(prose), tables };
}

// ---------- What the pages say ----------

const { margin, width: PAGE_WIDTH, height: PAGE_HEIGHT } = theme.page;
const isTableItem = (item: PdfTextItem) => /Condensed/.test(item.font);
const isBody = (item: PdfTextItem) => !item.rotated && item.baseline > margin.top - 1 && item.baseline < PAGE_HEIGHT - margin.bottom + 1;

function inReadingOrder(items: readonly PdfTextItem[]): PdfTextItem[] {
  return [...items].sort((a, b) => Math.round(a.baseline * 2) - Math.round(b.baseline * 2) || a.x - b.x);
}

/** The body text outside tables, all pages, in reading order. */
function actualProse(pdf: PdfContent): string {
  return compact(pdf.pages.flatMap((page) => inReadingOrder(page.items.filter((item) => isBody(item) && !isTableItem(item)))).map((item) => item.text).join(''));
}

/**
 * Table text column by column: every line of a cell starts at the cell's left edge, so items
 * starting at the same x, read down the pages, are the column's cells in order. Pieces of a
 * line in another style (the bold action id) are glued to the piece before them. A header
 * repeated at the top of a continued page is skipped.
 */
function actualColumns(pdf: PdfContent): Map<number, string> {
  const columns = new Map<number, string>();
  let previousPageEndsInTable = false;
  for (const page of pdf.pages) {
    // pdfjs adds items of spaces across the gaps between cells: they are not text.
    const items = inReadingOrder(page.items.filter((item) => isBody(item) && item.text.trim() !== ''));
    const firstRegular = items.findIndex((item) => isTableItem(item) && !/Bold/.test(item.font));
    const continued = previousPageEndsInTable && items[0] !== undefined && isTableItem(items[0]);
    previousPageEndsInTable = items.length > 0 && isTableItem(items[items.length - 1]!);
    let previous: PdfTextItem | undefined;
    let start = 0;
    items.forEach((item, index) => {
      if (!isTableItem(item)) return (previous = undefined);
      if (continued && index < firstRegular && /Bold/.test(item.font) && !/^[A-Z]{3}-\d{4}-\d+$/.test(item.text.trim())) return;
      const glued = previous && Math.abs(previous.baseline - item.baseline) < 0.5 && item.x - (previous.x + previous.width) < 0.5 * item.size;
      if (!glued) start = Math.round(item.x);
      columns.set(start, (columns.get(start) ?? '') + item.text);
      previous = item;
    });
  }
  for (const [x, text] of columns) columns.set(x, compact(text));
  return columns;
}

/**
 * The expected columns: the first column of every table shares the left edge; the others are
 * shared by tables of the same column count (same weights, same edges).
 */
function expectedColumns(tables: readonly string[][][]): string[] {
  const columns = new Map<string, string>();
  for (const table of tables) {
    const count = table[0]!.length;
    for (const row of table) row.forEach((cell, j) => columns.set(j === 0 ? '0' : `${count}:${j}`, (columns.get(j === 0 ? '0' : `${count}:${j}`) ?? '') + compact(cell)));
  }
  return [...columns.values()].filter((text) => text !== '').sort();
}

function lines(page: PdfPage): string[] {
  return page.lines.map((line) => line.text);
}

function checkPages(rendered: Rendered, reference: string): void {
  const { pdf, markdown } = rendered;
  const expected = expectedText(markdown);
  expect(actualProse(pdf)).toBe(expected.prose);
  expect([...actualColumns(pdf).values()].sort()).toEqual(expectedColumns(expected.tables));

  for (const page of pdf.pages) {
    const pageLines = lines(page);
    // Footer on every page, running header from page 2; nothing else outside the text area.
    expect(pageLines[pageLines.length - 1]).toBe(`${reference} Page ${page.number} / ${pdf.pageCount}`);
    if (page.number === 1) expect(pageLines[0]).toBe('République du Niger');
    else expect(pageLines[0]).toBe('Compte-rendu du GTM');
    const outside = page.lines.filter((line) => line.baseline < margin.top - 1 || line.baseline > PAGE_HEIGHT - margin.bottom + 1);
    expect(outside.map((line) => line.text)).toEqual(page.number === 1 ? [pageLines[pageLines.length - 1]] : [pageLines[0], pageLines[pageLines.length - 1]]);
    // Every glyph between the left and right margins.
    for (const item of page.items.filter((i) => !i.rotated)) {
      expect(item.x, item.text).toBeGreaterThanOrEqual(margin.left - 0.5);
      expect(item.x + item.width, item.text).toBeLessThanOrEqual(PAGE_WIDTH - margin.right + 0.5);
      expect(item.baseline).toBeGreaterThan(1 * 28.35);
      expect(item.baseline).toBeLessThan(PAGE_HEIGHT - 1 * 28.35);
    }
  }
  expect(pdf.fonts.length).toBeGreaterThan(0);
  for (const font of pdf.fonts) expect(font, font.name).toMatchObject({ embedded: true, subset: true });
  expect(pdf.language).toBe('fr-FR');
}

function checkNotBlank(rendered: Rendered, directory: string): void {
  if (!pdftoppmAvailable()) {
    // On CI the check must run: a missing poppler is a failure, not a skip.
    if (process.env.CI) throw new Error('pdftoppm (poppler-utils) est requis sur la CI');
    return;
  }
  const file = path.join(directory, `${rendered.id}.pdf`);
  writeFileSync(file, rendered.bytes);
  const pages = renderPages(file);
  expect(pages).toHaveLength(rendered.pdf.pageCount);
  for (const page of pages) expect(page.inkFraction, `page ${page.page}`).toBeGreaterThan(0.01);
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'gtm-pdf-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the three bundled meetings as PDF', () => {
  let repo: FixtureRepo;
  let rendered: Rendered[];
  beforeAll(async () => {
    repo = await createFixtureRepo({ meetings: bundledMeetings() });
    rendered = await renderAll(repo);
  });
  afterAll(() => repo.cleanup());

  it('say on their pages, in order, everything the Markdown says, within the margins', () => {
    expect(rendered.map((r) => r.id)).toEqual(['2021-01-28-national', '2021-09-21-national', '2023-06-20-national']);
    for (const r of rendered) checkPages(r, `GTM – Compte-rendu du ${r.id === '2021-01-28-national' ? '28 janvier 2021' : r.id === '2021-09-21-national' ? '21 septembre 2021' : '20 juin 2023'}`);
  });

  it('show the dates and the structure of a compte-rendu', () => {
    const text = rendered[0]!.pdf.pages.flatMap(lines).join('\n');
    for (const expected of ['Date jeudi 28 janvier 2021', 'Points inscrits à l’ordre du jour', 'Points de discussion clés', 'Points d’action Personne/Agence Date limite', '5. Coordination prochaines étapes', 'La prochaine réunion est prévue le jeudi 4 mars 2021.', 'Le Secrétaire Permanent', 'SOLY AMADOU']) {
      expect(text).toContain(expected);
    }
    // The signature shares its page with the sentence before it.
    const last = rendered[0]!.pdf.pages[rendered[0]!.pdf.pageCount - 1]!;
    expect(lines(last)).toContain('La prochaine réunion est prévue le jeudi 4 mars 2021.');
  });

  it('carry their metadata and no watermark once circulated', () => {
    expect(rendered[0]!.pdf.info).toMatchObject({
      Title: 'Compte-rendu de la réunion du Groupe Technique sur la Migration – Coordination et partage de l’information – 28 janvier 2021',
      Author: 'Groupe Technique sur la Migration (GTM)',
      Subject: 'Compte-rendu de la réunion du 28 janvier 2021',
      CreationDate: 'D:20210128120000Z',
      ModDate: 'D:20210128120000Z',
    });
    for (const r of rendered) expect(r.pdf.pages.flatMap((page) => page.items.filter((item) => item.rotated))).toEqual([]);
  });

  it('are not blank when rendered to pixels', () => {
    for (const r of rendered) checkNotBlank(r, scratch);
  });

  it('are byte-identical from one run to the next', async () => {
    const again = await renderAll(repo);
    for (const [i, r] of rendered.entries()) expect(Buffer.from(again[i]!.bytes).equals(Buffer.from(r.bytes))).toBe(true);
  });
});

describe('a long meeting', () => {
  let repo: FixtureRepo;
  let long: Rendered;
  beforeAll(async () => {
    repo = await createFixtureRepo({ meetings: { '2023-06-20-national': longMeeting() } });
    [long] = (await renderAll(repo)) as [Rendered];
  });
  afterAll(() => repo.cleanup());

  it('paginates cleanly: all the text, in order, inside the margins, numbered pages', () => {
    expect(long.pdf.pageCount).toBeGreaterThanOrEqual(7);
    checkPages(long, 'GTM – Compte-rendu du 20 juin 2023');
    checkNotBlank(long, scratch);
  });

  it('splits the 40-row action table across pages, with its header at the top of each', () => {
    const pagesOfRow = (id: string) => long.pdf.pages.filter((page) => page.items.some((item) => item.text.trim() === id)).map((page) => page.number);
    const first = pagesOfRow('NIA-2306-1')[0]!;
    const last = pagesOfRow(`NIA-2306-${LONG_ACTION_COUNT}`)[0]!;
    expect(last).toBeGreaterThan(first);
    for (let n = first; n <= last; n++) {
      const page = long.pdf.pages[n - 1]!;
      const body = page.lines.filter((line) => line.baseline > margin.top - 1 && line.baseline < PAGE_HEIGHT - margin.bottom + 1);
      const header = body.findIndex((line) => line.text.startsWith('Points d’action Personne/Agence Date limite'));
      const firstRow = body.findIndex((line) => /^NIA-2306-\d+/.test(line.text));
      expect(header, `page ${n}`).toBeGreaterThanOrEqual(0);
      expect(header, `page ${n}`).toBeLessThan(firstRow);
      if (n > first) expect(header, `page ${n}`).toBe(0);
    }
    // Every row once, in order.
    const ids = long.pdf.pages.flatMap((page) => inReadingOrder(page.items).map((item) => item.text.trim()).filter((text) => /^NIA-2306-\d+$/.test(text)));
    expect(ids).toEqual(Array.from({ length: LONG_ACTION_COUNT }, (_, i) => `NIA-2306-${i + 1}`));
  });

  it('starts the annexes on a page of their own, and they run over several pages', () => {
    const start = long.pdf.pages.find((page) => lines(page)[1] === 'Annexes')!;
    expect(start).toBeDefined();
    expect(lines(start)[2]).toBe('Annexe 1 : Synthèse des recommandations');
    expect(long.pdf.pageCount - start.number + 1).toBeGreaterThanOrEqual(3);
    const before = long.pdf.pages[start.number - 2]!;
    expect(lines(before)).toContain('SOLY AMADOU');
  });
});

describe('a draft', () => {
  it('carries « PROJET » across every page; the same meeting circulated does not', async () => {
    const repo = await createFixtureRepo({ meetings: { '2023-06-20-national': minimalMeeting({ statut: 'brouillon' }), '2023-07-20-national': minimalMeeting({ date: '2023-07-20' }) } });
    try {
      const [draft, circulated] = (await renderAll(repo)) as [Rendered, Rendered];
      for (const page of draft.pdf.pages) {
        const mark = page.items.filter((item) => item.rotated);
        expect(mark.map((item) => item.text.replace(/\s/g, ''))).toEqual(['PROJET']);
        expect(mark[0]!.size).toBeGreaterThan(60);
      }
      expect(lines(draft.pdf.pages[0]!)).toContain('Projet de compte-rendu, soumis aux commentaires des membres.');
      expect(circulated.pdf.pages.flatMap((page) => page.items).filter((item) => item.rotated || /PROJET/.test(item.text))).toEqual([]);
    } finally {
      await repo.cleanup();
    }
  });
});
