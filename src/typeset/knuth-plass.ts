// Total-fit line breaking (Knuth and Plass, « Breaking paragraphs into lines », 1981), as TeX
// does it: the paragraph is boxes (words), glue (spaces that stretch and shrink) and penalties
// (places a line may end, at a cost: a hyphen), and the breaks chosen are those that minimise
// the sum of every line's demerits, so that no line is loose to spare its neighbours. Pure
// arithmetic on widths: inline.ts builds the items and turns the breaks back into lines.

export interface Box {
  readonly kind: 'box';
  readonly width: number;
}

export interface Glue {
  readonly kind: 'glue';
  readonly width: number;
  readonly stretch: number;
  readonly shrink: number;
  /** Infinitely stretchable (the end of a paragraph, before a forced break). */
  readonly fill?: boolean;
}

export interface Penalty {
  readonly kind: 'penalty';
  /** Width added to the line when it ends here (a hyphen). */
  readonly width: number;
  /** -Infinity forces a break, Infinity forbids one. */
  readonly penalty: number;
  /** A hyphen: two in a row, or one ending the last line but one, cost more. */
  readonly flagged: boolean;
}

export type Item = Box | Glue | Penalty;

export interface BreakParameters {
  readonly width: number;
  /** Largest adjustment ratio accepted (1: spaces stretched by all their stretch). */
  readonly tolerance: number;
  /** Stretch every line has besides its glue: ragged-right text gets its flexibility here. */
  readonly lineStretch: number;
}

// TeX's plain values.
const LINE_PENALTY = 10;
const DOUBLE_HYPHEN_DEMERITS = 10_000;
const FINAL_HYPHEN_DEMERITS = 5_000;
const ADJACENT_DEMERITS = 10_000;
/** Badness of a line that cannot stretch at all (one word), accepted only as a last resort. */
const INFINITE_BADNESS = 10_000;
const EPSILON = 0.01;

interface Node {
  readonly position: number;
  readonly line: number;
  readonly fitness: number;
  readonly width: number;
  readonly stretch: number;
  readonly shrink: number;
  readonly fills: number;
  readonly demerits: number;
  readonly flagged: boolean;
  readonly previous: Node | undefined;
}

/**
 * Indices of the items where lines end (a glue or a penalty), the last one the paragraph's end;
 * undefined when no set of breaks keeps every line within the tolerance.
 */
export function breakPoints(items: readonly Item[], parameters: BreakParameters): number[] | undefined {
  const { width, tolerance, lineStretch } = parameters;
  let active: Node[] = [{ position: -1, line: 0, fitness: 1, width: 0, stretch: 0, shrink: 0, fills: 0, demerits: 0, flagged: false, previous: undefined }];
  // Running totals of the items before the current one.
  let totalWidth = 0;
  let totalStretch = 0;
  let totalShrink = 0;
  let totalFills = 0;
  const last = items.length - 1;

  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const isBreak =
      item.kind === 'penalty' ? item.penalty !== Infinity : item.kind === 'glue' && !item.fill && index > 0 && items[index - 1]!.kind === 'box';
    if (isBreak) {
      const penalty = item.kind === 'penalty' ? item : undefined;
      const forced = penalty !== undefined && penalty.penalty === -Infinity;
      const best: (Node | undefined)[] = [undefined, undefined, undefined, undefined];
      const survivors: Node[] = [];
      for (const node of active) {
        const lineWidth = totalWidth - node.width + (penalty?.width ?? 0);
        let ratio: number;
        if (lineWidth <= width + EPSILON && totalFills - node.fills > 0) ratio = 0;
        else if (lineWidth <= width + EPSILON) {
          const stretch = totalStretch - node.stretch + lineStretch;
          ratio = stretch > 0 ? (width - lineWidth) / stretch : lineWidth >= width - EPSILON ? 0 : Infinity;
        } else {
          const shrink = totalShrink - node.shrink;
          ratio = shrink > 0 ? (width - lineWidth) / shrink : -Infinity;
        }
        // A line that no longer fits ends this node's chances; so does a forced break.
        if (!(ratio < -1 - 1e-9 || forced)) survivors.push(node);
        if (ratio < -1 - 1e-9 || ratio > tolerance) continue;
        const badness = ratio === Infinity ? INFINITE_BADNESS : Math.min(INFINITE_BADNESS, 100 * Math.abs(ratio) ** 3);
        let demerits = (LINE_PENALTY + badness) ** 2;
        if (penalty && penalty.penalty > 0) demerits += penalty.penalty ** 2;
        else if (penalty && penalty.penalty > -Infinity && penalty.penalty < 0) demerits -= penalty.penalty ** 2;
        const flagged = penalty?.flagged === true && !forced;
        if (flagged && node.flagged) demerits += DOUBLE_HYPHEN_DEMERITS;
        if (index === last && node.flagged) demerits += FINAL_HYPHEN_DEMERITS;
        const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
        if (Math.abs(fitness - node.fitness) > 1) demerits += ADJACENT_DEMERITS;
        const total = node.demerits + demerits;
        const current = best[fitness];
        if (!current || total < current.demerits) {
          best[fitness] = {
            position: index,
            line: node.line + 1,
            fitness,
            width: 0,
            stretch: 0,
            shrink: 0,
            fills: 0,
            demerits: total,
            flagged,
            previous: node,
          };
        }
      }
      active = survivors;
      if (best.some(Boolean)) {
        // What the next line starts with: the totals after the break, past the glue it discards.
        let width = totalWidth;
        let stretch = totalStretch;
        let shrink = totalShrink;
        let fills = totalFills;
        for (let next = index; next < items.length; next++) {
          const following = items[next]!;
          if (following.kind === 'box') break;
          if (following.kind === 'penalty' && following.penalty === -Infinity && next > index) break;
          if (following.kind === 'glue') {
            width += following.width;
            stretch += following.stretch;
            shrink += following.shrink;
            if (following.fill) fills++;
          }
        }
        for (const node of best) if (node) active.push({ ...node, width, stretch, shrink, fills });
      }
      if (active.length === 0) return undefined;
    }
    if (item.kind === 'box') totalWidth += item.width;
    else if (item.kind === 'glue') {
      totalWidth += item.width;
      totalStretch += item.stretch;
      totalShrink += item.shrink;
      if (item.fill) totalFills++;
    }
  }

  let chosen: Node | undefined;
  for (const node of active) if (node.position === last && (!chosen || node.demerits < chosen.demerits)) chosen = node;
  if (!chosen) return undefined;
  const breaks: number[] = [];
  for (let node: Node | undefined = chosen; node && node.position >= 0; node = node.previous) breaks.push(node.position);
  return breaks.reverse();
}
