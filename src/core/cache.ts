// The parse cache: what loading found in each file (its validated data and its diagnostics,
// already located), keyed by the SHA-1 of the file's bytes, so that a file that did not
// change is not parsed again. It can never be stale: an edited file has a new hash. It lives
// in .gtm-cache/ at the repository root, which ignores itself in git; entries are appended to
// a log as files are checked (cache-files.ts), and results computed from all the files (the
// rules' findings, the action states) are kept as memos under the digest of those files.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CACHE_DIR, compactLog, fingerprint, LogAppender, readLog, readWhole, writeWhole, type LogState } from './cache-files.js';
import type { Diagnostic } from './diagnostics.js';
import { digestOf } from './hash.js';
import type { Config } from './schema/config.js';
import type { Meeting } from './schema/meeting.js';

export { CACHE_DIR } from './cache-files.js';
export { digestOf, hashBytes } from './hash.js';

/** The entries' log: one line per checked file, its path and its entry (CachedFile) as JSON. */
const CACHE_FILE = 'meetings.json';

export interface CachedFile<T = Meeting | Config> {
  /** SHA-1 of the file's bytes. */
  hash: string;
  /** The checked data, when the file is valid: a meeting, or the configuration for gtm.yaml. */
  data?: T;
  /** What reading, parsing and the schema found, with locations. */
  diagnostics: Diagnostic[];
}

export interface CacheOptions {
  /** What of each stored entry this run keeps in memory (the loader may drop the prose). */
  slim?: (entry: CachedFile) => CachedFile;
}

export class MeetingCache {
  /** Read on first use: a command answered from a memo never reads the entries (24 MB at 10,000 files). */
  private loaded: Map<string, CachedFile> | undefined;
  private log: LogState = { usable: false, cut: false, lines: 0 };
  private appender: LogAppender | undefined;

  private constructor(
    private readonly root: string,
    private readonly print: string,
    private readonly slim: (entry: CachedFile) => CachedFile,
  ) {}

  /** The repository's cache; empty when there is none or it cannot be trusted. Never throws. */
  static open(root: string, options: CacheOptions = {}): MeetingCache {
    return new MeetingCache(root, fingerprint(), options.slim ?? ((entry) => entry));
  }

  private get entries(): Map<string, CachedFile> {
    if (!this.loaded) {
      const entries = new Map<string, CachedFile>();
      this.log = readLog(this.root, CACHE_FILE, this.print, (key, value) => {
        const entry = JSON.parse(value) as unknown;
        if (isEntry(entry)) entries.set(key, this.slim(entry));
      });
      this.loaded = entries;
    }
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

  /**
   * Records what checking a file found: `json` is its entry as JSON text, appended to the log
   * as it is (the parse workers write it, it is never serialised again), and `entry` the same
   * entry as this run uses it.
   */
  add(relativePath: string, json: string | Uint8Array, entry: CachedFile): void {
    this.entries.set(relativePath, entry);
    this.appender ??= new LogAppender(this.root, CACHE_FILE, this.print, this.log);
    this.appender.append(relativePath, json);
  }

  set<T extends Meeting | Config>(relativePath: string, entry: CachedFile<T>): void {
    this.add(relativePath, JSON.stringify(entry), entry);
  }

  /**
   * Finishes writing the log. Once lines of earlier versions and of files no longer present
   * outnumber the live ones, the log is rewritten without them.
   */
  save(present: ReadonlySet<string>): void {
    const log = this.appender ? this.appender.close() : this.log;
    this.appender = undefined;
    let live = 0;
    for (const key of this.entries.keys()) if (present.has(key)) live++;
    if (log.usable && log.lines - live > live) {
      compactLog(this.root, CACHE_FILE, this.print, (key) => present.has(key));
      this.log = { usable: true, cut: false, lines: live };
    }
  }

  /**
   * Digest of the files as loaded now (see digestOf): results computed from all of them, for
   * one build of gtm, depend on nothing else. None when a file could not be read: what is said
   * of it (its size, the reason) is not in its digest, so nothing is kept for such a set.
   */
  digest(present: ReadonlySet<string>): string | undefined {
    const hashes = [...present].map((key) => [key, this.entries.get(key)?.hash] as const);
    return hashes.every(([, hash]) => hash !== undefined) ? digestOf(hashes) : undefined;
  }

  /**
   * Hands each item stored under `name` for exactly the files of `digest` (the rules'
   * findings, the action states…) to `take`, in order; true when they were all taken and the
   * file holds. Read line by line: a memo of another digest is dropped at its first line, and
   * a large one is never held whole, as bytes, as text or as items.
   */
  readMemo(name: string, digest: string, take: (item: unknown) => boolean): boolean {
    let first = true;
    const complete = readWhole(this.root, memoFile(name), this.print, (line) => {
      if (!first) return take(JSON.parse(line));
      first = false;
      return JSON.parse(line) === digest;
    });
    return complete && !first;
  }

  /** Whether any file's result was ever stored: without it, every file will be parsed. */
  hasLog(): boolean {
    return existsSync(path.join(this.root, CACHE_DIR, CACHE_FILE));
  }

  /** Whether anything is stored under `name`: without it, a caller need not compute a digest. */
  hasMemo(name: string): boolean {
    return existsSync(path.join(this.root, CACHE_DIR, memoFile(name)));
  }

  /** Keeps `items` (any JSON values) under `name` for the files of `digest`, replacing what was there. */
  storeMemo(name: string, digest: string, items: Iterable<unknown>): void {
    this.memoWriter(digest)(name, items);
  }

  /**
   * storeMemo for `digest`, holding only where the cache lives: a caller may keep it after
   * dropping the cache and the entries it holds (every meeting's data).
   */
  memoWriter(digest: string): (name: string, items: Iterable<unknown>) => void {
    const { root, print } = this;
    return (name, items) => {
      function* lines(): Generator<string> {
        yield `${JSON.stringify(digest)}\n`;
        for (const item of items) yield `${JSON.stringify(item)}\n`;
      }
      writeWhole(root, memoFile(name), print, lines(), true);
    };
  }
}

const memoFile = (name: string) => `${name}.json`;

function isEntry(entry: unknown): entry is CachedFile {
  if (typeof entry !== 'object' || entry === null) return false;
  const { hash, diagnostics, data } = entry as Partial<CachedFile>;
  return typeof hash === 'string' && Array.isArray(diagnostics) && (data === undefined || (typeof data === 'object' && data !== null));
}
