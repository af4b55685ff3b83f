// What a command loads: yaml's composer (source.ts), which places problems at their line and
// column, loads only when a file has a problem; valid meetings are read by js-yaml alone.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledMeetings, createFixtureRepo, PROJECT_ROOT, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runBin } from '../helpers/run-cli.js';

const MODULE_LOG = path.join(PROJECT_ROOT, 'test', 'helpers', 'module-log.mjs');
const logs = mkdtempSync(path.join(tmpdir(), 'gtm-modules-'));
const repos: FixtureRepo[] = [];
afterAll(async () => {
  rmSync(logs, { recursive: true, force: true });
  await Promise.all(repos.map((repo) => repo.cleanup()));
});

/** Runs gtm, and tells whether it loaded the chunk that holds yaml's composer. */
async function loadsComposer(repo: FixtureRepo, args: string[]): Promise<{ exitCode: number; stdout: string; composer: boolean }> {
  const log = path.join(logs, `${repos.indexOf(repo)}-${args.join('-').replace(/\W+/g, '-')}.txt`);
  const result = await runBin(args, { cwd: repo.root, env: { GTM_MODULE_LOG: log, NODE_OPTIONS: `--import=${MODULE_LOG}` } });
  const chunks = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:') && url.includes('/dist/'));
  expect(chunks.length).toBeGreaterThan(1);
  const composer = chunks.some((url) => readFileSync(new URL(url), 'utf8').includes('node_modules/yaml/dist/compose/composer.js'));
  return { exitCode: result.exitCode, stdout: result.stdout, composer };
}

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
