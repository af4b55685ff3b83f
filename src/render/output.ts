// Where a rendered compte-rendu may be written: never onto a meeting file, gtm.yaml or anything
// under meetings/, even through a symbolic link.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, MEETINGS_DIR } from '../core/repository.js';

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

/** True when writing `target` could damage the rapporteur's data. */
export function isProtectedPath(root: string, target: string, meetingFiles: readonly string[]): boolean {
  const real = realPath(target);
  const realRoot = realPath(root);
  if (isInsideOrSame(path.join(realRoot, MEETINGS_DIR), real)) return true;
  if (real === path.join(realRoot, CONFIG_FILE)) return true;
  return meetingFiles.some((file) => realPath(file) === real);
}
