// Short content fingerprints for the file identifier and the subset tags. They only need to be
// deterministic and to change with the content (nothing here is a security property), so a few
// rounds of FNV-1a over short strings do, without loading node:crypto.

/** 32 hex digits from four FNV-1a hashes with different offsets. */
export function fingerprint(text: string): string {
  let hex = '';
  for (const offset of [0x811c9dc5, 0x01000193, 0x2545f491, 0x9e3779b9]) {
    hex += fnv1a(text, offset).toString(16).padStart(8, '0');
  }
  return hex.toUpperCase();
}

/** Six capital letters, the conventional prefix naming a font subset. */
export function subsetTag(text: string): string {
  let hash = fnv1a(text, 0x811c9dc5);
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26);
  }
  return tag;
}

function fnv1a(text: string, offset: number): number {
  let hash = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The Adler-32 checksum a zlib stream ends with: a fingerprint of the uncompressed data. */
export function zlibChecksum(stream: Uint8Array): string {
  let hex = '';
  for (let i = stream.length - 4; i < stream.length; i++) hex += stream[i]!.toString(16).padStart(2, '0');
  return hex;
}
