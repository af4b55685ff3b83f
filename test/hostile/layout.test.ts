// What a page cannot hold (issue 14, item 3): a list nested deeper, or a table wider, than the
// PDF can lay out is a located error of `validate`, before any rendering; and the typesetter
// itself terminates on any such input, in time that grows with the text (item 5: one unbroken
// word of 40,000 characters). The timeouts guard against a hang; they do not measure speed.
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Block, DocumentSpec } from '../../src/document/blocks.js';
import { layoutExcesses, MAX_LIST_DEPTH, MAX_TABLE_COLUMNS } from '../../src/document/limits.js';
import { markdownToBlocks } from '../../src/document/index.js';
import { composePages } from '../../src/typeset/index.js';
import type { TextMark } from '../../src/typeset/marks.js';
import { fontMeasure } from '../../src/typeset/measure.js';
import { createFontLibrary } from '../../src/typeset/fonts/library.js';
import { theme } from '../../src/typeset/style.js';
import { createFixtureRepo, minimalMeeting, type FixtureRepo } from '../helpers/fixture-repo.js';
import { readPdf } from '../helpers/pdf.js';
import { runBin, runInProcess } from '../helpers/run-cli.js';

const HANG_GUARD = { timeout: 20_000 };
const MEETING = 'meetings/2023-06-20-national.yaml';

const nestedList = (depth: number, indent = '  '): string =>
  Array.from({ length: depth }, (_, i) => `${indent.repeat(i)}- niveau ${i + 1}`).join('\n');
const wideTable = (columns: number): string =>
  [
    `| ${Array.from({ length: columns }, (_, i) => `Colonne ${i + 1}`).join(' | ')} |`,
    `|${'---|'.repeat(columns)}`,
    `| ${Array.from({ length: columns }, (_, i) => `valeur ${i + 1}`).join(' | ')} |`,
  ].join('\n');

const repos: FixtureRepo[] = [];
afterAll(async () => Promise.all(repos.map((repo) => repo.cleanup())));

async function repoWith(discussion: string, annex?: string): Promise<FixtureRepo> {
  const meeting = minimalMeeting({
    ordre_du_jour: [{ titre: 'Ouverture', presentateur: 'SP/CCM' }, { titre: 'Divers', discussion }],
    ...(annex ? { annexes: [{ titre: 'Tableau', contenu: annex }] } : {}),
  });
  const repo = await createFixtureRepo({ meetings: { '2023-06-20-national': meeting } });
  repos.push(repo);
  return repo;
}

/** Line of the key `discussion:` or `contenu:` in the file written from the meeting. */
function lineOfKey(meeting: string, key: string, nth = 0): number {
  return meeting.split('\n').map((line, i) => [line, i + 1] as const).filter(([line]) => line.trimStart().startsWith(`${key}:`))[nth]![1];
}

describe('validate refuses what a page cannot hold, at its place', () => {
  it('a list nested 26 levels deep', HANG_GUARD, async () => {
    const repo = await repoWith(`Points :\n\n${nestedList(26)}`);
    const result = await runInProcess(['validate'], { cwd: repo.root });
    expect(result.exitCode).toBe(1);
    const text = await repo.read(MEETING);
    const line = lineOfKey(text, 'discussion');
    expect(result.stdout).toContain(
      `${MEETING}:${line}:`,
    );
    expect(result.stdout).toContain(`liste imbriquée sur 26 niveaux (ligne ${3 + MAX_LIST_DEPTH} du texte) : le PDF en met ${MAX_LIST_DEPTH} au plus`);
    expect(result.stdout).toContain('[liste-trop-profonde]');
  });

  it('a table of 60 columns in an annex, and nothing is rendered', HANG_GUARD, async () => {
    const repo = await repoWith('Rien à signaler.', `Le détail :\n\n${wideTable(60)}`);
    const validate = await runBin(['validate'], { cwd: repo.root });
    expect(validate.exitCode).toBe(1);
    const line = lineOfKey(await repo.read(MEETING), 'contenu');
    expect(validate.stdout).toMatch(new RegExp(`^${MEETING}:${line}:\\d+  erreur  tableau de 60 colonnes \\(ligne 3 du texte\\) : le PDF en met ${MAX_TABLE_COLUMNS} au plus`, 'm'));
    const render = await runBin(['render'], { cwd: repo.root });
    expect(render.exitCode).toBe(1);
    expect(render.stdout + render.stderr).toContain('[tableau-trop-large]');
  });

  it('accepts the deepest list and the widest table the PDF lays out, and renders them', HANG_GUARD, async () => {
    const repo = await repoWith(`${nestedList(MAX_LIST_DEPTH)}\n\n${wideTable(MAX_TABLE_COLUMNS)}`);
    expect(await runInProcess(['validate'], { cwd: repo.root })).toMatchObject({ exitCode: 0 });
    const render = await runBin(['render'], { cwd: repo.root });
    expect(render.exitCode).toBe(0);
    const pdf = await readPdf(repo.path('rendus/2023-06-20-national.pdf'));
    const text = pdf.pages.map((page) => page.lines.map((l) => l.text).join('\n')).join('\n');
    expect(text).toContain(`niveau ${MAX_LIST_DEPTH}`);
    expect(text).toContain(`Colonne ${MAX_TABLE_COLUMNS}`.slice(0, 3));
  });
});

describe('the scan of limits agrees with the Markdown reader', () => {
  /** Depth of the deepest list and widest table, as the typesetter receives them. */
  function measured(markdown: string): { depth: number; columns: number } {
    let depth = 0;
    let columns = 0;
    const visit = (blocks: readonly Block[], level: number) => {
      for (const block of blocks) {
        if (block.kind === 'list') {
          depth = Math.max(depth, level + 1);
          for (const item of block.items) visit(item, level + 1);
        } else if (block.kind === 'table') columns = Math.max(columns, block.header.length, ...block.rows.map((r) => r.length));
        else if (block.kind === 'group') visit(block.blocks, level);
      }
    };
    visit(markdownToBlocks(markdown).blocks, 0);
    return { depth, columns };
  }

  const samples: [string, string][] = [
    ['two-space indents', nestedList(14)],
    ['four-space indents', nestedList(12, '    ')],
    ['numbered items', Array.from({ length: 13 }, (_, i) => `${'   '.repeat(i)}1. point ${i + 1}`).join('\n')],
    ['mixed markers, back up and down', `${nestedList(6)}\n- retour\n${nestedList(12)}`],
    ['items with paragraphs in between', Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}- point ${i + 1}\n\n${'  '.repeat(i + 1)}suite du point.\n`).join('\n')],
    ['a paragraph closes the lists', `${nestedList(8)}\n\nParagraphe.\n\n${nestedList(8)}`],
    ['inside a quote', nestedList(12).split('\n').map((l) => `> ${l}`).join('\n')],
    ['a wide table', wideTable(13)],
    ['a wide table without outer pipes', wideTable(20).split('\n').map((l) => l.replace(/^\| ?/, '').replace(/ ?\|$/, '')).join('\n')],
    ['a table with escaped pipes', `| a \\| b | c |\n|---|---|\n| 1 | 2 |`],
  ];
  it.each(samples)('%s', (_, markdown) => {
    const { depth, columns } = measured(markdown);
    const found = layoutExcesses(markdown);
    expect(found.find((e) => e.kind === 'list-depth')?.value ?? Math.min(depth, MAX_LIST_DEPTH)).toBe(depth > MAX_LIST_DEPTH ? depth : Math.min(depth, MAX_LIST_DEPTH));
    expect(found.some((e) => e.kind === 'list-depth')).toBe(depth > MAX_LIST_DEPTH);
    expect(found.find((e) => e.kind === 'table-columns')?.value ?? 0).toBe(columns > MAX_TABLE_COLUMNS ? columns : 0);
  });

  it('ignores what a code block holds', () => {
    expect(layoutExcesses(`\`\`\`\n${nestedList(30)}\n${wideTable(40)}\n\`\`\``)).toEqual([]);
  });
});

describe('the typesetter terminates on any input', () => {
  const measure = fontMeasure(createFontLibrary());
  const spec = (blocks: Block[]): DocumentSpec => ({ blocks, metadata: { title: 't', author: 'a', subject: 's', language: 'fr-FR', creationDate: new Date(0) } });
  const pageRight = theme.page.width;
  const texts = (pages: ReturnType<typeof composePages>) => pages.flatMap((p) => p.marks.filter((m): m is TextMark => m.kind === 'text'));

  it('a list nested 40 levels deep stays on the page', HANG_GUARD, () => {
    const pages = composePages(spec(markdownToBlocks(nestedList(40)).blocks), measure);
    const items = texts(pages).filter((m) => m.text.startsWith('niveau'));
    expect(items.map((m) => m.text)).toEqual(Array.from({ length: 40 }, (_, i) => `niveau ${i + 1}`));
    for (const item of items) expect(item.x + measure.width(item.text, item.face, item.size)).toBeLessThan(pageRight - theme.page.margin.right);
  });

  it('a table of 60 columns keeps every character', HANG_GUARD, () => {
    const pages = composePages(spec(markdownToBlocks(wideTable(60)).blocks), measure);
    const all = texts(pages).map((m) => m.text).join('');
    expect(all.replace(/\u00ad/g, '').replace(/\s/g, '')).toContain('valeur60');
  });

  it('an unbroken word of 40,000 characters is cut into full lines, every character kept', HANG_GUARD, () => {
    const word = Array.from({ length: 40_000 }, (_, i) => 'abcdefghij'[i % 10]).join('');
    const pages = composePages(spec([{ kind: 'paragraph', runs: [{ text: `Avant ${word} après.` }] }]), measure);
    const lines = texts(pages).filter((m) => m.y > theme.page.margin.top && m.y < theme.page.height - theme.page.margin.bottom);
    const drawn = lines.map((m) => m.text).join('').replace(/\u00ad/g, '');
    // The word starts a line of its own: the space before it ends the first line.
    expect(drawn.length).toBe(`Avant${word} après.`.length);
    expect(drawn === `Avant${word} après.`).toBe(true);
    expect(lines[0]!.text).toBe('Avant');
    const width = theme.page.width - theme.page.margin.left - theme.page.margin.right;
    const widths = lines.map((m) => measure.width(m.text, m.face, m.size));
    for (const w of widths) expect(w).toBeLessThanOrEqual(width + 0.01);
    // Full lines: every line of the word but its ends fills the measure to within one letter.
    for (const w of widths.slice(1, -1)) expect(w).toBeGreaterThan(width - 12);
  });

  it('text in a column narrower than its padding', HANG_GUARD, () => {
    const table: Block = { kind: 'table', header: [], rows: [[[{ text: 'abc déf' }], [{ text: 'x' }]]], widths: [1, 400] };
    const pages = composePages(spec([table]), measure);
    expect(texts(pages).map((m) => m.text).join('')).toBe('abcdéfxPage 1 / 1');
  });
});

// End to end with 10,000 characters (the example): the typesetter takes 40,000 above;
// before the typesetter, the Markdown stage's French typography still grows faster than the text.
describe('rendering a 10,000-character word to PDF', () => {
  it('ends, and the PDF holds the word', HANG_GUARD, async () => {
    const word = 'x'.repeat(10_000);
    const repo = await repoWith(`Voici : ${word}`);
    const result = await runBin(['render'], { cwd: repo.root });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    const pdf = await readPdf(repo.path('rendus/2023-06-20-national.pdf'));
    const text = pdf.pages.flatMap((page) => page.lines.map((line) => line.text)).join('');
    expect(text.match(/x+/g)!.join('').length).toBe(10_000);
  });
});

void stringify;
