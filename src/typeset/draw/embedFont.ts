// Embeds one face as a composite font: Type0 / CIDFontType2 with Identity-H encoding and an
// Identity CIDToGIDMap, so a content stream's two-byte codes are glyph ids; a /W array with the
// advance of each used glyph; a ToUnicode map for extraction; and the subsetted TrueType file.
import { PDFArray, PDFNumber, type PDFContext, type PDFRef } from 'pdf-lib';
import type { LoadedFace } from '../fonts/library.js';
import { subsetTrueType } from '../fonts/subset.js';
import { deflated } from './deflate.js';
import { subsetTag } from './fingerprint.js';
import { asciiString } from './strings.js';

export interface EmbeddedFont {
  readonly ref: PDFRef;
  /** Checksum of the font program written, for the document's identifier. */
  readonly checksum: string;
}

export function embedFont(context: PDFContext, face: LoadedFace): EmbeddedFont {
  const { font } = face;
  // Original glyph ids by code: code i is glyphs[i - 1] (code 0 is .notdef).
  const drawn = [...face.used].sort((a, b) => a[1].code - b[1].code);
  const glyphs = drawn.map(([, { glyphId }]) => glyphId);
  const fontFile = subsetTrueType(font, glyphs);
  const baseFont = `${subsetTag(`${face.id}:${glyphs.join(',')}`)}+${font.postscriptName}`;
  const fontProgram = deflated(context, fontFile, { Length1: fontFile.length });
  const scale = 1000 / font.unitsPerEm;
  const round = (value: number) => Math.round(value * scale);

  const italic = font.italicAngle !== 0;
  const bold = face.id.includes('bold');
  const descriptor = context.obj({
    Type: 'FontDescriptor',
    FontName: baseFont,
    // Serif (2) and Symbolic (4): the glyphs are addressed by id, not by a standard encoding.
    Flags: 2 + 4 + (italic ? 64 : 0) + (font.isFixedPitch ? 1 : 0),
    FontBBox: font.bbox.map(round),
    ItalicAngle: font.italicAngle,
    Ascent: round(font.ascender),
    Descent: round(font.descender),
    CapHeight: round(font.capHeight),
    StemV: bold ? 140 : 80,
    FontFile2: context.register(fontProgram.stream),
  });

  const cidFont = context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: baseFont,
    CIDSystemInfo: { Registry: asciiString('Adobe'), Ordering: asciiString('Identity'), Supplement: 0 },
    FontDescriptor: context.register(descriptor),
    W: widthsArray(context, glyphs.map((gid) => face.font.advanceWidth(gid) * scale)),
    CIDToGIDMap: 'Identity',
  });
  const type0 = context.obj({
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: baseFont,
    Encoding: 'Identity-H',
    DescendantFonts: [context.register(cidFont)],
    ToUnicode: context.register(deflated(context, toUnicodeCMap(drawn.map(([char]) => char))).stream),
  });
  return { ref: context.register(type0), checksum: fontProgram.checksum };
}

/** /W for codes 1..n, one run: [1 [w1 w2 ...]], in thousandths of an em. */
function widthsArray(context: PDFContext, widths: readonly number[]): PDFArray {
  const run = PDFArray.withContext(context);
  for (const width of widths) run.push(PDFNumber.of(Math.round(width * 1000) / 1000));
  const array = PDFArray.withContext(context);
  array.push(PDFNumber.of(1));
  array.push(run);
  return array;
}

/** Maps code i + 1 to texts[i]. */
function toUnicodeCMap(texts: readonly string[]): string {
  const entries = texts.map((text, i) => `<${hex4(i + 1)}> <${utf16Hex(text)}>`);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

function utf16Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += hex4(text.charCodeAt(i));
  return hex;
}
