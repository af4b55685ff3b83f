// The repository's own folder, .gtm-cache/: the cache and gtm's temporary files live there,
// ignored by git. It is used only when it is a plain folder: never through a symbolic link,
// which could send gtm's files (and a .gitignore holding « * ») into meetings/ or anywhere else.
import { constants, lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const CACHE_DIR = '.gtm-cache';

const GITIGNORE = '# Cache de gtm, recréé à la demande : ne pas versionner.\n*\n';

/** Opening flags that refuse a symbolic link as the last component (ELOOP). */
export const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** `<root>/.gtm-cache` when it exists as a plain folder (not a link, not a file). */
export function existingOwnFolder(root: string): string | undefined {
  const directory = path.join(root, CACHE_DIR);
  try {
    return lstatSync(directory).isDirectory() ? directory : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `<root>/.gtm-cache`, created with its .gitignore when absent; undefined when something else
 * holds the name (a link, a file) or the folder cannot be made (read-only repository).
 */
export function ownFolder(root: string): string | undefined {
  const directory = path.join(root, CACHE_DIR);
  try {
    mkdirSync(directory);
  } catch (problem) {
    if ((problem as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  if (existingOwnFolder(root) === undefined) return undefined;
  try {
    // « wx »: written once, never over an existing file or through a link planted in its place.
    writeFileSync(path.join(directory, '.gitignore'), GITIGNORE, { flag: 'wx' });
  } catch {
    // Already there (or not writable: the folder is then unusable anyway).
  }
  return directory;
}
