// .gtm-cache/files.json: what checking each file found (its data when valid, its located
// diagnostics), under the file's path and the SHA-1 of its bytes, so that a file that did not
// change is not parsed again. It can never be stale: an edited file has a new hash, and a new
// build of gtm (another schema, other wording) starts from an empty cache. One JSON file,
// read whole and written whole, atomically (a temporary file renamed over it); a cache that
// cannot be read or written is simply absent.
import { createHash } from 'node:crypto';
import { closeSync, constants, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import { sweepTemporaries, temporaryName } from './atomic-write.js';
import { existingOwnFolder, NO_FOLLOW, ownFolder } from './own-folder.js';

declare const GTM_VERSION: string | undefined;

export { CACHE_DIR } from './own-folder.js';
const CACHE_FILE = 'files.json';
/** Bumped whenever what is stored changes shape. */
const FORMAT = 4;

export interface CachedFile {
  /** SHA-1 of the file's bytes. */
  hash: string;
  /** The checked data, when the file is valid: a meeting, or the configuration for gtm.yaml. */
  data?: unknown;
  /** What decoding, parsing and the schema found, located. */
  diagnostics: Diagnostic[];
}

/** SHA-1 of `bytes`, in hex. */
export const hashBytes = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

/**
 * Ties the cache to this build of gtm: its version and the size and modification time of the
 * code running (a rebuild rewrites it).
 */
function fingerprint(): string {
  const version = typeof GTM_VERSION === 'string' ? GTM_VERSION : 'dev';
  try {
    const info = statSync(fileURLToPath(import.meta.url));
    return `${FORMAT}:${version}:${info.size}:${info.mtimeMs}`;
  } catch {
    return `${FORMAT}:${version}:unknown`;
  }
}

export class FileCache {
  private changed = false;

  private constructor(
    private readonly root: string,
    private readonly print: string,
    private readonly entries: Map<string, CachedFile>,
  ) {}

  /** The repository's cache; empty when there is none, or it is another build's, or damaged. */
  static open(root: string): FileCache {
    const print = fingerprint();
    const entries = new Map<string, CachedFile>();
    try {
      // Read only from the repository's own folder, never through a link (O_NOFOLLOW for the file).
      const directory = existingOwnFolder(root);
      if (directory === undefined) throw new Error('no cache folder');
      const descriptor = openSync(path.join(directory, CACHE_FILE), constants.O_RDONLY | NO_FOLLOW);
      let text: string;
      try {
        text = readFileSync(descriptor, 'utf8');
      } finally {
        closeSync(descriptor);
      }
      const stored = JSON.parse(text) as { fingerprint?: unknown; files?: unknown };
      if (stored.fingerprint === print && typeof stored.files === 'object' && stored.files !== null) {
        for (const [file, entry] of Object.entries(stored.files)) if (isEntry(entry)) entries.set(file, entry);
      }
    } catch {
      // No cache yet, or one that cannot be read: every file is checked.
    }
    return new FileCache(root, print, entries);
  }

  /** The stored result for this file, if its bytes are the same. */
  get(file: string, hash: string): CachedFile | undefined {
    const entry = this.entries.get(file);
    return entry && entry.hash === hash ? entry : undefined;
  }

  set(file: string, entry: CachedFile): void {
    this.entries.set(file, entry);
    this.changed = true;
  }

  /** Writes the cache when it changed, keeping only the files `present` now. */
  save(present: ReadonlySet<string>): void {
    for (const file of this.entries.keys()) {
      if (!present.has(file)) {
        this.entries.delete(file);
        this.changed = true;
      }
    }
    if (!this.changed) return;
    // Only into the repository's own folder (a link named .gtm-cache is never followed); a new
    // temporary (« wx »: never through a link planted under its name), renamed over the file.
    const directory = ownFolder(this.root);
    if (directory === undefined) return;
    sweepTemporaries(directory);
    const temporary = path.join(directory, temporaryName(CACHE_FILE));
    try {
      writeFileSync(temporary, JSON.stringify({ fingerprint: this.print, files: Object.fromEntries(this.entries) }), { flag: 'wx' });
      renameSync(temporary, path.join(directory, CACHE_FILE));
      this.changed = false;
    } catch {
      // A read-only repository keeps no cache.
      try {
        unlinkSync(temporary);
      } catch {
        // Never written.
      }
    }
  }
}

function isEntry(entry: unknown): entry is CachedFile {
  if (typeof entry !== 'object' || entry === null) return false;
  const { hash, diagnostics, data } = entry as Partial<CachedFile>;
  return typeof hash === 'string' && Array.isArray(diagnostics) && (data === undefined || (typeof data === 'object' && data !== null));
}
