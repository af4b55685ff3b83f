// Module hooks for tests: every module the process resolves is appended to the file named by
// GTM_MODULE_LOG, so that a test can tell which chunks a command loaded.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (process.env.GTM_MODULE_LOG) appendFileSync(process.env.GTM_MODULE_LOG, `${resolved.url}\n`);
  return resolved;
}
