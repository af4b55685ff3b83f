// PDF/A-2b, the archival profile: an sRGB output intent with its ICC profile (generated here,
// byte for byte the same every time) and the XMP metadata that names the conformance and
// repeats the document information. With every font embedded (embedFont.ts), no transparency
// and no encryption, this is what PDF/A-2 asks of a file like ours.
import type { DocumentMetadata } from '../../document/blocks.js';

/** s15Fixed16Number, big-endian, as ICC profiles write reals. */
function s15Fixed16(value: number): number[] {
  const fixed = Math.round(value * 65536) >>> 0;
  return [(fixed >>> 24) & 0xff, (fixed >>> 16) & 0xff, (fixed >>> 8) & 0xff, fixed & 0xff];
}

const u32 = (value: number): number[] => [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
const u16 = (value: number): number[] => [(value >>> 8) & 0xff, value & 0xff];
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const pad4 = (bytes: number[]): number[] => [...bytes, ...new Array<number>((4 - (bytes.length % 4)) % 4).fill(0)];

const xyz = (x: number, y: number, z: number): number[] => [...ascii('XYZ '), 0, 0, 0, 0, ...s15Fixed16(x), ...s15Fixed16(y), ...s15Fixed16(z)];

/** The sRGB transfer function (IEC 61966-2-1), sampled: 1024 steps of a 16-bit curve. */
function srgbCurve(): number[] {
  const count = 1024;
  const out = [...ascii('curv'), 0, 0, 0, 0, ...u32(count)];
  for (let i = 0; i < count; i++) {
    const v = i / (count - 1);
    const linear = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    out.push(...u16(Math.round(linear * 65535)));
  }
  return out;
}

function textDescription(text: string): number[] {
  // ICC v2 textDescriptionType: ASCII, then empty Unicode and ScriptCode parts.
  return [...ascii('desc'), 0, 0, 0, 0, ...u32(text.length + 1), ...ascii(text), 0, ...u32(0), ...u32(0), ...u16(0), 0, ...new Array<number>(67).fill(0)];
}

export const SRGB_IDENTIFIER = 'sRGB IEC61966-2.1';

/**
 * An ICC v2 display profile of sRGB: its primaries adapted to the D50 connection space
 * (Bradford), D50 white, and the sRGB tone curve, shared by the three channels.
 */
export function srgbProfile(): Uint8Array {
  const curve = srgbCurve();
  const tags: [string, number[]][] = [
    ['desc', textDescription(SRGB_IDENTIFIER)],
    ['cprt', [...ascii('text'), 0, 0, 0, 0, ...ascii('No copyright, use freely'), 0]],
    ['wtpt', xyz(0.9642, 1.0, 0.8249)],
    ['rXYZ', xyz(0.4361, 0.2225, 0.0139)],
    ['gXYZ', xyz(0.3851, 0.7169, 0.0971)],
    ['bXYZ', xyz(0.1431, 0.0606, 0.7141)],
    ['rTRC', curve],
  ];
  const shared: [string, string][] = [['gTRC', 'rTRC'], ['bTRC', 'rTRC']];
  const tableSize = 4 + 12 * (tags.length + shared.length);
  let offset = 128 + tableSize;
  const table: number[] = [...u32(tags.length + shared.length)];
  const data: number[] = [];
  const offsets = new Map<string, [number, number]>();
  for (const [signature, bytes] of tags) {
    offsets.set(signature, [offset, bytes.length]);
    table.push(...ascii(signature), ...u32(offset), ...u32(bytes.length));
    const padded = pad4(bytes);
    data.push(...padded);
    offset += padded.length;
  }
  for (const [signature, same] of shared) {
    const [at, length] = offsets.get(same)!;
    table.push(...ascii(signature), ...u32(at), ...u32(length));
  }
  const size = 128 + table.length + data.length;
  const header = [
    ...u32(size),
    ...u32(0), // preferred CMM
    0x02, 0x10, 0x00, 0x00, // version 2.1
    ...ascii('mntr'),
    ...ascii('RGB '),
    ...ascii('XYZ '),
    ...u16(2026), ...u16(1), ...u16(1), ...u16(0), ...u16(0), ...u16(0), // a fixed date: the same bytes every time
    ...ascii('acsp'),
    ...u32(0), // platform
    ...u32(0), // flags
    ...u32(0), // manufacturer
    ...u32(0), // model
    ...u32(0), ...u32(0), // attributes
    ...u32(0), // perceptual intent
    ...s15Fixed16(0.9642), ...s15Fixed16(1.0), ...s15Fixed16(0.8249), // D50
    ...u32(0), // creator
    ...new Array<number>(44).fill(0), // profile id and reserved
  ];
  return Uint8Array.from([...header, ...table, ...data]);
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An ISO 8601 date as XMP writes it, in UTC, to the second (the information dictionary's D:… in other words). */
const xmpDate = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The XMP packet: PDF/A-2b identification and the document information, the same as in /Info. */
export function xmpMetadata(metadata: DocumentMetadata, creator: string, producer: string): string {
  const date = xmpDate(metadata.creationDate);
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;
  const keywords = metadata.keywords && metadata.keywords.length > 0 ? metadata.keywords.join(', ') : undefined;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<pdfaid:part>2</pdfaid:part>',
    '<pdfaid:conformance>B</pdfaid:conformance>',
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(metadata.title)}</dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${escapeXml(metadata.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description>${alt(metadata.subject)}</dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(metadata.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${escapeXml(creator)}</xmp:CreatorTool>`,
    `<pdf:Producer>${escapeXml(producer)}</pdf:Producer>`,
    ...(keywords ? [`<pdf:Keywords>${escapeXml(keywords)}</pdf:Keywords>`] : []),
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
