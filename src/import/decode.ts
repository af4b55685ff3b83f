// The bytes of a text file as text: UTF-8 (with or without its byte-order mark), UTF-16 with
// its mark, or, when the bytes are not UTF-8, Windows-1252 (what Word on Windows saves as
// « Texte brut »), with a note saying so.

/** Windows-1252's characters at 0x80–0x9F (Latin-1 elsewhere); undefined bytes kept as U+FFFD. */
const WINDOWS_1252_HIGH =
  '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';

/** Decoded here: Node's TextDecoder reads « windows-1252 » as Latin-1, losing ’ – œ €. */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
  return text;
}

export function decodeText(bytes: Uint8Array): { text: string; note?: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: 'fichier encodé en UTF-16, converti' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: 'fichier encodé en UTF-16, converti' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      text: decodeWindows1252(bytes),
      note: 'fichier encodé en Windows-1252 (pas en UTF-8) : converti ; vérifiez les lettres accentuées',
    };
  }
}

/** Bytes that no text file holds: NUL bytes (a binary file, or UTF-16 without its mark). */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  return zeros > 0;
}
