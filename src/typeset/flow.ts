// The flow: a document laid out at its final width but not yet cut into pages. Layout emits it,
// the page writer consumes it. Only rows of tables can be split; everything else is atomic.
import type { LineBox } from './inline.js';
import type { Mark } from './marks.js';
import type { Color } from './style.js';

/** An unbreakable box: a line of text, a rule. Marks have y relative to the box's top. */
export interface FlowBox {
  readonly kind: 'box';
  readonly height: number;
  readonly marks: readonly Mark[];
  /** No page break between this item and the next one (headings, orphans, widows, groups). */
  readonly keepWithNext: boolean;
}

/** Vertical space between blocks, dropped at the top of a page. */
export interface FlowSpace {
  readonly kind: 'space';
  readonly height: number;
}

export interface FlowPageBreak {
  readonly kind: 'pageBreak';
}

export interface TableFrame {
  readonly columns: readonly { readonly x: number; readonly width: number }[];
  readonly padding: { readonly x: number; readonly y: number };
  readonly headerFill: Color;
  readonly ruleWidth: number;
  readonly ruleColor: Color;
  /** Repeated at the top of each page the table continues on. */
  readonly header?: FlowRow;
}

/** A table row: one column of lines per cell. May be split between lines across a page break. */
export interface FlowRow {
  readonly kind: 'row';
  readonly frame: TableFrame;
  readonly cells: readonly (readonly LineBox[])[];
  readonly isHeader: boolean;
  readonly keepWithNext: boolean;
}

export type FlowItem = FlowBox | FlowSpace | FlowPageBreak | FlowRow;

/** Collects flow items, collapsing adjacent spaces to the largest, as CSS margins do. */
export class FlowBuilder {
  readonly items: FlowItem[] = [];
  private pendingSpace = 0;

  space(height: number): void {
    this.pendingSpace = Math.max(this.pendingSpace, height);
  }

  push(item: FlowBox | FlowRow | FlowPageBreak): void {
    if (item.kind === 'pageBreak') this.pendingSpace = 0;
    if (this.pendingSpace > 0 && this.items.length > 0) this.items.push({ kind: 'space', height: this.pendingSpace });
    this.pendingSpace = 0;
    this.items.push(item);
  }

  /** Marks every item but the last as kept with the next one: the group moves as one. */
  keepTogether(from: number): void {
    let last = -1;
    for (let i = this.items.length - 1; i >= from && last < 0; i--) {
      const kind = this.items[i]!.kind;
      if (kind === 'box' || kind === 'row') last = i;
    }
    for (let i = from; i < last; i++) {
      const item = this.items[i]!;
      if (item.kind === 'box' || item.kind === 'row') this.items[i] = { ...item, keepWithNext: true };
    }
  }
}

export function rowHeight(row: FlowRow): number {
  return 2 * row.frame.padding.y + Math.max(0, ...row.cells.map(cellHeight));
}

export function cellHeight(lines: readonly LineBox[]): number {
  let height = 0;
  for (const line of lines) height += line.height;
  return height;
}
