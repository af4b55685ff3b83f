// The parse cache: what loading found in each meeting file (its validated data and its
// diagnostics, already located), keyed by the SHA-1 of the file's bytes, so that a file that
// did not change is not parsed again. It can never be stale: an edited file has a new hash.
// It lives in .gtm-cache/ at the repository root, which ignores itself in git. A cache that
// is unreadable, truncated, from another gtm build or altered fails its checks and is ignored.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from './diagnostics.js';
import type { Config } from './schema/config.js';
import type { Meeting } from './schema/meeting.js';

declare const GTM_VERSION: string | undefined;

export const CACHE_DIR = '.gtm-cache';
/** One line per file: its path as JSON, a tab, its entry as JSON (JSON escapes every tab and line break). */
const CACHE_FILE = 'meetings.json';
/** Bumped whenever what is stored changes shape. */
const FORMAT = 2;

export interface CachedFile<T = Meeting | Config> {
  /** SHA-1 of the file's bytes. */
  hash: string;
  /** The checked data, when the file is valid: a meeting, or the configuration for gtm.yaml. */
  data?: T;
  /** What reading, parsing and the schema found, with locations. */
  diagnostics: Diagnostic[];
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * Ties the cache to this build of gtm: its version and the modification time of the code
 * running (a rebuild rewrites it), so that a new schema or new wording never meets old results.
 */
function fingerprint(): string {
  const version = typeof GTM_VERSION === 'string' ? GTM_VERSION : 'dev';
  let stamp = '';
  try {
    const info = statSync(fileURLToPath(import.meta.url));
    stamp = `${info.size}:${info.mtimeMs}`;
  } catch {
    stamp = 'unknown';
  }
  return `${FORMAT}:${version}:${stamp}`;
}

/**
 * Digest of a set of files (path and content hash of each, in any order): what every result
 * computed from exactly those files is stored under. A file that could not be read counts
 * with no hash, so that it never matches a digest of readable files.
 */
export function digestOf(files: Iterable<readonly [path: string, hash: string | undefined]>): string {
  const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = createHash('sha1');
  for (const [key, content] of sorted) hash.update(`${key}\0${content ?? '-'}\n`);
  return hash.digest('hex');
}

export class MeetingCache {
  private changed = false;
  /** Read on first use: a command answered from a memo never reads the entries (24 MB at 10,000 files). */
  private loaded: Map<string, CachedFile> | undefined;

  private constructor(
    private readonly root: string,
    private readonly print: string,
  ) {}

  /** The repository's cache; empty when there is none or it cannot be trusted. Never throws. */
  static open(root: string): MeetingCache {
    return new MeetingCache(root, fingerprint());
  }

  private get entries(): Map<string, CachedFile> {
    this.loaded ??= readEntries(this.root, this.print);
    return this.loaded;
  }

  /** The stored result for this file, if its bytes are the same. */
  get<T extends Meeting | Config>(relativePath: string, hash: string): CachedFile<T> | undefined {
    const entry = this.entries.get(relativePath);
    return entry && entry.hash === hash ? (entry as CachedFile<T>) : undefined;
  }

  set<T extends Meeting | Config>(relativePath: string, entry: CachedFile<T>): void {
    this.entries.set(relativePath, entry);
    this.changed = true;
  }

  /**
   * Writes the cache if anything changed, keeping only the files still present. Atomic (a
   * temporary file renamed over the old one); not synced to disk, since a cache lost or cut
   * by a crash fails its checksum and is simply rebuilt. A read-only repository keeps no cache.
   */
  save(present: ReadonlySet<string>): void {
    for (const key of this.entries.keys()) {
      if (!present.has(key)) {
        this.entries.delete(key);
        this.changed = true;
      }
    }
    if (!this.changed) return;
    const keys = [...this.entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    // Serialised and written entry by entry: one JSON text of the whole cache would double the peak memory.
    const entries = this.entries;
    function* body(): Generator<string> {
      for (const key of keys) yield `${JSON.stringify(key)}\t${JSON.stringify(entries.get(key))}\n`;
    }
    if (writeChecked(this.root, CACHE_FILE, this.print, body())) this.changed = false;
  }

  /**
   * Digest of the files as loaded now (see digestOf): results computed from all of them, for
   * one build of gtm, depend on nothing else.
   */
  digest(present: ReadonlySet<string>): string {
    return digestOf([...present].map((key) => [key, this.entries.get(key)?.hash] as const));
  }

  /**
   * A result stored under `name` for exactly the files of `digest` (the rules' findings, the
   * action ledger…), if any. `accept` checks its shape: anything doubtful counts as absent.
   */
  memo<T>(name: string, digest: string, accept: (value: unknown) => value is T): T | undefined {
    const text = readChecked(this.root, memoFile(name), this.print);
    if (text === undefined) return undefined;
    try {
      const stored = JSON.parse(text) as { digest?: unknown; value?: unknown };
      return stored.digest === digest && accept(stored.value) ? stored.value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Whether anything is stored under `name`: without it, a caller need not compute a digest. */
  hasMemo(name: string): boolean {
    return existsSync(path.join(this.root, CACHE_DIR, memoFile(name)));
  }

  /** Keeps `value` (any JSON) under `name` for the files of `digest`, replacing what was there. */
  storeMemo(name: string, digest: string, value: unknown): void {
    writeChecked(this.root, memoFile(name), this.print, jsonPieces({ digest, value }, 3));
  }
}

const memoFile = (name: string) => `${name}.json`;

/**
 * JSON.stringify(value) in pieces, its arrays and objects opened `depth` levels deep: a memo of
 * 50,000 actions is never one string of 15 MB. Undefined properties are left out, as
 * JSON.stringify does.
 */
export function* jsonPieces(value: unknown, depth: number): Generator<string> {
  if (depth === 0 || typeof value !== 'object' || value === null) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  const array = Array.isArray(value);
  yield array ? '[' : '{';
  let first = true;
  for (const [key, item] of array ? value.entries() : Object.entries(value)) {
    if (!array && item === undefined) continue;
    yield `${first ? '' : ','}${array ? '' : `${JSON.stringify(key)}:`}`;
    yield* jsonPieces(item, depth - 1);
    first = false;
  }
  yield array ? ']' : '}';
}

/**
 * Writes `body` under a header line (format, fingerprint, checksum of the body). Atomic (a
 * temporary file renamed over the old one); not synced to disk, since a file lost or cut by a
 * crash fails its checksum and is simply rebuilt. Never throws: a read-only repository keeps
 * no cache.
 */
function writeChecked(root: string, name: string, print: string, body: string | Iterable<string | Uint8Array>): boolean {
  const directory = path.join(root, CACHE_DIR);
  // The name only has to be unique; it never reaches the output.
  const temporary = path.join(directory, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(directory, { recursive: true });
    writeFileSync(path.join(directory, '.gitignore'), '# Cache de gtm, recréé à la demande : ne pas versionner.\n*\n');
    const headerOf = (checksum: string) => `${JSON.stringify({ format: FORMAT, fingerprint: print, checksum })}\n`;
    // The checksum is known only once the body is written: a placeholder of the same length
    // (a SHA-1 is always 40 hex digits) is overwritten at the end.
    const placeholder = Buffer.from(headerOf('0'.repeat(40)));
    const checksum = createHash('sha1');
    const file = openSync(temporary, 'w');
    try {
      writeSync(file, placeholder);
      let pending: Buffer[] = [];
      let size = 0;
      const flush = () => {
        writeSync(file, Buffer.concat(pending, size));
        pending = [];
        size = 0;
      };
      for (const piece of typeof body === 'string' ? [body] : body) {
        const bytes = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
        checksum.update(bytes);
        pending.push(bytes);
        size += bytes.byteLength;
        // Written in blocks of about 1 MB: few system calls, little memory.
        if (size > 1 << 20) flush();
      }
      flush();
      const header = Buffer.from(headerOf(checksum.digest('hex')));
      if (header.byteLength !== placeholder.byteLength) throw new Error('cache header length');
      writeSync(file, header, 0, header.byteLength, 0);
    } finally {
      closeSync(file);
    }
    renameSync(temporary, path.join(directory, name));
    return true;
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
    return false;
  }
}

/** The body of a cache file, if its header matches this build and its checksum holds. */
function readChecked(root: string, name: string, print: string): string | undefined {
  try {
    // Checked as bytes and decoded once: hashing the text would encode it again, a copy as big as the cache.
    const bytes = readFileSync(path.join(root, CACHE_DIR, name));
    const newline = bytes.indexOf(0x0a);
    if (newline < 0) return undefined;
    const header = JSON.parse(bytes.toString('utf8', 0, newline)) as { format?: unknown; fingerprint?: unknown; checksum?: unknown };
    if (header.format !== FORMAT || header.fingerprint !== print) return undefined;
    const body = bytes.subarray(newline + 1);
    if (header.checksum !== createHash('sha1').update(body).digest('hex')) return undefined;
    return body.toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * The entries of the cache file, read in blocks of 1 MB and parsed line by line while the
 * checksum is computed: neither the file nor its text is ever held whole (24 MB at 10,000
 * meetings). Any doubt (header, line, checksum) gives an empty cache.
 */
function readEntries(root: string, print: string): Map<string, CachedFile> {
  const entries = new Map<string, CachedFile>();
  const checksum = createHash('sha1');
  let expected: unknown;
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path.join(root, CACHE_DIR, CACHE_FILE), 'r');
    const block = Buffer.allocUnsafe(1 << 20);
    let carry = Buffer.alloc(0);
    let headerRead = false;
    for (;;) {
      const count = readSync(descriptor, block, 0, block.length, null);
      if (count === 0) break;
      const data = Buffer.concat([carry, block.subarray(0, count)]);
      let start = 0;
      for (let end = data.indexOf(0x0a); end !== -1; end = data.indexOf(0x0a, start)) {
        if (!headerRead) {
          const header = JSON.parse(data.toString('utf8', start, end)) as { format?: unknown; fingerprint?: unknown; checksum?: unknown };
          if (header.format !== FORMAT || header.fingerprint !== print) return new Map();
          expected = header.checksum;
          headerRead = true;
        } else {
          checksum.update(data.subarray(start, end + 1));
          const tab = data.indexOf(0x09, start);
          if (tab < 0 || tab > end) return new Map();
          const key = JSON.parse(data.toString('utf8', start, tab)) as unknown;
          const entry = JSON.parse(data.toString('utf8', tab + 1, end)) as unknown;
          if (typeof key === 'string' && isEntry(entry)) entries.set(key, entry);
        }
        start = end + 1;
      }
      carry = data.subarray(start);
    }
    // Every line ends with a line feed: anything after the last one is a cut file.
    if (!headerRead || carry.length > 0) return new Map();
  } catch {
    return new Map();
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
  return checksum.digest('hex') === expected ? entries : new Map();
}

function isEntry(entry: unknown): entry is CachedFile {
  if (typeof entry !== 'object' || entry === null) return false;
  const { hash, diagnostics, data } = entry as Partial<CachedFile>;
  return typeof hash === 'string' && Array.isArray(diagnostics) && (data === undefined || (typeof data === 'object' && data !== null));
}
