// The ids of a compte-rendu's headings, shared by every format that can link inside a document
// (the HTML page, the search hits that open it): an agenda item « 3. Présentation… » is
// #point-3, an annex « Annexe 2 : … » #annexe-2, any other heading a slug of its words,
// numbered from its second appearance. Assigned once per document, in reading order.
import { foldText } from '../search/normalize.js';
import type { Block, DocumentSpec } from './blocks.js';
import { plainText } from './inline.js';

const AGENDA_ITEM = /^(\d{1,3})\.\s/;
const ANNEX = /^Annexe\s+(\d{1,3})\b/;

type Heading = Extract<Block, { kind: 'heading' }>;

/** Every heading of the document (letterhead first, then the body, nested blocks in order) → its id. */
export function headingIds(spec: Pick<DocumentSpec, 'blocks' | 'firstPageHeader'>): Map<Heading, string> {
  const ids = new Map<Heading, string>();
  const used = new Map<string, number>();
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.kind === 'heading') {
        const base = baseId(plainText(block.runs), block.level);
        const seen = used.get(base) ?? 0;
        used.set(base, seen + 1);
        ids.set(block, seen === 0 ? base : `${base}-${seen + 1}`);
      } else if (block.kind === 'group') visit(block.blocks);
      else if (block.kind === 'list') block.items.forEach(visit);
    }
  };
  visit(spec.firstPageHeader ?? []);
  visit(spec.blocks);
  return ids;
}

function baseId(text: string, level: number): string {
  const item = level === 2 ? AGENDA_ITEM.exec(text) : null;
  if (item) return `point-${item[1]}`;
  const annex = level === 3 ? ANNEX.exec(text) : null;
  if (annex) return `annexe-${annex[1]}`;
  return slug(text);
}

/** « Points de discussion clés » → points-de-discussion-cles. */
export function slug(text: string): string {
  const words = foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words === '' ? 'section' : words.slice(0, 60).replace(/-+$/, '');
}
