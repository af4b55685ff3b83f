// Where a repository's files are, and their bytes: finding the root, walking meetings/,
// reading a file the rapporteur edited (or saying, located, why it cannot be read).
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import { messages } from '../messages.js';
import { CONFIG_FILE, MEETING_EXTENSIONS, MEETINGS_DIR } from '../model.js';
import { MAX_FILE_BYTES } from '../reading/user-text.js';

export { CONFIG_FILE, MEETINGS_DIR } from '../model.js';

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

const READ_FAILURES: Record<string, string> = {
  ENOENT: 'fichier introuvable',
  EISDIR: 'c’est un dossier, pas un fichier',
  EACCES: 'accès refusé : vérifiez les droits du fichier',
  EPERM: 'accès refusé : vérifiez les droits du fichier',
  ELOOP: 'lien symbolique qui tourne en rond',
};

/**
 * The bytes of `file`, read into `into` (valid until its next use), or why they cannot be
 * read (missing, a folder, no permission, over MAX_FILE_BYTES), located at 1:1 of `shownAs`.
 * One open, one fstat, one read: the size is checked on the open file.
 */
export function readFileBytes(file: string, shownAs: string, into: Buffer): { bytes: Uint8Array } | { diagnostics: Diagnostic[] } {
  const at = { file: shownAs, line: 1, column: 1 };
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    const info = fstatSync(descriptor);
    if (info.isDirectory()) return { diagnostics: [error('lecture-impossible', messages.unreadableFile(READ_FAILURES.EISDIR!), at)] };
    if (info.size > MAX_FILE_BYTES) return { diagnostics: [error('fichier-trop-gros', messages.fileTooLarge(info.size, MAX_FILE_BYTES), at)] };
    const bytes = into.subarray(0, info.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(descriptor, bytes, read, bytes.length - read, null);
      if (count === 0) break;
      read += count;
    }
    return { bytes: bytes.subarray(0, read) };
  } catch (problem) {
    const code = String((problem as NodeJS.ErrnoException).code ?? '');
    return { diagnostics: [error('lecture-impossible', messages.unreadableFile(READ_FAILURES[code] ?? `erreur système ${code || 'inconnue'}`), at)] };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** A buffer any file gtm reads fits in. */
export const fileBuffer = (): Buffer => Buffer.allocUnsafe(MAX_FILE_BYTES);

/** `file` (found by walkMeetings under `root`) relative to `root`, without path.relative's work. */
export function relativeTo(root: string, file: string): string {
  const prefix = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(root, file);
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
