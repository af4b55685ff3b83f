// The data of a YAML text read by js-yaml, without source positions. It reads a meeting in
// 250 µs where yaml's composed document (source.ts) takes 700: loading asks it first, and falls
// back to source.ts for any file it cannot vouch for, so every problem is still located there.
// Both read YAML 1.2 with the core schema and follow the YAML test suite;
// test/property/fast-yaml.test.ts holds them to the same data on valid and broken meetings.
import { load } from 'js-yaml';
import { mayHaveLexicalProblem } from './yaml-lexical.js';

/**
 * The data of `text`, or undefined when it is not plain YAML data: a syntax error, several
 * documents, an alias (refused outright: source.ts guards against alias bombs), or a tag or
 * directive (source.ts words why they are refused).
 */
export function readYamlData(text: string): unknown {
  if (mayHaveLexicalProblem(text) || readsLinesDifferently(text)) return undefined;
  try {
    return load(text, { maxAliases: 0 });
  } catch {
    return undefined;
  }
}

/**
 * Where the two parsers part (found by the property test): a tab at a line start, which yaml
 * refuses before some nodes that js-yaml accepts, and a carriage return alone, a line break
 * for js-yaml only.
 */
function readsLinesDifferently(text: string): boolean {
  return text.startsWith('\t') || text.includes('\n\t') || (text.includes('\r') && /\r(?!\n)/.test(text));
}
