// What a page can hold: lists nested deeper than MAX_LIST_DEPTH and tables wider than
// MAX_TABLE_COLUMNS cannot be laid out legibly on an A4 page (each level of a list takes 18 pt
// of a 16 cm line; a column needs room for a few letters besides its padding). The typesetter
// still terminates beyond them (it stops indenting, it breaks words between letters), and
// `validate` reports them, located, from the scan below: the rapporteur's Markdown read line by
// line, the way CommonMark nests list items and counts a table's columns.

export const MAX_LIST_DEPTH = 10;
export const MAX_TABLE_COLUMNS = 12;

export interface LayoutExcess {
  readonly kind: 'list-depth' | 'table-columns';
  /** The depth of the list, or the number of columns of the table. */
  readonly value: number;
  /** 1-based line of the Markdown where it happens. */
  readonly line: number;
}

const LIST_MARKER = /^( *)([-*+]|\d{1,9}[.)])( +|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DELIMITER_ROW = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Where `markdown` goes beyond the limits: its first list too deep (with the depth it reaches), its first table too wide. */
export function layoutExcesses(markdown: string): LayoutExcess[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let depth: { line: number; value: number } | undefined;
  let table: LayoutExcess | undefined;
  /** Content columns of the open list items, outermost first. */
  const open: number[] = [];
  let fence: string | undefined;
  let previousBlank = true;
  lines.forEach((raw, index) => {
    const fenceMarker = FENCE.exec(raw)?.[1];
    if (fence !== undefined) {
      if (fenceMarker && fenceMarker[0] === fence[0] && fenceMarker.length >= fence.length && raw.trim() === fenceMarker) fence = undefined;
      return;
    }
    if (fenceMarker) {
      fence = fenceMarker;
      return;
    }
    // Quote markers nest no list: read what follows them.
    const line = unquoted(raw);
    if (line.trim() === '') {
      previousBlank = true;
      return;
    }
    const indent = line.length - line.trimStart().length;
    const marker = LIST_MARKER.exec(line);
    // An item closes the deeper ones; after a blank line, so does a paragraph not indented under them.
    if (marker || previousBlank) while (open.length > 0 && open[open.length - 1]! > indent) open.pop();
    if (marker) {
      open.push(indent + marker[2]!.length + Math.max(1, Math.min(marker[3]!.length, 4)));
      if (open.length > MAX_LIST_DEPTH) depth = { line: depth?.line ?? index + 1, value: Math.max(depth?.value ?? 0, open.length) };
    }
    previousBlank = false;
    const next = lines[index + 1];
    if (!table && next !== undefined && line.includes('|') && next.includes('-') && DELIMITER_ROW.test(unquoted(next))) {
      const columns = cells(unquoted(next));
      if (columns > MAX_TABLE_COLUMNS && cells(line) === columns) table = { kind: 'table-columns', value: columns, line: index + 1 };
    }
  });
  return [...(depth ? [{ kind: 'list-depth' as const, ...depth }] : []), ...(table ? [table] : [])];
}

function unquoted(line: string): string {
  return line.replace(/^(?: {0,3}> ?)+/, '').replace(/\t/g, '    ');
}

/** Cells of a table row: pipes not escaped, without the optional outer ones. */
function cells(row: string): number {
  const inner = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).length;
}
