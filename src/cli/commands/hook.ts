// gtm hook install: the git pre-commit hook that validates the meetings being committed.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { error, GtmError } from '../../core/diagnostics.js';
import { messages } from '../../core/messages.js';
import { findRoot } from '../../core/repository/files.js';
import { planHook, writeHook, type GtmLocation } from '../../core/repository/install-hook.js';
import { EXIT, type ExitCode } from '../exit.js';
import type { Io } from '../io.js';
import { scaffolding } from '../messages.js';

/**
 * The gtm being run, for the hook to call the same one: bin/gtm.js resolved (npm links it as
 * `gtm`), and the node running it. Nothing when gtm runs in-process (tests): PATH then.
 */
export function runningGtm(): GtmLocation {
  const script = process.argv[1];
  if (!script) return {};
  try {
    const real = realpathSync(script);
    return path.basename(real) === 'gtm.js' ? { gtmScript: real, node: process.execPath } : {};
  } catch {
    return {};
  }
}

export async function run(_options: Record<string, never>, io: Io): Promise<ExitCode> {
  const root = findRoot(io.cwd);
  if (!root) throw new GtmError([error('depot-introuvable', messages.noRepository(path.resolve(io.cwd)))], 'usage');
  const plan = await planHook(root, runningGtm());
  if (!plan) throw new GtmError([error('pas-de-git', scaffolding.notAGitRepository(root))]);
  const shown = path.relative(io.cwd, plan.file) || plan.file;
  if (plan.state === 'foreign') throw new GtmError([error('hook-existant', scaffolding.foreignHook(shown))]);
  if (plan.state === 'installed') {
    io.stdout(scaffolding.hookAlreadyInstalled(shown));
    return EXIT.ok;
  }
  if (!(await writeHook(plan))) throw new GtmError([error('hook-existant', scaffolding.hookAppeared(shown))]);
  io.stdout(plan.state === 'outdated' ? scaffolding.hookUpdated(shown) : scaffolding.hookInstalled(shown));
  return EXIT.ok;
}
