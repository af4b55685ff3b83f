// Validation of a whole repository: what loading found (syntax, shape), then the rules across files.
import type { Diagnostic } from './diagnostics.js';
import type { Repository } from './repository.js';
import { runRules } from './rules/index.js';

export function validateRepository(repository: Repository): Diagnostic[] {
  // Rules depend only on the files' contents: an unchanged repository reuses the last results.
  let found = repository.ruleMemo?.stored();
  if (!found) {
    found = runRules({ config: repository.config, meetings: repository.meetings });
    repository.ruleMemo?.store(found);
  }
  return [...repository.diagnostics, ...found];
}
