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
import { theme, type Theme } from './style.js';

export type { Align, Block, DocumentMetadata, DocumentSpec, Run } from '../document/blocks.js';

export async function typeset(spec: DocumentSpec): Promise<Uint8Array> {
  const library = createFontLibrary();
  const pages = composePages(spec, fontMeasure(library), theme);
  return writePdf({ pages, pageSize: theme.page, metadata: spec.metadata, library, creator: 'gtm' });
}

/** Everything but drawing: the pages of marks, from any measure (tests use a fake one). */
export function composePages(spec: DocumentSpec, measure: Measure, pageTheme: Theme = theme): Page[] {
  const inline = {
    measure,
    linkColor: pageTheme.link.color,
    linkUnderline: pageTheme.link.underlineWidth,
    hyphenate: frenchHyphenator(),
  };
  const flow = layoutDocument({ blocks: spec.blocks, letterhead: spec.firstPageHeader }, { theme: pageTheme, inline });
  const { margin, height } = pageTheme.page;
  const pages = paginate(flow, { top: margin.top, bottom: height - margin.bottom });
  return decorate(pages, spec, pageTheme, measure);
}
