// Flate-compressed streams through Node's native zlib: pdf-lib's own flateStream uses pako,
// which cost some 65 ms of CPU per document, more than the whole layout. zlib's output is
// stable for a given Node build (another zlib may compress differently; the file identifier
// only depends on the checksums of the uncompressed contents).
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
