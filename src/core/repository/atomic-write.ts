// Writing files without ever leaving one half written, nor a stray temporary: the data goes to a
// temporary file, then takes its place in one step. A temporary that fails is removed at once;
// one left by a process that was killed (kill -9, power cut) carries that process's id in its
// name, and the next write in the same folder removes it.
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { WriteError } from '../diagnostics.js';

export { WriteError } from '../diagnostics.js';

const TEMPORARY = /^\..+\.(\d+)-[0-9a-f]{12}\.gtm-tmp$/;
/** A temporary older than this is stale even if a process of that id runs (ids are reused). */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** A temporary's name beside, or for, `target`: hidden, with this process's id. */
export function temporaryName(target: string): string {
  // The name only has to be unique; it never reaches the output, so randomness is harmless.
  return `.${path.basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.gtm-tmp`;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (problem) {
    return (problem as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporaries that killed gtm processes left in `directory`. Never throws. */
export function sweepTemporaries(directory: string): void {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match) continue;
    const file = path.join(directory, name);
    try {
      if (isRunning(Number(match[1])) && now - statSync(file).mtimeMs < STALE_AFTER_MS) continue;
      unlinkSync(file);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

function writeError(problem: unknown, target: string, folder?: string): unknown {
  const code = (problem as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code !== '' ? new WriteError(target, code, folder ?? path.dirname(target)) : problem;
}

/** Creates the folder that `target` goes into, or says why `target` cannot be written. */
async function makeDirectory(directory: string, target: string): Promise<void> {
  try {
    await mkdir(directory, { recursive: true });
  } catch (problem) {
    throw writeError(problem, target, directory);
  }
}

/** Writes `data` to a new temporary file in `directory`, synced; removed again if anything fails. */
async function writeTemporary(directory: string, target: string, data: string | Uint8Array): Promise<string> {
  await makeDirectory(directory, target);
  sweepTemporaries(directory);
  const temporary = path.join(directory, temporaryName(target));
  let handle;
  try {
    handle = await open(temporary, 'wx');
  } catch (problem) {
    throw writeError(problem, target, directory);
  }
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
  } catch (problem) {
    await handle.close().catch(() => {});
    await unlink(temporary).catch(() => {});
    throw writeError(problem, target);
  }
  return temporary;
}

/** Replaces `target` (an output such as a PDF) atomically. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temporary = await writeTemporary(path.dirname(target), target, data);
  try {
    await rename(temporary, target);
  } catch (problem) {
    await unlink(temporary).catch(() => {});
    throw writeError(problem, target);
  }
}

/**
 * Creates `target` atomically and only if it does not exist: link() fails with EEXIST when the
 * file appeared meanwhile, so a concurrent run can never replace the rapporteur's file.
 * The temporary is written in `scratch` (a folder on the same disk that the user does not see,
 * such as .gtm-cache/), so that a crash never leaves one beside the target; required, so that no
 * caller forgets it (undefined, or a scratch on another disk: beside the target). Returns false when the target already exists.
 */
export async function createFileExclusive(target: string, data: string | Uint8Array, scratch: string | undefined): Promise<boolean> {
  await makeDirectory(path.dirname(target), target);
  // A temporary a crash once left beside the target (no scratch folder then) goes too.
  if (scratch !== undefined) sweepTemporaries(path.dirname(target));
  let temporary = await writeTemporary(scratch ?? path.dirname(target), target, data);
  try {
    try {
      await link(temporary, target);
    } catch (problem) {
      if (scratch === undefined || (problem as NodeJS.ErrnoException).code !== 'EXDEV') throw problem;
      await unlink(temporary).catch(() => {});
      temporary = await writeTemporary(path.dirname(target), target, data);
      await link(temporary, target);
    }
    return true;
  } catch (problem) {
    if ((problem as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw writeError(problem, target);
  } finally {
    await unlink(temporary).catch(() => {});
  }
}
