// Blocks -> flow: each block laid out at its width, with the spacing and the keep rules
// (headings kept with what follows, no orphan or widow line, groups kept together).
import type { Block } from '../document/blocks.js';
import { MAX_LIST_DEPTH } from '../document/limits.js';
import { FlowBuilder, type FlowBox, type FlowItem } from './flow.js';
import { faceOf } from './fonts/faces.js';
import { breakLines, type InlineContext, type LineBox } from './inline.js';
import type { Mark, TextMark } from './marks.js';
import type { TextStyle, Theme } from './style.js';
import { DOCUMENT, type Structure } from './structure.js';
import { layoutChart } from './chart.js';
import { layoutTable } from './table.js';

export interface LayoutContext {
  readonly theme: Theme;
  readonly inline: InlineContext;
  /** Receives the structure elements of what is laid out (tagged PDF). */
  readonly structure: Structure;
}

/** Where blocks go: a column of the page, and the text style of its paragraphs. */
interface Region {
  readonly x: number;
  readonly width: number;
  readonly body: TextStyle;
  /** Nesting depth of lists, which picks the bullet. */
  readonly listDepth: number;
  /** The structure element the blocks laid out here belong to. */
  readonly parent: number;
}

export interface DocumentFlowInput {
  readonly blocks: readonly Block[];
  readonly letterhead?: readonly Block[];
}

export function layoutDocument(input: DocumentFlowInput, context: LayoutContext): FlowItem[] {
  const { theme } = context;
  const { margin, width } = theme.page;
  const column = { x: margin.left, width: width - margin.left - margin.right, listDepth: 0, parent: DOCUMENT };
  const flow = new FlowBuilder();
  if (input.letterhead && input.letterhead.length > 0) {
    layoutBlocks(input.letterhead, { ...column, body: theme.letterhead.text }, flow, context);
    flow.space(theme.letterhead.spaceAfter);
  }
  layoutBlocks(input.blocks, { ...column, body: theme.body }, flow, context);
  return flow.items;
}

function layoutBlocks(blocks: readonly Block[], region: Region, flow: FlowBuilder, context: LayoutContext): void {
  for (const block of blocks) layoutBlock(block, region, flow, context);
}

function layoutBlock(block: Block, region: Region, flow: FlowBuilder, context: LayoutContext): void {
  const { theme } = context;
  switch (block.kind) {
    case 'heading': {
      const style = theme.headings[block.level];
      flow.space(style.spaceBefore);
      const tag = context.structure.add(`H${block.level}`, region.parent);
      const lines = tagLines(breakLines(block.runs, style, region.x, region.width, block.align ?? 'left', context.inline), tag);
      const title = block.runs.map((run) => run.text).join('').replace(/\s+/g, ' ').trim();
      if (lines[0] && title !== '') {
        const anchor: Mark = { kind: 'anchor', x: region.x, y: 0, level: block.level, title };
        lines[0] = { ...lines[0], marks: [anchor, ...lines[0].marks] };
      }
      pushLines(flow, lines, () => true);
      flow.space(style.spaceAfter);
      return;
    }
    case 'paragraph': {
      const tag = context.structure.add('P', region.parent);
      const lines = tagLines(breakLines(block.runs, region.body, region.x, region.width, block.align ?? 'justify', context.inline), tag);
      pushParagraphLines(flow, lines);
      flow.space(theme.paragraphSpacing);
      return;
    }
    case 'list':
      layoutList(block, region, flow, context);
      return;
    case 'table':
      flow.space(theme.table.spaceBefore);
      for (const row of layoutTable(block, region.x, region.width, context, region.parent)) flow.push(row);
      flow.space(theme.table.spaceAfter);
      return;
    case 'group': {
      const from = flow.items.length;
      layoutBlocks(block.blocks, region, flow, context);
      flow.keepTogether(from);
      return;
    }
    case 'rule': {
      const { rule } = theme;
      flow.space(rule.spaceAround);
      const y = rule.width / 2;
      const line: Mark = { kind: 'line', x1: region.x, y1: y, x2: region.x + region.width, y2: y, width: rule.width, color: rule.color };
      flow.push({ kind: 'box', height: rule.width, marks: [line], keepWithNext: false });
      flow.space(rule.spaceAround);
      return;
    }
    case 'pageBreak':
      flow.push({ kind: 'pageBreak' });
      return;
    case 'chart':
      flow.space(theme.table.spaceBefore);
      for (const row of layoutChart(block, region.x, region.width, context, region.parent)) flow.push(row);
      flow.space(theme.table.spaceAfter);
      return;
  }
}

/** The lines' text marks, as belonging to structure element `tag`. */
export function tagLines(lines: LineBox[], tag: number): LineBox[] {
  return lines.map((line) => ({ ...line, marks: line.marks.map((mark) => (mark.kind === 'text' ? { ...mark, tag } : mark)) }));
}

/** Paragraph lines: the first two and the last two stay together (no orphan, no widow). */
function pushParagraphLines(flow: FlowBuilder, lines: LineBox[]): void {
  const n = lines.length;
  pushLines(flow, lines, (i) => n <= 3 ? i < n - 1 : i === 0 || i === n - 2);
}

function pushLines(flow: FlowBuilder, lines: LineBox[], keep: (index: number) => boolean): FlowBox[] {
  return lines.map((line, i) => {
    const box: FlowBox = { kind: 'box', height: line.height, marks: line.marks, keepWithNext: keep(i) };
    flow.push(box);
    return box;
  });
}

function layoutList(block: Extract<Block, { kind: 'list' }>, region: Region, flow: FlowBuilder, context: LayoutContext): void {
  const { theme } = context;
  const { indent, itemSpacing, bullets } = theme.list;
  const nested = region.listDepth > 0;
  flow.space(nested ? itemSpacing : theme.paragraphSpacing);
  // Beyond the deepest list `validate` accepts, items stop moving right: the text keeps a width.
  const step = region.listDepth < MAX_LIST_DEPTH ? indent : 0;
  const list = context.structure.add('L', region.parent);
  const start = block.start ?? 1;
  block.items.forEach((item, i) => {
    if (i > 0) flow.space(itemSpacing);
    const listItem = context.structure.add('LI', list);
    const label = context.structure.add('Lbl', listItem);
    const inner: Region = { x: region.x + step, width: region.width - step, body: region.body, listDepth: region.listDepth + 1, parent: context.structure.add('LBody', listItem) };
    // Items are laid out with less space between their own paragraphs than the text has.
    const itemFlow = new FlowBuilder();
    layoutBlocks(item, inner, itemFlow, { ...context, theme: { ...theme, paragraphSpacing: itemSpacing } });
    const marker = block.ordered ? `${start + i}.` : bullets[region.listDepth % bullets.length]!;
    attachMarker(itemFlow.items, marker, inner.x - 5, region.body, context, label);
    for (const itemBlock of itemFlow.items) {
      if (itemBlock.kind === 'space') flow.space(itemBlock.height);
      else flow.push(itemBlock);
    }
  });
  flow.space(nested ? itemSpacing : theme.paragraphSpacing);
}

/** Puts the item's marker, right-aligned before `right`, on the baseline of its first line. */
function attachMarker(items: FlowItem[], marker: string, right: number, style: TextStyle, context: LayoutContext, tag: number): void {
  const index = items.findIndex((item) => item.kind === 'box' && item.marks.some((m) => m.kind === 'text'));
  const first = items[index];
  if (!first || first.kind !== 'box') return;
  const text = first.marks.find((m): m is TextMark => m.kind === 'text')!;
  const face = faceOf(style.family, false, false);
  const width = context.inline.measure.width(marker, face, text.size);
  const mark: TextMark = { kind: 'text', x: right - width, y: text.y, face, size: text.size, color: style.color, text: marker, extraSpace: 0, tag };
  items[index] = { ...first, marks: [mark, ...first.marks] };
}
