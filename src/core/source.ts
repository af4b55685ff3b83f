// YAML text → plain data, keeping the document so that any path in the data can be traced
// back to its line and column. The data is read as YAML 1.2 (core schema): `no` stays text,
// `2023-06-20` stays text, `9:30` stays text.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { error, type Diagnostic, type Location } from './diagnostics.js';
import { messages } from './messages.js';
import { yamlErrorMessage } from './yaml-errors.js';

export type DataPath = ReadonlyArray<string | number>;

export interface YamlSource {
  file: string;
  text: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export interface ParsedYaml {
  source: YamlSource;
  /** The data, when the text is well-formed YAML. */
  value?: unknown;
  diagnostics: Diagnostic[];
}

/** Aliases allowed before the text is taken for an alias bomb (billion laughs). */
const MAX_ALIAS_COUNT = 100;

export function parseYaml(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    version: '1.2',
    schema: 'core',
    merge: false,
    strict: true,
  });
  const source: YamlSource = { file, text, document, lineCounter };
  const at = (offset: number): Location => offsetLocation(source, offset);

  const diagnostics = document.errors.map((problem) =>
    error(
      problem.code === 'DUPLICATE_KEY' ? 'cle-en-double' : 'yaml-syntaxe',
      yamlErrorMessage(problem.code, problem.message, /^[^:\n]*/.exec(text.slice(problem.pos[0]))?.[0]),
      at(problem.pos[0]),
    ),
  );
  if (diagnostics.length > 0) return { source, diagnostics };
  if (document.contents === null) return { source, diagnostics: [error('fichier-vide', messages.emptyFile(), at(0))] };

  try {
    return { source, value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), diagnostics };
  } catch (problem) {
    // yaml throws a ReferenceError for excessive aliases; anything else is a bug and propagates.
    if (problem instanceof ReferenceError) {
      return { source, diagnostics: [error('yaml-alias', yamlErrorMessage('ALIAS_BOMB', problem.message), at(0))] };
    }
    throw problem;
  }
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
