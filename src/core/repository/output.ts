// Where a rendered compte-rendu may be written. An output is standard output (« - », or
// /dev/stdout named as such), a new file, or an existing regular file replaced in one step;
// never a FIFO, a device, a socket or a symbolic link (which writing would swap for a regular
// file), never inside a .git folder, and never onto a meeting file, gtm.yaml or anything under
// meetings/, even through a link. A folder (or a link to one) holds the files of its meetings.
import { existsSync, lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, MEETINGS_DIR } from '../model.js';

export const RENDER_DIR = 'rendus';

/** Names of standard output that writing to a file would break (a terminal, a pipe). */
const STANDARD_OUTPUT = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/** « - » for standard output, else the absolute path of `output`. */
export function resolveOutput(cwd: string, output: string): string {
  if (output === '-') return '-';
  const absolute = path.resolve(cwd, output);
  return STANDARD_OUTPUT.has(absolute) ? '-' : absolute;
}

/** Why a path cannot receive a compte-rendu. */
export type RefusedOutput = 'lien' | 'fichier-special' | 'dossier' | 'git' | 'donnees';

/** What is at `target`, without following a link; undefined when nothing is. */
function entryAt(target: string): Stats | undefined {
  try {
    return lstatSync(target);
  } catch {
    return undefined;
  }
}

/** Whether anything (a broken link included) holds the name `target`. */
export function existsOrLink(target: string): boolean {
  return entryAt(target) !== undefined;
}

/** Whether `target` is a folder, or a link to one. */
export function isFolder(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    return false;
  }
}

/** Why an existing entry cannot be replaced by a file; undefined for none or a regular file. */
function refusedEntry(target: string): RefusedOutput | undefined {
  const entry = entryAt(target);
  if (!entry || entry.isFile()) return undefined;
  if (entry.isSymbolicLink()) return 'lien';
  if (entry.isDirectory()) return 'dossier';
  return 'fichier-special';
}

/** The real path of `target`, resolving links in its nearest existing ancestor. */
function realPath(target: string): string {
  let existing = path.resolve(target);
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  return path.join(realpathSync(existing), ...rest);
}

function isInsideOrSame(directory: string, target: string): boolean {
  const relative = path.relative(directory, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * A test of whether a file path may receive a compte-rendu: undefined when it may, else why not.
 * The meeting files' real paths are resolved once, on first need: `render --all` tests one
 * target per meeting.
 */
export function outputRefusal(root: string, meetingFiles: readonly string[]): (target: string) => RefusedOutput | undefined {
  const realRoot = realPath(root);
  let realMeetingFiles: Set<string> | undefined;
  return (target) => {
    const refused = refusedEntry(target);
    if (refused) return refused;
    const real = realPath(target);
    if (real.split(path.sep).includes('.git')) return 'git';
    if (isInsideOrSame(path.join(realRoot, MEETINGS_DIR), real)) return 'donnees';
    if (real === path.join(realRoot, CONFIG_FILE)) return 'donnees';
    realMeetingFiles ??= new Set(meetingFiles.map(realPath));
    return realMeetingFiles.has(real) ? 'donnees' : undefined;
  };
}

/** Extensions that name the same kind of file. */
const SAME_KIND: Record<string, readonly string[]> = { '.md': ['.md', '.markdown'], '.yaml': ['.yaml', '.yml'], '.htm': ['.htm', '.html'], '.html': ['.htm', '.html'] };

/**
 * The extension of `target` when it contradicts the one gtm would give the file (`fileName`):
 * « cr.pdf » for Markdown. No extension, or one of the same kind, is no contradiction.
 */
export function contradictingExtension(target: string, fileName: string): string | undefined {
  const given = path.extname(target).toLowerCase();
  const expected = path.extname(fileName).toLowerCase();
  if (given === '' || expected === '' || given === expected || SAME_KIND[expected]?.includes(given)) return undefined;
  return path.extname(target);
}
