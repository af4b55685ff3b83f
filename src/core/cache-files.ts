// The files of .gtm-cache/, as bytes: where they live, the header that ties them to one build
// of gtm, and two ways of keeping lines of JSON. A memo (diagnostics.json, actions.json) is written
// whole and checked whole; the entries' log (meetings.json) is appended to, line by line, each
// line checked on its own. Nothing here throws: a cache that cannot be read or written is
// simply absent, and a read-only repository keeps none.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashBytes } from './hash.js';

declare const GTM_VERSION: string | undefined;

export const CACHE_DIR = '.gtm-cache';
/** Bumped whenever what is stored changes shape. */
const FORMAT = 3;
const LINE_FEED = 0x0a;
const TAB = 0x09;
/** Written in blocks of about this size: few system calls, little memory. */
const BLOCK = 1 << 20;

/**
 * Ties the cache to this build of gtm: its version and the modification time of the code
 * running (a rebuild rewrites it), so that a new schema or new wording never meets old results.
 */
export function fingerprint(): string {
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

const cachePath = (root: string, name: string) => path.join(root, CACHE_DIR, name);

interface Header {
  format?: unknown;
  fingerprint?: unknown;
  checksum?: unknown;
}

const isOurs = (header: Header, print: string) => header.format === FORMAT && header.fingerprint === print;

/** Lines to write, each ending with a line feed: listed, or handed one by one to `write`. */
type Lines = Iterable<string | Uint8Array> | ((write: (line: string | Uint8Array) => void) => void);

/**
 * Writes `lines` to `name` under a header line, atomically (a
 * temporary file renamed over the old one). Not synced to disk: a file lost or cut by a crash
 * fails its checks and is rebuilt. With `checksum`, the header holds the SHA-1 of all the lines.
 */
export function writeWhole(root: string, name: string, print: string, lines: Lines, checksum: boolean): boolean {
  const directory = path.join(root, CACHE_DIR);
  // The name only has to be unique; it never reaches the output.
  const temporary = path.join(directory, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(directory, { recursive: true });
    writeFileSync(path.join(directory, '.gitignore'), '# Cache de gtm, recréé à la demande : ne pas versionner.\n*\n');
    const headerOf = (sum?: string) => `${JSON.stringify({ format: FORMAT, fingerprint: print, ...(checksum ? { checksum: sum } : {}) })}\n`;
    // The checksum is known only once the lines are written: a placeholder of the same length
    // (a SHA-1 is always 40 hex digits) is overwritten at the end.
    const placeholder = Buffer.from(headerOf('0'.repeat(40)));
    const sum = createHash('sha1');
    const file = openSync(temporary, 'w');
    try {
      writeSync(file, placeholder);
      const out = new BlockWriter(file, checksum ? (bytes) => sum.update(bytes) : undefined);
      const write = (line: string | Uint8Array) => void out.write(line);
      if (typeof lines === 'function') lines(write);
      else for (const line of lines) write(line);
      out.flush();
      if (checksum) {
        const header = Buffer.from(headerOf(sum.digest('hex')));
        if (header.byteLength !== placeholder.byteLength) throw new Error('cache header length');
        writeSync(file, header, 0, header.byteLength, 0);
      }
    } finally {
      closeSync(file);
    }
    renameSync(temporary, cachePath(root, name));
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
 * Text and bytes gathered into one reused block before they are written: writing 15 MB of
 * cache allocates nothing but that block. `onBytes` sees every byte written, in order (for a
 * checksum).
 */
class BlockWriter {
  private readonly block = Buffer.allocUnsafe(BLOCK);
  private used = 0;

  constructor(
    private readonly file: number,
    private readonly onBytes?: (bytes: Uint8Array) => void,
  ) {}

  /** Appends `data`; returns where it starts in the block, or -1 when it went straight to the file. */
  write(data: string | Uint8Array): number {
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    if (this.used + size > BLOCK) this.flush();
    if (size > BLOCK) {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      this.onBytes?.(bytes);
      writeSync(this.file, bytes);
      return -1;
    }
    const start = this.used;
    if (typeof data === 'string') this.block.write(data, start);
    else this.block.set(data, start);
    this.used += size;
    this.onBytes?.(this.block.subarray(start, this.used));
    return start;
  }

  /** Makes room for `size` bytes in the block, so that the next writes of that size stay in it. */
  reserve(size: number): void {
    if (this.used + size > BLOCK) this.flush();
  }

  /** The bytes written since `start` (a value write returned), while they are still in the block. */
  since(start: number): Buffer {
    return this.block.subarray(start, this.used);
  }

  /** Overwrites bytes already in the block (a checksum written ahead of what it covers). */
  patch(start: number, text: string): void {
    this.block.write(text, start, 'latin1');
  }

  flush(): void {
    if (this.used > 0) writeSync(this.file, this.block, 0, this.used);
    this.used = 0;
  }
}

/**
 * Hands each line of the file (without its line feed) to `onLine`, reading blocks of 1 MB:
 * the file is never held whole (24 MB at 10,000 meetings). Stops when `onLine` returns false.
 * Returns how the file ended: `cut` when bytes follow the last line feed (a crash while
 * writing), undefined when it could not be read or reading was stopped.
 */
function forEachLine(file: string, onLine: (line: Buffer) => boolean): { cut: boolean } | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    const block = Buffer.allocUnsafe(BLOCK);
    let carry = Buffer.alloc(0);
    for (;;) {
      const count = readSync(descriptor, block, 0, block.length, null);
      if (count === 0) break;
      const data = carry.length > 0 ? Buffer.concat([carry, block.subarray(0, count)]) : block.subarray(0, count);
      let start = 0;
      for (let end = data.indexOf(LINE_FEED); end !== -1; end = data.indexOf(LINE_FEED, start)) {
        if (!onLine(data.subarray(start, end))) return undefined;
        start = end + 1;
      }
      // Copied: the block is read into again.
      carry = Buffer.from(data.subarray(start));
    }
    return { cut: carry.length > 0 };
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
 * Hands each line of a file written by writeWhole with a checksum to `onLine`, decoded. True
 * when every line was taken and the header (this build) and the checksum hold; false at the
 * first doubt, or as soon as `onLine` returns false.
 */
export function readWhole(root: string, name: string, print: string, onLine: (line: string) => boolean): boolean {
  const sum = createHash('sha1');
  let expected: unknown;
  let first = true;
  const ended = forEachLine(cachePath(root, name), (line) => {
    if (first) {
      first = false;
      const header = JSON.parse(line.toString('utf8')) as Header;
      expected = header.checksum;
      return isOurs(header, print);
    }
    sum.update(line);
    sum.update('\n');
    return onLine(line.toString('utf8'));
  });
  return ended !== undefined && !ended.cut && !first && sum.digest('hex') === expected;
}

// The entries' log: after the header, one line per entry, `checksum TAB key TAB value`, the
// checksum being 16 hex digits of the SHA-1 of `key TAB value`. A later line for the same key
// replaces an earlier one; a line that fails its checksum (cut by a crash, altered) is skipped.

const CHECKSUM_LENGTH = 16;

const lineChecksum = (body: Uint8Array) => hashBytes(body).slice(0, CHECKSUM_LENGTH);

export interface LogState {
  /** The file has a header of this build: lines can be appended to it. */
  usable: boolean;
  /** Its last line is cut: the next one must start on a new line. */
  cut: boolean;
  /** Entry lines found valid, superseded or not. */
  lines: number;
}

/** A valid entry line's key and where its value starts; undefined for a damaged line. */
function entryOf(line: Buffer): { key: string; valueStart: number } | undefined {
  const keyStart = line.indexOf(TAB) + 1;
  const valueStart = line.indexOf(TAB, keyStart) + 1;
  if (keyStart !== CHECKSUM_LENGTH + 1 || valueStart === 0) return undefined;
  if (line.toString('latin1', 0, CHECKSUM_LENGTH) !== lineChecksum(line.subarray(keyStart))) return undefined;
  const key = JSON.parse(line.toString('utf8', keyStart, valueStart - 1)) as unknown;
  return typeof key === 'string' ? { key, valueStart } : undefined;
}

/** Hands each valid entry line of the log to `onEntry`, after checking the header. */
function forEachEntry(root: string, name: string, print: string, onEntry: (line: Buffer, key: string, valueStart: number) => void): LogState {
  let first = true;
  let usable = false;
  let lines = 0;
  const ended = forEachLine(cachePath(root, name), (line) => {
    if (first) {
      first = false;
      usable = isOurs(JSON.parse(line.toString('utf8')) as Header, print);
      return usable;
    }
    const entry = entryOf(line);
    if (entry) {
      onEntry(line, entry.key, entry.valueStart);
      lines++;
    }
    return true;
  });
  return ended && usable ? { usable, cut: ended.cut, lines } : { usable: false, cut: false, lines: 0 };
}

/** Hands each valid entry of the log to `onEntry` (key, value text), in file order. */
export function readLog(root: string, name: string, print: string, onEntry: (key: string, value: string) => void): LogState {
  return forEachEntry(root, name, print, (line, key, valueStart) => onEntry(key, line.toString('utf8', valueStart)));
}

/** Appends entries to the log, starting a new one (header only) when it is not usable. */
export class LogAppender {
  private out: BlockWriter | undefined;
  private file: number | undefined;
  private failed = false;

  constructor(
    private readonly root: string,
    private readonly name: string,
    private readonly print: string,
    private state: LogState,
  ) {}

  append(key: string, value: string | Uint8Array): void {
    const out = this.open();
    if (!out) return;
    try {
      const keyText = `${JSON.stringify(key)}\t`;
      const valueSize = typeof value === 'string' ? Buffer.byteLength(value) : value.byteLength;
      // The checksum comes first but covers what follows: a placeholder, patched in the block.
      const placeholder = '0'.repeat(CHECKSUM_LENGTH);
      const lineSize = CHECKSUM_LENGTH + 1 + Buffer.byteLength(keyText) + valueSize + 1;
      if (lineSize <= BLOCK) {
        out.reserve(lineSize);
        const start = out.write(`${placeholder}\t`);
        const bodyStart = out.write(keyText);
        out.write(value);
        out.patch(start, lineChecksum(out.since(bodyStart)));
      } else {
        // A line larger than a block (a meeting near the 2 MB limit) is assembled on its own.
        const body = Buffer.concat([Buffer.from(keyText), typeof value === 'string' ? Buffer.from(value) : value]);
        out.write(`${lineChecksum(body)}\t`);
        out.write(body);
      }
      out.write('\n');
      this.state.lines++;
    } catch {
      this.failed = true;
    }
  }

  /** Writes what is pending and closes the file; returns the log's state. */
  close(): LogState {
    try {
      this.out?.flush();
    } catch {
      this.failed = true;
    }
    if (this.file !== undefined) closeSync(this.file);
    this.out = undefined;
    this.file = undefined;
    return this.state;
  }

  private open(): BlockWriter | undefined {
    if (this.out || this.failed) return this.out;
    try {
      if (!this.state.usable) {
        if (!writeWhole(this.root, this.name, this.print, [], false)) throw new Error('cache not writable');
        this.state = { usable: true, cut: false, lines: 0 };
      }
      this.file = openSync(cachePath(this.root, this.name), 'a');
      this.out = new BlockWriter(this.file);
      if (this.state.cut) this.out.write('\n');
      this.state.cut = false;
      return this.out;
    } catch {
      this.failed = true;
      return undefined;
    }
  }
}

/**
 * Rewrites the log with only the last valid line of each key that `keep` accepts, streaming:
 * two passes over the file, holding nothing but line numbers.
 */
export function compactLog(root: string, name: string, print: string, keep: (key: string) => boolean): void {
  const last = new Map<string, number>();
  let count = 0;
  forEachEntry(root, name, print, (_line, key) => {
    if (keep(key)) last.set(key, count);
    count++;
  });
  const kept = new Set(last.values());
  writeWhole(
    root,
    name,
    print,
    (write) => {
      let index = 0;
      forEachEntry(root, name, print, (line) => {
        if (kept.has(index++)) write(Buffer.concat([line, Buffer.from('\n')]));
      });
    },
    false,
  );
}
