// What layout needs to know about fonts, and nothing more: how wide a text is and where the
// baseline sits. Tests pass a fake with fixed-width characters; documents use the real fonts.
import type { FaceId } from './fonts/faces.js';
import type { FontLibrary } from './fonts/library.js';

export interface Measure {
  /** Width in points of `text` set in `face` at `size` points. */
  width(text: string, face: FaceId, size: number): number;
  /** Ascender and descender (both positive), as fractions of the font size. */
  ascent(face: FaceId): number;
  descent(face: FaceId): number;
  /** Whether `face` has the character; a measure without fonts (tests) has them all. */
  covers?(codePoint: number, face: FaceId): boolean;
}

export function fontMeasure(library: FontLibrary): Measure {
  return {
    width(text, face, size) {
      const loaded = library.face(face);
      return (loaded.widthInUnits(text) * size) / loaded.font.unitsPerEm;
    },
    ascent: (face) => {
      const { font } = library.face(face);
      return font.ascender / font.unitsPerEm;
    },
    covers: (codePoint, face) => library.face(face).covers(codePoint),
    descent: (face) => {
      const { font } = library.face(face);
      return -font.descender / font.unitsPerEm;
    },
  };
}
