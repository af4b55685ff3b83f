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
