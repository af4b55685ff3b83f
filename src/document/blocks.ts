// The typesetter's input: a document as a list of typed blocks. Nothing here knows about
// meetings; the PDF renderer builds these blocks from Markdown.

/** A stretch of text in one style. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** URI opened when the text is clicked. */
  link?: string;
}

export type Align = 'left' | 'justify' | 'center' | 'right';

export type Block =
  /** A heading is never left alone at the bottom of a page: it is kept with what follows. */
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; runs: Run[]; align?: Align }
  /** Justified by default. A "\n" in a run's text is a line break. */
  | { kind: 'paragraph'; runs: Run[]; align?: Align }
  /** Each item is a list of blocks, so items can hold several paragraphs and nested lists. */
  | { kind: 'list'; ordered: boolean; start?: number; items: Block[][] }
  /**
   * Cells wrap; a row taller than the space left is split across pages, and the header row is
   * repeated on each page. `widths` are relative column weights; by default they follow content.
   */
  | { kind: 'table'; header: Run[][]; rows: Run[][][]; widths?: number[] }
  /** Moved whole to the next page rather than split (unless taller than a page). */
  | { kind: 'group'; blocks: Block[]; keepTogether: true }
  | { kind: 'rule' }
  | { kind: 'pageBreak' }
  /**
   * A bar chart that carries its data: the PDF draws it as vector bars, a writer that does not
   * draw shows it as a table (`labelHeader` | `valueHeader`, one row per bar). Bars are
   * proportional to `value` over the largest of `max` and the values.
   */
  | { kind: 'chart'; chart: 'bars'; labelHeader: string; valueHeader: string; bars: ChartBar[]; max?: number; unit?: string };

export interface ChartBar {
  label: string;
  value: number;
}

export interface DocumentMetadata {
  title: string;
  author: string;
  subject: string;
  keywords?: string[];
  language: 'fr-FR';
  /** Written as both the creation and the modification date: output never depends on the clock. */
  creationDate: Date;
}

export interface DocumentSpec {
  blocks: Block[];
  /** Letterhead at the top of page 1, set smaller than the text. */
  firstPageHeader?: Block[];
  /** Short title at the top of pages 2 to N. */
  runningHeader?: string;
  /** Footer of every page: this text on the left, "Page N / M" on the right. */
  footer?: { left: string };
  /** A large diagonal word in light grey behind the text of every page, e.g. "PROJET" for drafts. */
  watermark?: string;
  metadata: DocumentMetadata;
}
