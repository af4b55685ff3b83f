// Tables: column widths (given as weights, or from content), wrapped cells, and the row
// operations the page writer needs (split a row between two lines, draw a row).
import type { Block, Run } from '../document/blocks.js';
import { cellHeight, rowHeight, type FlowRow, type TableFrame } from './flow.js';
import { breakLines, contentWidths, type LineBox } from './inline.js';
import { tagLines, type LayoutContext } from './layout.js';
import { shiftMark, type Mark } from './marks.js';
import type { TextStyle } from './style.js';

type TableBlock = Extract<Block, { kind: 'table' }>;

export function layoutTable(table: TableBlock, x: number, width: number, context: LayoutContext, parent: number): FlowRow[] {
  const { theme } = context;
  const cellStyle = theme.table.cell;
  const headerStyle: TextStyle = { ...cellStyle, bold: true };
  const { padding } = theme.table;
  const columnCount = Math.max(table.header.length, ...table.rows.map((row) => row.length), 1);

  const widths =
    table.widths && table.widths.length === columnCount && table.widths.every((w) => w > 0)
      ? fromWeights(table.widths, width)
      : fromContent(table, columnCount, width, padding.x, cellStyle, headerStyle, context);
  const columns: { x: number; width: number }[] = [];
  let left = x;
  for (const columnWidth of widths) {
    columns.push({ x: left, width: columnWidth });
    left += columnWidth;
  }

  const frame: { -readonly [K in keyof TableFrame]: TableFrame[K] } = {
    columns,
    padding,
    headerFill: theme.table.headerFill,
    ruleWidth: theme.table.ruleWidth,
    ruleColor: theme.table.ruleColor,
  };
  const { structure } = context;
  const element = structure.add('Table', parent);
  const layoutCells = (cells: Run[][], style: TextStyle, role: 'TH' | 'TD') => {
    const row = structure.add('TR', element);
    return columns.map((column, i) =>
      tagLines(breakLines(cells[i] ?? [], style, column.x + padding.x, column.width - 2 * padding.x, 'left', context.inline), structure.add(role, row)),
    );
  };

  const rows: FlowRow[] = [];
  if (table.header.length > 0) {
    const header: FlowRow = { kind: 'row', frame, cells: layoutCells(table.header, headerStyle, 'TH'), isHeader: true, keepWithNext: true };
    frame.header = header;
    rows.push(header);
  }
  for (const row of table.rows) rows.push({ kind: 'row', frame, cells: layoutCells(row, cellStyle, 'TD'), isHeader: false, keepWithNext: false });
  return rows;
}

function fromWeights(weights: readonly number[], width: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w / total) * width);
}

/**
 * Column widths from content, as browsers do for tables: a column whose text fits unbroken in
 * its fair share of the width gets just that (dates, acronyms); the other columns share what is
 * left, each at least its longest word, the rest in proportion to how much more they would like.
 */
function fromContent(
  table: TableBlock,
  columnCount: number,
  width: number,
  paddingX: number,
  cellStyle: TextStyle,
  headerStyle: TextStyle,
  context: LayoutContext,
): number[] {
  const min = new Array<number>(columnCount).fill(0);
  const max = new Array<number>(columnCount).fill(0);
  const visit = (cells: Run[][], style: TextStyle) =>
    cells.forEach((cell, i) => {
      const widths = contentWidths(cell, style, context.inline);
      min[i] = Math.max(min[i]!, widths.min + 2 * paddingX);
      max[i] = Math.max(max[i]!, widths.max + 2 * paddingX);
    });
  visit(table.header, headerStyle);
  for (const row of table.rows) visit(row, cellStyle);

  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const sumMax = sum(max);
  // Everything fits unbroken: share the spare width in proportion to the content.
  if (sumMax <= width) return sumMax === 0 ? max.map(() => width / columnCount) : max.map((m) => (m / sumMax) * width);

  const widths = new Array<number | undefined>(columnCount).fill(undefined);
  for (let settled = true; settled; ) {
    settled = false;
    const open = widths.flatMap((w, i) => (w === undefined ? [i] : []));
    const share = (width - sum(widths.map((w) => w ?? 0))) / open.length;
    for (const i of open) {
      if (max[i]! <= share) {
        widths[i] = max[i]!;
        settled = true;
      }
    }
  }
  const open = widths.flatMap((w, i) => (w === undefined ? [i] : []));
  const room = width - sum(widths.map((w) => w ?? 0));
  const openMin = sum(open.map((i) => min[i]!));
  const wanted = sum(open.map((i) => max[i]! - min[i]!));
  for (const i of open) {
    // Not even the longest words fit: shrink them all alike (overlong words are then broken).
    widths[i] = openMin >= room ? (min[i]! / openMin) * room : min[i]! + ((room - openMin) * (max[i]! - min[i]!)) / wanted;
  }
  return widths.map((w) => w!);
}

/** Height a row needs at the bottom of a page to start there: all of it, or its first two lines. */
export function rowLead(row: FlowRow): number {
  const firstLines = Math.max(0, ...row.cells.map((lines) => cellHeight(lines.slice(0, 2))));
  return Math.min(rowHeight(row), 2 * row.frame.padding.y + firstLines);
}

/**
 * Splits a row so that its first part fits in `room`, between lines of its cells. Refuses when
 * less than two lines of its longest cell would fit, unless `force` (a row taller than a page).
 */
export function splitRow(row: FlowRow, room: number, force: boolean): [FlowRow, FlowRow] | undefined {
  const space = room - 2 * row.frame.padding.y;
  const taken = row.cells.map((lines) => {
    let height = 0;
    let count = 0;
    while (count < lines.length && height + lines[count]!.height <= space + 0.01) height += lines[count++]!.height;
    // Leave no single line of a cell alone on the next page when it can be avoided.
    if (!force && count >= 3 && lines.length - count === 1) count--;
    return count;
  });
  const longest = row.cells.reduce((best, lines, i) => (lines.length > row.cells[best]!.length ? i : best), 0);
  const enough = taken[longest]! >= Math.min(2, row.cells[longest]!.length);
  if (!enough && !force) return undefined;
  if (!taken.some((count) => count > 0)) taken[longest] = 1;
  return [
    { ...row, cells: row.cells.map((lines, i) => lines.slice(0, taken[i])), keepWithNext: false },
    { ...row, cells: row.cells.map((lines, i) => lines.slice(taken[i])) },
  ];
}

/** The marks of a row whose top is at `y`: header fill, cell text, then the grid. */
export function rowMarks(row: FlowRow, y: number): Mark[] {
  const { frame } = row;
  const height = rowHeight(row);
  const first = frame.columns[0]!;
  const last = frame.columns[frame.columns.length - 1]!;
  const left = first.x;
  const right = last.x + last.width;
  const marks: Mark[] = [];
  if (row.isHeader) marks.push({ kind: 'rect', x: left, y, width: right - left, height, fill: frame.headerFill });
  row.cells.forEach((lines: readonly LineBox[]) => {
    let top = y + frame.padding.y;
    for (const line of lines) {
      for (const mark of line.marks) marks.push(shiftMark(mark, 0, top));
      top += line.height;
    }
  });
  const rule = (x1: number, y1: number, x2: number, y2: number): Mark => ({ kind: 'line', x1, y1, x2, y2, width: frame.ruleWidth, color: frame.ruleColor });
  marks.push(rule(left, y, right, y), rule(left, y + height, right, y + height));
  for (const column of frame.columns) marks.push(rule(column.x, y, column.x, y + height));
  marks.push(rule(right, y, right, y + height));
  return marks;
}
