// Writing on a hostile machine: a full disk or a folder without rights ends in a French message
// and exit 1, never the internal-error notice, and leaves no temporary anywhere; a process killed
// while writing leaves nothing in meetings/, and what it left elsewhere is swept by the next run;
// the cache folder is never written through a symbolic link.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_CONFIG, createFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js';
import { BIN, runBin, runInProcess, type CliResult } from '../helpers/run-cli.js';
import { looksLikeCrash, parseReport } from './report-lines.js';

const VALID = readFileSync(path.join(import.meta.dirname, 'fixtures', 'valide.yaml'), 'utf8');
const ID = '2023-06-20-national';
const NEXT = '2023-07-20-national.yaml';

const repos: FixtureRepo[] = [];
const cleanups: (() => void)[] = [];
afterAll(async () => {
  cleanups.reverse().forEach((cleanup) => cleanup());
  await Promise.all(repos.map((repo) => repo.cleanup()));
});

async function repository(root?: string): Promise<FixtureRepo> {
  if (root === undefined) {
    const repo = await createFixtureRepo({ meetings: { [`${ID}.yaml`]: VALID } });
    repos.push(repo);
    return repo;
  }
  mkdirSync(path.join(root, 'meetings'), { recursive: true });
  writeFileSync(path.join(root, 'gtm.yaml'), BUNDLED_CONFIG);
  writeFileSync(path.join(root, 'meetings', `${ID}.yaml`), VALID);
  return { root, path: (...parts) => path.join(root, ...parts), write: async () => {}, read: async (file) => readFileSync(path.join(root, file), 'utf8'), cleanup: async () => {} };
}

/** Every file under `directory` whose name marks it as a temporary, hidden files included. */
function temporaries(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /tmp/i.test(entry.name))
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)));
}

function expectRefused(result: CliResult, code: string, message: string): void {
  expect(looksLikeCrash(result.stdout + result.stderr), result.stderr).toBe(false);
  expect(parseReport(result.stderr)).toEqual([{ at: '', severity: 'erreur', code, message }]);
  expect(result.exitCode).toBe(1);
}

/** A small disk of its own (tmpfs), filled to the last byte; undefined where mounting is not allowed. */
function fullDisk(): string | undefined {
  const mountPoint = mkdtempSync(path.join(tmpdir(), 'gtm-disque-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]).status !== 0) {
    rmSync(mountPoint, { recursive: true });
    return undefined;
  }
  cleanups.push(() => {
    spawnSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });
  return mountPoint;
}

function fill(disk: string): void {
  spawnSync('dd', ['if=/dev/zero', `of=${path.join(disk, 'remplissage')}`, 'bs=4k'], { stdio: 'ignore' });
}

const disk = fullDisk();

describe.skipIf(disk === undefined)('a full disk', () => {
  it('render, new and validate: « disque plein », exit 1 (validate: 0, without its cache), no temporary left', async () => {
    const repo = await repository(path.join(disk!, 'depot'));
    fill(disk!);
    const render = await runBin(['render', ID, '--format', 'md'], { cwd: repo.root });
    expectRefused(render, 'ecriture-impossible', `disque plein : rendus/${ID}.md n’a pas pu être écrit ; libérez de la place, puis relancez la commande`);
    const created = await runBin(['new', '--date', '2023-07-20'], { cwd: repo.root });
    expectRefused(created, 'ecriture-impossible', `disque plein : meetings/${NEXT} n’a pas pu être écrit ; libérez de la place, puis relancez la commande`);
    expect(await runBin(['validate'], { cwd: repo.root })).toMatchObject({ exitCode: 0, stderr: '' });
    expect(temporaries(repo.root)).toEqual([]);
    expect(readdirSync(repo.path('meetings'))).toEqual([`${ID}.yaml`]);
    expect(existsSync(repo.path('rendus', `${ID}.md`))).toBe(false);
  });
});

const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups', '--'];
/**
 * As root the rights are tested by running the bin as nobody, which needs to read the project:
 * a clone in a folder only root may enter (mktemp -d) cannot be, and those tests are skipped.
 */
const RIGHTS_TESTABLE = process.getuid?.() !== 0 || spawnSync('setpriv', [...NOBODY, process.execPath, BIN, '--version']).status === 0;

/** Runs the bin as a user without rights over what root owns (nobody), or as oneself when not root. */
function runWithoutPrivileges(args: string[], cwd: string): Promise<CliResult> {
  if (process.getuid?.() !== 0) return runBin(args, { cwd });
  const { FORCE_COLOR: _, ...env } = process.env;
  return new Promise((resolve) => {
    const child = spawn('setpriv', [...NOBODY, process.execPath, BIN, ...args], {
      cwd,
      env: { ...env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr }));
  });
}

/** A repository the unprivileged user reads everywhere and may write only where `writable` says. */
async function readOnlyRepository(writable: (relative: string) => boolean): Promise<FixtureRepo> {
  const repo = await repository();
  mkdirSync(repo.path('rendus'));
  const own = (relative: string) => {
    const file = repo.path(relative);
    if (process.getuid?.() === 0) chownSync(file, writable(relative) ? 65534 : 0, writable(relative) ? 65534 : 0);
    chmodSync(file, lstatSync(file).isDirectory() ? (writable(relative) ? 0o755 : 0o555) : 0o644);
  };
  chmodSync(path.dirname(repo.root), 0o755);
  for (const relative of ['.', 'meetings', 'rendus', 'gtm.yaml', `meetings/${ID}.yaml`]) own(relative);
  cleanups.push(() => chmodSync(repo.root, 0o755));
  return repo;
}

describe.skipIf(!RIGHTS_TESTABLE)('no right to write', () => {
  it('render into a read-only rendus/: « droits insuffisants sur rendus », exit 1', async () => {
    const repo = await readOnlyRepository((relative) => relative === '.');
    const result = await runWithoutPrivileges(['render', ID, '--format', 'md'], repo.root);
    expectRefused(result, 'ecriture-impossible', `droits insuffisants sur rendus : rendus/${ID}.md n’a pas pu être écrit ; choisissez un autre emplacement, ou demandez le droit d’y écrire`);
    expect(temporaries(repo.root)).toEqual([]);
  });

  it('new into a read-only meetings/: « droits insuffisants sur meetings », exit 1, nothing left', async () => {
    const repo = await readOnlyRepository((relative) => relative === '.');
    const result = await runWithoutPrivileges(['new', '--date', '2023-07-20'], repo.root);
    expectRefused(result, 'ecriture-impossible', `droits insuffisants sur meetings : meetings/${NEXT} n’a pas pu être écrit ; choisissez un autre emplacement, ou demandez le droit d’y écrire`);
    expect(temporaries(repo.root)).toEqual([]);
    expect(readdirSync(repo.path('meetings'))).toEqual([`${ID}.yaml`]);
  });

  it('in a repository where nothing is writable, validate and actions still answer (no cache)', async () => {
    const repo = await readOnlyRepository(() => false);
    expect(await runWithoutPrivileges(['validate'], repo.root)).toMatchObject({ exitCode: 0, stderr: '' });
    expect(await runWithoutPrivileges(['actions', '--au', '2023-08-01'], repo.root)).toMatchObject({ exitCode: 0, stderr: '' });
    const render = await runWithoutPrivileges(['render', ID, '--format', 'md', '-o', '-'], repo.root);
    expect(render.exitCode, render.stderr).toBe(0);
  });

  it('render -o into a folder that is a file: a French message, exit 1', async () => {
    const repo = await repository();
    writeFileSync(repo.path('rendus'), 'un fichier\n');
    const result = await runInProcess(['render', ID, '--format', 'md'], { cwd: repo.root });
    expectRefused(result, 'ecriture-impossible', `rendus/${ID}.md n’a pas pu être écrit : rendus n’est pas un dossier`);
  });
});

/** The id of a process that has ended: what a temporary left by kill -9 carries. */
function deadProcessId(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('a process killed while writing', () => {
  it('gtm new killed at any moment leaves nothing in meetings/ but a whole meeting, and no temporary after the next run', async () => {
    const repo = await repository();
    expect((await runBin(['validate'], { cwd: repo.root })).exitCode).toBe(0);
    for (let attempt = 0; attempt < 8; attempt++) {
      rmSync(repo.path('meetings', NEXT), { force: true });
      const child = spawn(process.execPath, [BIN, 'new', '--date', '2023-07-20'], { cwd: repo.root, stdio: 'ignore' });
      const closed = new Promise((resolve) => child.on('close', resolve));
      await new Promise((resolve) => setTimeout(resolve, 40 + attempt * 30));
      child.kill('SIGKILL');
      await closed;
      const names = readdirSync(repo.path('meetings'));
      expect(names.filter((name) => name !== `${ID}.yaml` && name !== NEXT), `attempt ${attempt}`).toEqual([]);
      if (names.includes(NEXT)) expect((await runBin(['validate', `meetings/${NEXT}`], { cwd: repo.root })).exitCode).toBe(0);
    }
    // Temporaries of killed processes, wherever gtm may have left them, go at the next run.
    const dead = deadProcessId();
    const planted = [
      repo.path('.gtm-cache', `.${NEXT}.${dead}-0123456789ab.gtm-tmp`),
      repo.path('.gtm-cache', `.meetings.json.${dead}-0123456789ab.gtm-tmp`),
      repo.path('meetings', `.${NEXT}.${dead}-0123456789ab.gtm-tmp`),
    ];
    for (const file of planted) writeFileSync(file, 'à moitié');
    rmSync(repo.path('meetings', NEXT), { force: true });
    expect((await runBin(['new', '--date', '2023-07-20'], { cwd: repo.root })).exitCode).toBe(0);
    expect(temporaries(repo.root)).toEqual([]);
  });

  it('render killed at any moment leaves, after the next run, only whole files in rendus/', async () => {
    const repo = await repository();
    mkdirSync(repo.path('rendus'));
    writeFileSync(repo.path('rendus', `.${ID}.md.${deadProcessId()}-0123456789ab.gtm-tmp`), 'à moitié');
    // A temporary of a running process (this one) is left alone.
    const running = repo.path('rendus', `.${ID}.pdf.${process.pid}-0123456789ab.gtm-tmp`);
    writeFileSync(running, 'en cours');
    expect((await runBin(['render', ID, '--format', 'md'], { cwd: repo.root })).exitCode).toBe(0);
    expect(readdirSync(repo.path('rendus')).sort()).toEqual([path.basename(running), `${ID}.md`].sort());
  });
});

describe('the cache folder', () => {
  const everyCommand = [['validate'], ['actions', '--au', '2023-08-01'], ['render', ID, '--format', 'md'], ['new', '--date', '2023-07-20']];

  it('.gtm-cache as a link into meetings/: nothing is written there but the new meeting', async () => {
    const repo = await repository();
    symlinkSync(repo.path('meetings'), repo.path('.gtm-cache'));
    for (const args of everyCommand) {
      const result = await runBin(args, { cwd: repo.root });
      expect(result.exitCode, `${args.join(' ')}\n${result.stderr}`).toBe(0);
    }
    expect(readdirSync(repo.path('meetings')).sort()).toEqual([`${ID}.yaml`, NEXT]);
    expect(lstatSync(repo.path('.gtm-cache')).isSymbolicLink()).toBe(true);
  });

  it('links planted inside .gtm-cache are never written through', async () => {
    const repo = await repository();
    expect((await runBin(['validate'], { cwd: repo.root })).exitCode).toBe(0);
    const meeting = repo.path('meetings', `${ID}.yaml`);
    for (const name of readdirSync(repo.path('.gtm-cache'))) {
      rmSync(repo.path('.gtm-cache', name));
      symlinkSync(meeting, repo.path('.gtm-cache', name));
    }
    for (const args of everyCommand) {
      const result = await runBin(args, { cwd: repo.root });
      expect(result.exitCode, `${args.join(' ')}\n${result.stderr}`).toBe(0);
      expect(readFileSync(meeting, 'utf8'), args.join(' ')).toBe(VALID);
      rmSync(repo.path('meetings', NEXT), { force: true });
    }
  });

  it('.gtm-cache as a file: commands work without a cache, and the file is left alone', async () => {
    const repo = await repository();
    writeFileSync(repo.path('.gtm-cache'), 'à moi\n');
    for (const args of everyCommand) expect((await runBin(args, { cwd: repo.root })).exitCode, args.join(' ')).toBe(0);
    expect(readFileSync(repo.path('.gtm-cache'), 'utf8')).toBe('à moi\n');
  });
});
