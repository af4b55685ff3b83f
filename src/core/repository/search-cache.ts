// .gtm-cache/recherche.json: the search index of the meetings as they are, kept under a digest
// of every meeting file's path and bytes and of gtm.yaml's, with the build of gtm that made it.
// `gtm search` on an unchanged repository reads it instead of loading every meeting: hashing
// the files is all it costs. A changed, added or removed file changes the digest; a cache that
// cannot be read or written is simply absent.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, MEETINGS_DIR } from '../model.js';
import { existingOwnFolder, ownFolder } from './own-folder.js';
import { relativeTo, walkMeetings } from './files.js';

declare const GTM_VERSION: string | undefined;

const FILE = 'recherche.json';
/** Bumped whenever what is indexed changes (the documents, the normalisation). */
const FORMAT = 1;

/** The digest of the files a search index is made of, as they are now. */
export function searchDigest(root: string): string {
  const digest = createHash('sha1').update(`${FORMAT}:${typeof GTM_VERSION === 'string' ? GTM_VERSION : 'dev'}\n`);
  const files = [path.join(root, CONFIG_FILE), ...walkMeetings(path.join(root, MEETINGS_DIR)).files];
  for (const file of files) {
    digest.update(`${relativeTo(root, file)}\n`);
    try {
      digest.update(createHash('sha1').update(readFileSync(file)).digest('hex'));
    } catch {
      digest.update('?');
    }
    digest.update('\n');
  }
  return digest.digest('hex');
}

/** The index stored under `digest`, if there is one. */
export function readSearchCache(root: string, digest: string): unknown {
  try {
    const directory = existingOwnFolder(root);
    if (!directory) return undefined;
    const stored = JSON.parse(readFileSync(path.join(directory, FILE), 'utf8')) as { digest?: unknown; index?: unknown };
    return stored.digest === digest ? stored.index : undefined;
  } catch {
    return undefined;
  }
}

export function writeSearchCache(root: string, digest: string, index: unknown): void {
  // Only in a plain .gtm-cache/ folder, never through a link.
  const directory = ownFolder(root);
  if (!directory) return;
  const temporary = path.join(directory, `.${FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, JSON.stringify({ digest, index }), { flag: 'wx' });
    renameSync(temporary, path.join(directory, FILE));
  } catch {
    // A read-only repository keeps no cache.
    try {
      unlinkSync(temporary);
    } catch {
      // Never written.
    }
  }
}
