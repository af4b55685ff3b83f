// Per-document TrueType subsetting: only the glyphs drawn, renumbered compactly in the order the
// document first used them (glyph 0 stays .notdef), then the components of composite glyphs
// (accented letters) with their references rewritten. Only the tables a PDF viewer needs for a
// CIDFontType2 are written; OpenType layout tables, names and glyph names are dropped.
import type { TrueTypeFont } from './truetype.js';

const KEPT_AS_IS = ['OS/2', 'cvt ', 'fpgm', 'prep'];

/** `glyphs[i]` is the original id of the subset's glyph i + 1. */
export function subsetTrueType(font: TrueTypeFont, glyphs: readonly number[]): Uint8Array {
  const { bytes } = font;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const record = (tag: string) => {
    const found = font.tables.get(tag);
    if (!found) throw new Error(`TrueType font without a ${tag} table`);
    return found;
  };
  const glyf = record('glyf');
  const loca = record('loca');
  const head = record('head');
  const hhea = record('hhea');
  const hmtx = record('hmtx');
  const maxp = record('maxp');
  const post = record('post');

  const shortLoca = view.getInt16(head.offset + 50) === 0;
  const glyphRange = (gid: number): [number, number] => {
    const start = shortLoca ? view.getUint16(loca.offset + 2 * gid) * 2 : view.getUint32(loca.offset + 4 * gid);
    const end = shortLoca ? view.getUint16(loca.offset + 2 * gid + 2) * 2 : view.getUint32(loca.offset + 4 * gid + 4);
    return [glyf.offset + start, glyf.offset + Math.max(start, end)];
  };

  // New glyph order: .notdef, the drawn glyphs (a glyph may come twice, for two characters),
  // then the components of composite glyphs that are not drawn themselves.
  const order = [0, ...glyphs.map((gid) => (gid < font.numGlyphs ? gid : 0))];
  const newId = new Map<number, number>();
  order.forEach((gid, i) => {
    if (!newId.has(gid)) newId.set(gid, i);
  });
  for (let i = 0; i < order.length; i++) {
    for (const { glyph } of compositeComponents(view, glyphRange(order[i]!))) {
      if (glyph < font.numGlyphs && !newId.has(glyph)) {
        newId.set(glyph, order.length);
        order.push(glyph);
      }
    }
  }

  const count = order.length;
  const newLoca = new Uint8Array(4 * (count + 1));
  const locaView = new DataView(newLoca.buffer);
  const pieces: Uint8Array[] = [];
  let glyfLength = 0;
  order.forEach((gid, i) => {
    locaView.setUint32(4 * i, glyfLength);
    const [start, end] = glyphRange(gid);
    if (end === start) return;
    const data = copy(bytes, { offset: start, length: end - start });
    const dataView = new DataView(data.buffer);
    for (const component of compositeComponents(view, [start, end])) {
      dataView.setUint16(component.at - start, newId.get(component.glyph)!);
    }
    pieces.push(data);
    glyfLength += data.length;
    const padding = (4 - (data.length % 4)) % 4;
    if (padding > 0) {
      pieces.push(new Uint8Array(padding));
      glyfLength += padding;
    }
  });
  locaView.setUint32(4 * count, glyfLength);

  const numberOfHMetrics = view.getUint16(hhea.offset + 34);
  const newHmtx = new Uint8Array(4 * count);
  const hmtxView = new DataView(newHmtx.buffer);
  order.forEach((gid, i) => {
    const metric = hmtx.offset + 4 * Math.min(gid, numberOfHMetrics - 1);
    const sideBearing = gid < numberOfHMetrics ? metric + 2 : hmtx.offset + 4 * numberOfHMetrics + 2 * (gid - numberOfHMetrics);
    hmtxView.setUint16(4 * i, view.getUint16(metric));
    hmtxView.setInt16(4 * i + 2, view.getInt16(sideBearing));
  });

  const newHead = copy(bytes, head);
  new DataView(newHead.buffer).setUint32(8, 0); // checkSumAdjustment, computed last
  new DataView(newHead.buffer).setInt16(50, 1); // long loca offsets
  const newHhea = copy(bytes, hhea);
  new DataView(newHhea.buffer).setUint16(34, count);
  const newMaxp = copy(bytes, maxp);
  new DataView(newMaxp.buffer).setUint16(4, count);
  // post format 3: metrics only, no glyph names.
  const newPost = copy(bytes, { offset: post.offset, length: 32 });
  new DataView(newPost.buffer).setUint32(0, 0x00030000);

  const out = new Map<string, Uint8Array>([
    ['glyf', concat(pieces, glyfLength)],
    ['head', newHead],
    ['hhea', newHhea],
    ['hmtx', newHmtx],
    ['loca', newLoca],
    ['maxp', newMaxp],
    ['post', newPost],
  ]);
  for (const tag of KEPT_AS_IS) {
    const found = font.tables.get(tag);
    if (found) out.set(tag, bytes.subarray(found.offset, found.offset + found.length));
  }
  return assembleFont(out);
}

/** The glyphs a composite glyph is made of, with where each reference is stored. */
function compositeComponents(view: DataView, [start, end]: [number, number]): { glyph: number; at: number }[] {
  if (end - start < 10 || view.getInt16(start) >= 0) return [];
  const components: { glyph: number; at: number }[] = [];
  let at = start + 10;
  for (;;) {
    const flags = view.getUint16(at);
    components.push({ glyph: view.getUint16(at + 2), at: at + 2 });
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
    if (!(flags & 0x0020) || at >= end) return components;
  }
}

/** A copy (never a view: the tables of the subset are patched in place). */
function copy(bytes: Uint8Array, table: { offset: number; length: number }): Uint8Array {
  return Uint8Array.prototype.slice.call(bytes, table.offset, table.offset + table.length);
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
    const entry = 12 + 16 * i;
    for (let c = 0; c < 4; c++) view.setUint8(entry + c, tag.charCodeAt(c));
    view.setUint32(entry + 4, checksum(view, offset, data.length));
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, data.length);
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
