// Small questions asked of git. A minutes repository does not have to be under git (or to have
// a commit yet), and git itself may be missing: every query answers "nothing" then, never throws.
import { execFile } from 'node:child_process';
import path from 'node:path';

export interface GitVersion {
  /** Abbreviated hash of the last commit touching the file, e.g. 3f2a9c1. */
  commit: string;
  /** That commit's date (committer's calendar day), AAAA-MM-JJ. */
  date: string;
}

interface GitResult {
  ok: boolean;
  stdout: string;
}

/** Runs git in `cwd`; a failure of any kind (no git, not a repository, no commit) is ok: false. */
export function git(cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  return new Promise((resolve) => {
    const child = execFile(
      'git',
      [...args],
      // Plain, untranslated output whatever the user's settings: we parse it.
      { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' } },
      (problem, stdout) => resolve({ ok: !problem, stdout: problem ? '' : stdout }),
    );
    child.on('error', () => resolve({ ok: false, stdout: '' }));
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Whether `directory` lies inside a git working tree. */
export async function isGitRepository(directory: string): Promise<boolean> {
  const result = await git(directory, ['rev-parse', '--is-inside-work-tree']);
  return result.ok && result.stdout.trim() === 'true';
}

/** The top of the working tree holding `directory`, or undefined outside git. */
export async function gitTopLevel(directory: string): Promise<string | undefined> {
  const result = await git(directory, ['rev-parse', '--show-toplevel']);
  return result.ok ? path.resolve(result.stdout.trim()) : undefined;
}

/** Where git looks for hooks for the repository holding `directory` (honours core.hooksPath). */
export async function gitHooksDirectory(directory: string): Promise<string | undefined> {
  const result = await git(directory, ['rev-parse', '--git-path', 'hooks']);
  // The answer is relative to `directory` unless the hooks live elsewhere.
  return result.ok ? path.resolve(directory, result.stdout.trim()) : undefined;
}

/** Creates a repository in `directory`; false when git is missing or refuses. */
export async function gitInit(directory: string): Promise<boolean> {
  return (await git(directory, ['init', '--quiet'])).ok;
}

/**
 * The last commit that touched `file`: what the rendered documents print in their footer.
 * Undefined outside git, before the first commit, or while the file was never committed.
 */
export async function gitVersionOf(file: string): Promise<GitVersion | undefined> {
  const absolute = path.resolve(file);
  // %cI (strict ISO 8601, in the committer's zone) rather than %cs, which older gits lack.
  const result = await git(path.dirname(absolute), ['log', '-1', '--format=%h %cI', '--', path.basename(absolute)]);
  const match = /^([0-9a-f]{4,40}) (\d{4}-\d{2}-\d{2})T/.exec(result.stdout.trim());
  return match ? { commit: match[1]!, date: match[2]! } : undefined;
}

/**
 * Whether `file` differs from its last committed version (modified, staged or never committed):
 * the rendered document is then a draft (« PROJET »). False outside git, where there is nothing
 * to compare with.
 */
export async function hasUncommittedChanges(file: string): Promise<boolean> {
  const absolute = path.resolve(file);
  const result = await git(path.dirname(absolute), ['status', '--porcelain', '--untracked-files=all', '--', path.basename(absolute)]);
  return result.ok && result.stdout.trim() !== '';
}
