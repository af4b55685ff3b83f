// Total-fit line breaking on the real fonts: against greedy filling of the same paragraphs, at
// several measures, every justified line keeps its spaces within 1.5 × their natural width (or
// the paragraph is set ragged), with fewer hyphens, fewer hyphens on consecutive lines and at
// the end of the last line but one; and the breaker's own arithmetic on hand-made items.
import { describe, expect, it } from 'vitest';
import type { Block, DocumentSpec } from '../../src/document/blocks.js';
import { composeDocument } from '../../src/typeset/index.js';
import { breakPoints, type Item } from '../../src/typeset/knuth-plass.js';
import type { TextMark } from '../../src/typeset/marks.js';
import { createFontLibrary } from '../../src/typeset/fonts/library.js';
import { fontMeasure } from '../../src/typeset/measure.js';
import { theme } from '../../src/typeset/style.js';
import { prose } from '../fixtures/long-meeting/long-meeting.js';
import { compteRendu } from './typeset-document.fixture.js';

const measure = fontMeasure(createFontLibrary());
const SOFT_HYPHEN = '\u00ad';

interface Line {
  readonly text: string;
  readonly ratio: number;
  readonly justified: boolean;
}

/** The lines of each paragraph, in order, with the ratio of their spaces to the natural space. */
function paragraphs(spec: DocumentSpec, breaking: 'greedy' | 'optimal', pageTheme = theme): Line[][] {
  const { pages, structure } = composeDocument(spec, measure, { breaking, theme: pageTheme });
  const byTag = new Map<number, Map<string, TextMark[]>>();
  pages.forEach((page, pageIndex) => {
    for (const mark of page.marks) {
      if (mark.kind !== 'text' || mark.tag === undefined || structure.nodes[mark.tag]!.role !== 'P') continue;
      const lines = byTag.get(mark.tag) ?? new Map<string, TextMark[]>();
      byTag.set(mark.tag, lines);
      const key = `${pageIndex}:${mark.y}`;
      lines.set(key, [...(lines.get(key) ?? []), mark]);
    }
  });
  return [...byTag.values()].map((lines) =>
    [...lines.values()].map((marks) => {
      const spaced = marks.find((m) => m.text.includes(' '));
      const natural = spaced ? measure.width(' ', spaced.face, spaced.size) : 1;
      return { text: marks.map((m) => m.text).join(''), ratio: spaced ? (natural + spaced.extraSpace) / natural : 1, justified: marks.some((m) => m.extraSpace !== 0) };
    }),
  );
}

const doc = (blocks: Block[]): DocumentSpec => ({ blocks, metadata: { title: 't', author: 'a', subject: 's', language: 'fr-FR', creationDate: new Date(0) } });
const prosePage = doc(Array.from({ length: 12 }, (_, i) => ({ kind: 'paragraph' as const, runs: [{ text: prose(60 + 17 * i, i) }] })));
/** The same text on narrower and wider pages. */
const measures = [0, 25, 50].map((extra) => ({ ...theme, page: { ...theme.page, margin: { ...theme.page.margin, right: theme.page.margin.right + extra } } }));

const count = (all: Line[][], test: (line: Line, index: number, lines: Line[]) => boolean) =>
  all.reduce((n, lines) => n + lines.filter((line, i) => test(line, i, lines)).length, 0);
const hyphenated = (line: Line) => line.text.endsWith(SOFT_HYPHEN);

describe('total-fit line breaking', () => {
  it.each(measures.map((m, i) => [i, m] as const))('keeps every justified line within 1.5 × the natural space (measure %i)', (_, pageTheme) => {
    for (const spec of [prosePage, compteRendu()]) {
      const optimal = paragraphs(spec, 'optimal', pageTheme);
      for (const lines of optimal) for (const line of lines) expect(line.ratio, line.text).toBeLessThanOrEqual(1.5 + 1e-9);
      // Paragraphs set ragged, where no breaks keep the spaces within bounds, are the exception.
      const ragged = optimal.filter((lines) => lines.length > 2 && lines.slice(0, -1).every((l) => !l.justified)).length;
      if (pageTheme === theme) expect(ragged).toBeLessThanOrEqual(optimal.length / 6);
    }
  });

  it('spaces words more evenly than greedy filling, with fewer hyphens, fewer in a row and fewer before a last line', () => {
    let greedyHyphens = 0;
    let optimalHyphens = 0;
    let greedyInARow = 0;
    let optimalInARow = 0;
    let greedyLoose = 0;
    for (const pageTheme of measures) {
      const greedy = paragraphs(prosePage, 'greedy', pageTheme);
      const optimal = paragraphs(prosePage, 'optimal', pageTheme);
      expect(optimal.map((lines) => lines.map((l) => l.text).join(' ').replace(/\u00ad /g, '').replace(/ /g, ''))).toEqual(
        greedy.map((lines) => lines.map((l) => l.text).join(' ').replace(/\u00ad /g, '').replace(/ /g, '')),
      );
      greedyHyphens += count(greedy, hyphenated);
      optimalHyphens += count(optimal, hyphenated);
      greedyInARow += count(greedy, (line, i, lines) => i > 0 && hyphenated(line) && hyphenated(lines[i - 1]!));
      optimalInARow += count(optimal, (line, i, lines) => i > 0 && hyphenated(line) && hyphenated(lines[i - 1]!));
      greedyLoose += count(greedy, (line) => line.ratio > 1.5);
      expect(count(optimal, (line, i, lines) => i === lines.length - 2 && hyphenated(line))).toBeLessThanOrEqual(count(greedy, (line, i, lines) => i === lines.length - 2 && hyphenated(line)));
    }
    expect(greedyLoose).toBeGreaterThan(0);
    expect(optimalHyphens).toBeLessThan(greedyHyphens);
    expect(optimalInARow).toBeLessThanOrEqual(greedyInARow);
  });
});

describe('the breaker on hand-made items', () => {
  const box = (width: number): Item => ({ kind: 'box', width });
  const space: Item = { kind: 'glue', width: 1, stretch: 1, shrink: 0.5 };
  const end: Item[] = [{ kind: 'glue', width: 0, stretch: 0, shrink: 0, fill: true }, { kind: 'penalty', width: 0, penalty: -Infinity, flagged: false }];

  it('shrinks a line a little rather than leave one loose', () => {
    // Filling without shrinking puts 3 + 3 on the first line, stretched three times its spaces'
    // stretch; total-fit shrinks 3 + 3 + 3 into the line and sets 5 + 4 exactly.
    const items = [box(3), space, box(3), space, box(3), space, box(5), space, box(4), ...end];
    expect(breakPoints(items, { width: 10, tolerance: 1, lineStretch: 0 })).toEqual([5, items.length - 1]);
  });

  it('finds no breaks when a box is wider than the line', () => {
    expect(breakPoints([box(12), ...end], { width: 10, tolerance: Infinity, lineStretch: 0 })).toBeUndefined();
  });
});
