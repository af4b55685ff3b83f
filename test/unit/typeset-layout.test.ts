// Layout and pagination with a fake measure (every character half an em wide): no fonts, no PDF,
// exact arithmetic.
import { describe, expect, it } from 'vitest';
import type { Block, DocumentSpec } from '../../src/document/blocks.js';
import { composePages } from '../../src/typeset/index.js';
import type { Page, TextMark } from '../../src/typeset/marks.js';
import type { Measure } from '../../src/typeset/measure.js';
import { theme } from '../../src/typeset/style.js';
import { TEXT_BLOCK, t } from './typeset-document.fixture.js';

const fakeMeasure: Measure = {
  width: (text, _face, size) => [...text].length * size * 0.5,
  ascent: () => 0.8,
  descent: () => 0.2,
};

const { left, right, top, bottom } = TEXT_BLOCK;
const paragraph = (text: string, align?: 'left' | 'justify'): Block => ({ kind: 'paragraph', runs: [t(text)], ...(align ? { align } : {}) });
const heading = (level: 1 | 2 | 3 | 4, text: string): Block => ({ kind: 'heading', level, runs: [t(text)] });
const words = (count: number, prefix = 'mot'): string => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`).join(' ');

function spec(blocks: Block[], extra: Partial<DocumentSpec> = {}): DocumentSpec {
  return {
    blocks,
    metadata: { title: 't', author: 'a', subject: 's', language: 'fr-FR', creationDate: new Date(0) },
    ...extra,
  };
}

/** Text marks of the body (between the margins), in reading order. */
function bodyText(page: Page): TextMark[] {
  return page.marks
    .filter((m): m is TextMark => m.kind === 'text' && !m.angle && m.y > top && m.y < bottom)
    .sort((a, b) => a.y - b.y || a.x - b.x);
}

function widthOf(mark: TextMark): number {
  const spaces = [...mark.text].filter((c) => c === ' ').length;
  return fakeMeasure.width(mark.text, mark.face, mark.size) + spaces * mark.extraSpace;
}

/** Words of the body of all pages, in order (lines joined, soft hyphens of hyphenated words removed). */
function bodyWords(pages: Page[]): string[] {
  const text = pages
    .flatMap((page) => {
      const lines = new Map<number, TextMark[]>();
      for (const mark of bodyText(page)) lines.set(mark.y, [...(lines.get(mark.y) ?? []), mark]);
      return [...lines.values()].map((line) => line.map((m) => m.text).join(''));
    })
    .join('\n')
    .replace(/\u00ad\n/g, '')
    .replace(/-\n/g, '-');
  return text.split(/\s+/).filter((w) => w !== '');
}

describe('line breaking', () => {
  it('justifies every line of a paragraph but the last to the full measure', () => {
    const [page] = composePages(spec([paragraph(words(120))]), fakeMeasure);
    const lines = bodyText(page!);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines.slice(0, -1)) {
      expect(line.x).toBeCloseTo(left, 5);
      expect(line.x + widthOf(line)).toBeCloseTo(right, 5);
    }
    expect(lines[lines.length - 1]!.x + widthOf(lines[lines.length - 1]!)).toBeLessThan(right);
  });

  it('keeps every word, in order, with left alignment never exceeding the measure', () => {
    const text = words(300);
    const pages = composePages(spec([paragraph(text, 'left')]), fakeMeasure);
    expect(bodyWords(pages)).toEqual(text.split(' '));
    for (const mark of pages.flatMap(bodyText)) expect(mark.x + widthOf(mark)).toBeLessThanOrEqual(right + 1e-6);
  });

  it('breaks a URL longer than the line after its punctuation, inside the margins', () => {
    const url = `https://example.org/${'chemin/'.repeat(30)}fin`;
    const pages = composePages(spec([{ kind: 'paragraph', runs: [t('Voir '), { text: url, link: url }, t(' pour le détail.')] }]), fakeMeasure);
    const lines = bodyText(pages[0]!);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.x + widthOf(line)).toBeLessThanOrEqual(right + 1e-6);
    expect(lines.map((l) => l.text).join('')).toContain(url);
    const linkLines = lines.filter((l) => l.text.includes('chemin/'));
    expect(linkLines.slice(0, -1).every((l) => l.text.endsWith('/'))).toBe(true);
    const links = pages[0]!.marks.filter((m) => m.kind === 'link');
    expect(links.length).toBe(linkLines.length);
  });

  it('breaks a word without any break opportunity between characters rather than overflowing', () => {
    const pages = composePages(spec([paragraph('x'.repeat(400))]), fakeMeasure);
    const lines = bodyText(pages[0]!);
    expect(lines.map((l) => l.text).join('')).toBe('x'.repeat(400));
    for (const line of lines) expect(line.x + widthOf(line)).toBeLessThanOrEqual(right + 1e-6);
  });

  it('hyphenates French words to fill justified lines, and only at valid points', () => {
    const text = 'Les recommandations institutionnelles concernant la coordination intergouvernementale des interventions humanitaires internationales sont particulièrement importantes '.repeat(6);
    const pages = composePages(spec([paragraph(text)]), fakeMeasure);
    const lines = bodyText(pages[0]!).map((l) => l.text);
    const hyphenated = lines.filter((l) => l.endsWith('\u00ad'));
    expect(hyphenated.length).toBeGreaterThan(0);
    expect(bodyWords(pages).join(' ')).toBe(text.trim());
  });

  it('honours line breaks inside a paragraph and centring', () => {
    const [page] = composePages(spec([{ kind: 'paragraph', runs: [t('première ligne\nseconde')], align: 'center' }]), fakeMeasure);
    const lines = bodyText(page!);
    expect(lines.map((l) => l.text)).toEqual(['première ligne', 'seconde']);
    for (const line of lines) expect(line.x - left).toBeCloseTo(right - (line.x + widthOf(line)), 5);
  });
});

describe('pagination', () => {
  const filler = (lines: number): Block[] => Array.from({ length: lines }, (_, i) => paragraph(`ligne ${i + 1}`));

  it('never leaves a heading at the bottom of a page', () => {
    // Slide the heading down one line at a time across the page boundary.
    for (let n = 24; n <= 40; n++) {
      const pages = composePages(spec([...filler(n), heading(2, 'Titre de section'), paragraph(words(60))]), fakeMeasure);
      for (const page of pages) {
        const last = bodyText(page).pop()!;
        expect(last.text).not.toBe('Titre de section');
      }
      const headingPage = pages.findIndex((p) => bodyText(p).some((m) => m.text === 'Titre de section'));
      const after = bodyText(pages[headingPage]!);
      const index = after.findIndex((m) => m.text === 'Titre de section');
      expect(after.length - index).toBeGreaterThanOrEqual(3); // the heading and two lines of text
    }
  });

  it('leaves no single line of a paragraph alone at the top or bottom of a page', () => {
    for (let n = 20; n <= 40; n++) {
      const pages = composePages(spec([...filler(n), paragraph(words(150, 'p'))]), fakeMeasure);
      const pageOf = (word: RegExp) =>
        pages.map((page) => bodyText(page).filter((m) => word.test(m.text)).length).filter((count) => count > 0);
      for (const count of pageOf(/^p\d/)) expect(count).toBeGreaterThanOrEqual(2);
    }
  });

  it('moves a keep-together group whole to the next page', () => {
    for (let n = 26; n <= 40; n++) {
      const group: Block = {
        kind: 'group',
        keepTogether: true,
        blocks: [paragraph('Le Secrétaire Permanent', 'left'), paragraph('signature', 'left'), paragraph('Moussa Abdou', 'left')],
      };
      const pages = composePages(spec([...filler(n), group]), fakeMeasure);
      const holding = pages.filter((page) => bodyText(page).some((m) => /Secrétaire|signature|Moussa/.test(m.text)));
      expect(holding).toHaveLength(1);
      expect(bodyText(holding[0]!).filter((m) => /Secrétaire|signature|Moussa/.test(m.text))).toHaveLength(3);
    }
  });

  it('starts a new page at a page break, and not twice', () => {
    const pages = composePages(spec([paragraph('avant'), { kind: 'pageBreak' }, { kind: 'pageBreak' }, paragraph('après')]), fakeMeasure);
    expect(pages.map((p) => bodyText(p).map((m) => m.text))).toEqual([['avant'], ['après']]);
  });

  it('splits a long table across pages, repeating the header row on each', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [[t(`Action ${i + 1} à mener par les membres`)], [t('SP/CCM')], [t('30 juin 2023')]]);
    const table: Block = { kind: 'table', header: [[t('Points d’action')], [t('Responsable')], [t('Date limite')]], rows };
    const pages = composePages(spec([...filler(20), table]), fakeMeasure);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    for (const page of pages) {
      const marks = bodyText(page);
      const actions = marks.filter((m) => m.text.startsWith('Action'));
      if (actions.length === 0) continue;
      const headers = marks.filter((m) => m.text === 'Points d’action');
      expect(headers).toHaveLength(1);
      expect(headers[0]!.y).toBeLessThan(actions[0]!.y);
      const fills = page.marks.filter((m) => m.kind === 'rect');
      expect(fills).toHaveLength(1);
      seen.push(...actions.map((m) => m.text.split(' ')[1]!));
    }
    expect(seen).toEqual(rows.map((_, i) => String(i + 1)));
  });

  it('splits a row taller than the space left between the lines of its cells', () => {
    const long = words(400, 'c');
    const table: Block = { kind: 'table', header: [[t('En-tête')]], rows: [[[t('courte')]], [[t(long)]]] };
    const pages = composePages(spec([...filler(25), table]), fakeMeasure);
    const pagesWithCell = pages.filter((page) => bodyText(page).some((m) => m.text.startsWith('c')));
    expect(pagesWithCell.length).toBeGreaterThanOrEqual(2);
    for (const page of pagesWithCell) expect(bodyText(page).filter((m) => m.text === 'En-tête')).toHaveLength(1);
    // The row starts on the page of the short row: no space is wasted by moving it.
    expect(bodyText(pagesWithCell[0]!).some((m) => m.text === 'courte')).toBe(true);
    const cellWords = pagesWithCell.flatMap((page) => bodyText(page).filter((m) => /^c\d/.test(m.text))).flatMap((m) => m.text.split(' '));
    expect(cellWords).toEqual(long.split(' '));
  });

  it('lays out a three-page nested list in order, each marker on its item’s first line', () => {
    const items: Block[][] = Array.from({ length: 90 }, (_, i) => [
      paragraph(`Élément ${i + 1} ${words(20, 'e')}`),
      ...(i % 10 === 0 ? [{ kind: 'list', ordered: false, items: [[paragraph(`sous-élément de ${i + 1}`)]] } satisfies Block] : []),
    ]);
    const pages = composePages(spec([{ kind: 'list', ordered: true, items }]), fakeMeasure);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const order: number[] = [];
    for (const page of pages) {
      const marks = bodyText(page);
      for (const mark of marks) {
        const match = /^Élément (\d+)/.exec(mark.text);
        if (!match) continue;
        order.push(Number(match[1]));
        const marker = marks.find((m) => m.y === mark.y && m.text === `${match[1]}.`);
        expect(marker, `marker of item ${match[1]}`).toBeDefined();
        expect(marker!.x + widthOf(marker!)).toBeLessThan(mark.x);
      }
      for (const mark of marks) expect(mark.x + widthOf(mark)).toBeLessThanOrEqual(right + 1e-6);
    }
    expect(order).toEqual(items.map((_, i) => i + 1));
    const nested = pages.flatMap(bodyText).filter((m) => m.text.startsWith('sous-élément'));
    expect(nested).toHaveLength(9);
    const bullets = pages.flatMap(bodyText).filter((m) => m.text === '–');
    expect(bullets).toHaveLength(9);
  });
});

describe('decoration', () => {
  it('numbers pages "Page N / M", puts the running header from page 2 and the watermark everywhere', () => {
    const pages = composePages(
      spec([paragraph(words(1500))], { runningHeader: 'Titre court', footer: { left: 'Réf. 2023-06-20' }, watermark: 'PROJET' }),
      fakeMeasure,
    );
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      const texts = page.marks.filter((m): m is TextMark => m.kind === 'text');
      const number = texts.find((m) => m.text === `Page ${i + 1} / ${pages.length}`);
      expect(number).toBeDefined();
      expect(number!.x + widthOf(number!)).toBeCloseTo(right, 5);
      expect(number!.y).toBeGreaterThan(bottom);
      expect(texts.some((m) => m.text === 'Réf. 2023-06-20' && m.x === left)).toBe(true);
      expect(texts.filter((m) => m.text === 'Titre court')).toHaveLength(i === 0 ? 0 : 1);
      const watermark = texts.find((m) => m.text === 'PROJET');
      expect(watermark?.angle).toBeGreaterThan(45);
      expect(page.marks[0]).toBe(watermark); // drawn first, under the text
    });
  });
});

describe('tables', () => {
  const cellMarks = (page: Page) => bodyText(page);

  it('sizes columns from content when no widths are given, across the full measure', () => {
    const table: Block = {
      kind: 'table',
      header: [[t('N°')], [t('Action')], [t('Échéance')]],
      rows: [
        [[t('1')], [t(words(40, 'a'))], [t('juin')]],
        [[t('2')], [t('courte')], [t('prochaine réunion')]],
      ],
    };
    const [page] = composePages(spec([table]), fakeMeasure);
    const lines = page!.marks.filter((m) => m.kind === 'line' && m.x1 === m.x2).map((m) => (m.kind === 'line' ? m.x1 : 0));
    const edges = [...new Set(lines)].sort((a, b) => a - b);
    expect(edges[0]).toBeCloseTo(left, 5);
    expect(edges[edges.length - 1]).toBeCloseTo(right, 5);
    const widths = edges.slice(1).map((x, i) => x - edges[i]!);
    expect(widths).toHaveLength(3);
    // The wordy column gets most of the room; the short ones keep their text on one line.
    expect(widths[1]!).toBeGreaterThan(widths[0]! + widths[2]!);
    const marks = cellMarks(page!);
    expect(marks.some((m) => m.text === 'Échéance')).toBe(true);
    expect(marks.some((m) => m.text === 'prochaine réunion')).toBe(true);
    expect(widths[2]).toBeCloseTo(fakeMeasure.width('prochaine réunion', 'condensed', theme.table.cell.size) + 2 * theme.table.padding.x, 5);
  });

  it('uses given widths as relative weights', () => {
    const table: Block = { kind: 'table', header: [], rows: [[[t('a')], [t('b')]]], widths: [1, 3] };
    const [page] = composePages(spec([table]), fakeMeasure);
    const xs = [...new Set(page!.marks.filter((m) => m.kind === 'line' && m.x1 === m.x2).map((m) => (m.kind === 'line' ? m.x1 : 0)))].sort((a, b) => a - b);
    expect(xs).toHaveLength(3);
    expect((xs[1]! - xs[0]!) * 3).toBeCloseTo(xs[2]! - xs[1]!, 5);
    expect(page!.marks.filter((m) => m.kind === 'rect')).toHaveLength(0); // no header row, no fill
  });
});

describe('links', () => {
  it('covers exactly the link text with a clickable area, underlined', () => {
    const [page] = composePages(spec([{ kind: 'paragraph', runs: [t('Voir '), { text: 'le site', link: 'https://example.org' }, t(' du GTM.')], align: 'left' }]), fakeMeasure);
    const link = page!.marks.find((m) => m.kind === 'link');
    // The space after the link is set in the link's style, but not covered by the area.
    const text = bodyText(page!).find((m) => m.text === 'le site ');
    expect(link).toMatchObject({ uri: 'https://example.org', x: text!.x });
    expect(link!.kind === 'link' && link!.width).toBeCloseTo(fakeMeasure.width('le site', text!.face, text!.size), 5);
    const underline = page!.marks.find((m) => m.kind === 'line' && m.y1 === m.y2 && Math.abs(m.y1 - text!.y) < 3);
    expect(underline).toBeDefined();
  });
});

describe('centred headings', () => {
  it('centres each line of a heading with align center', () => {
    const [page] = composePages(spec([{ kind: 'heading', level: 2, align: 'center', runs: [t('Titre centré')] }]), fakeMeasure);
    const [line] = bodyText(page!);
    expect(line!.x - left).toBeCloseTo(right - (line!.x + widthOf(line!)), 5);
  });
});

describe('break opportunities', () => {
  const lineTexts = (text: string, width: number) => {
    const [page] = composePages(spec([{ kind: 'paragraph', runs: [t(text)], align: 'left' }]), { ...fakeMeasure, width: (s, f, size) => fakeMeasure.width(s, f, size) * (453.5 / width) });
    return bodyText(page!).map((m) => m.text);
  };

  it('never breaks at a no-break space (before « : », inside « guillemets », in 9h30\u202f–\u202f11h20)', () => {
    // From the width of the longest unbreakable group, 9h30 – 11h20, up.
    for (let width = 14; width <= 40; width++) {
      const lines = lineTexts('les points suivants\u00a0: « texte\u202fcité\u202f» de 9h30\u202f–\u202f11h20 fin', width * 5.25);
      for (const line of lines) expect(line.startsWith(':') || line.startsWith('»') || line.startsWith('–') || line.startsWith('11h20')).toBe(false);
      // The space typed after « becomes a no-break space: French never breaks there.
      expect(lines.join(' ')).toBe('les points suivants\u00a0: «\u00a0texte\u202fcité\u202f» de 9h30\u202f–\u202f11h20 fin');
    }
  });

  it('breaks after the hyphen of a compound word, not in short compounds or URLs', () => {
    // A measure about 20 characters wide.
    expect(lineTexts('aaaa bbbb cccc EUCAP-Sahel', 21 * 5.25)).toEqual(['aaaa bbbb cccc EUCAP-', 'Sahel']);
    expect(lineTexts('aaaa bbbb cccc dd N-B', 20 * 5.25)).toEqual(['aaaa bbbb cccc dd', 'N-B']);
    expect(lineTexts('aaaa bbbb ccc https://a-b.org/c', 20 * 5.25)).toEqual(['aaaa bbbb ccc', 'https://a-b.org/c']);
  });
});
