// Decoding a file the rapporteur edited: size limit, encoding (UTF-8, a byte-order mark, UTF-16),
// invisible control characters, and git merge-conflict markers, each turned into a located
// diagnostic rather than an exception.
import { error, type Diagnostic } from '../diagnostics.js';
import { messages } from '../messages.js';
import { describeCharacter } from './characters.js';

/** Far above any real compte-rendu (a few KB); protects memory and time from a stray file. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** The lines git writes around both sides of a conflict (`|||||||` with diff3 style). */
const CONFLICT_MARKER = /^(<{7}|\|{7}|={7}|>{7})(?:[ \t]|\r?$)/m;

/** C0 controls other than tab, line feed and carriage return, DEL and C1 controls: never typed on purpose. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** A carriage return that no line feed follows: old Mac line endings, which YAML would misread. */
const LONE_CARRIAGE_RETURN = /\r(?!\n)/;

/** A file's bytes as text, or why they are not a text gtm reads (located). */
export function decodeUserText(bytes: Uint8Array, shownAs: string): { text?: string; diagnostics: Diagnostic[] } {
  const at = (line: number, column = 1) => ({ file: shownAs, line, column });
  if (isUtf16(bytes)) return { diagnostics: [error('encodage', messages.utf16(), at(1))] };

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    // Everything before the bad byte is valid UTF-8: its last line gives the column in characters.
    const before = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes.subarray(0, offset));
    return { diagnostics: [error('encodage', messages.notUtf8(), at(lineOf(before), columnAfter(before)))] };
  }

  const conflict = CONFLICT_MARKER.exec(text);
  if (conflict) return { diagnostics: [error('conflit-git', messages.mergeConflict(), at(lineOf(text.slice(0, conflict.index))))] };

  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const before = text.slice(0, control.index);
    return { diagnostics: [error('caractere-invisible', messages.controlCharacter(describeCharacter(control[0])), at(lineOf(before), columnAfter(before)))] };
  }
  const lone = LONE_CARRIAGE_RETURN.exec(text);
  if (lone) {
    const before = text.slice(0, lone.index);
    return { diagnostics: [error('fins-de-ligne', messages.lonelyCarriageReturn(), at(lineOf(before), columnAfter(before)))] };
  }
  return { text, diagnostics: [] };
}

/** A UTF-16 byte-order mark, or the zero bytes UTF-16 puts beside every ASCII character. */
function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = bytes.subarray(0, 64);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  return sample.length >= 4 && zeros * 3 >= sample.length;
}

/** 1-based line of the position just after `before`. */
function lineOf(before: string): number {
  let line = 1;
  for (let index = before.indexOf('\n'); index !== -1; index = before.indexOf('\n', index + 1)) line++;
  return line;
}

/** 1-based column (UTF-16 units, as yaml counts) of the position just after `before`. */
function columnAfter(before: string): number {
  return before.length - before.lastIndexOf('\n');
}

/** Byte offset of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
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
