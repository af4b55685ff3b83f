// The compte-rendu as a PDF: its Markdown (the same text `--format md` writes) laid out as a
// formal document. Pure: Markdown and context in, bytes out; no file, no clock, no git here.
import { typeset, type DocumentMetadata, type DocumentSpec } from '../../typeset/index.js';
import { markdownToBlocks } from './markdown-blocks.js';

export { minutesPdfContext } from './context.js';

export interface MinutesPdfContext {
  /** Left of every page's footer: « GTM – Compte-rendu du 28 janvier 2021 ». */
  reference: string;
  /** Top of pages 2 to N. */
  runningHeader: string;
  /** A draft carries « PROJET » across every page. */
  draft: boolean;
  metadata: DocumentMetadata;
}

export const DRAFT_WATERMARK = 'PROJET';

export function minutesDocument(markdown: string, context: MinutesPdfContext): DocumentSpec {
  const layout = markdownToBlocks(markdown);
  return {
    blocks: layout.blocks,
    ...(layout.letterhead.length > 0 ? { firstPageHeader: layout.letterhead } : {}),
    runningHeader: context.runningHeader,
    footer: { left: layout.footNote ? `${context.reference} – ${layout.footNote}` : context.reference },
    ...(context.draft ? { watermark: DRAFT_WATERMARK } : {}),
    metadata: context.metadata,
  };
}

export function renderPdf(markdown: string, context: MinutesPdfContext): Promise<Uint8Array> {
  return typeset(minutesDocument(markdown, context));
}
