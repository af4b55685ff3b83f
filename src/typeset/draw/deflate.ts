// Flate-compressed streams through Node's native zlib: pdf-lib's own flateStream uses pako,
// which took most of the drawing time (its allocations alone cost more than the layout).
import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFRawStream } from 'pdf-lib';

export function deflated(context: PDFContext, contents: string | Uint8Array, dict: Record<string, number> = {}): PDFRawStream {
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents;
  return context.stream(deflateSync(bytes), { ...dict, Filter: 'FlateDecode' });
}
