// What a repository's own templates may not do, found before they run, each with its place:
// a partial that calls itself (directly or through others) would recurse until the stack breaks;
// a reserved name (__proto__, constructor…) pries into JavaScript objects; a helper that does not
// exist, or a block helper given the wrong number of values, fails in English at run time; a
// comment {{!-- never closed stops the parser with a lexical error. Only Handlebars' parser is
// used (the AST), never its compiler's output.
import type { HelperDelegate } from 'handlebars';
import { error, GtmError, type Diagnostic } from '../../core/diagnostics.js';
import { messages } from '../../core/messages.js';
import type { TemplateSource } from './templates.js';

type Parse = (text: string) => unknown;

interface Position {
  line: number;
  column: number;
}

interface Node {
  type: string;
  loc?: { start: Position };
  [key: string]: unknown;
}

/** Names that reach into JavaScript objects rather than the minutes' data. */
const RESERVED = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
]);

/** Handlebars' own helpers and how many values each takes (undefined: any). */
const BUILT_IN_HELPERS: Record<string, number | undefined> = { if: 1, unless: 1, each: 1, with: 1, lookup: 2, log: undefined };

/** Handlebars' fallbacks, which a template has no business calling. */
const INTERNAL_HELPERS = new Set(['helperMissing', 'blockHelperMissing']);

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** Every node under `node`, depth first, in source order. */
function* walk(node: unknown): Generator<Node> {
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item);
    return;
  }
  if (!isNode(node)) return;
  yield node;
  for (const [key, value] of Object.entries(node)) if (key !== 'loc' && typeof value === 'object') yield* walk(value);
}

const placeOf = (source: TemplateSource, node: Node) => ({
  file: source.file,
  line: node.loc?.start.line ?? 1,
  column: (node.loc?.start.column ?? 0) + 1,
});

/** A partial called by its written name; undefined for one whose name is computed. */
function partialName(node: Node): string | undefined {
  const name = node.name as Node | undefined;
  if (name?.type === 'PathExpression') return String(name.original);
  if (name?.type === 'StringLiteral' || name?.type === 'NumberLiteral') return String(name.value);
  return undefined;
}

/**
 * The problems of one template found in its syntax tree: reserved names, unknown helpers, wrong
 * numbers of values, computed partial names. Also returns the partials it calls, for cycles.
 */
function checkTree(
  source: TemplateSource,
  tree: unknown,
  helpers: ReadonlySet<string>,
): { problems: Diagnostic[]; calls: { name: string; node: Node }[] } {
  const problems: Diagnostic[] = [];
  const calls: { name: string; node: Node }[] = [];
  const inline = new Set<string>();
  for (const node of walk(tree)) {
    if (node.type === 'DecoratorBlock' || node.type === 'Decorator') {
      const [name] = (node.params as Node[] | undefined) ?? [];
      if (name?.type === 'StringLiteral') inline.add(String(name.value));
    }
  }
  for (const node of walk(tree)) {
    const place = () => placeOf(source, node);
    if (node.type === 'PathExpression') {
      const reserved = (node.parts as string[]).find((part) => RESERVED.has(part));
      if (reserved) problems.push(error('modele-invalide', messages.templateReservedName(reserved), place()));
    } else if (node.type === 'StringLiteral' && RESERVED.has(String(node.value))) {
      problems.push(error('modele-invalide', messages.templateReservedName(String(node.value)), place()));
    } else if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      const name = partialName(node);
      if (name === undefined) problems.push(error('modele-invalide', messages.templateComputedPartial(), place()));
      else if (!name.startsWith('@') && !inline.has(name)) calls.push({ name, node });
    } else if (node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression') {
      const head = node.path as Node;
      const values = (node.params as unknown[]).length;
      const called = values > 0 || node.hash !== undefined || node.type !== 'MustacheStatement';
      if (head.type !== 'PathExpression' || head.data || (head.parts as string[]).length !== 1) continue;
      const name = String(head.original);
      if (INTERNAL_HELPERS.has(name)) {
        problems.push(error('modele-invalide', messages.templateUnknownHelper(name), place()));
      } else if (Object.hasOwn(BUILT_IN_HELPERS, name)) {
        const expected = BUILT_IN_HELPERS[name];
        if (expected !== undefined && values !== expected) problems.push(error('modele-invalide', messages.templateHelperArity(name, expected, node.type === 'BlockStatement'), place()));
      } else if (called && !helpers.has(name) && (node.type !== 'BlockStatement' || values > 0 || node.hash !== undefined)) {
        problems.push(error('modele-invalide', messages.templateUnknownHelper(name), place()));
      }
    }
  }
  return { problems, calls };
}

/** « {{!-- » with no « --}} » after it: the place where it opens. */
function unclosedComment(text: string): Position | undefined {
  let from = 0;
  for (;;) {
    const open = text.indexOf('{{!--', from);
    if (open === -1) return undefined;
    const close = text.indexOf('--}}', open + 5);
    if (close === -1) {
      const before = text.slice(0, open);
      const line = before.split('\n').length;
      return { line, column: open - (before.lastIndexOf('\n') + 1) + 1 };
    }
    from = close + 4;
  }
}

/**
 * Checks a set of templates before any runs. `parse` is Handlebars' parser; `helpers` the
 * helpers gtm gives templates. Throws a GtmError listing every problem found.
 */
export function checkTemplates(sources: Iterable<TemplateSource>, parse: Parse, helpers: Record<string, HelperDelegate> | readonly string[]): void {
  const helperNames = new Set(Array.isArray(helpers) ? helpers : Object.keys(helpers));
  const problems: Diagnostic[] = [];
  const calls = new Map<string, { name: string; node: Node }[]>();
  const byName = new Map<string, TemplateSource>();
  for (const source of sources) {
    byName.set(source.name, source);
    const comment = unclosedComment(source.text);
    if (comment) {
      problems.push(error('modele-invalide', messages.templateUnclosedComment(), { file: source.file, ...comment }));
      continue;
    }
    let tree: unknown;
    try {
      tree = parse(source.text);
    } catch {
      // A syntax error: compiling reports it, located, in French.
      continue;
    }
    const found = checkTree(source, tree, helperNames);
    problems.push(...found.problems);
    calls.set(source.name, found.calls);
  }
  problems.push(...partialCycles(byName, calls));
  if (problems.length > 0) throw new GtmError(problems);
}

/** Each cycle of partials, reported once, where the call that closes it is written. */
function partialCycles(sources: ReadonlyMap<string, TemplateSource>, calls: ReadonlyMap<string, { name: string; node: Node }[]>): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (name: string) => {
    if (done.has(name)) return;
    path.push(name);
    for (const call of calls.get(name) ?? []) {
      const loop = path.indexOf(call.name);
      if (loop !== -1) {
        const source = sources.get(name)!;
        problems.push(error('modele-invalide', messages.templateRecursivePartial([...path.slice(loop), call.name]), placeOf(source, call.node)));
      } else if (sources.has(call.name)) {
        visit(call.name);
      }
    }
    path.pop();
    done.add(name);
  };
  for (const name of sources.keys()) visit(name);
  return problems;
}
