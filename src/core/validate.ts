// Validation of a whole repository: what loading found (syntax, shape), then the rules across files.
import { warning, type Diagnostic } from './diagnostics.js';
import { messages } from './messages.js';
import type { Repository } from './repository.js';
import { runRules } from './rules/index.js';

const RULES_MEMO = 'rules';

/** A finding read back from the cache: its checksum guards against damage, this against the unexpected. */
function isDiagnostic(item: unknown): item is Diagnostic {
  return typeof item === 'object' && item !== null && typeof (item as Diagnostic).message === 'string' && typeof (item as Diagnostic).severity === 'string';
}

export function validateRepository(repository: Repository): Diagnostic[] {
  // Rules depend only on the files' contents: an unchanged repository reuses the last results.
  const stored: Diagnostic[] = [];
  const take = (item: unknown) => isDiagnostic(item) && stored.push(item) > 0;
  if (repository.memo?.read(RULES_MEMO, take)) return [...repository.diagnostics, ...stored];
  const found = runRules({ config: repository.config, meetings: repository.meetings });
  repository.memo?.store(RULES_MEMO, found);
  return [...repository.diagnostics, ...found];
}

/**
 * One warning per file of meetings/ that loading skipped for its extension: a meeting saved as
 * .txt or left as a .bak would otherwise be missing from every document without a word.
 */
export function ignoredFileWarnings(files: readonly string[]): Diagnostic[] {
  return files.map((file) => warning('fichier-ignore', messages.ignoredFile(file), { file, line: 1, column: 1 }));
}
