// Where a command writes its result: -o names a file, or a folder to put it in, or « - » (and
// /dev/stdout, named as such) for standard output; by default rendus/<name> under the repository
// root. What is there may only be a regular file, replaced in one step: never a FIFO, a device, a
// socket or a link, nothing inside .git/, never a meeting file, gtm.yaml or anything under
// meetings/ (through links too). A refused path is a usage error (exit 2). An extension that
// contradicts what is written (« -o cr.pdf » for Markdown) is a warning.
import path from 'node:path';
import { usageError, warning, type Diagnostic } from '../core/diagnostics.js';
import { contradictingExtension, existsOrLink, isFolder, outputRefusal, RENDER_DIR, resolveOutput } from '../core/repository/output.js';
import { rendering } from './messages.js';

export interface OutputRequest {
  root: string;
  cwd: string;
  /** The -o option as given. */
  output: string | undefined;
  /** The file's default name, extension included. */
  fileName: string;
  /** Absolute paths of the meeting files, which are never written. */
  meetingFiles: readonly string[];
  /** Receives the warning of a contradicting extension. */
  warn?: (diagnostic: Diagnostic) => void;
}

/** The absolute path to write, or « - ». */
export function outputTarget(request: OutputRequest): string {
  const { root, cwd, output, fileName } = request;
  const given = output === undefined ? undefined : resolveOutput(cwd, output);
  if (given === '-') return '-';
  let target = given ?? path.join(root, RENDER_DIR, fileName);
  if (given !== undefined && (output!.endsWith('/') || isFolder(given))) target = path.join(given, fileName);
  else if (given !== undefined) {
    const contradiction = contradictingExtension(given, fileName);
    if (contradiction) request.warn?.(warning('extension-trompeuse', rendering.misleadingExtension(shownPath(cwd, given), contradiction, path.extname(fileName))));
  }
  outputChecker(request)(target);
  return target;
}

/**
 * The folder a command writes several files into (-o, or rendus/<name>): refused when something
 * other than a folder holds its name. Check each file written in it with outputChecker.
 */
export function outputFolder(request: Omit<OutputRequest, 'fileName'> & { folder: string }): string {
  const { cwd, output } = request;
  const given = output === undefined ? undefined : resolveOutput(cwd, output);
  if (given === '-') throw usageError(rendering.stdoutWithAll());
  const folder = given ?? request.folder;
  if (existsOrLink(folder) && !isFolder(folder)) {
    throw usageError(rendering.outputNotDirectory(shownPath(cwd, folder)));
  }
  return folder;
}

/** A test that throws the usage error of a path that may not receive a result. */
export function outputChecker(request: Pick<OutputRequest, 'root' | 'cwd' | 'meetingFiles'>): (target: string) => void {
  const refusal = outputRefusal(request.root, request.meetingFiles);
  return (target) => {
    const refused = refusal(target);
    if (refused) throw usageError(rendering.refusedOutput(refused, shownPath(request.cwd, target)), 'sortie-interdite');
  };
}

/** A path as the user reads it best: relative below the current folder, absolute elsewhere. */
export function shownPath(cwd: string, target: string): string {
  const relative = path.relative(cwd, target);
  if (relative === '') return '.';
  return relative === '..' || relative.startsWith(`..${path.sep}`) ? target : relative;
}
