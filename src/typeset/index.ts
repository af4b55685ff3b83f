// typeset(spec) -> PDF bytes. The stages, each a module of its own:
// measure (fonts/) -> break lines (inline) -> lay out blocks (layout, table) -> paginate ->
// decorate -> draw (draw/, the only one using pdf-lib).
import type { DocumentSpec } from '../document/blocks.js';
import { decorate } from './decorate.js';
import { writePdf } from './draw/pdf.js';
import { createFontLibrary } from './fonts/library.js';
import { frenchHyphenator } from './hyphenate.js';
import { layoutDocument } from './layout.js';
import type { Page } from './marks.js';
import { fontMeasure, type Measure } from './measure.js';
import { paginate } from './paginate.js';
import { Structure } from './structure.js';
import { theme, type Theme } from './style.js';

export type { Align, Block, DocumentMetadata, DocumentSpec, Run } from '../document/blocks.js';

export async function typeset(spec: DocumentSpec): Promise<Uint8Array> {
  const library = createFontLibrary();
  const { pages, structure } = composeDocument(spec, fontMeasure(library));
  return writePdf({ pages, structure, pageSize: theme.page, metadata: spec.metadata, library, creator: 'gtm' });
}

export interface ComposeOptions {
  readonly theme?: Theme;
  /** The line breaker: the optimal one by default, greedy for comparison. */
  readonly breaking?: 'optimal' | 'greedy';
}

/** Everything but drawing: the pages of marks and the structure they tag, from any measure (tests use a fake one). */
export function composeDocument(spec: DocumentSpec, measure: Measure, options: ComposeOptions = {}): { pages: Page[]; structure: Structure } {
  const pageTheme = options.theme ?? theme;
  const inline = {
    measure,
    linkColor: pageTheme.link.color,
    linkUnderline: pageTheme.link.underlineWidth,
    hyphenate: frenchHyphenator(),
    ...(options.breaking ? { breaking: options.breaking } : {}),
  };
  const structure = new Structure();
  const flow = layoutDocument({ blocks: spec.blocks, letterhead: spec.firstPageHeader }, { theme: pageTheme, inline, structure });
  const { margin, height } = pageTheme.page;
  const pages = paginate(flow, { top: margin.top, bottom: height - margin.bottom });
  return { pages: decorate(pages, spec, pageTheme, measure), structure };
}

export function composePages(spec: DocumentSpec, measure: Measure, pageTheme: Theme = theme): Page[] {
  return composeDocument(spec, measure, { theme: pageTheme }).pages;
}
