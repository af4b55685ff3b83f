// Clumsy hand edits of a meeting file, for property tests: lines deleted, duplicated, swapped,
// re-indented, characters typed anywhere, the file cut short.
import fc from 'fast-check';

/** What a hand edit can insert: YAML's special characters, quotes, tabs, newlines, accents. */
const HOSTILE_CHARACTERS = [':', '-', '[', ']', '{', '}', '"', "'", '#', '&', '*', '!', '|', '>', '%', '@', '\t', ' ', '\n', ',', '?', '`', 'é', '\u00a0', '\r', '<<<<<<< '];

export type Edit =
  | { kind: 'delete'; line: number }
  | { kind: 'duplicate'; line: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'insert'; position: number; text: string }
  | { kind: 'indent'; line: number; by: number; tab: boolean }
  | { kind: 'truncate'; position: number };

const ratio = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

export const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), line: ratio }),
  fc.record({ kind: fc.constant('duplicate' as const), line: ratio }),
  fc.record({ kind: fc.constant('swap' as const), line: ratio, other: ratio }),
  fc.record({
    kind: fc.constant('insert' as const),
    position: ratio,
    text: fc.array(fc.constantFrom(...HOSTILE_CHARACTERS), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
  }),
  fc.record({ kind: fc.constant('indent' as const), line: ratio, by: fc.integer({ min: -4, max: 4 }), tab: fc.boolean() }),
  fc.record({ kind: fc.constant('truncate' as const), position: ratio }),
) as fc.Arbitrary<Edit>;

export function applyEdit(text: string, edit: Edit): string {
  const lines = text.split('\n');
  const at = (value: number) => Math.floor(value * lines.length);
  switch (edit.kind) {
    case 'delete':
      lines.splice(at(edit.line), 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(at(edit.line), 0, lines[at(edit.line)]!);
      return lines.join('\n');
    case 'swap': {
      const [a, b] = [at(edit.line), at(edit.other)];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'insert': {
      const position = Math.floor(edit.position * (text.length + 1));
      return text.slice(0, position) + edit.text + text.slice(position);
    }
    case 'indent': {
      const index = at(edit.line);
      const line = lines[index]!;
      lines[index] = edit.by >= 0 ? (edit.tab ? '\t' : ' '.repeat(edit.by)) + line : line.replace(new RegExp(`^ {0,${-edit.by}}`), '');
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, Math.floor(edit.position * text.length));
  }
}

