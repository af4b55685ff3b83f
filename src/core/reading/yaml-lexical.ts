// Checks made on the YAML tokens before the text is composed into a document: the features a
// hand-written compte-rendu never needs and that would change how values are read (directives,
// tags), and bracket nesting deep enough to exhaust the parser's stack. The lexer is iterative,
// so it is safe on any input the size limit lets through.
import { CST, Lexer } from 'yaml';
import { yamlWording } from './yaml-errors.js';

/** Brackets that may be open at once: far above any record, far below what exhausts a stack. */
export const MAX_FLOW_DEPTH = 50;

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
 * a tag needs « ! », and too deep a nesting needs more than MAX_FLOW_DEPTH brackets. A cheap
 * test that lets the common file skip the full lexing pass.
 */
export function mayHaveLexicalProblem(text: string): boolean {
  if (/^%|!/m.test(text)) return true;
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
  for (const token of new Lexer().lex(text)) {
    // The lexer also yields markers of its own (document, scalar, flow end) absent from the text.
    if (VIRTUAL_TOKENS.has(token)) continue;
    const start = offset;
    offset += token.length;
    switch (CST.tokenType(token)) {
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
