// The rapporteur's own Markdown (discussion points, annexes), made safe to embed in the minutes:
// headings move below the section that holds them, raw HTML shows as text, bare URLs become
// autolinks, an unclosed code fence is closed, blank lines surround headings.
import { splitFences } from '../../core/french/index.js';

const ATX_HEADING = /^((?: {0,3}(?:[-*+]|\d{1,9}[.)]) +| {0,3}> ?)*)( {0,3})(#{1,6})(?=[ \t]|$)(.*)$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const AUTOLINK = /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/;
const BARE_URL = /^(?:https?|ftp):\/\/[^\s<>]*[^\s<>.,:;!?'")\]*_~]/;

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
    .map((chunk, index) => (chunks[index]!.code ? chunk : neutraliseInline(spaceHeadings(shiftHeadings(chunk, shift)))))
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

function headingLevels(chunk: string): number[] {
  return chunk.split('\n').flatMap((line) => {
    const match = ATX_HEADING.exec(line);
    return match ? [match[3]!.length] : [];
  });
}

function shiftHeadings(chunk: string, shift: number): string {
  return chunk
    .split('\n')
    .map((line) => {
      const match = ATX_HEADING.exec(line);
      if (!match) return line;
      const level = Math.min(6, Math.max(1, match[3]!.length + shift));
      const content = match[4]!.replace(/[ \t]+#+[ \t]*$/, '').trim();
      return `${match[1]}${'#'.repeat(level)}${content ? ` ${content}` : ''}`;
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
    !ATX_HEADING.test(line) &&
    !/^ {0,3}(?:[-*+]|\d{1,9}[.)])(?: |$)/.test(line) &&
    !/^ {0,3}>/.test(line) &&
    !/^ {4}/.test(line) &&
    !line.includes('|')
  );
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
 * autolinks, link targets and backslash escapes as written.
 */
function neutraliseInline(chunk: string): string {
  let out = '';
  let bracketDepth = 0;
  let index = 0;
  while (index < chunk.length) {
    const rest = chunk.slice(index);
    const char = chunk[index]!;
    if (char === '\\') {
      out += rest.slice(0, 2);
      index += 2;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(rest)![0];
      const close = findClosingRun(chunk, index + run.length, run.length);
      const end = close === -1 ? index + run.length : close + run.length;
      out += chunk.slice(index, end);
      index = end;
      continue;
    }
    if (char === '<') {
      const autolink = AUTOLINK.exec(rest);
      if (autolink) {
        out += autolink[0];
        index += autolink[0].length;
      } else {
        out += '\\<';
        index += 1;
      }
      continue;
    }
    if (char === '[') bracketDepth += 1;
    if (char === ']') {
      bracketDepth = Math.max(0, bracketDepth - 1);
      const target = /^\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\)/.exec(rest);
      if (target) {
        out += target[0];
        index += target[0].length;
        continue;
      }
    }
    const url = bracketDepth === 0 && /(?:^|[\s(*_])$/.test(out.slice(-1) || ' ') ? BARE_URL.exec(rest) : null;
    if (url) {
      out += `<${url[0]}>`;
      index += url[0].length;
      continue;
    }
    out += char;
    index += 1;
  }
  return out;
}

function findClosingRun(text: string, from: number, length: number): number {
  const pattern = /`+/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === length) return match.index;
  }
  return -1;
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
