// Word wrapping for the terminal table: words are kept whole unless longer than the column.

/** Words separated by single plain spaces, with no other white space (which wrap() would rework). */
const SIMPLE_LINE = /^\S+(?: \S+)*$/;

/** Splits `text` into lines of at most `width` characters (code points). */
export function wrap(text: string, width: number): string[] {
  // Most cells are single-spaced words: one that fits is its own line, and the words of one
  // that does not are found with a plain split (no regular expression, no empty words).
  const simple = SIMPLE_LINE.test(text);
  if (simple && text.length <= width) return [text];
  const lines: string[] = [];
  // Tested once per cell rather than once per word: text without surrogates counts in UTF-16 units.
  const size = /[\uD800-\uDFFF]/.test(text) ? length : (part: string) => part.length;
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
  if (!/[\uD800-\uDFFF]/.test(text)) return text.length;
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - length(text)));
}
