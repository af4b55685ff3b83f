// The TrueType reader and subsetter, checked against fontkit (a dev dependency here only).
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { FACE_FILES, type FaceId } from '../../src/typeset/fonts/faces.js';
import { createFontLibrary, readDejaVuFile } from '../../src/typeset/fonts/library.js';
import { subsetTrueType } from '../../src/typeset/fonts/subset.js';
import { readTrueType } from '../../src/typeset/fonts/truetype.js';

/** The characters a French compte-rendu needs, and then some Latin Extended. */
const FRENCH = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?()[]/-–—«»’“”…°%€@&*+=#§àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ\u00a0\u202f\u2009\u00adșțăłńśźżčřšžđ';

describe('TrueType reader', () => {
  it.each(Object.keys(FACE_FILES) as FaceId[])('reads %s as fontkit does', (face) => {
    const file = readDejaVuFile(FACE_FILES[face]);
    const reference = fontkit.create(Buffer.from(file));
    const font = readTrueType(file);
    expect(font.unitsPerEm).toBe(reference.unitsPerEm);
    expect(font.numGlyphs).toBe(reference.numGlyphs);
    expect(font.postscriptName).toBe(reference.postscriptName);
    for (const char of FRENCH) {
      const glyph = reference.glyphForCodePoint(char.codePointAt(0)!);
      expect(font.glyphId(char.codePointAt(0)!), char).toBe(glyph.id);
      expect(font.glyphId(char.codePointAt(0)!), `${char} is in ${face}`).not.toBe(0);
      expect(font.advanceWidth(glyph.id), char).toBe(glyph.advanceWidth);
    }
    for (const pair of ['AV', 'To', 'Va', 'L’', 'fa', 'Ty', 'P.']) {
      const [a, b] = [...pair].map((c) => reference.glyphForCodePoint(c.codePointAt(0)!));
      const run = reference.layout(pair, ['kern']);
      expect(font.kerning(a!.id, b!.id), pair).toBe(run.positions[0]!.xAdvance - a!.advanceWidth);
    }
  });

  it('measures text with kerning, never across a space', () => {
    const face = createFontLibrary().face('serif');
    const width = (text: string) => face.widthInUnits(text);
    expect(width('AV')).toBeLessThan(width('A') + width('V'));
    expect(width('A V')).toBe(width('A') + width(' ') + width('V'));
  });
});

describe('subsetter', () => {
  it('keeps exactly the outlines and advances of the drawn glyphs, composites included', () => {
    const file = readDejaVuFile(FACE_FILES['serif']);
    const original = fontkit.create(Buffer.from(file));
    const font = readTrueType(file);
    const text = 'Élève à l’école, « œuvre » – 1er';
    const glyphs = [...new Set([...text].map((c) => font.glyphId(c.codePointAt(0)!)))];
    const subset = subsetTrueType(font, glyphs);
    expect(subset.length).toBeLessThan(file.length / 20);
    const parsed = fontkit.create(Buffer.from(subset));
    expect(parsed.numGlyphs).toBeGreaterThan(glyphs.length); // plus .notdef and composite components
    glyphs.forEach((gid, i) => {
      const ours = parsed.getGlyph(i + 1);
      const theirs = original.getGlyph(gid);
      expect(ours.advanceWidth).toBe(theirs.advanceWidth);
      expect(ours.path.toSVG()).toBe(theirs.path.toSVG());
    });
    // É is a composite (E + acute): the subset keeps it drawable.
    expect(parsed.getGlyph(1).path.toSVG().length).toBeGreaterThan(100);
  });

  it('is deterministic', () => {
    const font = readTrueType(readDejaVuFile(FACE_FILES['serif-bold']));
    const glyphs = [...'Décision'].map((c) => font.glyphId(c.codePointAt(0)!));
    expect(Buffer.from(subsetTrueType(font, glyphs)).equals(Buffer.from(subsetTrueType(font, glyphs)))).toBe(true);
  });
});
