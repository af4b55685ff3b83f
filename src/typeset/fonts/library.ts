// Loads the faces a document uses (lazily, each file read once) and turns text into glyphs with
// the same advances and kerning for measuring and for drawing, so what is drawn is what was
// measured.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FACE_FILES, type FaceId } from './faces.js';
import { readTrueType, type TrueTypeFont } from './truetype.js';

export interface Glyph {
  /** Glyph id in the original font. */
  readonly id: number;
  /** The text this glyph stands for, written to the ToUnicode map for extraction. */
  readonly text: string;
  /** Advance width in font units. */
  readonly advance: number;
  /** Kerning applied before this glyph, in font units (negative brings it closer). */
  readonly kernBefore: number;
}

/** Stand-ins for characters a face may lack, tried in order before falling back to "?". */
const SUBSTITUTES: Readonly<Record<number, readonly number[]>> = {
  0x202f: [0x2009, 0x00a0], // narrow no-break space
  0x2011: [0x2010, 0x002d], // non-breaking hyphen
  0x2010: [0x002d],
  0x00ad: [0x002d], // soft hyphen, drawn where a word is hyphenated
};

export class LoadedFace {
  /**
   * Glyphs drawn so far (by original id) with the text each first stood for and its code: its id
   * in the subset and in content streams, given in order of first use from 1 (.notdef is 0), so
   * that subsets are numbered compactly and deterministically.
   */
  readonly used = new Map<number, { readonly code: number; readonly text: string }>();
  private nextCode = 1;
  private readonly widthCache = new Map<string, number>();
  private readonly glyphCache = new Map<number, number>();

  constructor(
    readonly id: FaceId,
    readonly font: TrueTypeFont,
  ) {}

  glyphIdFor(codePoint: number): number {
    let gid = this.glyphCache.get(codePoint);
    if (gid === undefined) {
      gid = this.font.glyphId(codePoint);
      for (const substitute of SUBSTITUTES[codePoint] ?? []) {
        if (gid !== 0) break;
        gid = this.font.glyphId(substitute);
      }
      if (gid === 0 && codePoint > 0x20) gid = this.font.glyphId(0x3f);
      this.glyphCache.set(codePoint, gid);
    }
    return gid;
  }

  /** Glyphs for text; kerning never crosses a space, so a line measures as the sum of its words. */
  shape(text: string): Glyph[] {
    const glyphs: Glyph[] = [];
    let previous = -1;
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      const id = this.glyphIdFor(codePoint);
      const isSpace = codePoint === 0x20;
      const kernBefore = previous >= 0 && !isSpace ? this.font.kerning(previous, id) : 0;
      glyphs.push({ id, text: char, advance: this.font.advanceWidth(id), kernBefore });
      previous = isSpace ? -1 : id;
    }
    return glyphs;
  }

  /** Width of text in font units (advances plus kerning). */
  widthInUnits(text: string): number {
    let width = this.widthCache.get(text);
    if (width === undefined) {
      width = 0;
      for (const glyph of this.shape(text)) width += glyph.advance + glyph.kernBefore;
      this.widthCache.set(text, width);
    }
    return width;
  }

  /** Shapes text for drawing, records its glyphs for the subset, and returns their codes. */
  draw(text: string): (Glyph & { readonly code: number })[] {
    return this.shape(text).map((glyph) => {
      let entry = this.used.get(glyph.id);
      if (!entry) {
        entry = { code: glyph.id === 0 ? 0 : this.nextCode++, text: glyph.text };
        this.used.set(glyph.id, entry);
      }
      return { ...glyph, code: entry.code };
    });
  }
}

export interface FontLibrary {
  face(id: FaceId): LoadedFace;
  /** Faces in first-use order (deterministic for a given document). */
  loaded(): LoadedFace[];
}

export type FontFileReader = (fileName: string) => Uint8Array;

/** Reads the DejaVu files shipped by the `dejavu-fonts-ttf` npm package. */
export function readDejaVuFile(fileName: string): Uint8Array {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${fileName}`));
}

export function createFontLibrary(readFile: FontFileReader = readDejaVuFile): FontLibrary {
  const faces = new Map<FaceId, LoadedFace>();
  return {
    face(id) {
      let face = faces.get(id);
      if (!face) {
        face = new LoadedFace(id, readTrueType(readFile(FACE_FILES[id])));
        faces.set(id, face);
      }
      return face;
    },
    loaded: () => [...faces.values()],
  };
}
