// The rapporteur's own Markdown (discussion points, annexes), made safe to embed in the minutes:
// headings move below the section that holds them, raw HTML shows as text, bare URLs become
// autolinks, an unclosed code fence is closed, blank lines surround headings.
import { splitFences } from '../../core/french/index.js';

/** One list marker or quote marker at the start of what remains of a line. */
const CONTAINER_MARKER = / {0,3}(?:[-*+]|\d{1,9}[.)]) +| {0,3}> ?/y;
const ATX_OPENING = /^( {0,3})(#{1,6})(?=[ \t]|$)(.*)$/;
const REFERENCE_DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*(\S*)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/y;
/**
 * A bare web address, wrapped in <…> wherever it stands (marked links one even inside a word);
 * it ends before a quote or a backslash, which no address holds, so that what follows it (an
 * HTML attribute's « "> ») never runs into the link.
 */
const BARE_URL = /https?:\/\/[^\s<>"\\`]*[^\s<>"\\`.,:;!?'")\]*_~]/y;
/** « ](target "title") », the target in group 1. */
const LINK_TARGET = /\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:"[^"]*"|'[^']*'))?\)/y;

export interface EmbedOptions {
  /** Level given to the discussion's highest headings (4 under « ### Points de discussion clés »). */
  headingLevel: number;
}

export function embedMarkdown(markdown: string, options: EmbedOptions): string {
  const text = markdown.replace(/\r\n?/g, '\n').replace(/^\s*\n/, '').trimEnd();
  if (text === '') return '';
  const chunks = splitFences(`${text}\n`);
  const lastChunk = chunks[chunks.length - 1];
  // An unclosed fence would swallow the rest of the document.
  if (lastChunk?.code && !isClosedFence(lastChunk.text)) lastChunk.text += `${fenceOf(lastChunk.text)}\n`;

  const prose = chunks.map((chunk) => (chunk.code ? chunk.text : setextToAtx(chunk.text)));
  const levels = prose.flatMap((chunk, index) => (chunks[index]!.code ? [] : headingLevels(chunk)));
  const shift = levels.length === 0 ? 0 : options.headingLevel - Math.min(...levels);

  const out = prose
    .map((chunk, index) => (chunks[index]!.code ? chunk : neutraliseInline(defuseDefinitions(spaceHeadings(shiftHeadings(chunk, shift))))))
    .join('');
  return tidyLines(out).trimEnd();
}

function fenceOf(code: string): string {
  return /^\s*(`{3,}|~{3,})/.exec(code)?.[1] ?? '```';
}

function isClosedFence(code: string): boolean {
  const lines = code.trimEnd().split('\n');
  const fence = fenceOf(code);
  return lines.length > 1 && lines[lines.length - 1]!.trim().startsWith(fence) && /^[`~]+$/.test(lines[lines.length - 1]!.trim());
}

/**
 * The list and quote markers a line starts with, taken greedily one after the other. Taking them
 * in one regular expression, `(?:…| {0,3}> ?)*`, backtracks exponentially on « > > > … »; no
 * other split of the markers could let a heading follow, so the greedy one is the only answer.
 */
function containerPrefix(line: string): string {
  let end = 0;
  for (;;) {
    CONTAINER_MARKER.lastIndex = end;
    if (!CONTAINER_MARKER.exec(line) || CONTAINER_MARKER.lastIndex === end) return line.slice(0, end);
    end = CONTAINER_MARKER.lastIndex;
  }
}

interface AtxHeading {
  /** The list and quote markers before the heading. */
  prefix: string;
  level: number;
  /** The text after the #s, as written (closing #s included). */
  content: string;
}

function atxHeading(line: string): AtxHeading | undefined {
  const prefix = containerPrefix(line);
  const match = ATX_OPENING.exec(line.slice(prefix.length));
  return match ? { prefix, level: match[2]!.length, content: match[3]! } : undefined;
}

/** A heading's text without its closing sequence (« ## Titre ## » → « Titre »), scanned from the end. */
function headingText(content: string): string {
  const isBlank = (index: number) => content[index] === ' ' || content[index] === '\t';
  let end = content.length;
  while (end > 0 && isBlank(end - 1)) end--;
  let hashes = end;
  while (hashes > 0 && content[hashes - 1] === '#') hashes--;
  let spaces = hashes;
  while (spaces > 0 && isBlank(spaces - 1)) spaces--;
  return (hashes < end && spaces < hashes ? content.slice(0, spaces) : content).trim();
}

function headingLevels(chunk: string): number[] {
  return chunk.split('\n').flatMap((line) => {
    const heading = atxHeading(line);
    return heading ? [heading.level] : [];
  });
}

function shiftHeadings(chunk: string, shift: number): string {
  return chunk
    .split('\n')
    .map((line) => {
      const heading = atxHeading(line);
      if (!heading) return line;
      const level = Math.min(6, Math.max(1, heading.level + shift));
      const content = headingText(heading.content);
      return `${heading.prefix}${'#'.repeat(level)}${content ? ` ${content}` : ''}`;
    })
    .join('\n');
}

/** « Titre\n=== » becomes « # Titre », so that the shift sees every heading. */
function setextToAtx(chunk: string): string {
  const lines = chunk.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const underline = SETEXT_UNDERLINE.exec(line);
    const previous = out[out.length - 1];
    if (underline && previous !== undefined && isPlainParagraphLine(previous)) {
      out[out.length - 1] = `${underline[1]!.startsWith('=') ? '#' : '##'} ${previous.trim()}`;
    } else {
      out.push(line);
    }
  }
  return out.join('\n');
}

function isPlainParagraphLine(line: string): boolean {
  return (
    line.trim() !== '' &&
    !atxHeading(line) &&
    !/^ {0,3}(?:[-*+]|\d{1,9}[.)])(?: |$)/.test(line) &&
    !/^ {0,3}>/.test(line) &&
    !/^ {4}/.test(line) &&
    !line.includes('|')
  );
}

/**
 * A reference definition (« [1]: https://… ») stays only for a link the minutes may carry; any
 * other target (javascript:, a file, a target on the next line) shows as text.
 */
function defuseDefinitions(chunk: string): string {
  return chunk
    .split('\n')
    .map((line) => {
      const prefix = containerPrefix(line);
      const rest = line.slice(prefix.length);
      const definition = REFERENCE_DEFINITION.exec(rest);
      return definition && !isLinkTarget(definition[1]!) ? `${prefix}${rest.replace('[', '\\[')}` : line;
    })
    .join('\n');
}

/** A blank line before and after each top-level heading (markdownlint MD022). */
function spaceHeadings(chunk: string): string {
  const lines = chunk.split('\n');
  const out: string[] = [];
  lines.forEach((line, index) => {
    const heading = /^ {0,3}#{1,6}(?: |$)/.test(line);
    if (heading && out.length > 0 && out[out.length - 1]!.trim() !== '') out.push('');
    out.push(line);
    const next = lines[index + 1];
    if (heading && next !== undefined && next.trim() !== '') out.push('');
  });
  return out.join('\n');
}

/**
 * Escapes raw HTML (« <script> » shows as text) and wraps bare URLs in <…>, leaving code spans,
 * autolinks, link targets and backslash escapes as written. One pass, each pattern tried where
 * the scan stands (sticky): time linear in the chunk.
 */
function neutraliseInline(chunk: string): string {
  let out = '';
  let bracketDepth = 0;
  let index = 0;
  const closingRun = closingRuns(chunk);
  const at = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = index;
    return pattern.exec(chunk);
  };
  const take = (text: string) => {
    out += text;
    index += text.length;
  };
  while (index < chunk.length) {
    const plain = at(PLAIN_RUN);
    if (plain) {
      take(plain[0]);
      continue;
    }
    const char = chunk[index]!;
    if (char === '\\') {
      take(chunk.slice(index, index + 2));
      continue;
    }
    if (char === '`') {
      const run = at(BACKTICKS)![0];
      const close = closingRun(index + run.length, run.length);
      take(chunk.slice(index, close === -1 ? index + run.length : close + run.length));
      continue;
    }
    if (char === '<') {
      const autolink = at(AUTOLINK);
      if (autolink && isAutolinkTarget(autolink[0].slice(1, -1))) take(autolink[0]);
      else {
        out += '\\<';
        index += 1;
      }
      continue;
    }
    if (char === '[') bracketDepth += 1;
    if (char === ']') {
      bracketDepth = Math.max(0, bracketDepth - 1);
      const target = at(LINK_TARGET);
      if (target) {
        if (isLinkTarget(target[1]!)) {
          take(target[0]);
        } else {
          // Not a link the minutes may carry (javascript:, a file…): the text shows as typed.
          out += '\\]';
          index += 1;
        }
        continue;
      }
    }
    if (char === 'f') {
      // « ftp:// », which marked would link: its colon escaped, it shows as typed and links nowhere.
      out += 'ftp\\:';
      index += 'ftp:'.length;
      continue;
    }
    const url = bracketDepth === 0 && char === 'h' ? at(BARE_URL) : null;
    if (url) {
      out += `<${url[0]}>`;
      index += url[0].length;
      continue;
    }
    take(char);
  }
  return out;
}

const BACKTICKS = /`+/y;
/** Characters that need no look: everything but the few that may start syntax. */
const PLAIN_RUN = /(?:[^\\`<[\]hf]|f(?!tp:\/\/))+/y;

/** The only links the minutes carry: web pages and e-mail addresses. */
export function isLinkTarget(target: string): boolean {
  return /^<?(?:https?:\/\/|mailto:)/i.test(target);
}

/** An autolink's content: a URL with a safe scheme, or an e-mail address (no scheme). */
function isAutolinkTarget(content: string): boolean {
  return isLinkTarget(content) || !/^[A-Za-z][A-Za-z0-9+.-]{1,31}:/.test(content);
}

/**
 * Finds, for a code span opened by a run of `length` backticks ending at `from`, where the next
 * run of exactly that length starts (-1: none). Runs are listed once; calls come in increasing
 * `from`, so each list is walked once.
 */
function closingRuns(text: string): (from: number, length: number) => number {
  let byLength: Map<number, { starts: number[]; next: number }> | undefined;
  return (from, length) => {
    if (!byLength) {
      byLength = new Map();
      for (const match of text.matchAll(/`+/g)) {
        const list = byLength.get(match[0].length) ?? { starts: [], next: 0 };
        list.starts.push(match.index);
        byLength.set(match[0].length, list);
      }
    }
    const list = byLength.get(length);
    if (!list) return -1;
    while (list.next < list.starts.length && list.starts[list.next]! < from) list.next++;
    return list.starts[list.next] ?? -1;
  };
}

/** Trailing spaces: none, or exactly two for a deliberate line break; at most one blank line in a row. */
function tidyLines(markdown: string): string {
  return splitFences(markdown)
    .map((chunk) =>
      chunk.code
        ? chunk.text
        : chunk.text
            .split('\n')
            .map((line) => (/\S {2,}$/.test(line) ? `${line.trimEnd()}  ` : line.trimEnd()))
            .join('\n')
            .replace(/\n{3,}/g, '\n\n'),
    )
    .join('');
}
