// Checking one meeting file: reading, decoding (user-text.ts), then YAML and schema. A valid
// file is read fast (quick-checks.ts); yaml's composer and the wording of every problem
// (shape-checks.ts) load only once a file needs them. Shared by the loader's own thread and the
// parse workers.
import { hashBytes } from './hash.js';
import type { ParseJob } from './parse-pool.js';
import { readValidMeeting } from './quick-checks.js';
import { readMeetingBytes } from './repository-files.js';
import type { CheckedText } from './shape-checks.js';
import { decodeUserText, MAX_FILE_BYTES } from './user-text.js';

/** The located checks, once loaded (loadLocatedChecks). */
let locatedChecks: ((relativePath: string, text: string) => CheckedText) | undefined;

async function loadLocatedChecks(): Promise<void> {
  locatedChecks ??= (await import('./shape-checks.js')).checkMeetingSource;
}

/** A file with a problem, checked before the located checks were loaded. */
const NEEDS_LOCATED_CHECKS = Symbol('needs the located checks');

/** Most files are valid: read fast, and composed with positions only to word a problem. */
function checkText(relativePath: string, text: string): CheckedText | typeof NEEDS_LOCATED_CHECKS {
  const data = readValidMeeting(text);
  if (data) return { data, diagnostics: [] };
  return locatedChecks ? locatedChecks(relativePath, text) : NEEDS_LOCATED_CHECKS;
}

/** A meeting's text checked: its data when valid, and every problem, located. */
export async function checkMeetingText(relativePath: string, text: string): Promise<CheckedText> {
  const checked = checkText(relativePath, text);
  if (checked !== NEEDS_LOCATED_CHECKS) return checked;
  await loadLocatedChecks();
  return locatedChecks!(relativePath, text);
}

function checkMeetingBytes(relativePath: string, bytes: Uint8Array): CheckedText | typeof NEEDS_LOCATED_CHECKS {
  const read = decodeUserText(bytes, relativePath);
  return read.text === undefined ? { diagnostics: read.diagnostics } : checkText(relativePath, read.text);
}

/**
 * The cache entry of a file as JSON text, its hash that of the bytes checked; undefined when
 * the file cannot be read (the loader words why). Loading always takes the data back from this
 * text: values cut out of the YAML keep the whole file's text alive (three times the memory),
 * and a first run then sees exactly the data that later runs read from the cache.
 */
function serialisedEntry(job: ParseJob, buffer: Buffer): string | undefined | typeof NEEDS_LOCATED_CHECKS {
  const bytes = readMeetingBytes(job.file, buffer);
  if (!bytes) return undefined;
  const checked = checkMeetingBytes(job.relativePath, bytes);
  return checked === NEEDS_LOCATED_CHECKS ? checked : JSON.stringify({ hash: hashBytes(bytes), ...checked });
}

/**
 * The entries of the jobs' files (see serialisedEntry). A file with a problem is read again
 * once the located checks are loaded, which happens only when some file has one.
 */
export async function serialisedEntries(jobs: readonly ParseJob[], buffer: Buffer): Promise<Array<string | undefined>> {
  const entries = jobs.map((job) => serialisedEntry(job, buffer));
  if (!entries.includes(NEEDS_LOCATED_CHECKS)) return entries as Array<string | undefined>;
  await loadLocatedChecks();
  return entries.map((entry, index) => (entry === NEEDS_LOCATED_CHECKS ? serialisedEntry(jobs[index]!, buffer) : entry) as string | undefined);
}

/** A buffer to read files into, one per thread: any file gtm reads fits. */
export function fileBuffer(): Buffer {
  return Buffer.allocUnsafe(MAX_FILE_BYTES);
}
