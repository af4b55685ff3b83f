// French typography applied to prose: no-break spaces before « ; ! ? : » and inside guillemets,
// typographic apostrophes. What is not prose (URLs, code, Markdown link targets, HTML comments,
// entities) is set aside first, so a URL's « ? » or a code sample's quote is never touched.

/** U+202F, before « ; ! ? » and inside guillemets. */
export const NARROW_NBSP = '\u202F';
/** U+00A0, before « : ». */
export const NBSP = '\u00A0';

// Placeholders use private-use characters, which no user text is expected to contain.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** What may precede the punctuation as the end of a word (a set-aside span counts as one). */
const WORD_END = `[\\p{L}\\p{N}»)\\]*_’"%${CLOSE}]`;

const URL_SPANS = [
  /(?:https?|ftp):\/\/[^\s<>]+/.source,
  /www\.[^\s<>]+/.source,
  // Tried only where a run of such characters starts: a long word is scanned once, not once per letter.
  /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.source,
];

const MARKDOWN_SPANS = [
  /<!--[\s\S]*?-->/.source,
  // A code span: a run of at most 16 backticks and its closing run. An opening run without one
  // scans to the end; runs of one length pair up, so that happens once per length, at most 16 times.
  /(?<!`)(`{1,16})(?!`)[\s\S]*?(?<!`)\1(?!`)/.source,
  /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/.source,
  /<[^\s<>@]+@[^\s<>]+>/.source,
  /<\/?[A-Za-z][A-Za-z0-9-]*\s*\/?>/.source,
  /\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\)/.source,
  /^ {0,3}\[[^\]\n]+\]:[^\n]*$/.source,
  // A table's delimiter row: only « | : - » and spaces (one pass, no nested repetition).
  /^[|: ]*-[-|: ]*$/.source,
  /&#?[A-Za-z0-9]+;/.source,
  /\\./.source,
];

function protect(text: string, spans: readonly string[], apply: (prose: string) => string): string {
  const kept: string[] = [];
  const pattern = new RegExp(spans.join('|'), 'gmu');
  const masked = text.replace(pattern, (match) => {
    kept.push(match);
    return `${OPEN}${kept.length - 1}${CLOSE}`;
  });
  return apply(masked).replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'), (_, index: string) => kept[Number(index)]!);
}

function typeset(prose: string): string {
  return (
    prose
      // Guillemets: exactly one narrow no-break space inside.
      .replace(/«[ \u00A0\u202F]*/g, `«${NARROW_NBSP}`)
      // Matched from the start of the spaces only: a long run of spaces is scanned once.
      .replace(/(?<![ \u00A0\u202F])[ \u00A0\u202F]*»/g, `${NARROW_NBSP}»`)
      // A space already typed before ; ! ? becomes a narrow no-break space; a missing one is added
      // after a word when the punctuation ends it (not « a?b », « ?! » or a list marker).
      .replace(new RegExp(`(?<=${WORD_END})[ \\u00A0\\u202F]+([;!?])`, 'gu'), `${NARROW_NBSP}$1`)
      .replace(new RegExp(`(?<=${WORD_END})([;!?]+)(?=[\\s*_)»"]|$)`, 'gu'), `${NARROW_NBSP}$1`)
      // The colon takes a full no-break space, under the same conditions.
      .replace(new RegExp(`(?<=${WORD_END})[ \\u202F\\u00A0]+:(?=[\\s*_)»"]|$)`, 'gu'), `${NBSP}:`)
      .replace(new RegExp(`(?<=${WORD_END}):(?=[\\s*_)»"]|$)`, 'gu'), `${NBSP}:`)
      // Typewriter apostrophe between letters: l'OIM → l’OIM.
      .replace(/(?<=\p{L})'(?=\p{L})/gu, '’')
  );
}

/** Typography for plain text (a PDF cell, a terminal table): URLs and e-mail addresses are left as they are. */
export function frenchTypography(text: string): string {
  return protect(text, URL_SPANS, typeset);
}

/**
 * Typography for Markdown: prose only. Fenced code blocks, code spans, autolinks, link targets,
 * reference definitions, HTML comments and tags, entities, backslash escapes and table
 * delimiter rows are kept byte for byte.
 */
export function frenchTypographyMarkdown(markdown: string): string {
  return splitFences(markdown)
    .map((chunk) => (chunk.code ? chunk.text : protect(chunk.text, [...MARKDOWN_SPANS, ...URL_SPANS], typeset)))
    .join('');
}

/** Splits Markdown into fenced code blocks and the rest, keeping every character. */
export function splitFences(markdown: string): { code: boolean; text: string }[] {
  const chunks: { code: boolean; text: string }[] = [];
  const lines = markdown.split(/(?<=\n)/);
  let fence: { char: string; length: number } | undefined;
  let current = '';
  const flush = (code: boolean) => {
    if (current !== '') chunks.push({ code, text: current });
    current = '';
  };
  for (const line of lines) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line);
    if (!fence && marker && !(marker[1]![0] === '`' && line.slice(marker[0].length).includes('`'))) {
      flush(false);
      fence = { char: marker[1]![0]!, length: marker[1]!.length };
      current = line;
    } else if (fence && marker && marker[1]![0] === fence.char && marker[1]!.length >= fence.length && line.trim() === marker[1]) {
      current += line;
      flush(true);
      fence = undefined;
    } else {
      current += line;
    }
  }
  flush(fence !== undefined);
  return chunks;
}
