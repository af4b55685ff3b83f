// Checking one meeting file's bytes: decoding (user-text.ts), then YAML and schema
// (shape-checks.ts). Shared by the loader's own thread and the parse workers.
import type { Diagnostic } from './diagnostics.js';
import type { Meeting } from './schema/meeting.js';
import { checkMeetingText } from './shape-checks.js';
import { decodeUserText } from './user-text.js';

export interface CheckedMeeting {
  data?: Meeting;
  diagnostics: Diagnostic[];
}

export function checkMeetingBytes(relativePath: string, bytes: Uint8Array): CheckedMeeting {
  const read = decodeUserText(bytes, relativePath);
  return read.text === undefined ? { diagnostics: read.diagnostics } : checkMeetingText(relativePath, read.text);
}

/**
 * The cache entry of a file as JSON text. Loading always takes the data back from this text:
 * values cut out of the YAML keep the whole file's text alive (three times the memory), and
 * a first run then sees exactly the data that later runs read from the cache.
 */
export function serialisedEntry(relativePath: string, bytes: Uint8Array, hash: string): string {
  return JSON.stringify({ hash, ...checkMeetingBytes(relativePath, bytes) });
}
