// Text extracted from Word or PDF, read into blocks: one line is one paragraph (Word's
// paragraphs become lines), tab-separated cells are table rows, a line led by a tab is a cell
// of its own, and the HTML fragments and marks that extraction leaves are undone.
import type { Artefact, Block, SourceDocument } from './blocks.js';
import { hasHtml, stripTags, tokenizeHtml } from './inline-html.js';
import { splitListMarker } from './list-markers.js';

const BOOKMARK = /\[bookmark:\s*([^\]]*)\]/g;

export function readTextBlocks(text: string): Omit<SourceDocument, 'notes'> {
  const blocks: Block[] = [];
  const artefacts: Artefact[] = [];
  let gap = 0;
  text.split(/\r?\n|\r/).forEach((raw, index) => {
    const place = { line: index + 1 };
    const push = (block: Omit<Block, 'gapBefore' | 'place'>) => {
      blocks.push({ ...block, gapBefore: gap, place });
      gap = 0;
    };
    let line = raw.replace(BOOKMARK, (mark) => {
      artefacts.push({ text: mark, place });
      return '';
    });
    // « 6^{ème} »: a superscript written the LaTeX way.
    line = line.replace(/\^\{([^}]*)\}/g, '$1').replace(/\s+$/, '');
    const cell = line.startsWith('\t');
    const content = cell ? line.slice(1) : line;
    if (content.trim() === '') {
      // A tab alone is an empty cell (of an action table, mostly); a blank line separates.
      if (cell) push({ kind: 'paragraph', text: '', cell: true });
      else gap++;
      return;
    }
    if (content.includes('\t')) {
      const cells = content.split('\t').map((part) => stripTags(part));
      // « 1.<tab>Le suivi… »: Word's numbering followed by its tab, not a row.
      const marker = splitListMarker(`${cells[0]} x`);
      if (cells.length === 2 && marker && marker.text === 'x') {
        push({ kind: 'item', text: cells[1]!, marker: marker.marker, cell });
      } else {
        push({ kind: 'row', text: cells.join('\t'), cells, cell });
      }
      return;
    }
    const pieces = hasHtml(content) ? htmlPieces(content) : [{ text: content }];
    pieces.forEach((piece, position) => {
      // Paragraphs (<p>) of one line are as apart as lines with a blank between them.
      if (position > 0 && piece.marker === undefined) gap = Math.max(gap, 1);
      push(classify(piece.text, cell, piece.marker));
    });
  });
  return { blocks, artefacts };
}

/** A line's block: Markdown heading, list item or paragraph. */
function classify(text: string, cell: boolean, listMarker?: string): Omit<Block, 'gapBefore' | 'place'> {
  const heading = /^(#{1,6})\s+(.*)$/.exec(text.trim());
  if (heading) return { kind: 'heading', text: heading[2]!.trim(), level: heading[1]!.length, cell };
  const item = splitListMarker(text);
  if (item) return { kind: 'item', text: item.text, marker: item.marker, cell };
  if (listMarker) return { kind: 'item', text: text.trim(), marker: listMarker, cell };
  return { kind: 'paragraph', text: text.trim(), cell };
}

/**
 * A line holding HTML fragments, cut at its paragraphs and list items. Inside an <ul> that
 * extraction flattened, the items run on, separated by « - » or « • » only.
 */
function htmlPieces(line: string): Array<{ text: string; marker?: string }> {
  const pieces: Array<{ text: string; marker?: string }> = [];
  let current = '';
  let inList = false;
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    current = '';
    if (text === '') return;
    if (!inList) {
      pieces.push({ text });
      return;
    }
    for (const item of splitRunOnItems(text)) pieces.push(item);
  };
  for (const token of tokenizeHtml(line)) {
    if (token.type === 'text') current += token.text;
    else if (token.name === 'p' || token.name === 'div' || token.name === 'br') {
      flush();
      if (token.type === 'open' && token.name === 'p') inList = false;
    } else if (token.name === 'ul' || token.name === 'ol') {
      flush();
      inList = token.type === 'open';
    } else if (token.name === 'li') flush();
    else if (token.name === 'b' || token.name === 'strong') current += '**';
    else if (token.name === 'i' || token.name === 'em') current += '*';
  }
  flush();
  return pieces;
}

/** « - La formation … (Police)- L'équipement … • La signature … » → one item each. */
function splitRunOnItems(text: string): Array<{ text: string; marker: string }> {
  const items: Array<{ text: string; marker: string }> = [];
  const separator = /(?:^|(?<=[\p{Ll})\].;:,!?»"']))\s*-\s*(?=\p{Lu})|(?:^|(?<=\S)|\s+)[•·▪]\s*/gu;
  let last = 0;
  let marker = '-';
  for (const match of text.matchAll(separator)) {
    const before = text.slice(last, match.index).trim();
    if (before !== '') items.push({ text: before, marker });
    marker = match[0].includes('-') ? '-' : '•';
    last = match.index + match[0].length;
  }
  const rest = text.slice(last).trim();
  if (rest !== '') items.push({ text: rest, marker });
  return items;
}
