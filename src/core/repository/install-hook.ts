// Installing the pre-commit hook in the git repository around a minutes repository. A hook
// that gtm did not write is never replaced: it may be the team's own.
import { chmod, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { createFileExclusive, writeFileAtomic } from './atomic-write.js';
import { gitHooksDirectory, gitTopLevel } from './git.js';
import { HOOK_MARKER, preCommitHook } from '../scaffold/pre-commit-hook.js';

export type HookState =
  /** No pre-commit hook yet. */
  | 'absent'
  /** This very hook is already installed. */
  | 'installed'
  /** An older gtm hook (another gtm path): ours to update. */
  | 'outdated'
  /** Someone else's hook: left alone. */
  | 'foreign';

export interface HookPlan {
  file: string;
  content: string;
  state: HookState;
}

export interface GtmLocation {
  gtmScript?: string;
  node?: string;
}

/**
 * What installing the hook for the minutes repository at `root` would do; undefined outside
 * git. `root` may not exist yet (`gtm init` plans everything before writing anything).
 */
export async function planHook(root: string, gtm: GtmLocation): Promise<HookPlan | undefined> {
  const existing = await nearestExistingDirectory(root);
  const [topLevel, hooks] = await Promise.all([gitTopLevel(existing), gitHooksDirectory(existing)]);
  if (!topLevel || !hooks) return undefined;
  // git answers with real paths: resolve symlinks (macOS /tmp…) before comparing.
  const realRoot = path.join(await realpath(existing), path.relative(existing, root));
  const prefix = path.relative(topLevel, realRoot).split(path.sep).join('/');
  const file = path.join(hooks, 'pre-commit');
  const content = preCommitHook({ ...gtm, prefix });
  const current = await readFile(file, 'utf8').catch(() => undefined);
  const state: HookState =
    current === undefined ? 'absent' : current === content ? 'installed' : current.includes(HOOK_MARKER) ? 'outdated' : 'foreign';
  return { file, content, state };
}

/** Writes the planned hook, executable. Returns false when a hook appeared in the meantime. */
export async function writeHook(plan: HookPlan): Promise<boolean> {
  if (plan.state === 'foreign' || plan.state === 'installed') return plan.state === 'installed';
  if (plan.state === 'absent') {
    // Beside the hook, in .git/hooks/: not a folder the rapporteur looks into.
    if (!(await createFileExclusive(plan.file, plan.content, undefined))) return false;
  } else {
    await writeFileAtomic(plan.file, plan.content);
  }
  await chmod(plan.file, 0o755);
  return true;
}

async function nearestExistingDirectory(directory: string): Promise<string> {
  let current = path.resolve(directory);
  for (;;) {
    const info = await stat(current).catch(() => undefined);
    if (info?.isDirectory()) return current;
    const parent = path.dirname(current);
    if (parent === current) return current;
    current = parent;
  }
}
