// YAML text → plain data, keeping the document so that any path in the data can be traced
// back to its line and column. The data is read as YAML 1.2 (core schema): `no` stays text,
// `2023-06-20` stays text, `9:30` stays text.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import { error, type DataPath, type Diagnostic, type Location } from '../diagnostics.js';
import { messages } from '../messages.js';
import { describeCharacter } from './characters.js';
import { describeYamlError, yamlWording } from './yaml-errors.js';
import { mayHaveLexicalProblem, scanTokens } from './yaml-lexical.js';

export type { DataPath } from '../diagnostics.js';

export interface YamlSource {
  file: string;
  text: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export interface ParsedYaml {
  source: YamlSource;
  /** The data, when the text is well-formed YAML holding something. */
  value?: unknown;
  diagnostics: Diagnostic[];
}

/** Aliases allowed before the text is taken for an alias bomb (billion laughs). */
const MAX_ALIAS_COUNT = 100;

/**
 * Never throws for any text: every problem becomes a located diagnostic. Syntax errors after the
 * first are left out (they are mostly its echoes), except duplicate keys, which are each real.
 */
export function parseYaml(file: string, text: string, emptyMessage = messages.emptyFile()): ParsedYaml {
  // Lexing costs a third of parsing: only text that could hold a lexical problem is lexed first.
  const early = mayHaveLexicalProblem(text) ? scanTokens(text) : undefined;
  const scan = () => early ?? scanTokens(text);
  if (early?.problem) {
    const source = unparsedSource(file, text);
    return { source, diagnostics: [error(early.problem.code, early.problem.message, offsetLocation(source, early.problem.offset))] };
  }

  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(text, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      version: '1.2',
      schema: 'core',
      merge: false,
      strict: true,
    });
  } catch (problem) {
    // The composer recurses once per nesting level; it reports most overflows itself.
    if (!(problem instanceof RangeError)) throw problem;
    const source = unparsedSource(file, text);
    return { source, diagnostics: [error('yaml-imbrication', yamlWording.tooDeepBlocks(), offsetLocation(source, 0))] };
  }
  const source: YamlSource = { file, text, document, lineCounter };
  const at = (offset: number): Location => offsetLocation(source, offset);

  const duplicates = document.errors.filter((problem) => problem.code === 'DUPLICATE_KEY');
  const [first] = document.errors.filter((problem) => problem.code !== 'DUPLICATE_KEY').sort((a, b) => a.pos[0] - b.pos[0]);
  const syntaxErrors = [...duplicates, ...(first ? [first] : [])];
  const openings = syntaxErrors.length > 0 ? scan() : undefined;
  const syntax = syntaxErrors
    .map((problem) => describeYamlError(problem, text, openings!))
    .map((problem) => error(problem.code, problem.message, at(problem.offset)));
  if (syntax.length > 0) {
    const cause = first ? specialSpaceIndent(source, first.pos[0]) : undefined;
    return { source, diagnostics: cause ? [cause, ...syntax.filter((problem) => problem.code !== 'yaml-syntaxe')] : syntax };
  }

  let value: unknown;
  try {
    const read = readNodes(document);
    if (read.problems.length > 0) return { source, diagnostics: read.problems.map((problem) => error(problem.code, problem.message, at(problem.offset))) };
    // Aliases and tagged collections: yaml's own conversion, which also counts aliases.
    value = read.value === NOT_PLAIN ? document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) : read.value;
  } catch (problem) {
    // yaml throws a ReferenceError for excessive aliases, a RangeError when nesting overflows the stack.
    if (problem instanceof ReferenceError) {
      return { source, diagnostics: [error('yaml-alias', yamlWording.aliasBomb(), at(firstAliasOffset(document)))] };
    }
    if (problem instanceof RangeError) return { source, diagnostics: [error('yaml-imbrication', yamlWording.tooDeepBlocks(), at(0))] };
    throw problem;
  }
  if (value === null || value === undefined) return { source, diagnostics: [error('fichier-vide', emptyMessage, at(0))] };
  return { source, value, diagnostics: [] };
}

/** Spaces that look like a space but that YAML does not count in an indentation. */
const SPECIAL_SPACE_INDENT = /^[ \t]*([\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\uFEFF])/;

/**
 * A line at or just before a syntax error whose indentation holds a no-break space (or another
 * special space): yaml reads it as text and reports something else (« guillemet non refermé »).
 */
function specialSpaceIndent(source: YamlSource, errorOffset: number): Diagnostic | undefined {
  const { line } = source.lineCounter.linePos(errorOffset);
  const starts = [0];
  for (let index = source.text.indexOf('\n'); index !== -1 && starts.length < line; index = source.text.indexOf('\n', index + 1)) starts.push(index + 1);
  for (let number = Math.max(1, line - 2); number <= line && number <= starts.length; number++) {
    const start = starts[number - 1]!;
    const end = source.text.indexOf('\n', start);
    const match = SPECIAL_SPACE_INDENT.exec(source.text.slice(start, end === -1 ? undefined : end));
    if (match) {
      return error('yaml-syntaxe', messages.yamlSyntax(messages.unicodeSpaceIndent(describeCharacter(match[1]!))), { file: source.file, line: number, column: match[0].length });
    }
  }
  return undefined;
}

/** A source for text that could not be composed: positions only, an empty document. */
function unparsedSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineCounter.addNewLine(index + 1);
  return { file, text, document: parseDocument(''), lineCounter };
}

/** The data of a document only yaml's own toJS builds: it holds aliases or tagged collections. */
const NOT_PLAIN = Symbol('not plain');

interface NodeProblem {
  code: string;
  message: string;
  offset: number;
}

/**
 * Checks what well-formed YAML may still hold that a record must not: keys that are not plain
 * words (they would be turned into text like "[ a, b ]"), `__proto__` (which plain objects treat
 * specially), and aliases with no anchor (a value that merely starts with « * »). The same walk
 * builds the data as `document.toJS()` would, or NOT_PLAIN: yaml's `visit` and `toJS` copy a
 * path or a context at every node, which together cost a tenth of parsing a meeting.
 */
function readNodes(document: Document.Parsed): { problems: NodeProblem[]; value: unknown } {
  const problems: NodeProblem[] = [];
  let plain = true;
  // Key first, then value: the problems come in the order of the text.
  const readPair = (pair: Pair, into: Record<string, unknown>): void => {
    const key = pair.key as Node | null;
    const offset = key?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0;
    let name: string | undefined;
    if (!isScalar(key)) {
      problems.push({ code: 'cle-complexe', message: yamlWording.complexKey(), offset });
      read(key);
    } else if (key.value === null || key.value === '') problems.push({ code: 'cle-vide', message: yamlWording.emptyKey(), offset });
    else if (key.value === '__proto__') problems.push({ code: 'cle-inconnue', message: yamlWording.reservedKey('__proto__'), offset });
    else name = String(key.value);
    const value = read(pair.value);
    if (name !== undefined) into[name] = value;
  };
  const read = (node: unknown): unknown => {
    if (isScalar(node)) {
      if (typeof node.value === 'object' && node.value !== null) plain = false;
      return node.value;
    }
    if (isMap(node)) {
      if (node.tag !== undefined && node.tag !== 'tag:yaml.org,2002:map') plain = false;
      const data: Record<string, unknown> = {};
      for (const pair of node.items) readPair(pair, data);
      return data;
    }
    if (isSeq(node)) {
      if (node.tag !== undefined && node.tag !== 'tag:yaml.org,2002:seq') plain = false;
      return node.items.map(read);
    }
    if (isAlias(node)) {
      plain = false;
      if (node.resolve(document) === undefined) {
        problems.push({ code: 'yaml-alias', message: yamlWording.unknownAlias(node.source), offset: node.range?.[0] ?? 0 });
      }
    } else if (isPair(node)) {
      plain = false;
      readPair(node, {});
    } else if (node === null || node === undefined) {
      // No node: the value of `key:` in a flow map, or an empty document.
      return node;
    } else plain = false;
    return undefined;
  };
  const value = read(document.contents);
  return { problems, value: plain ? value : NOT_PLAIN };
}

function firstAliasOffset(document: Document.Parsed): number {
  let offset = 0;
  visit(document, {
    Alias(_, alias) {
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

export function offsetLocation(source: YamlSource, offset: number): Location {
  const { line, col } = source.lineCounter.linePos(Math.min(offset, source.text.length));
  return { file: source.file, line, column: col };
}

/**
 * The location of the value (or, with target 'key', of the key) at `path`; when the path
 * does not exist (a missing field), the closest existing parent.
 */
export function locate(source: YamlSource, path: DataPath, target: 'key' | 'value' = 'value'): Location {
  let node: unknown = source.document.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    const next = child(node, segment);
    if (!next) break;
    node = next.value;
    keyNode = next.key;
  }
  const chosen = target === 'key' && keyNode ? keyNode : (node as Node | undefined);
  const offset = chosen?.range?.[0] ?? 0;
  return offsetLocation(source, offset);
}

function child(node: unknown, segment: string | number): { key?: Node; value: Node } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      const name = isScalar(key) ? key.value : key;
      if (String(name) === String(segment)) {
        const keyNode = key as Node;
        // A key written with no value (`lieu:`) has a null value node; point at the key.
        return { key: keyNode, value: (pair.value as Node | null) ?? keyNode };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item ? { value: item } : undefined;
  }
  return undefined;
}
