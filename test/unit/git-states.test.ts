// The state in git of every meeting file, from two git processes for the whole repository:
// each file's version must be exactly what `git log -1 -- <file>` says, also through merges
// that keep one side, the other, or neither (an edited resolution), with dates out of order,
// an octopus merge, a repository whose gtm root is a sub-folder, and every kind of uncommitted
// change. The reference is asked of git itself, file by file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceStates } from '../../src/core/repository/git.js';

let base: string;
const saved: Record<string, string | undefined> = {};
beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'gtm-git-states-'));
  const env = {
    GIT_AUTHOR_NAME: 'R',
    GIT_AUTHOR_EMAIL: 'r@example.org',
    GIT_COMMITTER_NAME: 'R',
    GIT_COMMITTER_EMAIL: 'r@example.org',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: base,
    GIT_CEILING_DIRECTORIES: base,
  };
  for (const [key, value] of Object.entries(env)) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
});
afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(base, { recursive: true, force: true });
});

function repository(name: string, root = '.') {
  const top = path.join(base, name);
  const dir = path.join(top, root);
  mkdirSync(path.join(dir, 'meetings'), { recursive: true });
  const git = (args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd: top,
      encoding: 'utf8',
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    }).trim();
  git(['init', '--quiet', '-b', 'main']);
  const write = (file: string, text: string) => writeFileSync(path.join(dir, 'meetings', file), text);
  const commit = (message: string, date: string) => {
    git(['add', '-A']);
    git(['commit', '--quiet', '--allow-empty', '-m', message], date);
  };
  /** What git says, one process per file: the reference. */
  const reference = (file: string) => {
    let log = '';
    try {
      log = execFileSync('git', ['log', '-1', '--format=%h %cI', '--', `meetings/${file}`], { cwd: dir, encoding: 'utf8', stdio: 'pipe' }).trim();
    } catch {
      // No commit yet: git log fails, and the file has no version.
    }
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', `meetings/${file}`], { cwd: dir, encoding: 'utf8' }).trim();
    const match = /^([0-9a-f]+) (\d{4}-\d{2}-\d{2})T/.exec(log);
    return { version: match ? { commit: match[1]!, date: match[2]! } : undefined, uncommitted: status !== '' };
  };
  const check = async (files: string[]) => {
    const states = await sourceStates(dir, files.map((file) => `meetings/${file}`));
    for (const file of files) expect(states.get(`meetings/${file}`), file).toEqual(reference(file));
    return states;
  };
  return { git, write, commit, check, reference };
}

describe('sourceStates', () => {
  it('gives each file its own last commit through merges, as git log -1 -- <file> does', async () => {
    const repo = repository('merges');
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) repo.write(`${name}.yaml`, `${name}: 1\n`);
    repo.commit('start', '2023-01-02T10:00:00+01:00');
    repo.git(['checkout', '--quiet', '-b', 'side']);
    repo.write('a.yaml', 'a: side\n'); // changed on both sides, main's kept
    repo.write('b.yaml', 'b: side\n'); // changed on side only
    repo.write('c.yaml', 'c: side\n'); // changed on both, resolved by hand
    repo.write('d.yaml', 'd: side\n'); // changed on both, side's kept
    repo.write('new.yaml', 'n: 1\n'); // added on side
    // The side commit is the latest by date: walking by date would wrongly take it.
    repo.commit('side', '2023-03-01T10:00:00-05:00');
    repo.git(['checkout', '--quiet', 'main']);
    repo.write('a.yaml', 'a: main\n');
    repo.write('c.yaml', 'c: main\n');
    repo.write('d.yaml', 'd: main\n');
    repo.commit('main', '2023-02-01T23:30:00-02:00');
    try {
      repo.git(['merge', '--quiet', '--no-edit', 'side'], '2023-03-05T10:00:00Z');
    } catch {
      // Conflicts on a, c and d: resolved below.
    }
    repo.write('a.yaml', 'a: main\n');
    repo.write('c.yaml', 'c: resolved\n');
    repo.write('d.yaml', 'd: side\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '--quiet', '--no-edit'], '2023-03-05T10:00:00Z');
    repo.write('e.yaml', 'e: after\n');
    repo.commit('after the merge', '2023-04-01T10:00:00+00:00');
    const states = await repo.check(['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml', 'e.yaml', 'f.yaml', 'new.yaml']);
    // The cases really differ: a kept main's commit, c is the merge itself, d came from side.
    const commitOf = (file: string) => states.get(`meetings/${file}`)!.version!.commit;
    expect(new Set(['a.yaml', 'c.yaml', 'd.yaml', 'e.yaml', 'f.yaml'].map(commitOf)).size).toBe(5);
    // The committer's day in the committer's zone.
    expect(states.get('meetings/a.yaml')!.version!.date).toBe('2023-02-01');
  });

  it('follows an octopus merge, a sub-folder root, and every kind of change not committed', async () => {
    const repo = repository('octopus', 'gtm');
    for (const name of ['a', 'b', 'c', 'gone', 'staged', 'kept']) repo.write(`${name}.yaml`, `${name}: 1\n`);
    repo.commit('start', '2023-01-02T10:00:00Z');
    for (const branch of ['one', 'two']) {
      repo.git(['checkout', '--quiet', '-b', branch, 'main']);
      repo.write(`${branch === 'one' ? 'a' : 'b'}.yaml`, `${branch}\n`);
      repo.commit(branch, '2023-01-03T10:00:00Z');
    }
    repo.git(['checkout', '--quiet', 'main']);
    repo.write('c.yaml', 'main\n');
    repo.commit('main', '2023-01-04T10:00:00Z');
    repo.git(['merge', '--quiet', '--no-edit', 'one', 'two'], '2023-01-05T10:00:00Z');
    repo.write('kept.yaml', 'modified\n');
    repo.write('staged.yaml', 'staged\n');
    repo.git(['add', 'gtm/meetings/staged.yaml']);
    repo.write('untracked.yaml', 'u\n');
    repo.git(['rm', '--quiet', '--cached', 'gtm/meetings/gone.yaml']);
    const states = await repo.check(['a.yaml', 'b.yaml', 'c.yaml', 'gone.yaml', 'staged.yaml', 'kept.yaml', 'untracked.yaml']);
    expect([...states.values()].filter((state) => state.uncommitted)).toHaveLength(4);
  });

  it('knows nothing before the first commit but that every file is new', async () => {
    const repo = repository('empty');
    repo.write('a.yaml', 'a: 1\n');
    expect(await repo.check(['a.yaml'])).toEqual(new Map([['meetings/a.yaml', { version: undefined, uncommitted: true }]]));
  });
});
