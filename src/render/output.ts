// Where a rendered compte-rendu may be written: never onto a meeting file, gtm.yaml or anything
// under meetings/, even through a symbolic link.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, MEETINGS_DIR } from '../core/model.js';

export const RENDER_DIR = 'rendus';

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
 * A test of whether writing a target could damage the rapporteur's data. The meeting files'
 * real paths are resolved once, on first need: `render --all` tests one target per meeting.
 */
export function protectedPaths(root: string, meetingFiles: readonly string[]): (target: string) => boolean {
  const realRoot = realPath(root);
  let realMeetingFiles: Set<string> | undefined;
  return (target) => {
    const real = realPath(target);
    if (isInsideOrSame(path.join(realRoot, MEETINGS_DIR), real)) return true;
    if (real === path.join(realRoot, CONFIG_FILE)) return true;
    realMeetingFiles ??= new Set(meetingFiles.map(realPath));
    return realMeetingFiles.has(real);
  };
}
