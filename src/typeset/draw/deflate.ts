// Flate-compressed streams through Node's native zlib: pdf-lib's own flateStream uses pako,
// which took most of the drawing time (its allocations alone cost more than the layout).
import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFRawStream } from 'pdf-lib';
import { zlibChecksum } from './fingerprint.js';

export interface DeflatedStream {
  readonly stream: PDFRawStream;
  /** Checksum of the uncompressed contents (the zlib trailer). */
  readonly checksum: string;
}

export function deflated(context: PDFContext, contents: string | Uint8Array, dict: Record<string, number> = {}): DeflatedStream {
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents;
  const compressed = deflateSync(bytes);
  return { stream: context.stream(compressed, { ...dict, Filter: 'FlateDecode' }), checksum: zlibChecksum(compressed) };
}
