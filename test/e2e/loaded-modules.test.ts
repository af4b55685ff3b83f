// What a command loads: yaml's composer (source.ts), which places problems at their line and
// column, loads only when a file has a problem; valid meetings are read by js-yaml alone.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledMeetings, createFixtureRepo, PROJECT_ROOT, syntheticRepo, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runBin } from '../helpers/run-cli.js';

const MODULE_LOG = path.join(PROJECT_ROOT, 'test', 'helpers', 'module-log.mjs');
const logs = mkdtempSync(path.join(tmpdir(), 'gtm-modules-'));
const repos: FixtureRepo[] = [];
afterAll(async () => {
  rmSync(logs, { recursive: true, force: true });
  await Promise.all(repos.map((repo) => repo.cleanup()));
});

/** Runs gtm, and tells which of its chunks it loaded, on any thread. */
async function loadedChunks(repo: FixtureRepo, args: string[], env: Record<string, string> = {}) {
  const log = path.join(logs, `${repos.indexOf(repo)}-${args.join('-').replace(/\W+/g, '-')}-${Object.keys(env).length}.txt`);
  rmSync(log, { force: true });
  const result = await runBin(args, { cwd: repo.root, env: { ...env, GTM_MODULE_LOG: log, NODE_OPTIONS: `--import=${MODULE_LOG}` } });
  const chunks = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:') && url.includes('/dist/'));
  expect(chunks.length).toBeGreaterThan(1);
  return { ...result, chunks };
}

/** Runs gtm, and tells whether it loaded the chunk that holds yaml's composer. */
async function loadsComposer(repo: FixtureRepo, args: string[]): Promise<{ exitCode: number; stdout: string; composer: boolean }> {
  const { exitCode, stdout, chunks } = await loadedChunks(repo, args);
  const composer = chunks.some((url) => readFileSync(new URL(url), 'utf8').includes('node_modules/yaml/dist/compose/composer.js'));
  return { exitCode, stdout, composer };
}

describe('the parse worker', () => {
  it('starts only for more files than PARALLEL_ABOVE (750), or GTM_PARALLEL_ABOVE', async () => {
    const repo = await syntheticRepo(100);
    repos.push(repo);
    const worker = (chunks: string[]) => chunks.some((url) => url.endsWith('/dist/parse-worker.js'));
    const alone = await loadedChunks(repo, ['validate']);
    expect(alone.exitCode).toBe(0);
    expect(worker(alone.chunks)).toBe(false);
    rmSync(repo.path('.gtm-cache'), { recursive: true, force: true });
    const shared = await loadedChunks(repo, ['validate'], { GTM_PARALLEL_ABOVE: '64' });
    expect(shared.stdout).toBe(alone.stdout);
    expect(worker(shared.chunks)).toBe(true);
  });
});

describe('yaml’s composer', () => {
  it('is not loaded for valid meetings, read the first time or from the cache', async () => {
    const repo = await createFixtureRepo({ meetings: bundledMeetings() });
    repos.push(repo);
    for (const args of [['validate'], ['validate'], ['actions', '--open'], ['render', '--format', 'md', '-o', '-']]) {
      const run = await loadsComposer(repo, args);
      expect(run.exitCode, args.join(' ')).toBe(0);
      expect(run.composer, args.join(' ')).toBe(false);
    }
  });

  it('is loaded to place a problem, in a file or found by a rule', async () => {
    const repo = await createFixtureRepo({ meetings: bundledMeetings() });
    repos.push(repo);
    const file = 'meetings/2023-06-20-national.yaml';
    const text = await repo.read(file);
    await repo.write(file, text.replace(/^lieu: .*$/m, 'lieu: [Niamey'));
    const broken = await loadsComposer(repo, ['validate']);
    expect(broken).toMatchObject({ exitCode: 1, composer: true });
    expect(broken.stdout).toMatch(/meetings\/2023-06-20-national\.yaml:\d+:\d+ {2}erreur/);
    // Valid YAML, but an organisation missing from the directory: a rule's finding.
    await repo.write(file, text.replace(/^ {2}- OIM$/m, '  - OIMM'));
    const unknown = await loadsComposer(repo, ['validate']);
    expect(unknown).toMatchObject({ exitCode: 1, composer: true });
    expect(unknown.stdout).toMatch(/meetings\/2023-06-20-national\.yaml:\d+:5 {2}erreur {2}organisation inconnue « OIMM »/);
  });
});
