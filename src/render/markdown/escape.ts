// Plain text (titles, action text, names) placed into Markdown: every character Markdown would
// read as syntax is escaped, so the text shows exactly as typed. URLs stay clickable.

const URL = /https?:\/\/[^\s<>|"\\`]*[^\s<>|"\\`.,:;!?'")\]*_~]/g;

/** Backslash-escapes the inline syntax of a text that is not a URL. */
function escapeSpan(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~$]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    // Only web addresses are links: « ftp:// », which marked would link, has its colon escaped.
    .replace(/(?<=ftp):(?=\/\/)/gi, '\\:');
}

/** Escapes one line of plain text; `atLineStart` also defuses block markers (#, -, 1., >). */
function escapeLine(line: string): string {
  let result = '';
  let last = 0;
  for (const match of line.matchAll(URL)) {
    result += escapeSpan(line.slice(last, match.index)) + `<${match[0]}>`;
    last = match.index + match[0].length;
  }
  result += escapeSpan(line.slice(last));
  // Block markers only matter at the start, where a heading, list or quote could begin.
  return result
    .replace(/^#/, '\\#')
    .replace(/^([-+=])(?=\s|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Runs of spaces, tabs and line breaks; no-break spaces (U+00A0, U+202F) are typography, kept. */
const BREAKABLE_SPACES = /[^\S\u00a0\u202f]+/g;

/** Plain text on one line (a heading, a list item): line breaks become spaces. */
export function escapeInline(text: string): string {
  return escapeLine(text.replace(BREAKABLE_SPACES, ' ').trim());
}

/**
 * Plain text in a table cell: pipes are escaped and the rapporteur's line breaks become <br>,
 * the one HTML element the minutes use (GitHub renders it; the PDF renderer reads it as a break).
 */
export function escapeCell(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(BREAKABLE_SPACES, ' ').trim())
    .filter((line) => line !== '')
    .map(escapeLine)
    .join('<br>');
}
