// The parse cache: what loading found in each meeting file (its validated data and its
// diagnostics, already located), keyed by the SHA-1 of the file's bytes, so that a file that
// did not change is not parsed again. It can never be stale: an edited file has a new hash.
// It lives in .gtm-cache/ at the repository root, which ignores itself in git. A cache that
// is unreadable, truncated, from another gtm build or altered fails its checks and is ignored.
import crypto, { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
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

/** Node's one-shot hash (from 20.12), much cheaper than a Hash object for small files. */
const oneShot = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'hex') => string }).hash;

export function hashBytes(bytes: Uint8Array): string {
  return oneShot ? oneShot('sha1', bytes, 'hex') : createHash('sha1').update(bytes).digest('hex');
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

  /** How many files have a stored result. */
  get size(): number {
    return this.entries.size;
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
   * Hands each item stored under `name` for exactly the files of `digest` (the rules'
   * findings, the action states…) to `take`, in order; true when they were all taken and the
   * file holds. Read line by line: a memo of another digest is dropped at its first line, and
   * a large one is never held whole, as bytes, as text or as items.
   */
  readMemo(name: string, digest: string, take: (item: unknown) => boolean): boolean {
    let first = true;
    const complete = readLines(this.root, memoFile(name), this.print, (line) => {
      if (!first) return take(JSON.parse(line));
      first = false;
      return JSON.parse(line) === digest;
    });
    return complete && !first;
  }

  /** Whether anything is stored under `name`: without it, a caller need not compute a digest. */
  hasMemo(name: string): boolean {
    return existsSync(path.join(this.root, CACHE_DIR, memoFile(name)));
  }

  /** Keeps `items` (any JSON values) under `name` for the files of `digest`, replacing what was there. */
  storeMemo(name: string, digest: string, items: Iterable<unknown>): void {
    function* lines(): Generator<string> {
      yield `${JSON.stringify(digest)}\n`;
      for (const item of items) yield `${JSON.stringify(item)}\n`;
    }
    writeChecked(this.root, memoFile(name), this.print, lines());
  }
}

const memoFile = (name: string) => `${name}.json`;

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

/**
 * Reads a cache file line by line, in blocks of 1 MB, handing each line of its body (without
 * the line feed) to `onLine` while the checksum is computed: the file is never held whole
 * (24 MB at 10,000 meetings). True when every line was taken and the header (this build) and
 * the checksum hold; false at the first doubt, or as soon as `onLine` returns false.
 */
function readLines(root: string, name: string, print: string, onLine: (line: string) => boolean): boolean {
  const checksum = createHash('sha1');
  let expected: unknown;
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path.join(root, CACHE_DIR, name), 'r');
    const block = Buffer.allocUnsafe(1 << 20);
    let carry = Buffer.alloc(0);
    let headerRead = false;
    for (;;) {
      const count = readSync(descriptor, block, 0, block.length, null);
      if (count === 0) break;
      const data = carry.length > 0 ? Buffer.concat([carry, block.subarray(0, count)]) : block.subarray(0, count);
      let start = 0;
      for (let end = data.indexOf(0x0a); end !== -1; end = data.indexOf(0x0a, start)) {
        if (!headerRead) {
          const header = JSON.parse(data.toString('utf8', start, end)) as { format?: unknown; fingerprint?: unknown; checksum?: unknown };
          if (header.format !== FORMAT || header.fingerprint !== print) return false;
          expected = header.checksum;
          headerRead = true;
        } else {
          checksum.update(data.subarray(start, end + 1));
          if (!onLine(data.toString('utf8', start, end))) return false;
        }
        start = end + 1;
      }
      // Copied: the block is read into again.
      carry = Buffer.from(data.subarray(start));
    }
    // Every line ends with a line feed: anything after the last one is a cut file.
    return headerRead && carry.length === 0 && checksum.digest('hex') === expected;
  } catch {
    return false;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** The entries of the cache file: one line per file, its path as JSON, a tab, its entry as JSON. Any doubt gives an empty cache. */
function readEntries(root: string, print: string): Map<string, CachedFile> {
  const entries = new Map<string, CachedFile>();
  const complete = readLines(root, CACHE_FILE, print, (line) => {
    const tab = line.indexOf('\t');
    if (tab < 0) return false;
    const key = JSON.parse(line.slice(0, tab)) as unknown;
    const entry = JSON.parse(line.slice(tab + 1)) as unknown;
    if (typeof key === 'string' && isEntry(entry)) entries.set(key, entry);
    return true;
  });
  return complete ? entries : new Map();
}

function isEntry(entry: unknown): entry is CachedFile {
  if (typeof entry !== 'object' || entry === null) return false;
  const { hash, diagnostics, data } = entry as Partial<CachedFile>;
  return typeof hash === 'string' && Array.isArray(diagnostics) && (data === undefined || (typeof data === 'object' && data !== null));
}
