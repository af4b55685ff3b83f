// Word wrapping for the terminal table: words are kept whole unless longer than the column.

/** Words separated by single plain spaces, with no other white space (which wrap() would rework). */
const SIMPLE_LINE = /^\S+(?: \S+)*$/;
/** Half of a character outside the BMP: such text is measured in code points. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** A space that French typography never breaks: before « : ; ! ? » » and after « « ». */
const GLUED_SPACE = / (?=[:;!?»])|(?<=«) /;
const GLUED_SPACES = new RegExp(GLUED_SPACE.source, 'g');
/** Stands for a glued space while lines are broken: not white space, and as wide as a space. */
const GLUE = '\uE002';

/**
 * Splits `text` into lines of at most `width` characters (code points), never at a space that
 * French keeps with its punctuation (« 23 octobre : fait » does not start a line with « : »).
 */
export function wrap(text: string, width: number): string[] {
  // Most cells are single-spaced words: one that fits is its own line.
  if (text.length <= width && SIMPLE_LINE.test(text)) return [text];
  if (!GLUED_SPACE.test(text)) return breakLines(text, width);
  return breakLines(text.replace(GLUED_SPACES, GLUE), width).map((line) => line.replaceAll(GLUE, ' '));
}

/** Commander's help wrapping, with the spaces French keeps with its punctuation kept whole. */
export function wrapKeepingFrenchSpaces(text: string, wrapAtSpaces: (text: string) => string): string {
  return GLUED_SPACE.test(text) ? wrapAtSpaces(text.replace(GLUED_SPACES, GLUE)).replaceAll(GLUE, ' ') : wrapAtSpaces(text);
}

/** wrap() for text that does not fit as it is. */
function breakLines(text: string, width: number): string[] {
  const simple = SIMPLE_LINE.test(text);
  // Tested once per cell rather than once per word: text without surrogates counts in UTF-16 units.
  const surrogates = SURROGATE.test(text);
  if (simple && !surrogates) return wrapSimple(text, width);
  const lines: string[] = [];
  const size = surrogates ? length : (part: string) => part.length;
  for (const paragraph of simple ? [text] : text.split(/\r?\n/)) {
    let line = '';
    for (const word of simple ? paragraph.split(' ') : paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      while (size(rest) > width) {
        // A word wider than the column (a URL) is cut where it must be.
        if (line) lines.push(line);
        const chars = [...rest];
        lines.push(chars.slice(0, width).join(''));
        rest = chars.slice(width).join('');
        line = '';
      }
      if (!rest) continue;
      if (!line) line = rest;
      else if (size(line) + 1 + size(rest) <= width) line += ` ${rest}`;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  // Blank paragraphs add nothing to a table cell.
  const kept = lines.filter((line) => line !== '');
  return kept.length > 0 ? kept : [''];
}

/**
 * wrap() for single-spaced text without surrogates, the common case, by index rather than by
 * word: each line ends at the last space within the width, and a word wider than the column
 * is cut at the width.
 */
function wrapSimple(text: string, width: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (text.length - start > width) {
    const space = text.lastIndexOf(' ', start + width);
    if (space > start) {
      lines.push(text.slice(start, space));
      start = space + 1;
    } else {
      lines.push(text.slice(start, start + width));
      start += width;
      // The cut word's rest starts the next line; a space right after the cut is the break.
      if (text.charCodeAt(start) === 32) start++;
    }
  }
  lines.push(text.slice(start));
  return lines;
}

/**
 * Splits a word such as a meeting id (« 2021-01-28-national ») after its hyphens, where a line
 * break reads naturally, into lines of at most `width`; a piece still too wide is cut by wrap().
 */
export function wrapAtHyphens(text: string, width: number): string[] {
  if (length(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const piece of text.split(/(?<=-)/)) {
    if (length(line) + length(piece) <= width) line += piece;
    else {
      if (line) lines.push(line);
      const cut = wrap(piece, width);
      line = cut.pop()!;
      lines.push(...cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Width in code points; the files are typed precomposed (NFC), one code point per letter. */
export function length(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - length(text)));
}
