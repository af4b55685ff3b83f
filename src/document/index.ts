// The one document source of every output format: the compte-rendu's Markdown (from the
// templates) read into typed blocks, plus the page furniture decided from the meeting. The PDF
// (typeset/), and any other format, is written from this DocumentSpec and nothing else, so the
// formats cannot drift apart. Pure: no file, no clock, no git here.
import type { DocumentMetadata, DocumentSpec } from './blocks.js';
import { markdownToBlocks } from './from-markdown.js';

export type { Align, Block, ChartBar, DocumentMetadata, DocumentSpec, Run } from './blocks.js';
export { markdownToBlocks, type MinutesLayout } from './from-markdown.js';

/** What a compte-rendu's pages carry besides its Markdown. */
export interface PageFurniture {
  /** Left of every page's footer: « GTM – Compte-rendu du 28 janvier 2021 ». */
  reference: string;
  /** Top of pages 2 to N. */
  runningHeader: string;
  /** A draft carries « PROJET » across every page. */
  draft: boolean;
  metadata: DocumentMetadata;
}

export const DRAFT_WATERMARK = 'PROJET';

export function minutesDocument(markdown: string, furniture: PageFurniture): DocumentSpec {
  const layout = markdownToBlocks(markdown);
  return {
    blocks: layout.blocks,
    ...(layout.letterhead.length > 0 ? { firstPageHeader: layout.letterhead } : {}),
    runningHeader: furniture.runningHeader,
    footer: { left: layout.footNote ? `${furniture.reference} – ${layout.footNote}` : furniture.reference },
    ...(furniture.draft ? { watermark: DRAFT_WATERMARK } : {}),
    metadata: furniture.metadata,
  };
}
export { headingIds, slug } from './anchors.js';
