// Blocks of a section (or an annex) as Markdown: paragraphs, nested lists, sub-headings, links.
// Lists nest as the source shows it: by the depth Word gives, or, in extracted text, by the
// change of marker (« - » items holding « · » items); a line that follows an item without a
// blank line continues it; a short title-like line followed by text becomes a « ### » heading.
import type { Block } from './blocks.js';
import { isOrderedMarker, markerKind } from './list-markers.js';
import { typographic } from './normalize.js';

const URL = /(?:https?|ftp):\/\/[^\s<>]+|www\.[^\s<>]+/g;

/** Typography of prose, URLs and Markdown link targets left as they are. */
export function proseTypography(text: string): string {
  const kept: string[] = [];
  const masked = text.replace(/\]\([^)\s]*\)|<[a-z]+:[^\s<>]*>|(?:https?|ftp):\/\/[^\s<>]+|www\.[^\s<>]+/gi, (span) => {
    kept.push(span);
    return `\uE000${kept.length - 1}\uE001`;
  });
  return typographic(masked).replace(/\uE000(\d+)\uE001/g, (_, index: string) => kept[Number(index)]!);
}

/** A paragraph that is only a URL becomes an autolink. */
function autolink(text: string): string {
  const trimmed = text.trim();
  const match = /^(?:https?|ftp):\/\/[^\s<>]+$/.exec(trimmed);
  return match ? `<${trimmed}>` : text;
}

/** A line Markdown would otherwise read as a heading, a quote or a list. */
function escapeLeading(text: string): string {
  return text.replace(/^([#>+=|])/, '\\$1').replace(/^(\d+)([.)])(\s)/, '$1\\$2$3');
}

const isTitleLike = (block: Block): boolean => {
  if (block.kind !== 'paragraph') return false;
  const text = block.text.replace(/\*\*/g, '').trim();
  const words = text.split(/\s+/).length;
  if (words > 10 || !/^\p{Lu}/u.test(text) || URL.test(text)) return (URL.lastIndex = 0), false;
  URL.lastIndex = 0;
  if (/:\s*$/.test(text)) {
    const letters = text.replace(/[^\p{L}]/gu, '');
    return letters.length > 0 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length >= 0.6;
  }
  return !/[.;,!?…]$/.test(text);
};

export function blocksToMarkdown(blocks: readonly Block[]): string {
  const content = blocks.filter((block) => block.text.trim() !== '' || block.kind === 'row');
  const out: string[] = [];
  let kinds: string[] = [];
  let widths: number[] = [];
  let numbers: number[] = [];
  let previous: Block | undefined;
  content.forEach((block, index) => {
    const next = content[index + 1];
    if (block.kind === 'item') {
      // Roman-numbered lines followed by prose are the sub-headings of extracted text.
      if (markerKind(block.marker ?? '') === 'roman' && block.level === undefined && next && next.kind !== 'item' && !/[.;,]$/.test(block.text)) {
        out.push('', `### ${block.marker} ${proseTypography(block.text)}`);
        kinds = [];
        previous = block;
        return;
      }
      // Markdown numbers lists with digits only: « II. » and « a) » stay written, as a paragraph.
      if (block.level === undefined && ['roman', 'letter'].includes(markerKind(block.marker ?? ''))) {
        kinds = [];
        widths = [];
        numbers = [];
        if (out.length > 0) out.push('');
        out.push(`${block.marker} ${proseTypography(block.text)}`);
        previous = { ...block, kind: 'paragraph' };
        return;
      }
      let level: number;
      const kind = block.level !== undefined ? `${block.marker}:${block.level}` : markerKind(block.marker ?? '-');
      if (block.level !== undefined) level = Math.min(block.level, kinds.length);
      else {
        const at = kinds.indexOf(kind);
        level = at === -1 ? kinds.length : at;
      }
      if (previous?.kind !== 'item' || kinds.length === 0) {
        if (out.length > 0) out.push('');
        level = 0;
      }
      kinds = [...kinds.slice(0, level), kind];
      widths = widths.slice(0, level);
      numbers = numbers.slice(0, level + 1);
      const ordered = isOrderedMarker(block.marker ?? '-');
      const written = /^(\d+)/.exec(block.marker ?? '');
      numbers[level] = written ? Number(written[1]) : (numbers[level] ?? 0) + 1;
      const marker = ordered ? `${numbers[level]}.` : '-';
      const indent = widths.reduce((sum, width) => sum + width, 0);
      widths.push(marker.length + 1);
      out.push(`${' '.repeat(indent)}${marker} ${proseTypography(block.text)}`);
      previous = block;
      return;
    }
    // A line right after an item, without a blank line: the item goes on.
    if (block.kind === 'paragraph' && previous?.kind === 'item' && block.gapBefore === 0 && block.place && out.length > 0 && kinds.length > 0 && !isTitleLike(block)) {
      out[out.length - 1] = `${out[out.length - 1]} ${proseTypography(block.text)}`;
      return;
    }
    kinds = [];
    widths = [];
    numbers = [];
    if (out.length > 0) out.push('');
    if (block.kind === 'heading') out.push(`${(block.level ?? 3) <= 3 ? '###' : '####'} ${proseTypography(block.text)}`);
    else if (block.kind === 'row') out.push(proseTypography((block.cells ?? []).filter((cell) => cell.trim() !== '').join(' – ')));
    else if (next && isTitleLike(block)) out.push(`### ${proseTypography(block.text.replace(/\*\*/g, '').replace(/\s*:\s*$/, ''))}`);
    else out.push(escapeLeading(autolink(proseTypography(block.text))));
    previous = block;
  });
  return out
    .join('\n')
    .replace(/\t/g, ' ')
    .replace(/[ \u00A0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
