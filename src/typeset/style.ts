// The page and the typographic scale: every size, space and grey of the document, in points.
import type { Family } from './fonts/faces.js';

export type Color = readonly [number, number, number];

export interface TextStyle {
  readonly family: Family;
  readonly size: number;
  /** Baseline-to-baseline distance. */
  readonly lineHeight: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly color: Color;
}

export interface HeadingStyle extends TextStyle {
  readonly spaceBefore: number;
  readonly spaceAfter: number;
}

const CM = 72 / 2.54;
const BLACK: Color = [0, 0, 0];
const INK: Color = [0.1, 0.1, 0.1];
const GREY: Color = [0.35, 0.35, 0.35];

const body: TextStyle = { family: 'serif', size: 10.5, lineHeight: 14.5, bold: false, italic: false, color: INK };

export const theme = {
  page: {
    width: 21 * CM,
    height: 29.7 * CM,
    margin: { top: 2.5 * CM, bottom: 2.3 * CM, left: 2.5 * CM, right: 2.2 * CM },
  },
  body,
  paragraphSpacing: 6,
  headings: {
    1: { ...body, size: 15, lineHeight: 19, bold: true, color: BLACK, spaceBefore: 18, spaceAfter: 8 },
    2: { ...body, size: 12.5, lineHeight: 16.5, bold: true, color: BLACK, spaceBefore: 14, spaceAfter: 6 },
    3: { ...body, size: 11, lineHeight: 15, bold: true, color: BLACK, spaceBefore: 10, spaceAfter: 4 },
    4: { ...body, bold: true, italic: true, color: BLACK, spaceBefore: 8, spaceAfter: 3 },
  } satisfies Record<1 | 2 | 3 | 4, HeadingStyle>,
  link: { color: [0.05, 0.22, 0.5] as Color, underlineWidth: 0.4 },
  list: {
    /** Indentation of an item's text from the list's left edge. */
    indent: 18,
    itemSpacing: 2.5,
    bullets: ['•', '–', '◦'] as readonly string[],
  },
  table: {
    cell: { ...body, family: 'condensed', size: 9.5, lineHeight: 12.5 } as TextStyle,
    padding: { x: 4.5, y: 3.5 },
    headerFill: [0.87, 0.87, 0.87] as Color,
    ruleWidth: 0.5,
    ruleColor: [0.45, 0.45, 0.45] as Color,
    spaceBefore: 6,
    spaceAfter: 10,
  },
  rule: { width: 0.5, color: [0.5, 0.5, 0.5] as Color, spaceAround: 8 },
  letterhead: {
    text: { ...body, size: 9.5, lineHeight: 12.5 } as TextStyle,
    spaceAfter: 20,
  },
  runningHeader: {
    text: { ...body, size: 8.5, lineHeight: 11, italic: true, color: GREY } as TextStyle,
    /** Baseline, from the top of the page. */
    baseline: 1.5 * CM,
    ruleGap: 4,
  },
  footer: {
    text: { ...body, size: 8.5, lineHeight: 11, color: GREY } as TextStyle,
    /** Baseline, from the bottom of the page. */
    baseline: 1.2 * CM,
    ruleGap: 9,
  },
  rules: { width: 0.4, color: [0.6, 0.6, 0.6] as Color },
  watermark: { family: 'serif' as Family, bold: true, color: [0.9, 0.9, 0.9] as Color, widthRatio: 0.58 },
};

export type Theme = typeof theme;
