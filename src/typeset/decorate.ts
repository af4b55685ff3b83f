// Second pass over the pages, once their number is known: running header from page 2, footer
// with the reference and "Page N / M" on every page, and the watermark behind the text.
import type { DocumentSpec } from './blocks.js';
import { faceOf } from './fonts/faces.js';
import type { Mark, Page, TextMark } from './marks.js';
import type { Measure } from './measure.js';
import type { TextStyle, Theme } from './style.js';

type Decorations = Pick<DocumentSpec, 'runningHeader' | 'footer' | 'watermark'>;

export function decorate(pages: readonly Page[], decorations: Decorations, theme: Theme, measure: Measure): Page[] {
  const { width, margin } = theme.page;
  const left = margin.left;
  const right = width - margin.right;
  const watermark = decorations.watermark ? watermarkMark(decorations.watermark, theme, measure) : undefined;
  return pages.map((page, index) => {
    const marks: Mark[] = [];
    if (watermark) marks.push(watermark);
    marks.push(...page.marks);
    if (decorations.runningHeader && index > 0) {
      const { text: style, baseline, ruleGap } = theme.runningHeader;
      const title = fitText(decorations.runningHeader, style, right - left, measure);
      const textWidth = measure.width(title, face(style), style.size);
      marks.push(text(title, left + (right - left - textWidth) / 2, baseline, style));
      marks.push(rule(left, right, baseline + ruleGap, theme));
    }
    const { text: style, baseline: fromBottom, ruleGap } = theme.footer;
    const baseline = theme.page.height - fromBottom;
    marks.push(rule(left, right, baseline - ruleGap - style.size * 0.75, theme));
    const number = `Page ${index + 1} / ${pages.length}`;
    const numberWidth = measure.width(number, face(style), style.size);
    if (decorations.footer?.left) {
      const gap = 2 * style.size;
      marks.push(text(fitText(decorations.footer.left, style, right - left - numberWidth - gap, measure), left, baseline, style));
    }
    marks.push(text(number, right - numberWidth, baseline, style));
    return { marks };
  });
}

function face(style: TextStyle) {
  return faceOf(style.family, style.bold, style.italic);
}

function text(content: string, x: number, y: number, style: TextStyle): TextMark {
  return { kind: 'text', x, y, face: face(style), size: style.size, color: style.color, text: content, extraSpace: 0 };
}

function rule(left: number, right: number, y: number, theme: Theme): Mark {
  const { width, color } = theme.rules;
  return { kind: 'line', x1: left, y1: y, x2: right, y2: y, width, color };
}

/** Shortens a one-line text with an ellipsis until it fits. */
function fitText(content: string, style: TextStyle, width: number, measure: Measure): string {
  const f = face(style);
  if (measure.width(content, f, style.size) <= width) return content;
  let chars = [...content];
  while (chars.length > 1 && measure.width(chars.join('').trimEnd() + '…', f, style.size) > width) chars = chars.slice(0, -1);
  return chars.join('').trimEnd() + '…';
}

/** The word across the page's diagonal, centred, sized to a share of the diagonal's length. */
function watermarkMark(word: string, theme: Theme, measure: Measure): TextMark {
  const { width, height } = theme.page;
  const { family, bold, color, widthRatio } = theme.watermark;
  const f = faceOf(family, bold, false);
  const diagonal = Math.hypot(width, height);
  const size = (widthRatio * diagonal) / Math.max(measure.width(word, f, 1), 0.1);
  const textWidth = measure.width(word, f, size);
  const capHeight = 0.72 * size;
  const angle = Math.atan2(height, width);
  const x = width / 2 - (Math.cos(angle) * textWidth) / 2 + (Math.sin(angle) * capHeight) / 2;
  const y = height / 2 + (Math.sin(angle) * textWidth) / 2 + (Math.cos(angle) * capHeight) / 2;
  return { kind: 'text', x, y, face: f, size, color, text: word, extraSpace: 0, angle: (angle * 180) / Math.PI };
}
