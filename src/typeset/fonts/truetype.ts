// A minimal TrueType reader: just what measuring, subsetting and embedding need (cmap, advance
// widths, legacy kerning, vertical metrics, glyph outlines as opaque bytes). Reading a few tables
// directly costs well under a millisecond, where loading fontkit costs a third of a second.

export interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

export interface TrueTypeFont {
  readonly bytes: Uint8Array;
  readonly tables: ReadonlyMap<string, TableRecord>;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly numGlyphs: number;
  /** Typographic ascender and descender (descender negative), in font units. */
  readonly ascender: number;
  readonly descender: number;
  readonly capHeight: number;
  readonly italicAngle: number;
  readonly isFixedPitch: boolean;
  readonly bbox: readonly [number, number, number, number];
  /** Glyph id for a code point, 0 (.notdef) when the font lacks it. */
  glyphId(codePoint: number): number;
  advanceWidth(glyphId: number): number;
  /** Kerning adjustment between two glyphs, in font units (usually negative). */
  kerning(left: number, right: number): number;
}

export function readTrueType(file: Uint8Array): TrueTypeFont {
  // A plain Uint8Array, not a Node Buffer, whose slice() would share memory instead of copying.
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at);
  const i16 = (at: number) => view.getInt16(at);
  const u32 = (at: number) => view.getUint32(at);

  const tables = new Map<string, TableRecord>();
  const tableCount = u16(4);
  for (let i = 0; i < tableCount; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[record]!, bytes[record + 1]!, bytes[record + 2]!, bytes[record + 3]!);
    tables.set(tag, { offset: u32(record + 8), length: u32(record + 12) });
  }
  const table = (tag: string): number => {
    const record = tables.get(tag);
    if (!record) throw new Error(`TrueType font without a ${tag} table`);
    return record.offset;
  };

  const head = table('head');
  const unitsPerEm = u16(head + 18);
  const bbox = [i16(head + 36), i16(head + 38), i16(head + 40), i16(head + 42)] as const;
  const hhea = table('hhea');
  const numberOfHMetrics = u16(hhea + 34);
  const numGlyphs = u16(table('maxp') + 4);
  const post = table('post');
  const italicAngle = view.getInt32(post + 4) / 65536;
  const isFixedPitch = u32(post + 12) !== 0;

  let ascender = i16(hhea + 4);
  let descender = i16(hhea + 6);
  let capHeight = Math.round(ascender * 0.7);
  if (tables.has('OS/2')) {
    const os2 = table('OS/2');
    ascender = i16(os2 + 68);
    descender = i16(os2 + 70);
    if (u16(os2) >= 2) capHeight = i16(os2 + 88);
  }

  const hmtx = table('hmtx');

  return {
    bytes,
    tables,
    postscriptName: readPostscriptName(view, tables.get('name')),
    unitsPerEm,
    numGlyphs,
    ascender,
    descender,
    capHeight,
    italicAngle,
    isFixedPitch,
    bbox,
    glyphId: readCmap(view, table('cmap')),
    advanceWidth: (gid) => (gid < numGlyphs ? u16(hmtx + 4 * Math.min(gid, numberOfHMetrics - 1)) : 0),
    kerning: readKern(view, tables.get('kern')),
  };
}

/** Unicode cmap lookup from subtable (3,10) format 12 when present, else (3,1)/(0,x) format 4. */
function readCmap(view: DataView, cmap: number): (codePoint: number) => number {
  const count = view.getUint16(cmap + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < count; i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const encoding = view.getUint16(cmap + 6 + 8 * i);
    const subtable = cmap + view.getUint32(cmap + 8 + 8 * i);
    const format = view.getUint16(subtable);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12 && format12 < 0) format12 = subtable;
    if (format === 4 && format4 < 0) format4 = subtable;
  }
  if (format12 >= 0) {
    const groups = view.getUint32(format12 + 12);
    return (codePoint) => {
      let low = 0;
      let high = groups - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const group = format12 + 16 + 12 * mid;
        const start = view.getUint32(group);
        const end = view.getUint32(group + 4);
        if (codePoint < start) high = mid - 1;
        else if (codePoint > end) low = mid + 1;
        else return view.getUint32(group + 8) + codePoint - start;
      }
      return 0;
    };
  }
  if (format4 < 0) throw new Error('TrueType font without a Unicode cmap');
  const segments = view.getUint16(format4 + 6) / 2;
  const endCodes = format4 + 14;
  const startCodes = endCodes + 2 * segments + 2;
  const deltas = startCodes + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    let low = 0;
    let high = segments - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (codePoint > view.getUint16(endCodes + 2 * mid)) low = mid + 1;
      else if (mid > 0 && codePoint <= view.getUint16(endCodes + 2 * (mid - 1))) high = mid - 1;
      else {
        const start = view.getUint16(startCodes + 2 * mid);
        if (codePoint < start) return 0;
        const delta = view.getInt16(deltas + 2 * mid);
        const rangeOffset = view.getUint16(rangeOffsets + 2 * mid);
        if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
        const glyph = view.getUint16(rangeOffsets + 2 * mid + rangeOffset + 2 * (codePoint - start));
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
    }
    return 0;
  };
}

/**
 * Pairs of the legacy `kern` table (format 0 subtables), read into a map on first use: a
 * document asks for thousands of pairs, and a map lookup is much cheaper than a binary search.
 */
function readKern(view: DataView, record: TableRecord | undefined): (left: number, right: number) => number {
  if (!record || view.getUint16(record.offset) !== 0) return () => 0;
  let pairs: Map<number, number> | undefined;
  const load = () => {
    const map = new Map<number, number>();
    let at = record.offset + 4;
    for (let s = view.getUint16(record.offset + 2); s > 0; s--) {
      const coverage = view.getUint16(at + 4);
      const horizontal = (coverage & 1) === 1;
      if (coverage >> 8 === 0 && horizontal) {
        for (let i = 0, count = view.getUint16(at + 6); i < count; i++) {
          const pair = at + 14 + 6 * i;
          const key = view.getUint16(pair) * 65536 + view.getUint16(pair + 2);
          map.set(key, (map.get(key) ?? 0) + view.getInt16(pair + 4));
        }
      }
      at += view.getUint16(at + 2);
    }
    return map;
  };
  return (left, right) => (pairs ??= load()).get(left * 65536 + right) ?? 0;
}

function readPostscriptName(view: DataView, record: TableRecord | undefined): string {
  if (!record) return 'Font';
  const count = view.getUint16(record.offset + 2);
  const strings = record.offset + view.getUint16(record.offset + 4);
  for (let i = 0; i < count; i++) {
    const entry = record.offset + 6 + 12 * i;
    const platform = view.getUint16(entry);
    const nameId = view.getUint16(entry + 6);
    if (nameId !== 6) continue;
    const length = view.getUint16(entry + 8);
    const start = strings + view.getUint16(entry + 10);
    let name = '';
    if (platform === 1) {
      for (let j = 0; j < length; j++) name += String.fromCharCode(view.getUint8(start + j));
    } else {
      for (let j = 0; j + 1 < length; j += 2) name += String.fromCharCode(view.getUint16(start + j));
    }
    // A PostScript name is printable ASCII without delimiters.
    return name.replace(/[^\x21-\x7e]|[()<>[\]{}/%]/g, '') || 'Font';
  }
  return 'Font';
}
