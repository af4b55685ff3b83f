// A short passage of a text around the first word that matches a query, with every matching
// word in it marked: what `gtm search` prints in bold and the site's page wraps in <mark>.
import { textTokens } from './normalize.js';

export interface ExcerptPart {
  text: string;
  hit: boolean;
}

export interface Excerpt {
  /** Text was cut before the passage (« … » to show). */
  cutBefore: boolean;
  parts: ExcerptPart[];
  cutAfter: boolean;
}

/** Whether a word's term matches one of the query's: the same stem, or (the word being typed) its beginning. */
export function termMatcher(terms: readonly string[], prefixLast: boolean): (term: string | undefined) => boolean {
  const last = terms[terms.length - 1];
  return (term) =>
    term !== undefined && (terms.includes(term) || (prefixLast && last !== undefined && last.length >= 3 && term.startsWith(last)));
}

export function excerpt(text: string, matches: (term: string | undefined) => boolean, width = 180): Excerpt {
  const tokens = textTokens(text);
  const first = tokens.find((token) => matches(token.term));
  const centre = first ? first.start : 0;
  let start = Math.max(0, centre - Math.floor(width / 3));
  let end = Math.min(text.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  // Whole words only.
  if (start > 0) start = tokens.find((token) => token.start >= start)?.start ?? start;
  if (end < text.length) end = [...tokens].reverse().find((token) => token.end <= end)?.end ?? end;
  const parts: ExcerptPart[] = [];
  let at = start;
  for (const token of tokens) {
    if (token.start < start || token.end > end || !matches(token.term)) continue;
    if (token.start > at) parts.push({ text: flat(text.slice(at, token.start)), hit: false });
    parts.push({ text: text.slice(token.start, token.end), hit: true });
    at = token.end;
  }
  if (end > at) parts.push({ text: flat(text.slice(at, end)), hit: false });
  return { cutBefore: start > 0, parts, cutAfter: end < text.length };
}

/** Line breaks of the sections' text read as spaces in a one-line passage. */
function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
