// Where a repository's files are, and what they hold as bytes: finding the root, walking
// meetings/, and the digest of every file's content. Kept apart from loading (repository.ts)
// so that a command answered from the cache never loads the YAML parser.
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { MeetingCache } from './cache.js';
import { error, type Diagnostic } from './diagnostics.js';
import { digestOf, hashBytes } from './hash.js';
import { messages } from './messages.js';
import { MAX_FILE_BYTES } from './user-text.js';

export const CONFIG_FILE = 'gtm.yaml';
export const MEETINGS_DIR = 'meetings';
export const MEETING_EXTENSIONS = ['.yaml', '.yml'];

/** The nearest directory at or above `start` holding gtm.yaml. */
export function findRoot(start: string): string | undefined {
  let current = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(current, CONFIG_FILE))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * A README documents the folder (`gtm init` writes one in meetings/): not read, and not worth a
 * warning either.
 */
const README = /^readme(\.md)?$/i;

/**
 * Meeting files (.yaml, .yml, in any case) in `directory` and its sub-folders, and the other
 * files there that are therefore not read (.txt, .bak, .yaml~), as absolute paths, sorted.
 * Hidden files and folders (.git, .gtm-cache, .gitkeep, editor swap files .x.yaml.swp) are
 * skipped silently, like READMEs; links are not followed into folders. A plain walk: the glob
 * library costs more to load than the walk itself.
 */
export function walkMeetings(directory: string): MeetingWalk {
  const found: string[] = [];
  const ignored: string[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      // Joined by hand: path.join normalises each of 10,000 paths for nothing (names hold no separator).
      const full = `${folder}${path.sep}${entry.name}`;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() || entry.isSymbolicLink()) {
        if (MEETING_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) found.push(full);
        else if (!README.test(entry.name)) ignored.push(full);
      }
    }
  };
  walk(path.resolve(directory));
  return { files: found.sort(), ignored: ignored.sort() };
}

/** What walkMeetings found: absolute paths, sorted. */
export interface MeetingWalk {
  files: string[];
  ignored: string[];
}

/**
 * The file's bytes, or undefined when they cannot or should not be read (missing, a folder,
 * over MAX_FILE_BYTES). Read into `into` when given (valid until its next use), else into a
 * buffer of their own.
 */
export function readMeetingBytes(file: string, into?: Buffer): Uint8Array | undefined {
  let descriptor: number | undefined;
  try {
    // One open, one fstat, one read: the size is checked on the open file, not by a separate stat.
    descriptor = openSync(file, 'r');
    const info = fstatSync(descriptor);
    if (info.isDirectory() || info.size > MAX_FILE_BYTES) return undefined;
    const bytes = into ? into.subarray(0, info.size) : Buffer.allocUnsafe(info.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(descriptor, bytes, read, bytes.length - read, null);
      if (count === 0) break;
      read += count;
    }
    return bytes.subarray(0, read);
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** `file` (found by walkMeetings under `root`) relative to `root`, without path.relative's work. */
export function relativeTo(root: string, file: string): string {
  const prefix = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(root, file);
}

/**
 * The SHA-1 of each file at `relativePaths` (under `root`) as its bytes are now; none for a
 * file that cannot be read. Each file is read into one shared buffer and hashed, nothing is
 * kept: 1,000 files take about 30 ms.
 */
export function contentHashes(root: string, relativePaths: readonly string[]): Map<string, string | undefined> {
  const buffer = Buffer.allocUnsafe(MAX_FILE_BYTES);
  const hashes = new Map<string, string | undefined>();
  for (const relativePath of relativePaths) {
    const bytes = readMeetingBytes(path.join(root, relativePath), buffer);
    hashes.set(relativePath, bytes ? hashBytes(bytes) : undefined);
  }
  return hashes;
}

/**
 * The meeting files named by `paths` (files or folders, relative to cwd), as paths relative to
 * the root; a path that is missing, outside meetings/ or not a .yaml file is reported.
 */
export async function resolveMeetingPaths(
  root: string,
  cwd: string,
  paths: readonly string[],
): Promise<{ files: string[]; ignored: string[]; diagnostics: Diagnostic[] }> {
  const files = new Set<string>();
  const ignored = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    const shown = path.relative(root, absolute) || given;
    if (!info) {
      diagnostics.push(error('fichier-introuvable', messages.fileNotFound(given)));
    } else if (info.isDirectory()) {
      const found = walkMeetings(absolute);
      for (const file of found.files) files.add(path.relative(root, file));
      for (const file of found.ignored) ignored.add(path.relative(root, file));
    } else if (!MEETING_EXTENSIONS.includes(path.extname(absolute).toLowerCase())) {
      diagnostics.push(error('extension-inattendue', messages.unexpectedExtension(shown), { file: shown, line: 1, column: 1 }));
    } else if (!isInside(path.join(root, MEETINGS_DIR), absolute)) {
      diagnostics.push(error('hors-meetings', messages.outsideMeetings(shown), { file: shown, line: 1, column: 1 }));
    } else {
      files.add(shown);
    }
  }
  return { files: [...files].sort(), ignored: [...ignored].sort(), diagnostics };
}

function isInside(directory: string, file: string): boolean {
  const relative = path.relative(directory, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** What a command answered from a memo needs: the files as they are now, and their digest. */
export interface FileScan {
  root: string;
  cache: MeetingCache;
  /** The walk of meetings/, for loading to reuse when the memo no longer answers. */
  walked: MeetingWalk;
  /** Meeting files, relative to the root, sorted. */
  files: string[];
  /** Files under meetings/ that are not read (see walkMeetings), relative to the root. */
  ignored: string[];
  /** Content hash of gtm.yaml and of each meeting file (contentHashes): loading may reuse them. */
  hashes: ReadonlyMap<string, string | undefined>;
  /** Their digest (digestOf): what memos are kept under. */
  digest: string;
}

/**
 * When every meeting file of the repository around `cwd` will be parsed (a first run: no cache
 * yet, or none wanted), starts the parse workers now, so that they boot while the loader, the
 * schema and the rules load. Returns the walk it made, for loading to reuse.
 */
export async function startWorkersIfAllParsed(cwd: string, cache: boolean): Promise<MeetingWalk | undefined> {
  const root = findRoot(cwd);
  if (!root || (cache && MeetingCache.open(root).hasLog())) return undefined;
  const walked = walkMeetings(path.join(root, MEETINGS_DIR));
  (await import('./parse-pool.js')).startParseWorkers(walked.files.length);
  return walked;
}

/**
 * Walks and hashes the repository around `cwd` when the cache holds a memo `name`, so that the
 * memo can be checked against the files without loading a single one. Undefined when there is
 * no repository or no such memo: the caller loads the repository as usual.
 */
export function scanForMemo(cwd: string, name: string): FileScan | undefined {
  const root = findRoot(cwd);
  if (!root) return undefined;
  const cache = MeetingCache.open(root);
  if (!cache.hasMemo(name)) return undefined;
  const walked = walkMeetings(path.join(root, MEETINGS_DIR));
  const files = walked.files.map((file) => relativeTo(root, file));
  const hashes = contentHashes(root, [CONFIG_FILE, ...files]);
  return { root, cache, walked, files, ignored: walked.ignored.map((file) => relativeTo(root, file)), hashes, digest: digestOf(hashes) };
}
