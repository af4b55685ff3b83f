// Validation of a whole repository: what loading found (syntax, shape), then the rules across files.
import type { Diagnostic } from './diagnostics.js';
import type { Repository } from './repository.js';
import { runRules } from './rules/index.js';

export function validateRepository(repository: Repository): Diagnostic[] {
  return [...repository.diagnostics, ...runRules({ config: repository.config, meetings: repository.meetings })];
}
