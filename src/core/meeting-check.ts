// Checking one meeting file: reading, decoding (user-text.ts), then YAML and schema
// (shape-checks.ts). Shared by the loader's own thread and the parse workers.
import type { Diagnostic } from './diagnostics.js';
import type { Meeting } from './schema/meeting.js';
import { hashBytes } from './hash.js';
import type { ParseJob } from './parse-pool.js';
import { readMeetingBytes } from './repository-files.js';
import { checkMeetingText } from './shape-checks.js';
import { decodeUserText, MAX_FILE_BYTES } from './user-text.js';

export interface CheckedMeeting {
  data?: Meeting;
  diagnostics: Diagnostic[];
}

export function checkMeetingBytes(relativePath: string, bytes: Uint8Array): CheckedMeeting {
  const read = decodeUserText(bytes, relativePath);
  return read.text === undefined ? { diagnostics: read.diagnostics } : checkMeetingText(relativePath, read.text);
}

/**
 * The cache entry of a file as JSON text, its hash that of the bytes checked; undefined when
 * the file cannot be read (the loader words why). Loading always takes the data back from this
 * text: values cut out of the YAML keep the whole file's text alive (three times the memory),
 * and a first run then sees exactly the data that later runs read from the cache.
 */
export function serialisedEntry(job: ParseJob, buffer: Buffer): string | undefined {
  const bytes = readMeetingBytes(job.file, buffer);
  if (!bytes) return undefined;
  return JSON.stringify({ hash: hashBytes(bytes), ...checkMeetingBytes(job.relativePath, bytes) });
}

/** A buffer to read files into, one per thread: any file gtm reads fits. */
export function fileBuffer(): Buffer {
  return Buffer.allocUnsafe(MAX_FILE_BYTES);
}
