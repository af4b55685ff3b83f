// Inline Markdown (marked's inline tokens) -> styled runs for the typesetter. Bold, italic and
// links keep their meaning; <br> (the one HTML element the minutes use, in table cells) is a line
// break; a soft line break inside a paragraph is a space, as in any Markdown viewer.
import type { Token, Tokens } from 'marked';
import type { Run } from './blocks.js';

interface Style {
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

const BREAK_TAG = /^<br\s*\/?>$/i;
const COMMENT = /^<!--[\s\S]*-->$/;

export function inlineRuns(tokens: readonly Token[] | undefined, style: Style = {}): Run[] {
  const runs: Run[] = [];
  const push = (text: string, own: Style = style) => {
    if (text !== '') runs.push(compact({ text, ...own }));
  };
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'text': {
        const text = token as Tokens.Text;
        // A block-level text token (in a tight list item) carries its own inline tokens.
        if (text.tokens && text.tokens.length > 0) runs.push(...inlineRuns(text.tokens, style));
        else push(softBreaks(decodeEntities(text.text)));
        break;
      }
      case 'escape':
        push((token as Tokens.Escape).text);
        break;
      case 'strong':
        runs.push(...inlineRuns((token as Tokens.Strong).tokens, { ...style, bold: true }));
        break;
      case 'em':
        runs.push(...inlineRuns((token as Tokens.Em).tokens, { ...style, italic: true }));
        break;
      case 'del':
        runs.push(...inlineRuns((token as Tokens.Del).tokens, style));
        break;
      case 'codespan':
        push(decodeEntities((token as Tokens.Codespan).text));
        break;
      case 'br':
        push('\n');
        break;
      case 'link': {
        const link = token as Tokens.Link;
        runs.push(...inlineRuns(link.tokens, linkable(link.href) ? { ...style, link: link.href } : style));
        break;
      }
      case 'image':
        push((token as Tokens.Image).text);
        break;
      case 'html': {
        const html = token.raw.trim();
        if (BREAK_TAG.test(html)) push('\n');
        else if (!COMMENT.test(html)) push(html);
        break;
      }
      default:
        push(softBreaks(token.raw));
    }
  }
  return runs;
}

/** The plain text of some runs (footer, metadata). */
export function plainText(runs: readonly Run[]): string {
  return runs
    .map((run) => run.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function compact(run: Run): Run {
  const result: Run = { text: run.text };
  if (run.bold) result.bold = true;
  if (run.italic) result.italic = true;
  if (run.link !== undefined) result.link = run.link;
  return result;
}

/** Only links a reader can open from a PDF: web, mail. Anything else stays plain text. */
function linkable(href: string): boolean {
  return /^(?:https?|mailto):/i.test(href);
}

function softBreaks(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, ' ');
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: '\'',
  nbsp: '\u00a0',
  laquo: '«',
  raquo: '»',
  rsquo: '’',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  euro: '€',
};

/** Markdown lets text hold HTML character references; marked leaves them for HTML to decode. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name]! : whole;
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}
