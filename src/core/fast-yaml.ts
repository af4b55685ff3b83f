// The data of a YAML text read by js-yaml, without source positions. It reads a meeting in
// 250 µs where yaml's composed document (source.ts) takes 700: loading asks it first, and falls
// back to source.ts for any file it cannot vouch for, so every problem is still located there.
// Both read YAML 1.2 with the core schema and follow the YAML test suite;
// test/property/fast-yaml.test.ts holds them to the same data on valid and broken meetings.
import { constructFromEvents, EVENT_ID, parseEvents } from 'js-yaml';

/** Far above any real record (a meeting nests at most three brackets deep). */
export const MAX_FLOW_DEPTH = 50;

/**
 * The data of `text`, or undefined when it is not plain YAML data: a syntax error, several
 * documents, an alias (refused outright: source.ts guards against alias bombs), a tag or a
 * directive (source.ts words why they are refused), nesting deeper than source.ts allows.
 */
export function readYamlData(text: string): unknown {
  if (readsLinesDifferently(text)) return undefined;
  try {
    const events = parseEvents(text, { maxDepth: MAX_FLOW_DEPTH });
    for (const event of events) {
      if (event.type === EVENT_ID.DOCUMENT ? event.directives.length > 0 : 'tagStart' in event && event.tagStart !== -1) return undefined;
    }
    const documents = constructFromEvents(events, { source: text, maxAliases: 0 });
    return documents.length === 1 ? documents[0] : undefined;
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
