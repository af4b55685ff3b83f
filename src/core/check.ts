// `gtm validate`'s view of a repository: its files and every finding. An unchanged repository
// is answered from the findings kept under the digest of its files (read and hashed, never
// parsed); otherwise it is loaded and validated, and the findings kept for the next run.
import { isDiagnostic, warning, type Diagnostic } from './diagnostics.js';
import { collectGarbage } from './memory.js';
import { messages } from './messages.js';
import { scanForMemo, startWorkersIfAllParsed } from './repository-files.js';

/** Where validate.ts keeps every finding; defined here, as validate.ts brings the rules. */
export const DIAGNOSTICS_MEMO = 'diagnostics';

export interface CheckedRepository {
  root: string;
  /** Every meeting file, relative to the root, sorted. */
  files: string[];
  /** Files under meetings/ that are not read (see walkMeetings). */
  ignoredFiles: string[];
  /** What loading and the rules found. */
  diagnostics: Diagnostic[];
}

/** Throws GtmError as loadRepository does (no repository, invalid gtm.yaml). */
export async function checkRepository(cwd: string): Promise<CheckedRepository> {
  const scan = scanForMemo(cwd, DIAGNOSTICS_MEMO);
  if (scan) {
    const stored: Diagnostic[] = [];
    const take = (item: unknown) => isDiagnostic(item) && stored.push(item) > 0;
    if (scan.cache.readMemo(DIAGNOSTICS_MEMO, scan.digest, take)) {
      return { root: scan.root, files: scan.files, ignoredFiles: scan.ignored, diagnostics: stored };
    }
  }
  const walked = scan?.walked ?? (await startWorkersIfAllParsed(cwd, true));
  const [{ loadRepository }, { validateRepository }] = await Promise.all([import('./repository.js'), import('./validate.js')]);
  // No rule reads the prose.
  const repository = await loadRepository(cwd, { prose: false, walked, ...(scan ? { hashes: scan.hashes } : {}) });
  // The parse's garbage goes before the rules build on top of it.
  await collectGarbage();
  return { root: repository.root, files: repository.files, ignoredFiles: repository.ignoredFiles, diagnostics: await validateRepository(repository) };
}

/**
 * One warning per file of meetings/ that loading skipped for its extension: a meeting saved as
 * .txt or left as a .bak would otherwise be missing from every document without a word.
 */
export function ignoredFileWarnings(files: readonly string[]): Diagnostic[] {
  return files.map((file) => warning('fichier-ignore', messages.ignoredFile(file), { file, line: 1, column: 1 }));
}
