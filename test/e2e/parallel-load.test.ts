// Loading many files checks them on worker threads (src/core/parse-pool.ts), only in the built
// bin: the same repository must give the same bytes through workers, through the cache, and
// on one thread (in-process from the sources, where no worker file exists).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, syntheticRepo } from '../helpers/fixture-repo.js';
import { BIN, runBin, runInProcess } from '../helpers/run-cli.js';

/** Workers from 64 files on, as on a large repository (see PARALLEL_ABOVE). */
const WORKERS = { GTM_PARALLEL_ABOVE: '64' };

describe('loading on worker threads', () => {
  it('gives the same reports as one thread, with broken files among 150', async () => {
    const repo = await syntheticRepo(150);
    try {
      const meetings = path.join(repo.root, 'meetings');
      const edit = (name: string, change: (text: string) => string) =>
        writeFileSync(path.join(meetings, name), change(readFileSync(path.join(meetings, name), 'utf8')));
      // One problem per path of the loader: syntax, a tag (lexical pre-scan), the schema, the
      // encoding, and a rule across files; spread so that both threads get some.
      const names = readdirSync(meetings).sort();
      edit(names[5]!, (text) => text.replace('statut: diffuse', 'statut: [diffuse'));
      edit(names[50]!, (text) => text.replace('statut: diffuse', 'statut: !!str diffuse'));
      edit(names[90]!, (text) => text.replace('statut: diffuse', 'statut: publie'));
      writeFileSync(path.join(meetings, names[130]!), Buffer.from([0x67, 0x72, 0x6f, 0xff, 0x0a]));
      const taken = /- id: (\S+)/.exec(readFileSync(path.join(meetings, names[20]!), 'utf8'))![1]!;
      edit(names[145]!, (text) => text.replace(/- id: \S+/, `- id: ${taken}`));
      // Files the parsers cannot read: too large, and a link to nothing.
      writeFileSync(path.join(meetings, names[70]!), `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
      symlinkSync(path.join(repo.root, 'absent.yaml'), path.join(meetings, '2019-05-05-national.yaml'));

      const dropCache = () => rmSync(path.join(repo.root, '.gtm-cache'), { recursive: true, force: true });
      dropCache();
      const cold = await runBin(['validate'], { cwd: repo.root, env: WORKERS });
      const warm = await runBin(['validate'], { cwd: repo.root, env: WORKERS });
      dropCache();
      const oneThread = await runInProcess(['validate'], { cwd: repo.root });

      expect(cold.exitCode).toBe(1);
      for (const expected of ['yaml-syntaxe', 'yaml-etiquette', 'valeur-inconnue', 'encodage', 'id-en-double', 'fichier-trop-gros', 'lecture-impossible']) {
        expect(cold.stdout).toContain(`[${expected}]`);
      }
      expect(warm).toEqual(cold);
      expect(oneThread).toEqual(cold);
    } finally {
      await repo.cleanup();
    }
  });

  it('reports an invalid gtm.yaml after checking 150 files on several threads, and ends', async () => {
    const repo = await syntheticRepo(150);
    try {
      const config = path.join(repo.root, 'gtm.yaml');
      writeFileSync(config, readFileSync(config, 'utf8').replace(/^groupe_par_defaut: .*$/m, 'groupe_par_defaut: nulle-part'));
      // Workers must not hold the process open: a hang would time the test out.
      const result = await runBin(['validate'], { cwd: repo.root, env: WORKERS });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('[groupe-inconnu]');
    } finally {
      await repo.cleanup();
    }
  });

  it('gives the same report when the workers fail to start: their files are checked on the main thread', async () => {
    const repo = await syntheticRepo(150);
    const build = mkdtempSync(path.join(tmpdir(), 'gtm-broken-worker-'));
    try {
      cpSync(path.join(PROJECT_ROOT, 'bin'), path.join(build, 'bin'), { recursive: true });
      cpSync(path.join(PROJECT_ROOT, 'dist'), path.join(build, 'dist'), { recursive: true });
      writeFileSync(path.join(build, 'dist/parse-worker.js'), "throw new Error('worker broken');\n");
      const broken = spawnSync(process.execPath, [path.join(build, 'bin/gtm.js'), 'validate'], { cwd: repo.root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...WORKERS } });
      rmSync(path.join(repo.root, '.gtm-cache'), { recursive: true, force: true });
      const sound = await runBin(['validate'], { cwd: repo.root, env: WORKERS });
      expect({ exitCode: broken.status, stdout: broken.stdout, stderr: broken.stderr }).toEqual(sound);
      expect(sound.stdout).toContain('150 fichiers de réunion vérifiés');
    } finally {
      rmSync(build, { recursive: true, force: true });
      await repo.cleanup();
    }
  });

  it('lists the same actions as one thread', async () => {
    const repo = await syntheticRepo(120);
    try {
      const args = ['actions', '--open', '--au', '2020-01-01'];
      const cold = await runBin(args, { cwd: repo.root, env: WORKERS });
      rmSync(path.join(repo.root, '.gtm-cache'), { recursive: true, force: true });
      const oneThread = await runInProcess(args, { cwd: repo.root });
      expect(cold.exitCode).toBe(0);
      expect(cold.stdout.split('\n').length).toBeGreaterThan(200);
      expect(oneThread).toEqual(cold);
    } finally {
      await repo.cleanup();
    }
  });

  it('writes a listing larger than a pipe whole to a reader that lags behind', async () => {
    const repo = await syntheticRepo(150);
    try {
      const args = ['actions', '--au', '2020-01-01'];
      const prompt = await runBin(args, { cwd: repo.root });
      // Several times what a pipe holds (64 kB on Linux).
      expect(Buffer.byteLength(prompt.stdout)).toBeGreaterThan(3 * 64 * 1024);
      // The reader starts late: the pipe fills, and gtm waits for it to drain instead of
      // holding the rest of its output in memory.
      const lagging = await new Promise<{ exitCode: number | null; stdout: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: repo.root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'ignore'] });
        const chunks: Buffer[] = [];
        child.stdout.pause();
        setTimeout(() => child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk)).resume(), 500);
        child.on('error', reject);
        child.on('close', (exitCode) => resolve({ exitCode, stdout: Buffer.concat(chunks).toString('utf8') }));
      });
      expect(lagging.exitCode).toBe(0);
      expect(lagging.stdout).toBe(prompt.stdout);
    } finally {
      await repo.cleanup();
    }
  });
});
