// Writing files without ever leaving one half written: the data goes to a temporary file in
// the same folder, then takes its place in one step.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

async function writeTemporary(target: string, data: string | Uint8Array): Promise<string> {
  await mkdir(path.dirname(target), { recursive: true });
  // The name only has to be unique; it never reaches the output, so randomness is harmless.
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temporary;
}

/** Replaces `target` (an output such as a PDF) atomically. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temporary = await writeTemporary(target, data);
  try {
    await rename(temporary, target);
  } catch (problem) {
    await unlink(temporary).catch(() => {});
    throw problem;
  }
}

/**
 * Creates `target` atomically and only if it does not exist: link() fails with EEXIST when the
 * file appeared meanwhile, so a concurrent run can never replace the rapporteur's file.
 * Returns false when the target already exists.
 */
export async function createFileExclusive(target: string, data: string | Uint8Array): Promise<boolean> {
  const temporary = await writeTemporary(target, data);
  try {
    await link(temporary, target);
    return true;
  } catch (problem) {
    if ((problem as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw problem;
  } finally {
    await unlink(temporary).catch(() => {});
  }
}
