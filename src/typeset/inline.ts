// Inline layout: styled runs -> words -> lines, on the real widths of the glyphs. Lines are
// broken over the whole paragraph (Knuth-Plass, knuth-plass.ts), with French hyphenation for
// justified text, breaks after the hyphen of a compound word, never before « : ; ! ? » nor
// after « «, and words (URLs) wider than the line cut to fit it. A justified line that would
// still be stretched too far is set ragged instead. Greedy filling (what word processors do)
// is kept as the baseline the benchmark compares with, and as the last resort.
import type { Align, Run } from '../document/blocks.js';
import { fallbackOf, faceOf, type FaceId } from './fonts/faces.js';
import type { Hyphenator } from './hyphenate.js';
import { breakPoints, type Item } from './knuth-plass.js';
import type { Mark } from './marks.js';
import type { Measure } from './measure.js';
import type { Color, TextStyle } from './style.js';

export interface InlineContext {
  readonly measure: Measure;
  readonly linkColor: Color;
  readonly linkUnderline: number;
  readonly hyphenate?: Hyphenator;
  /** 'greedy' fills each line in turn, for comparison (scripts/bench-typeset.mjs). */
  readonly breaking?: 'optimal' | 'greedy';
}

export interface LineBox {
  readonly height: number;
  /** Marks with y relative to the top of the line and absolute x. */
  readonly marks: Mark[];
}

interface Piece {
  readonly text: string;
  readonly face: FaceId;
  readonly size: number;
  readonly color: Color;
  readonly link: string | undefined;
  readonly width: number;
}

/** What follows a word: a space, a break without space (after a hyphen), a line break, nothing. */
type After = 'space' | 'join' | 'newline' | 'end';

interface Word {
  readonly pieces: Piece[];
  readonly width: number;
  readonly after: After;
  /** A piece of a word too wide for the line, cut to fit it: never hyphenated. */
  readonly cut?: true;
}

const SOFT_HYPHEN = '\u00ad';
const NBSP = '\u00a0';
/** Characters after which a URL or an overlong word may be broken when it cannot fit a line. */
const URL_BREAK_AFTER = new Set(['/', '.', '?', '&', '=', '_', '-', '#', ':', ',', ';']);
/**
 * A hyphen inside a compound word ("EUCAP-Sahel", "2022-2026") is a break opportunity, with
 * three letters or digits at least on each side ("N-B", "DGECEM-R" stay whole). Not in URLs and
 * e-mail addresses, where a hyphen at the end of a line would read as inserted.
 */
const COMPOUND_HYPHEN = /(?<=[\p{L}\p{N}]{3}[-‐])(?=[\p{L}\p{N}]{3})/u;
const URL_LIKE = /:\/\/|^www\.|@/;
const EPSILON = 0.01;

export function breakLines(
  runs: readonly Run[],
  style: TextStyle,
  x: number,
  width: number,
  align: Align,
  context: InlineContext,
): LineBox[] {
  // A negative width (a column narrower than its padding) would let no character fit.
  const room = Math.max(0, width);
  const words = toWords(runs, style, context).flatMap((word) => (word.width > room + EPSILON ? splitOverlong(word, room, context.measure) : [word]));
  const justify = align === 'justify';
  const optimal = context.breaking === 'greedy' ? undefined : optimalLines(words, room, justify, context);
  const lines = optimal?.lines ?? fillLines(words, room, justify, context);
  return lines.map((line, i) => {
    const last = i === lines.length - 1 || line[line.length - 1]!.after === 'newline';
    // The last line is set at its natural spacing, unless the breaker shrank it to fit.
    const ratio = justify ? spaceRatio(line, room, context.measure) : 1;
    const ragged = optimal?.ragged || (last && ratio >= 1) || (optimal !== undefined && ratio > MAX_SPACE_RATIO);
    return lineBox(line, style, x, width, ragged && justify ? 'left' : align, context);
  });
}

/** Word spaces of a justified line are at most this many times their natural width. */
export const MAX_SPACE_RATIO = 1.5;

/** How wide the spaces of `line` are once justified to `width`, as a multiple of their natural width. */
export function spaceRatio(line: readonly Word[], width: number, measure: Measure): number {
  let natural = 0;
  let spaces = 0;
  let space = 0;
  line.forEach((word, i) => {
    natural += word.width;
    if (i === line.length - 1) return;
    natural += gapBetween(word, line[i + 1]!, measure);
    if (word.after === 'space') {
      spaces++;
      space += spaceWidth(word, measure);
    }
  });
  return spaces === 0 ? 1 : 1 + (width - natural) / space;
}

/** Narrowest and widest sensible widths of the text: its longest word, its longest line unbroken. */
export function contentWidths(
  runs: readonly Run[],
  style: TextStyle,
  context: InlineContext,
): { min: number; max: number } {
  let min = 0;
  let max = 0;
  let line = 0;
  for (const word of toWords(runs, style, context)) {
    min = Math.max(min, word.width);
    line += word.width;
    if (word.after === 'space') line += spaceWidth(word, context.measure);
    if (word.after === 'newline' || word.after === 'end') {
      max = Math.max(max, line);
      line = 0;
    }
  }
  return { min, max: Math.max(max, line) };
}

function toWords(runs: readonly Run[], style: TextStyle, context: InlineContext): Word[] {
  const words: Word[] = [];
  let pieces: Piece[] = [];
  const finish = (after: After) => {
    if (pieces.length === 0) {
      const previous = words[words.length - 1];
      if (after === 'newline') {
        // A line break right after a word ends that word's line; a second one leaves an empty line.
        if (previous && previous.after !== 'newline') words[words.length - 1] = { ...previous, after };
        else words.push({ pieces: [], width: 0, after });
      }
      return;
    }
    words.push({ pieces, width: sum(pieces.map((p) => p.width)), after });
    pieces = [];
  };

  for (const run of mergeRuns(runs)) {
    const face = faceOf(style.family, style.bold || run.bold === true, style.italic || run.italic === true);
    const color = run.link ? context.linkColor : style.color;
    const text = run.text
      .replace(/\r\n?/g, '\n')
      .replace(/[\t\v\f]/g, ' ')
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f\u00ad]/g, ''); // controls draw nothing; soft hyphens are ours to place
    // French keeps « : ; ! ? » and the closing guillemet with the word before, the opening one with the word after.
    const french = text.replace(/ +(?=[:;!?»])|(?<=«) +/g, NBSP);
    for (const part of french.split(/( +|\n)/)) {
      if (part === '') continue;
      if (part === '\n') finish('newline');
      else if (part.startsWith(' ')) finish('space');
      else {
        const chunks = URL_LIKE.test(part) ? [part] : part.split(COMPOUND_HYPHEN);
        chunks.forEach((chunk, i) => {
          pieces.push(...facedPieces(chunk, face, style.size, color, run.link, context.measure));
          if (i < chunks.length - 1) finish('join');
        });
      }
    }
  }
  finish('end');
  // Trailing spaces and line breaks draw nothing.
  while (words.length > 0 && words[words.length - 1]!.pieces.length === 0) words.pop();
  const last = words[words.length - 1];
  if (last) words[words.length - 1] = { ...last, after: 'end' };
  return words;
}

/** Adjacent runs in the same style become one, so that kerning applies across them. */
function mergeRuns(runs: readonly Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const previous = merged[merged.length - 1];
    if (
      previous &&
      !!previous.bold === !!run.bold &&
      !!previous.italic === !!run.italic &&
      previous.link === run.link
    ) {
      merged[merged.length - 1] = { ...previous, text: previous.text + run.text };
    } else merged.push(run);
  }
  return merged;
}

function piece(text: string, face: FaceId, size: number, color: Color, link: string | undefined, measure: Measure): Piece {
  return { text, face, size, color, link, width: measure.width(text, face, size) };
}

/**
 * The text as pieces in `face`, but for the characters it lacks, which go to its fallback face
 * when that has them (what neither has is drawn as « ? », and `validate` warned about it).
 */
function facedPieces(text: string, face: FaceId, size: number, color: Color, link: string | undefined, measure: Measure): Piece[] {
  const fallback = fallbackOf(face);
  // Latin text and its punctuation are all in DejaVu Serif: the common case, without a look-up.
  if (!fallback || !measure.covers || !/[^\u0000-\u024f\u2000-\u206f\u20ac]/.test(text)) return [piece(text, face, size, color, link, measure)];
  const pieces: Piece[] = [];
  let from = 0;
  let current = face;
  for (let at = 0; at < text.length; ) {
    const code = text.codePointAt(at)!;
    const next = measure.covers(code, face) || !measure.covers(code, fallback) ? face : fallback;
    if (next !== current && at > from) {
      pieces.push(piece(text.slice(from, at), current, size, color, link, measure));
      from = at;
    }
    current = next;
    at += code > 0xffff ? 2 : 1;
  }
  pieces.push(piece(text.slice(from), current, size, color, link, measure));
  return pieces;
}

function sameStyle(a: Piece, b: Piece): boolean {
  return a.face === b.face && a.size === b.size && a.color === b.color && a.link === b.link;
}

function spaceWidth(word: Word, measure: Measure): number {
  const last = word.pieces[word.pieces.length - 1];
  return last ? measure.width(' ', last.face, last.size) : 0;
}

/** Width between two words on the same line: a space, or the kerning across a compound's hyphen. */
function gapBetween(left: Word, right: Word, measure: Measure): number {
  if (left.after === 'space') return spaceWidth(left, measure);
  const a = left.pieces[left.pieces.length - 1];
  const b = right.pieces[0];
  if (!a || !b || !sameStyle(a, b)) return 0;
  const lastChar = String.fromCodePoint(a.text.codePointAt(a.text.length - 1)!);
  const firstChar = String.fromCodePoint(b.text.codePointAt(0)!);
  return (
    measure.width(lastChar + firstChar, a.face, a.size) -
    measure.width(lastChar, a.face, a.size) -
    measure.width(firstChar, a.face, a.size)
  );
}

/**
 * Word spaces may stretch this much (as a share of their width) before a justified line is
 * filled by hyphenating the next word instead; hyphens are also kept off a third line in a row.
 */
const STRETCH_BEFORE_HYPHENATING = 0.6;
const MAX_HYPHENS_IN_A_ROW = 2;

function fillLines(words: readonly Word[], width: number, hyphenating: boolean, context: InlineContext): Word[][] {
  const { measure } = context;
  const lines: Word[][] = [];
  let line: Word[] = [];
  let lineWidth = 0;
  let hyphensInARow = 0;
  const flush = () => {
    const last = line[line.length - 1];
    hyphensInARow = last && last.after === 'end' && last.pieces[last.pieces.length - 1]?.text.endsWith(SOFT_HYPHEN) ? hyphensInARow + 1 : 0;
    lines.push(line);
    line = [];
    lineWidth = 0;
  };
  let index = 0;
  let pending: Word | undefined;
  while (pending || index < words.length) {
    const word = pending ?? words[index++]!;
    pending = undefined;
    const previous = line[line.length - 1];
    const gap = previous ? gapBetween(previous, word, measure) : 0;
    if (!previous || lineWidth + gap + word.width <= width + EPSILON) {
      line.push(word);
      lineWidth += gap + word.width;
      if (word.after === 'newline') flush();
      continue;
    }
    const spaces = line.slice(0, -1).filter((w) => w.after === 'space');
    const stretch = spaces.length > 0 ? (width - lineWidth) / spaces.length / spaceWidth(spaces[0]!, measure) : Infinity;
    const tryHyphen = hyphenating && context.hyphenate && !word.cut && stretch > STRETCH_BEFORE_HYPHENATING && hyphensInARow < MAX_HYPHENS_IN_A_ROW;
    const split = tryHyphen ? hyphenateToFit(word, width - lineWidth - gap, context) : undefined;
    if (split) {
      line.push(split[0]);
      pending = split[1];
    } else pending = word;
    flush();
  }
  if (line.length > 0) flush();
  return lines;
}

/** How far justified spaces may stretch and shrink, as shares of their width (TeX's plain values). */
const SPACE_STRETCH = 0.5;
const SPACE_SHRINK = 1 / 3;
/** Slightly under MAX_SPACE_RATIO: the breaker measures words without kerning across hyphenation points. */
const JUSTIFIED_TOLERANCE = 0.95;
/** Ragged lines may fall short of the measure by this many spaces' worth without much cost. */
const RAGGED_STRETCH = 6;
const HYPHEN_PENALTY = 50;
const EXPLICIT_HYPHEN_PENALTY = 50;

/** Where an item came from: a line ending at it ends after `word`, or inside it at `offset`. */
interface Origin {
  readonly word: number;
  readonly offset?: number;
}

/**
 * The paragraph's best breaks (Knuth-Plass). Justified text that cannot keep every line within
 * the tolerance is set ragged-right as a whole (`ragged`), its breaks chosen for an even edge;
 * undefined when not even that fits (a column narrower than a letter).
 */
function optimalLines(words: readonly Word[], width: number, justify: boolean, context: InlineContext): { lines: Word[][]; ragged: boolean } | undefined {
  if (words.length === 0) return { lines: [], ragged: false };
  const hyphenate = justify ? context.hyphenate : undefined;
  let ragged = !justify;
  // As TeX does: first without hyphenation (most paragraphs need none), then with it.
  let paragraph = paragraphItems(words, !ragged, undefined, context.measure);
  let breaks = breakPoints(paragraph.items, { width, tolerance: ragged ? Infinity : JUSTIFIED_TOLERANCE, lineStretch: ragged ? paragraph.raggedStretch : 0 });
  if (!breaks && !ragged && hyphenate) {
    paragraph = paragraphItems(words, true, hyphenate, context.measure);
    breaks = breakPoints(paragraph.items, { width, tolerance: JUSTIFIED_TOLERANCE, lineStretch: 0 });
  }
  if (!breaks && !ragged) {
    ragged = true;
    paragraph = paragraphItems(words, false, hyphenate, context.measure);
    breaks = breakPoints(paragraph.items, { width, tolerance: Infinity, lineStretch: paragraph.raggedStretch });
  }
  if (!breaks) return undefined;
  return { lines: linesAt(breaks, paragraph.origins, words, context.measure), ragged };
}

/** The paragraph as boxes, glue and penalties, each item with the word it comes from. */
function paragraphItems(
  words: readonly Word[],
  justify: boolean,
  hyphenate: Hyphenator | undefined,
  measure: Measure,
): { items: Item[]; origins: Origin[]; raggedStretch: number } {
  const items: Item[] = [];
  const origins: Origin[] = [];
  const push = (item: Item, origin: Origin) => {
    items.push(item);
    origins.push(origin);
  };
  let unitSpace = 0;
  words.forEach((word, index) => {
    const points = hyphenate && !word.cut ? hyphenate(word.pieces.map((p) => p.text).join('')) : [];
    let from = 0;
    for (const point of points) {
      const fragment = sliceWord(word, from, point, measure);
      push({ kind: 'box', width: fragment.width }, { word: index });
      const last = fragment.pieces[fragment.pieces.length - 1]!;
      push({ kind: 'penalty', width: measure.width(SOFT_HYPHEN, last.face, last.size), penalty: HYPHEN_PENALTY, flagged: true }, { word: index, offset: point });
      from = point;
    }
    push({ kind: 'box', width: points.length === 0 ? word.width : sliceWord(word, from, Infinity, measure).width }, { word: index });
    switch (word.after) {
      case 'space': {
        const space = spaceWidth(word, measure);
        unitSpace ||= space;
        push({ kind: 'glue', width: space, stretch: justify ? space * SPACE_STRETCH : 0, shrink: justify ? space * SPACE_SHRINK : 0 }, { word: index });
        break;
      }
      case 'join':
        push({ kind: 'penalty', width: 0, penalty: word.cut ? 0 : EXPLICIT_HYPHEN_PENALTY, flagged: !word.cut }, { word: index });
        break;
      case 'newline':
      case 'end':
        push({ kind: 'glue', width: 0, stretch: 0, shrink: 0, fill: true }, { word: index });
        push({ kind: 'penalty', width: 0, penalty: -Infinity, flagged: false }, { word: index });
        break;
    }
  });
  const first = words[0]?.pieces[0];
  unitSpace ||= first ? measure.width(' ', first.face, first.size) : 1;
  return { items, origins, raggedStretch: RAGGED_STRETCH * unitSpace };
}

/** The lines that the breaks at `breaks` (indices of items) make of the words. */
function linesAt(breaks: readonly number[], origins: readonly Origin[], words: readonly Word[], measure: Measure): Word[][] {
  const lines: Word[][] = [];
  let line: Word[] = [];
  let word = 0;
  let offset = 0;
  for (const at of breaks) {
    const origin = origins[at]!;
    while (word < origin.word) {
      line.push(offset === 0 ? words[word]! : sliceWord(words[word]!, offset, Infinity, measure, words[word]!.after));
      word++;
      offset = 0;
    }
    if (origin.offset !== undefined) {
      const head = sliceWord(words[word]!, offset, origin.offset, measure);
      const last = head.pieces[head.pieces.length - 1]!;
      head.pieces[head.pieces.length - 1] = piece(last.text + SOFT_HYPHEN, last.face, last.size, last.color, last.link, measure);
      line.push({ ...head, width: sum(head.pieces.map((p) => p.width)), after: 'end' });
      offset = origin.offset;
    } else {
      line.push(offset === 0 ? words[word]! : sliceWord(words[word]!, offset, Infinity, measure, words[word]!.after));
      word++;
      offset = 0;
    }
    lines.push(line);
    line = [];
  }
  return lines;
}

/** Splits `word` at a hyphenation point so that its head, with a hyphen, fits in `room`. */
function hyphenateToFit(word: Word, room: number, context: InlineContext): [Word, Word] | undefined {
  const text = word.pieces.map((p) => p.text).join('');
  const points = context.hyphenate!(text);
  for (let i = points.length - 1; i >= 0; i--) {
    const [head, tail] = splitWord(word, points[i]!, context.measure, SOFT_HYPHEN);
    if (head.width <= room + EPSILON) return [head, tail];
  }
  return undefined;
}

/**
 * Cuts a word wider than the line into pieces that each fit it: after URL punctuation if
 * possible, else between characters, at least one character a piece, whatever the width. One
 * pass over the word, measuring each piece once: a word of any length costs time in proportion.
 */
function splitOverlong(word: Word, width: number, measure: Measure): Word[] {
  const text = word.pieces.map((p) => p.text).join('');
  const styleAt: Piece[] = [];
  for (const p of word.pieces) for (let i = 0; i < p.text.length; i++) styleAt.push(p);
  const parts: Word[] = [];
  let start = 0;
  while (start < text.length) {
    // Estimate from the characters' own widths, then check the real width (kerning) and step back.
    let end = start;
    let estimate = 0;
    let lastBreak = -1;
    while (end < text.length) {
      const size = codePointSize(text, end);
      const p = styleAt[end]!;
      const charWidth = measure.width(text.slice(end, end + size), p.face, p.size);
      if (end > start && estimate + charWidth > width + EPSILON) break;
      estimate += charWidth;
      end += size;
      if (URL_BREAK_AFTER.has(text[end - 1]!) && end < text.length) lastBreak = end;
    }
    let part = sliceWord(word, start, end, measure);
    while (part.width > width + EPSILON && end - start > codePointSize(text, start)) {
      end -= text.charCodeAt(end - 1) >= 0xdc00 && text.charCodeAt(end - 1) < 0xe000 ? 2 : 1;
      part = sliceWord(word, start, end, measure);
    }
    if (end < text.length && lastBreak > start && lastBreak < end) {
      end = lastBreak;
      part = sliceWord(word, start, end, measure);
    }
    parts.push({ ...part, after: end < text.length ? 'join' : word.after, cut: true });
    start = end;
  }
  return parts;
}

function codePointSize(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code < 0xdc00 && at + 1 < text.length ? 2 : 1;
}

/** The characters of a word between two UTF-16 offsets of its text, with their styles. */
function sliceWord(word: Word, from: number, to: number, measure: Measure, after: After = 'join'): Word {
  const pieces: Piece[] = [];
  let at = 0;
  for (const p of word.pieces) {
    const start = at;
    at += p.text.length;
    if (at <= from || start >= to) continue;
    if (start >= from && at <= to) pieces.push(p);
    else pieces.push(piece(p.text.slice(Math.max(0, from - start), Math.min(p.text.length, to - start)), p.face, p.size, p.color, p.link, measure));
  }
  return { pieces, width: sum(pieces.map((p) => p.width)), after, ...(word.cut ? { cut: true as const } : {}) };
}

/** Cuts a word at a UTF-16 offset of its text; `mark` (a soft hyphen) ends the head when given. */
function splitWord(word: Word, offset: number, measure: Measure, mark = ''): [Word, Word] {
  const head: Piece[] = [];
  const tail: Piece[] = [];
  let at = 0;
  for (const p of word.pieces) {
    const start = at;
    at += p.text.length;
    if (at <= offset) head.push(p);
    else if (start >= offset) tail.push(p);
    else {
      head.push(piece(p.text.slice(0, offset - start), p.face, p.size, p.color, p.link, measure));
      tail.push(piece(p.text.slice(offset - start), p.face, p.size, p.color, p.link, measure));
    }
  }
  const last = head[head.length - 1];
  if (mark && last) head[head.length - 1] = piece(last.text + mark, last.face, last.size, last.color, last.link, measure);
  return [
    { pieces: head, width: sum(head.map((p) => p.width)), after: mark ? 'end' : 'join' },
    { pieces: tail, width: sum(tail.map((p) => p.width)), after: word.after },
  ];
}

function lineBox(words: Word[], style: TextStyle, left: number, width: number, align: Align, context: InlineContext): LineBox {
  const { measure } = context;
  const gaps = words.slice(0, -1).map((word, i) => gapBetween(word, words[i + 1]!, measure));
  const natural = sum(words.map((w) => w.width)) + sum(gaps);
  const spaces = words.slice(0, -1).filter((w) => w.after === 'space').length;
  const extraSpace = align === 'justify' && spaces > 0 ? (width - natural) / spaces : 0;
  const offset = align === 'center' ? (width - natural) / 2 : align === 'right' ? width - natural : 0;

  const face = faceOf(style.family, style.bold, style.italic);
  const baseline = (style.lineHeight - (measure.ascent(face) + measure.descent(face)) * style.size) / 2 + measure.ascent(face) * style.size;
  const marks: Mark[] = [];
  let x = left + offset;
  let current: { x: number; style: Piece; text: string; end: number } | undefined;
  const close = () => {
    if (!current) return;
    const { style: p } = current;
    marks.push({ kind: 'text', x: current.x, y: baseline, face: p.face, size: p.size, color: p.color, text: current.text, extraSpace });
    if (p.link) {
      const linkWidth = current.end - current.x;
      marks.push({ kind: 'link', x: current.x, y: 0, width: linkWidth, height: style.lineHeight, uri: p.link });
      const underline = baseline + p.size * 0.12;
      marks.push({ kind: 'line', x1: current.x, y1: underline, x2: current.end, y2: underline, width: context.linkUnderline, color: p.color });
    }
    current = undefined;
  };
  words.forEach((word, i) => {
    for (const p of word.pieces) {
      if (current && !sameStyle(current.style, p)) close();
      if (current) current.text += p.text;
      else current = { x, style: p, text: p.text, end: x };
      x += p.width;
      current.end = x;
    }
    if (i === words.length - 1) return;
    x += gaps[i]!;
    if (word.after === 'space') {
      x += extraSpace;
      if (current) current.text += ' ';
    }
  });
  close();
  return { height: style.lineHeight, marks };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
