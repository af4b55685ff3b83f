// The page writer: stacks flow items down the page and opens a new page when space runs out.
// Chains of items kept together move to the next page as a whole when they do not fit (unless
// they could not fit any page); table rows are split between lines, and a table's header row is
// repeated at the top of every page it continues on.
import { rowHeight, type FlowItem, type FlowRow, type TableFrame } from './flow.js';
import { shiftMark, type Page } from './marks.js';
import { rowLead, rowMarks, splitRow } from './table.js';

export interface ContentArea {
  /** y of the first line's top and of the last line's bottom, from the top of the page. */
  readonly top: number;
  readonly bottom: number;
}

export function paginate(items: readonly FlowItem[], area: ContentArea): Page[] {
  const pages: Page[] = [];
  let page!: Page;
  let y = 0;
  /** Whether anything but a repeated table header is on the current page. */
  let hasContent = false;
  let headerShownFor: TableFrame | undefined;
  const newPage = () => {
    page = { marks: [] };
    pages.push(page);
    y = area.top;
    hasContent = false;
    headerShownFor = undefined;
  };
  newPage();

  const placeRow = (row: FlowRow) => {
    const header = row.frame.header;
    if (!row.isHeader && header && !hasContent && headerShownFor !== row.frame) {
      drawRow(header);
    }
    const height = rowHeight(row);
    if (y + height <= area.bottom + 0.01) {
      drawRow(row);
      hasContent = true;
      return;
    }
    const split = splitRow(row, area.bottom - y, !hasContent);
    if (split) {
      drawRow(split[0]);
      newPage();
      placeRow(split[1]);
    } else {
      newPage();
      placeRow(row);
    }
  };
  const drawRow = (row: FlowRow) => {
    page.marks.push(...rowMarks(row, y));
    y += rowHeight(row);
    if (row.isHeader) headerShownFor = row.frame;
  };

  let checkedUntil = -1;
  items.forEach((item, i) => {
    switch (item.kind) {
      case 'pageBreak':
        if (hasContent) newPage();
        return;
      case 'space':
        if (!hasContent) return;
        if (y + item.height > area.bottom) newPage();
        else y += item.height;
        return;
    }
    if (i > checkedUntil && item.keepWithNext) {
      const chain = keepChain(items, i);
      checkedUntil = chain.end;
      const fitsAPage = chain.height <= area.bottom - area.top;
      if (hasContent && fitsAPage && y + chain.height > area.bottom) newPage();
    }
    if (item.kind === 'row') {
      placeRow(item);
      return;
    }
    if (hasContent && y + item.height > area.bottom) newPage();
    for (const mark of item.marks) page.marks.push(shiftMark(mark, 0, y));
    y += item.height;
    hasContent = true;
  });
  return pages;
}

/**
 * The items from `start` that must share a page: each keeps with the next, through spaces, up
 * to the first that does not. Height counts the last one's lead only (a row may be split).
 */
function keepChain(items: readonly FlowItem[], start: number): { end: number; height: number } {
  let height = 0;
  for (let i = start; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'pageBreak') return { end: i - 1, height };
    if (item.kind === 'space') {
      height += item.height;
      continue;
    }
    if (!item.keepWithNext) return { end: i, height: height + (item.kind === 'row' ? rowLead(item) : item.height) };
    height += item.kind === 'row' ? rowHeight(item) : item.height;
  }
  return { end: items.length - 1, height };
}
