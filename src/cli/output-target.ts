// Where a command writes its result: -o names a file, or a folder to put it in, or « - » for
// standard output; by default rendus/<name> under the repository root. Never onto a meeting
// file, gtm.yaml or anything under meetings/ (through symbolic links too).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { error, GtmError } from '../core/diagnostics.js';
import { protectedPaths, RENDER_DIR } from '../render/output.js';
import { chairWording } from './messages.js';

export interface OutputRequest {
  root: string;
  cwd: string;
  /** The -o option as given. */
  output: string | undefined;
  /** The file's default name, extension included. */
  fileName: string;
  /** Absolute paths of the meeting files, which are never written. */
  meetingFiles: readonly string[];
}

/** The absolute path to write, or « - ». */
export async function outputTarget(request: OutputRequest): Promise<string> {
  const { root, cwd, output, fileName } = request;
  if (output === '-') return '-';
  let target = output === undefined ? path.join(root, RENDER_DIR, fileName) : path.resolve(cwd, output);
  if (output !== undefined && (output.endsWith('/') || (await stat(target).catch(() => undefined))?.isDirectory())) target = path.join(target, fileName);
  if (protectedPaths(root, request.meetingFiles)(target)) {
    throw new GtmError([error('sortie-interdite', chairWording.refusedOutput(shownPath(cwd, target)))]);
  }
  return target;
}

export function shownPath(cwd: string, target: string): string {
  const relative = path.relative(cwd, target);
  return relative === '' ? '.' : relative;
}
