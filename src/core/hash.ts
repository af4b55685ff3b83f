// Content hashes: what the cache keys each file by, and the digest of a whole set of files
// that results computed from all of them (rules, action states) are stored under.
import crypto, { createHash } from 'node:crypto';

/** Node's one-shot hash (from 20.12), much cheaper than a Hash object for small files. */
const oneShot = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'hex') => string }).hash;

/** SHA-1 of `bytes`, in hex. */
export function hashBytes(bytes: Uint8Array): string {
  return oneShot ? oneShot('sha1', bytes, 'hex') : createHash('sha1').update(bytes).digest('hex');
}

/**
 * Digest of a set of files (path and content hash of each, in any order). A file that could
 * not be read counts with no hash, so that it never matches a digest of readable files.
 */
export function digestOf(files: Iterable<readonly [path: string, hash: string | undefined]>): string {
  const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = createHash('sha1');
  for (const [key, content] of sorted) hash.update(`${key}\0${content ?? '-'}\n`);
  return hash.digest('hex');
}
