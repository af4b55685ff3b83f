// The neutral form every source is read into before recognition: a flat list of blocks
// (paragraphs, list items, headings, table rows), each with its place in the source, so that
// text extracted from Word or PDF and a .docx read by mammoth are recognised by the same code.

/** Where a block came from: a line of a text file, or a paragraph of a Word document. */
export type Place = { line: number } | { paragraph: number };

export interface Block {
  kind: 'paragraph' | 'item' | 'heading' | 'row';
  /** The text, with inline Markdown (**bold**, *italics*, links); a row's cells joined by tabs. */
  text: string;
  /** A row's cells, merged cells repeated in every grid position they cover. */
  cells?: string[];
  /** A list item's marker as written (« · », « - », « 1. », « II. »), or the list's tag (ul, ol). */
  marker?: string;
  /** A list item's depth when the source says it (Word lists); a heading's level. */
  level?: number;
  /** The text was a table cell of its own (a tab-led line of extracted text, a one-cell row). */
  cell?: boolean;
  /** Blank lines before the block in a text file. */
  gapBefore: number;
  place: Place;
}

/** Something read in the source that is no content (a bookmark, a page header), kept for the record's comments. */
export interface Artefact {
  text: string;
  place: Place;
}

export interface SourceDocument {
  blocks: Block[];
  artefacts: Artefact[];
  /** Notes on the reading itself (encoding), for the report. */
  notes: string[];
}

/** « ligne 12 », « paragraphe 4 ». */
export function placeLabel(place: Place): string {
  return 'line' in place ? `ligne ${place.line}` : `paragraphe ${place.paragraph}`;
}

/** Order of places of one source. */
export function placeIndex(place: Place): number {
  return 'line' in place ? place.line : place.paragraph;
}
