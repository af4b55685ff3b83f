// Inline layout: styled runs -> words -> lines, on the real widths of the glyphs. Greedy line
// filling (what word processors do), with French hyphenation for justified text, breaks after
// the hyphen of a compound word, and an emergency break for words (URLs) wider than the line.
import type { Align, Run } from '../document/blocks.js';
import { faceOf, type FaceId } from './fonts/faces.js';
import type { Hyphenator } from './hyphenate.js';
import type { Mark } from './marks.js';
import type { Measure } from './measure.js';
import type { Color, TextStyle } from './style.js';

export interface InlineContext {
  readonly measure: Measure;
  readonly linkColor: Color;
  readonly linkUnderline: number;
  readonly hyphenate?: Hyphenator;
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
}

const SOFT_HYPHEN = '\u00ad';
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
  const words = toWords(runs, style, context);
  const lines = fillLines(words, width, align === 'justify', context);
  return lines.map((line, i) => {
    const last = i === lines.length - 1 || line[line.length - 1]!.after === 'newline';
    return lineBox(line, style, x, width, last && align === 'justify' ? 'left' : align, context);
  });
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
    for (const part of text.split(/( +|\n)/)) {
      if (part === '') continue;
      if (part === '\n') finish('newline');
      else if (part.startsWith(' ')) finish('space');
      else {
        const chunks = URL_LIKE.test(part) ? [part] : part.split(COMPOUND_HYPHEN);
        chunks.forEach((chunk, i) => {
          pieces.push(piece(chunk, face, style.size, color, run.link, context.measure));
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
    if (!previous && word.width > width + EPSILON) {
      const [head, tail] = splitOverlong(word, width, measure);
      line.push(head);
      flush();
      pending = tail;
      continue;
    }
    if (!previous || lineWidth + gap + word.width <= width + EPSILON) {
      line.push(word);
      lineWidth += gap + word.width;
      if (word.after === 'newline') flush();
      continue;
    }
    const spaces = line.slice(0, -1).filter((w) => w.after === 'space');
    const stretch = spaces.length > 0 ? (width - lineWidth) / spaces.length / spaceWidth(spaces[0]!, measure) : Infinity;
    const tryHyphen = hyphenating && context.hyphenate && stretch > STRETCH_BEFORE_HYPHENATING && hyphensInARow < MAX_HYPHENS_IN_A_ROW;
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

/** Splits a word wider than the line: after URL punctuation if possible, else between characters. */
function splitOverlong(word: Word, width: number, measure: Measure): [Word, Word] {
  const text = word.pieces.map((p) => p.text).join('');
  const offsets = [...text].map((_, i, chars) => chars.slice(0, i + 1).join('').length).slice(0, -1);
  const fits = (offset: number) => splitWord(word, offset, measure)[0].width <= width + EPSILON;
  const atPunctuation = offsets.filter((o) => URL_BREAK_AFTER.has(text[o - 1]!) && fits(o));
  const offset = atPunctuation[atPunctuation.length - 1] ?? offsets.filter(fits).pop() ?? offsets[0] ?? text.length;
  return splitWord(word, offset, measure);
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
