// Checks made on the YAML tokens before the text is composed into a document: the features a
// hand-written compte-rendu never needs and that would change how values are read (directives,
// tags), and bracket nesting deep enough to exhaust the parser's stack. The lexer is iterative,
// so it is safe on any input the size limit lets through.
import { CST, Lexer } from 'yaml';
import { yamlWording } from './yaml-errors.js';

/** Brackets that may be open at once: far above any record, far below what exhausts a stack. */
export const MAX_FLOW_DEPTH = 50;
/**
 * Levels of indentation (lists and keys one inside the other) a file may nest: a meeting uses
 * about six. Checked here, on the tokens, so that too deep a nesting is reported at the same
 * place whatever the stack the parser would have run out of (issue 14, item 16).
 */
export const MAX_BLOCK_DEPTH = 50;
/** A line that reaches MAX_BLOCK_DEPTH starts with at least that many spaces, dashes or « ? ». */
const DEEP_LINE = new RegExp(`^[ ?-]{${MAX_BLOCK_DEPTH - 1},}`, 'm');

const VIRTUAL_TOKENS = new Set(['\x02', '\x18', '\x1f']);

export interface LexicalProblem {
  code: string;
  message: string;
  offset: number;
}

export interface LexicalScan {
  problem?: LexicalProblem;
  /** Where each quoted value starts, to place an unclosed quote at its opening mark. */
  quoteStarts: number[];
  /** Where each [ or { is, to place an unclosed bracket at its opening mark. */
  flowStarts: number[];
}

/**
 * Whether scanTokens could find a problem in `text`: a directive needs « % » at a line start,
 * a tag needs « ! », too deep a nesting needs more than MAX_FLOW_DEPTH brackets or a line
 * indented by at least MAX_BLOCK_DEPTH - 1 columns. A cheap test that lets the common file skip
 * the full lexing pass.
 */
export function mayHaveLexicalProblem(text: string): boolean {
  if (/^%|!/m.test(text) || DEEP_LINE.test(text)) return true;
  let brackets = 0;
  for (let index = text.indexOf('['); index !== -1; index = text.indexOf('[', index + 1)) brackets++;
  for (let index = text.indexOf('{'); index !== -1; index = text.indexOf('{', index + 1)) brackets++;
  return brackets > MAX_FLOW_DEPTH;
}

export function scanTokens(text: string): LexicalScan {
  const quoteStarts: number[] = [];
  const flowStarts: number[] = [];
  let offset = 0;
  let depth = 0;
  // Block nesting: the columns of the nodes open on the way to the current one. A node starts
  // a line, or follows « - » or « ? » on it; it closes the open nodes at its column or deeper.
  const blocks: number[] = [];
  let lineStart = 0;
  let startsNode = true;
  for (const token of new Lexer().lex(text)) {
    // The lexer also yields markers of its own (document, scalar, flow end) absent from the text.
    if (VIRTUAL_TOKENS.has(token)) continue;
    const start = offset;
    offset += token.length;
    const type = CST.tokenType(token);
    if (type === 'newline') startsNode = true;
    else if (type !== 'space' && type !== 'comment' && depth === 0) {
      if (startsNode) {
        const column = start - lineStart;
        while (blocks.length > 0 && blocks[blocks.length - 1]! >= column) blocks.pop();
        blocks.push(column);
        if (blocks.length > MAX_BLOCK_DEPTH) {
          return { problem: { code: 'yaml-imbrication', message: yamlWording.tooDeepBlocks(), offset: start }, quoteStarts, flowStarts };
        }
      }
      startsNode = type === 'seq-item-ind' || type === 'explicit-key-ind';
    }
    const lastLineFeed = token.lastIndexOf('\n');
    if (lastLineFeed !== -1) {
      lineStart = start + lastLineFeed + 1;
      if (lastLineFeed === token.length - 1) startsNode = true;
    }
    switch (type) {
      case 'directive-line':
        // `%YAML 1.2` states what gtm reads anyway; any other directive would change the reading.
        if (/^%YAML[ \t]+1\.2[ \t]*(?:#.*)?$/.test(token)) break;
        return { problem: { code: 'yaml-directive', message: yamlWording.directive(token.trim()), offset: start }, quoteStarts, flowStarts };
      case 'tag':
        return { problem: { code: 'yaml-etiquette', message: yamlWording.tag(token), offset: start }, quoteStarts, flowStarts };
      case 'flow-map-start':
      case 'flow-seq-start':
        depth += 1;
        flowStarts.push(start);
        if (depth > MAX_FLOW_DEPTH) {
          return { problem: { code: 'yaml-imbrication', message: yamlWording.tooDeep(MAX_FLOW_DEPTH), offset: start }, quoteStarts, flowStarts };
        }
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        depth = Math.max(0, depth - 1);
        break;
      case 'double-quoted-scalar':
      case 'single-quoted-scalar':
        quoteStarts.push(start);
        break;
      default:
        break;
    }
  }
  return { quoteStarts, flowStarts };
}
