// What the PDF can draw of a text: the characters its fonts have (DejaVu Serif, or DejaVu Sans
// in its stead: font-coverage.generated.ts), and the scripts written right to left, which the
// typesetter sets letter by letter from left to right, without the joining Arabic needs.
// Pure, and without fonts: `validate` warns from it.
import { DRAWABLE } from './font-coverage.generated.js';

let starts: Int32Array | undefined;
let ends: Int32Array | undefined;

function drawable(code: number): boolean {
  if (!starts || !ends) {
    starts = new Int32Array(DRAWABLE.length);
    ends = new Int32Array(DRAWABLE.length);
    DRAWABLE.forEach((range, i) => {
      starts![i] = typeof range === 'number' ? range : range[0];
      ends![i] = typeof range === 'number' ? range : range[1];
    });
  }
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (code < starts[middle]!) high = middle - 1;
    else if (code > ends[middle]!) low = middle + 1;
    else return true;
  }
  return false;
}

const RIGHT_TO_LEFT: readonly [number, number, string][] = [
  [0x0590, 0x05ff, 'hébreu'],
  [0x0600, 0x06ff, 'arabe'],
  [0x0700, 0x074f, 'syriaque'],
  [0x0750, 0x077f, 'arabe'],
  [0x0780, 0x07bf, 'thâna'],
  [0x07c0, 0x07ff, 'n’ko'],
  [0x0800, 0x08ff, 'arabe'],
  [0xfb1d, 0xfb4f, 'hébreu'],
  [0xfb50, 0xfdff, 'arabe'],
  [0xfe70, 0xfeff, 'arabe'],
];

export interface DrawingProblems {
  /** The first character no font of the PDF has, if any. */
  readonly undrawable?: string;
  /** The first right-to-left script met, in French (« arabe »). */
  readonly rightToLeft?: string;
}

/** Controls, line breaks and invisible formatting characters are not drawn, and are not problems. */
const NOT_DRAWN = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\ufe00-\ufe0f]/;

export function drawingProblems(text: string): DrawingProblems {
  // Latin, Greek, Cyrillic and the punctuation of French text: all drawn (the common case, fast).
  if (!/[^\u0000-\u058f]/.test(text)) return {};
  let undrawable: string | undefined;
  let rightToLeft: string | undefined;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x0590 || NOT_DRAWN.test(char)) continue;
    rightToLeft ??= RIGHT_TO_LEFT.find(([from, to]) => code >= from && code <= to)?.[2];
    if (undrawable === undefined && !drawable(code)) undrawable = char;
    if (undrawable !== undefined && rightToLeft !== undefined) break;
  }
  return { ...(undrawable !== undefined ? { undrawable } : {}), ...(rightToLeft !== undefined ? { rightToLeft } : {}) };
}
