// Second pass over the pages, once their number is known: running header from page 2, footer
// with the reference and "Page N / M" on every page, and the watermark behind the text.
import type { DocumentSpec } from '../document/blocks.js';
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
    const number = `Page ${index + 1} / ${pages.length}`;
    const numberWidth = measure.width(number, face(style), style.size);
    // The footer grows upward, one line per line of its left text, over a rule that must stay
    // below the text block.
    const textBottom = theme.page.height - margin.bottom;
    const maxLines = Math.max(1, 1 + Math.floor((baseline - ruleGap - style.size * 0.75 - textBottom) / style.lineHeight));
    const footer = decorations.footer?.left
      ? footerLines(decorations.footer.left, style, right - left - numberWidth - 2 * style.size, maxLines, measure)
      : { style, lines: [] };
    const firstBaseline = baseline - Math.max(0, footer.lines.length - 1) * style.lineHeight;
    marks.push(rule(left, right, firstBaseline - ruleGap - style.size * 0.75, theme));
    footer.lines.forEach((line, lineIndex) => marks.push(text(line, left, firstBaseline + lineIndex * style.lineHeight, footer.style)));
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

/**
 * The footer's left text as lines no wider than `width`: on one line if it fits, else on one
 * line in the condensed face (one line reads best), else wrapped in the footer's own face onto
 * up to `maxLines` lines, breaking after a « – » separator when that costs no extra line; only
 * what still does not fit is cut with an ellipsis.
 */
function footerLines(content: string, style: TextStyle, width: number, maxLines: number, measure: Measure): { style: TextStyle; lines: string[] } {
  const fits = (line: string, lineStyle: TextStyle) => measure.width(line, face(lineStyle), lineStyle.size) <= width;
  if (fits(content, style)) return { style, lines: [content] };
  const condensed: TextStyle = { ...style, family: 'condensed' };
  if (fits(content, condensed)) return { style: condensed, lines: [content] };
  const fitsPlain = (line: string) => fits(line, style);
  let lines = wrapWords(content, fitsPlain);
  // A break after the latest separator that costs no extra line reads better than one mid-phrase.
  const parts = content.split(/(?<= –) /);
  for (let count = parts.length - 1; count > 0; count--) {
    const head = parts.slice(0, count).join(' ');
    const rest = wrapWords(parts.slice(count).join(' '), fitsPlain);
    if (fitsPlain(head) && 1 + rest.length <= lines.length) {
      lines = [head, ...rest];
      break;
    }
  }
  if (lines.length > maxLines) lines.splice(maxLines - 1, lines.length, lines.slice(maxLines - 1).join(' '));
  return { style, lines: lines.map((line) => fitText(line, style, width, measure)) };
}

/** Greedy word wrap: as many words on each line as `fits` accepts (a lone word is kept whole). */
function wrapWords(content: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  for (const word of content.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
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
