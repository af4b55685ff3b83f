// The display list: what layout produces and the drawing stage paints. Coordinates are points
// from the top-left corner of the page (y grows downwards); text is placed by its baseline.
import type { FaceId } from './fonts/faces.js';
import type { Color } from './style.js';

export interface TextMark {
  readonly kind: 'text';
  readonly x: number;
  readonly y: number;
  readonly face: FaceId;
  readonly size: number;
  readonly color: Color;
  readonly text: string;
  /** Added after each space, to justify the line. */
  readonly extraSpace: number;
  /** Counter-clockwise rotation in degrees around (x, y). */
  readonly angle?: number;
  /** The structure element (structure.ts) the text belongs to; none for page furniture. */
  readonly tag?: number;
}

export interface RectMark {
  readonly kind: 'rect';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill: Color;
}

export interface LineMark {
  readonly kind: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number;
  readonly color: Color;
}

/** A clickable area opening a URI. */
export interface LinkMark {
  readonly kind: 'link';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly uri: string;
}

/** Where a heading starts: an entry of the document outline (bookmarks). Draws nothing. */
export interface AnchorMark {
  readonly kind: 'anchor';
  readonly x: number;
  readonly y: number;
  readonly level: number;
  readonly title: string;
}

export type Mark = TextMark | RectMark | LineMark | LinkMark | AnchorMark;

export interface Page {
  readonly marks: Mark[];
}

/** The same mark moved down by dy (and right by dx). */
export function shiftMark(mark: Mark, dx: number, dy: number): Mark {
  switch (mark.kind) {
    case 'line':
      return { ...mark, x1: mark.x1 + dx, x2: mark.x2 + dx, y1: mark.y1 + dy, y2: mark.y2 + dy };
    default:
      return { ...mark, x: mark.x + dx, y: mark.y + dy };
  }
}
