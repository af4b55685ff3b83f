// A bar chart drawn as vectors: one horizontal bar per item, its length proportional to its
// value, the label on the left and the value at the bar's end, over a thin axis. Each item is a
// box of its own, kept with the next, so a long chart moves whole unless taller than a page.
import type { Block } from '../document/blocks.js';
import type { FlowBox } from './flow.js';
import { faceOf } from './fonts/faces.js';
import type { LayoutContext } from './layout.js';
import type { Mark } from './marks.js';
import type { Color } from './style.js';

type ChartBlock = Extract<Block, { kind: 'chart' }>;

/** The bars' fill: a blue that prints as a mid grey in black and white. */
export const BAR_COLOR: Color = [0.2, 0.4, 0.7];
const AXIS_COLOR: Color = [0.45, 0.45, 0.45];
const ROW_HEIGHT = 15;
const BAR_HEIGHT = 9.5;
const GAP = 6;

export function layoutChart(chart: ChartBlock, x: number, width: number, context: LayoutContext, parent: number): FlowBox[] {
  const style = context.theme.table.cell;
  const face = faceOf(style.family, false, false);
  const measure = context.inline.measure;
  const format = (value: number) => `${String(value).replace('.', ',')}${chart.unit ? `\u202f${chart.unit}` : ''}`;
  const labelWidth = Math.min(width * 0.38, Math.max(0, ...chart.bars.map((bar) => measure.width(bar.label, face, style.size))));
  const valueWidth = Math.max(0, ...chart.bars.map((bar) => measure.width(format(bar.value), face, style.size)));
  const barLeft = x + labelWidth + GAP;
  const barSpan = Math.max(10, x + width - barLeft - GAP - valueWidth);
  const max = Math.max(chart.max ?? 0, ...chart.bars.map((bar) => bar.value), 0);
  const ascent = measure.ascent(face) * style.size;
  const textTop = (ROW_HEIGHT - ascent) / 2 + ascent;

  // Tagged as the table it was written from: a screen reader reads each label with its value.
  const table = context.structure.add('Table', parent);
  return chart.bars.map((bar, index): FlowBox => {
    const row = context.structure.add('TR', table);
    const [labelTag, valueTag] = [context.structure.add('TD', row), context.structure.add('TD', row)];
    const length = max > 0 ? (Math.max(0, bar.value) / max) * barSpan : 0;
    const label = fitted(bar.label, labelWidth, (text) => measure.width(text, face, style.size));
    const labelX = barLeft - GAP - measure.width(label, face, style.size);
    const marks: Mark[] = [
      { kind: 'text', x: labelX, y: textTop, face, size: style.size, color: style.color, text: label, extraSpace: 0, tag: labelTag },
      { kind: 'line', x1: barLeft, y1: 0, x2: barLeft, y2: ROW_HEIGHT, width: 0.5, color: AXIS_COLOR },
    ];
    if (length > 0) marks.push({ kind: 'rect', x: barLeft, y: (ROW_HEIGHT - BAR_HEIGHT) / 2, width: length, height: BAR_HEIGHT, fill: BAR_COLOR });
    marks.push({ kind: 'text', x: barLeft + length + GAP / 2, y: textTop, face, size: style.size, color: style.color, text: format(bar.value), extraSpace: 0, tag: valueTag });
    return { kind: 'box', height: ROW_HEIGHT, marks, keepWithNext: index < chart.bars.length - 1 };
  });
}

/** The label, shortened with « … » to fit `width`. */
function fitted(label: string, width: number, measure: (text: string) => number): string {
  if (measure(label) <= width) return label;
  let text = label;
  while (text.length > 1 && measure(`${text}…`) > width) text = text.slice(0, -1);
  return `${text.trimEnd()}…`;
}
