// Small questions asked of git. A minutes repository does not have to be under git (or to have
// a commit yet), and git itself may be missing: every query answers "nothing" then, never throws.
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { GitVersion, SourceState } from '../model.js';

export type { GitVersion, SourceState } from '../model.js';


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

/** Paths as git prints them: C-quoted (« "…\\303\\251…" ») when they hold unusual characters. */
function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '\\': 92, '"': 34 };
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (char !== '\\') {
      bytes.push(...new TextEncoder().encode(char));
      continue;
    }
    const next = body[index + 1]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(index + 1, index + 4), 8));
      index += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

interface LoggedCommit {
  abbreviated: string;
  parents: string[];
  /** AAAA-MM-JJ in the committer's zone. */
  date: string;
  /** Files (relative to the root) changed against each parent, by the parent's index; [0] alone for a root commit. */
  changed: Array<Set<string>>;
}

/** The committer's calendar day from « <seconds> <±hhmm> », as %cI gives it. */
function committerDay(seconds: number, zone: string): string {
  const sign = zone.startsWith('-') ? -1 : 1;
  const offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60;
  return new Date((seconds + offset) * 1000).toISOString().slice(0, 10);
}

/**
 * Every commit reachable from HEAD, children before parents, with the files that each changed
 * against each of its parents: `git log -m --pretty=raw` shows one diff per parent, headed by
 * « commit <hash> (from <parent>) »; a parent with no diff shown changed nothing.
 */
function parseLog(output: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  for (const block of output.split(/^(?=commit [0-9a-f]+(?: \(from [0-9a-f]+\))?$)/m)) {
    const lines = block.split('\n');
    const header = /^commit ([0-9a-f]+)(?: \(from ([0-9a-f]+)\))?$/.exec(lines[0]!);
    if (!header) continue;
    const [, abbreviated, from] = header;
    const last = commits.at(-1);
    // The same merge again, against its next parent: only its files are new.
    const commit: LoggedCommit =
      from !== undefined && last !== undefined && last.abbreviated === abbreviated ? last : { abbreviated: abbreviated!, parents: [], date: '', changed: [] };
    const filling = commit !== last;
    let index = 1;
    for (; index < lines.length && lines[index] !== ''; index++) {
      const line = lines[index]!;
      const parent = /^parent ([0-9a-f]+)$/.exec(line);
      const committer = /^committer .* (\d+) ([+-]\d{4})$/.exec(line);
      if (filling && parent) commit.parents.push(parent[1]!);
      else if (filling && committer) commit.date = committerDay(Number(committer[1]), committer[2]!);
    }
    if (filling) commits.push(commit);
    const parentIndex = from === undefined ? 0 : commit.parents.findIndex((parent) => parent.startsWith(from));
    const changed = (commit.changed[Math.max(parentIndex, 0)] ??= new Set());
    // The message is indented by four spaces; the files follow it, one per line.
    for (index++; index < lines.length; index++) {
      const line = lines[index]!;
      if (line !== '' && !line.startsWith(' ')) changed.add(unquote(line));
    }
  }
  return commits;
}

/**
 * The last commit of each of `files` (relative to `root`), exactly as `git log -1 -- <file>`
 * finds it (default history simplification): walking back from HEAD, a file follows a commit's
 * only parent, or at a merge its first parent that has the same version of it; the first commit
 * where it differs from every parent it is followed through (or where it appears) is its last
 * commit. Each file is followed alone, but files that take the same way travel together, so the
 * walk is linear in the history.
 */
function lastCommits(commits: readonly LoggedCommit[], files: readonly string[]): Map<string, LoggedCommit> {
  const found = new Map<string, LoggedCommit>();
  const byHash = new Map<string, LoggedCommit>();
  const waiting = new Map<LoggedCommit, Set<string>>();
  const index = new Map(commits.map((commit) => [commit.abbreviated, commit]));
  const parentOf = (hash: string) => {
    let commit = byHash.get(hash);
    if (!commit) {
      // Abbreviations are unique prefixes: the hash's own abbreviation is among its prefixes.
      for (let length = 4; length <= hash.length && !commit; length++) commit = index.get(hash.slice(0, length));
      if (commit) byHash.set(hash, commit);
    }
    return commit;
  };
  const send = (commit: LoggedCommit | undefined, moving: Set<string>) => {
    if (!commit || moving.size === 0) return;
    const there = waiting.get(commit);
    if (!there) return void waiting.set(commit, moving);
    const [small, large] = there.size < moving.size ? [there, moving] : [moving, there];
    for (const file of small) large.add(file);
    waiting.set(commit, large);
  };
  if (commits[0]) waiting.set(commits[0], new Set(files));
  for (const commit of commits) {
    const here = waiting.get(commit);
    if (!here) continue;
    waiting.delete(commit);
    const first = commit.changed[0] ?? new Set<string>();
    if (commit.parents.length === 0) {
      for (const file of here) if (first.has(file)) found.set(file, commit);
      continue;
    }
    // Files the first parent already has as they are here go there together.
    const others: string[] = [];
    for (const file of first) if (here.delete(file)) others.push(file);
    send(parentOf(commit.parents[0]!), here);
    for (const file of others) {
      const same = commit.parents.findIndex((_, at) => at > 0 && !(commit.changed[at]?.has(file) ?? false));
      if (same === -1) found.set(file, commit);
      else send(parentOf(commit.parents[same]!), new Set([file]));
    }
  }
  return found;
}


/**
 * The state in git of each of `files` (relative to `root`): two git processes for the whole
 * repository, one for the history, one for the working tree. Nothing is known outside git.
 */
export async function sourceStates(root: string, files: readonly string[]): Promise<Map<string, SourceState>> {
  const [log, status] = await Promise.all([
    git(root, ['-c', 'core.quotepath=false', 'log', '--topo-order', '-m', '--name-only', '--no-renames', '--relative', '--pretty=raw', '--abbrev-commit', '--no-color']),
    git(root, ['-c', 'core.quotepath=false', 'status', '--short', '--no-renames', '--untracked-files=all', '--', '.']),
  ]);
  const last = log.ok ? lastCommits(parseLog(log.stdout), files) : new Map<string, LoggedCommit>();
  // « XY path », relative to root (status.relativePaths); both sides of a change count.
  const changed = new Set(
    status.ok
      ? status.stdout
          .split('\n')
          .filter((line) => line.length > 3)
          .map((line) => unquote(line.slice(3)))
      : [],
  );
  return new Map(
    files.map((file) => {
      const commit = last.get(file);
      return [file, { version: commit ? { commit: commit.abbreviated, date: commit.date } : undefined, uncommitted: changed.has(file) }];
    }),
  );
}
