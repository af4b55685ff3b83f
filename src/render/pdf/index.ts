// The compte-rendu as a PDF: its document (the same Markdown `--format md` writes, read into
// blocks) typeset as a formal document. Pure: Markdown and furniture in, bytes out.
import { minutesDocument, type PageFurniture } from '../../document/index.js';
import { typeset } from '../../typeset/index.js';

export function renderPdf(markdown: string, furniture: PageFurniture): Promise<Uint8Array> {
  return typeset(minutesDocument(markdown, furniture));
}
