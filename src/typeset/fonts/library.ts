// Loads the faces a document uses (lazily, each file read once) and turns text into glyphs with
// the same advances and kerning for measuring and for drawing, so what is drawn is what was
// measured.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FACE_FILES, type FaceId } from './faces.js';
import { readTrueType, type TrueTypeFont } from './truetype.js';

/** Stand-ins for characters a face may lack, tried in order before falling back to "?". */
const SUBSTITUTES: Readonly<Record<number, readonly number[]>> = {
  0x202f: [0x2009, 0x00a0], // narrow no-break space
  0x2011: [0x2010, 0x002d], // non-breaking hyphen
  0x2010: [0x002d],
  0x00ad: [0x002d], // soft hyphen, drawn where a word is hyphenated
};

/** Receives each glyph of a text: its id, the kerning before it (font units), its character. */
export type GlyphVisitor = (glyphId: number, kernBefore: number, char: string) => void;

export class LoadedFace {
  /**
   * Characters drawn so far, each with its glyph (original id) and its code: its glyph id in the
   * subset and in content streams, given in order of first use from 1, so that subsets are
   * numbered compactly and deterministically. Codes are per character, not per glyph: two
   * characters drawn with the same glyph (a stand-in "?") get two codes, so that each maps back
   * to its own text.
   */
  readonly used = new Map<string, { readonly code: number; readonly glyphId: number; readonly hex: string }>();
  private nextCode = 1;
  private readonly widthCache = new Map<string, number>();
  /** Glyph ids of the code points below 0x3000 seen so far (-1: not looked up yet). */
  private readonly glyphCache = new Int32Array(0x3000).fill(-1);

  constructor(
    readonly id: FaceId,
    readonly font: TrueTypeFont,
  ) {}

  /** Whether the face draws the character (itself, or a stand-in of SUBSTITUTES), not « ? ». */
  covers(codePoint: number): boolean {
    return this.font.glyphId(codePoint) !== 0 || SUBSTITUTES[codePoint] !== undefined;
  }

  glyphIdFor(codePoint: number): number {
    const cached = codePoint < 0x3000 ? this.glyphCache[codePoint]! : -1;
    if (cached >= 0) return cached;
    let gid = this.font.glyphId(codePoint);
    for (const substitute of SUBSTITUTES[codePoint] ?? []) {
      if (gid !== 0) break;
      gid = this.font.glyphId(substitute);
    }
    if (gid === 0 && codePoint > 0x20) gid = this.font.glyphId(0x3f);
    if (codePoint < 0x3000) this.glyphCache[codePoint] = gid;
    return gid;
  }

  /**
   * The glyphs of a text, one per character (no ligatures), with pair kerning. Kerning never
   * crosses a space, so a line measures as the sum of its words and its spaces.
   */
  eachGlyph(text: string, visit: GlyphVisitor): void {
    let previous = -1;
    for (let i = 0; i < text.length; i++) {
      let codePoint = text.charCodeAt(i);
      let char = text[i]!;
      if (codePoint >= 0xd800 && codePoint < 0xdc00 && i + 1 < text.length) {
        codePoint = text.codePointAt(i)!;
        char = text.slice(i, i + 2);
        i++;
      }
      const gid = this.glyphIdFor(codePoint);
      if (codePoint === 0x20) {
        visit(gid, 0, char);
        previous = -1;
      } else {
        visit(gid, previous >= 0 ? this.font.kerning(previous, gid) : 0, char);
        previous = gid;
      }
    }
  }

  /** Width of text in font units (advances plus kerning). */
  widthInUnits(text: string): number {
    let width = this.widthCache.get(text);
    if (width === undefined) {
      let total = 0;
      this.eachGlyph(text, (gid, kern) => {
        total += this.font.advanceWidth(gid) + kern;
      });
      this.widthCache.set(text, total);
      width = total;
    }
    return width;
  }

  private readonly encodedWords = new Map<string, string>();

  /**
   * A word (no space) as it goes in a content stream's TJ array: four hex digits per glyph code,
   * and `>kerning<` between glyphs that kern, in thousandths of an em. Cached: most words recur.
   */
  encodeWord(word: string, formatKerning: (thousandths: number) => string): string {
    let encoded = this.encodedWords.get(word);
    if (encoded === undefined) {
      let out = '';
      const toThousandths = -1000 / this.font.unitsPerEm;
      this.eachGlyph(word, (gid, kern, char) => {
        if (kern !== 0) out += `>${formatKerning(kern * toThousandths)}<`;
        out += this.codeOf(gid, char);
      });
      encoded = out;
      this.encodedWords.set(word, encoded);
    }
    return encoded;
  }

  /** The character's code in content streams, as four hex digits; records it for the subset. */
  codeOf(glyphId: number, char: string): string {
    let entry = this.used.get(char);
    if (!entry) {
      const code = this.nextCode++;
      entry = { code, glyphId, hex: code.toString(16).padStart(4, '0') };
      this.used.set(char, entry);
    }
    return entry.hex;
  }
}

export interface FontLibrary {
  face(id: FaceId): LoadedFace;
  /** Faces in first-use order (deterministic for a given document). */
  loaded(): LoadedFace[];
}

export type FontFileReader = (fileName: string) => Uint8Array;

let dejaVuDirectory: string | undefined;

/** Reads the DejaVu files shipped by the `dejavu-fonts-ttf` npm package. */
export function readDejaVuFile(fileName: string): Uint8Array {
  dejaVuDirectory ??= dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'));
  return readFileSync(join(dejaVuDirectory, fileName));
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
