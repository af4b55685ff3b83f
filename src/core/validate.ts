// Validation of a whole repository: what loading found (syntax, shape), then the rules across files.
import { DIAGNOSTICS_MEMO } from './check.js';
import { isDiagnostic, type Diagnostic } from './diagnostics.js';
import { createLocator } from './locations.js';
import type { Repository } from './repository.js';
import { runRules } from './rules/index.js';

/** Every finding (loading and rules), kept under the digest of the files: they depend on nothing else. */
export async function validateRepository(repository: Repository): Promise<Diagnostic[]> {
  const stored: Diagnostic[] = [];
  const take = (item: unknown) => isDiagnostic(item) && stored.push(item) > 0;
  if (repository.memo?.read(DIAGNOSTICS_MEMO, take)) return stored;
  const locator = createLocator();
  const found = [...repository.diagnostics, ...runRules({ config: repository.config, meetings: repository.meetings, locate: locator.locate })];
  await locator.resolve();
  repository.memo?.store(DIAGNOSTICS_MEMO, found);
  return found;
}
