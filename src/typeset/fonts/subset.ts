// Per-document TrueType subsetting. Glyph ids are kept (unused glyphs become empty), so the
// content streams can address glyphs by their original id through an Identity CIDToGIDMap and the
// advance-width table needs no renumbering. Only the tables a PDF viewer needs for a CIDFontType2
// survive; the outlines of unused glyphs, the OpenType layout tables and the names are dropped.
import type { TrueTypeFont } from './truetype.js';

const KEPT_AS_IS = ['OS/2', 'cvt ', 'fpgm', 'hhea', 'hmtx', 'maxp', 'prep'];

export function subsetTrueType(font: TrueTypeFont, usedGlyphs: Iterable<number>): Uint8Array {
  const { bytes } = font;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const glyf = font.tables.get('glyf');
  const loca = font.tables.get('loca');
  const head = font.tables.get('head');
  const post = font.tables.get('post');
  if (!glyf || !loca || !head || !post) throw new Error('TrueType font without glyf/loca/head/post');

  const shortLoca = view.getInt16(head.offset + 50) === 0;
  const glyphRange = (gid: number): [number, number] => {
    const start = shortLoca ? view.getUint16(loca.offset + 2 * gid) * 2 : view.getUint32(loca.offset + 4 * gid);
    const end = shortLoca ? view.getUint16(loca.offset + 2 * gid + 2) * 2 : view.getUint32(loca.offset + 4 * gid + 4);
    return [glyf.offset + start, glyf.offset + end];
  };

  // Close the set over composite glyph components.
  const kept = new Set<number>([0]);
  const pending = [...usedGlyphs];
  while (pending.length > 0) {
    const gid = pending.pop()!;
    if (gid >= font.numGlyphs || kept.has(gid)) continue;
    kept.add(gid);
    for (const component of compositeComponents(view, glyphRange(gid))) pending.push(component);
  }

  const newLoca = new Uint8Array(4 * (font.numGlyphs + 1));
  const locaView = new DataView(newLoca.buffer);
  const pieces: Uint8Array[] = [];
  let glyfLength = 0;
  for (let gid = 0; gid < font.numGlyphs; gid++) {
    locaView.setUint32(4 * gid, glyfLength);
    if (!kept.has(gid)) continue;
    const [start, end] = glyphRange(gid);
    if (end <= start) continue;
    pieces.push(bytes.subarray(start, end));
    glyfLength += end - start;
    const padding = (4 - ((end - start) % 4)) % 4;
    if (padding > 0) {
      pieces.push(new Uint8Array(padding));
      glyfLength += padding;
    }
  }
  locaView.setUint32(4 * font.numGlyphs, glyfLength);
  const newGlyf = concat(pieces, glyfLength);

  const newHead = bytes.slice(head.offset, head.offset + head.length);
  const headView = new DataView(newHead.buffer);
  headView.setUint32(8, 0); // checkSumAdjustment, computed below
  headView.setInt16(50, 1); // long loca offsets

  // post format 3: metrics only, no glyph names.
  const newPost = bytes.slice(post.offset, post.offset + 32);
  new DataView(newPost.buffer).setUint32(0, 0x00030000);

  const out = new Map<string, Uint8Array>([
    ['glyf', newGlyf],
    ['head', newHead],
    ['loca', newLoca],
    ['post', newPost],
  ]);
  for (const tag of KEPT_AS_IS) {
    const record = font.tables.get(tag);
    if (record) out.set(tag, bytes.subarray(record.offset, record.offset + record.length));
  }
  return assembleFont(out);
}

function compositeComponents(view: DataView, [start, end]: [number, number]): number[] {
  if (end - start < 10 || view.getInt16(start) >= 0) return [];
  const components: number[] = [];
  let at = start + 10;
  for (;;) {
    const flags = view.getUint16(at);
    components.push(view.getUint16(at + 2));
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
    if (!(flags & 0x0020) || at >= end) return components;
  }
}

/** Writes an sfnt: table directory sorted by tag, 4-byte aligned tables, checksums. */
function assembleFont(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerLength = 12 + 16 * tags.length;
  let length = headerLength;
  for (const tag of tags) length += align4(tables.get(tag)!.length);
  const font = new Uint8Array(length);
  const view = new DataView(font.buffer);
  const entrySelector = Math.floor(Math.log2(tags.length));
  const searchRange = 16 * 2 ** entrySelector;
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, tags.length * 16 - searchRange);

  let offset = headerLength;
  let headOffset = 0;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    font.set(data, offset);
    const record = 12 + 16 * i;
    for (let c = 0; c < 4; c++) view.setUint8(record + c, tag.charCodeAt(c));
    view.setUint32(record + 4, checksum(view, offset, data.length));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.length);
    if (tag === 'head') headOffset = offset;
    offset += align4(data.length);
  });
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(view, 0, font.length)) >>> 0);
  return font;
}

function checksum(view: DataView, offset: number, length: number): number {
  let sum = 0;
  const end = offset + align4(length);
  for (let at = offset; at < end; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
  return sum;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

function concat(pieces: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
