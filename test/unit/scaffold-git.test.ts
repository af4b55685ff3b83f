// The git queries behind the footer version and the draft watermark, in real temporary
// repositories, with a git configuration that does not depend on the machine.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitHooksDirectory, gitTopLevel, isGitRepository, sourceStates } from '../../src/core/repository/git.js';

let base: string;
const saved: Record<string, string | undefined> = {};
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Rapporteur',
  GIT_AUTHOR_EMAIL: 'rapporteur@example.org',
  GIT_COMMITTER_NAME: 'Rapporteur',
  GIT_COMMITTER_EMAIL: 'rapporteur@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_COMMITTER_DATE: '2023-06-21T10:00:00+01:00',
  GIT_AUTHOR_DATE: '2023-06-21T10:00:00+01:00',
};

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'gtm-git-'));
  // git.ts runs git with process.env: isolate it from the machine's configuration.
  for (const [key, value] of Object.entries({ ...GIT_ENV, HOME: base, GIT_CEILING_DIRECTORIES: base })) {
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

const run = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

describe('git queries', () => {
  it('answer « nothing » outside git, never throw', async () => {
    const plain = path.join(base, 'plain');
    mkdirSync(plain);
    writeFileSync(path.join(plain, 'a.yaml'), 'x: 1\n');
    expect(await isGitRepository(plain)).toBe(false);
    expect(await gitTopLevel(plain)).toBeUndefined();
    expect(await gitHooksDirectory(plain)).toBeUndefined();
    expect(await sourceStates(plain, ['a.yaml'])).toEqual(new Map([['a.yaml', { version: undefined, uncommitted: false }]]));
    expect(await sourceStates(path.join(base, 'missing/dir'), ['file.yaml'])).toEqual(new Map([['file.yaml', { version: undefined, uncommitted: false }]]));
  });

  it('give the short commit and date of a file’s last commit, and whether it changed since', async () => {
    const repo = path.join(base, 'repo');
    mkdirSync(path.join(repo, 'meetings'), { recursive: true });
    run(repo, 'init', '--quiet');
    const relative = 'meetings/2023-06-20-national.yaml';
    const file = path.join(repo, relative);
    writeFileSync(file, 'statut: brouillon\n');
    const state = async () => (await sourceStates(repo, [relative])).get(relative)!;

    expect(await isGitRepository(path.join(repo, 'meetings'))).toBe(true);
    expect(await gitHooksDirectory(repo)).toBe(path.join(repo, '.git/hooks'));
    // No commit yet: no version, and the file is a draft.
    expect(await state()).toEqual({ version: undefined, uncommitted: true });

    run(repo, 'add', '.');
    run(repo, 'commit', '--quiet', '-m', 'Réunion du 20 juin');
    const { version } = await state();
    expect(version).toEqual({ commit: run(repo, 'rev-parse', '--short', 'HEAD'), date: '2023-06-21' });
    expect((await state()).uncommitted).toBe(false);

    // A later commit of another file does not change this file's version.
    writeFileSync(path.join(repo, 'autre.txt'), 'x\n');
    run(repo, 'add', '.');
    run(repo, 'commit', '--quiet', '-m', 'autre');
    expect((await state()).version).toEqual(version);

    writeFileSync(file, 'statut: valide\n');
    expect(await state()).toEqual({ version, uncommitted: true });
  });
});
