// Reading a file the rapporteur edited: size limit, UTF-8 check, byte-order mark, and git
// merge-conflict markers, each turned into a located diagnostic rather than an exception.
import { readFile, stat } from 'node:fs/promises';
import { error, type Diagnostic } from './diagnostics.js';
import { messages } from './messages.js';

/** Far above any real compte-rendu (a few KB); protects memory and time from a stray file. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

const CONFLICT_MARKER = /^(<{7}|={7}|>{7})(?:\s|$)/m;

export async function readUserText(file: string, shownAs: string): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  const at = (line: number, column = 1) => ({ file: shownAs, line, column });
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.size > MAX_FILE_BYTES) return { diagnostics: [error('fichier-trop-gros', messages.fileTooLarge(info.size, MAX_FILE_BYTES), at(1))] };
    bytes = await readFile(file);
  } catch (problem) {
    const code = (problem as NodeJS.ErrnoException).code;
    return { diagnostics: [error('lecture-impossible', messages.unreadableFile(code === 'ENOENT' ? 'fichier introuvable' : String(code ?? problem)))] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, offset).toString('latin1');
    const line = before.split('\n').length;
    return { diagnostics: [error('encodage', messages.notUtf8(), at(line, offset - before.lastIndexOf('\n')))] };
  }
  const conflict = CONFLICT_MARKER.exec(text);
  if (conflict) {
    const line = text.slice(0, conflict.index).split('\n').length;
    return { diagnostics: [error('conflit-git', messages.mergeConflict(), at(line))] };
  }
  return { text, diagnostics: [] };
}

/** Byte offset of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Buffer): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >> 5 === 0b110 ? 2 : byte >> 4 === 0b1110 ? 3 : byte >> 3 === 0b11110 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    for (let next = 1; next < length; next++) if (bytes[index + next]! >> 6 !== 0b10) return index;
    index += length;
  }
  return index;
}
