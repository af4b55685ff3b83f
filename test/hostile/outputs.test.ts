// Where `gtm render -o` may write: standard output (« - », /dev/stdout), a new file, or an
// existing regular file replaced in one step. Everything else is refused in French with exit 2
// and left exactly as it was: a FIFO, a device, a socket, a symbolic link (to a file, to nothing),
// a folder where the file would go, anything inside .git/. A folder, or a link to one, receives
// <id>.<ext>. An extension that contradicts --format is a warning.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runBin, runInProcess } from '../helpers/run-cli.js';
import { looksLikeCrash, parseReport } from './report-lines.js';

const VALID = readFileSync(path.join(import.meta.dirname, 'fixtures', 'valide.yaml'), 'utf8');
const ID = '2023-06-20-national';
const SUGGESTION = 'choisissez un autre chemin (par défaut : rendus/, ou « -o - » pour la sortie standard)';
const refused = (target: string, reason: string) => `refus d’écrire dans ${target} : ${reason} ; ${SUGGESTION}`;
const LINK = 'c’est un lien symbolique, que gtm ne remplace pas par un fichier';
const SPECIAL = 'ce n’est pas un fichier ordinaire (tube, périphérique ou socket)';
const GIT = 'ce chemin est dans un dossier .git, réservé à git';

const repos: FixtureRepo[] = [];
afterAll(async () => Promise.all(repos.map((repo) => repo.cleanup())));

async function repository(): Promise<FixtureRepo> {
  const repo = await createFixtureRepo({ meetings: { [`${ID}.yaml`]: VALID } });
  repos.push(repo);
  return repo;
}

/** What is at `file`, told without following links: kind, link target, bytes. */
function describeEntry(file: string): string {
  let entry;
  try {
    entry = lstatSync(file);
  } catch {
    return 'absent';
  }
  if (entry.isSymbolicLink()) return `lien → ${readlinkSync(file)}`;
  if (entry.isFIFO()) return 'tube';
  if (entry.isSocket()) return 'socket';
  if (entry.isCharacterDevice()) return `périphérique ${entry.rdev}`;
  if (entry.isDirectory()) return `dossier [${readdirSync(file).sort().join(', ')}]`;
  return `fichier ${readFileSync(file, 'utf8').length}`;
}

type Prepare = (repo: FixtureRepo) => Promise<void> | void;

/** [name, prepare, -o value, what is refused as shown, reason]: each must be refused, exit 2, untouched. */
const REFUSED: [name: string, prepare: Prepare, output: string, shown: string, reason: string][] = [
  ['un tube nommé (FIFO)', (repo) => void execFileSync('mkfifo', [repo.path('tube')]), 'tube', 'tube', SPECIAL],
  ['une socket', (repo) => listenOn(repo.path('prise')), 'prise', 'prise', SPECIAL],
  ['un lien vers un fichier', (repo) => {
    writeFileSync(repo.path('cible.md'), 'à garder\n');
    symlinkSync(repo.path('cible.md'), repo.path('lien.md'));
  }, 'lien.md', 'lien.md', LINK],
  ['un lien cassé', (repo) => symlinkSync(repo.path('nulle-part.md'), repo.path('casse.md')), 'casse.md', 'casse.md', LINK],
  ['un dossier où le fichier irait', (repo) => mkdirSync(repo.path('sortie', `${ID}.md`), { recursive: true }), 'sortie', `sortie/${ID}.md`, 'c’est un dossier'],
  ['un tube dans le dossier de sortie', (repo) => {
    mkdirSync(repo.path('sortie'));
    execFileSync('mkfifo', [repo.path('sortie', `${ID}.md`)]);
  }, 'sortie', `sortie/${ID}.md`, SPECIAL],
  ['un fichier dans .git/', (repo) => mkdirSync(repo.path('.git', 'hooks'), { recursive: true }), '.git/hooks/pre-commit', '.git/hooks/pre-commit', GIT],
  ['le dossier .git lui-même', (repo) => mkdirSync(repo.path('.git'), { recursive: true }), '.git', `.git/${ID}.md`, GIT],
  ['un lien vers .git', (repo) => {
    mkdirSync(repo.path('.git'), { recursive: true });
    symlinkSync(repo.path('.git'), repo.path('cachette'));
  }, 'cachette/x.md', 'cachette/x.md', GIT],
];

const servers: ReturnType<typeof createServer>[] = [];
afterAll(() => servers.forEach((server) => server.close()));
function listenOn(file: string): Promise<void> {
  const server = createServer();
  servers.push(server);
  return new Promise((resolve) => server.listen(file, resolve));
}

describe('render -o refuses what is not a new or regular file', () => {
  it.each(REFUSED)('%s', async (_, prepare, output, shown, reason) => {
    const repo = await repository();
    await prepare(repo);
    const watched = [repo.path(shown.split('/')[0]!), repo.path(shown)];
    const before = watched.map(describeEntry);
    const result = await runInProcess(['render', ID, '--format', 'md', '-o', output], { cwd: repo.root });
    expect(looksLikeCrash(result.stderr), result.stderr).toBe(false);
    expect(parseReport(result.stderr)).toEqual([{ at: '', severity: 'erreur', code: 'sortie-interdite', message: refused(shown, reason) }]);
    expect(result).toMatchObject({ exitCode: 2, stdout: '' });
    expect(watched.map(describeEntry)).toEqual(before);
  });

  it('un périphérique (/dev/null) reste un périphérique', async () => {
    const repo = await repository();
    const before = statSync('/dev/null').rdev;
    const result = await runBin(['render', ID, '--format', 'md', '-o', '/dev/null'], { cwd: repo.root });
    expect(parseReport(result.stderr), JSON.stringify(result)).toEqual([{ at: '', severity: 'erreur', code: 'sortie-interdite', message: refused('/dev/null', SPECIAL) }]);
    expect(result.exitCode).toBe(2);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(statSync('/dev/null').rdev).toBe(before);
  });

  it('--all refuses a FIFO, /dev/stdout, and a link among the files it would replace', async () => {
    const repo = await repository();
    execFileSync('mkfifo', [repo.path('tube')]);
    const fifo = await runInProcess(['render', '--all', '--format', 'md', '-o', 'tube'], { cwd: repo.root });
    expect(fifo.exitCode).toBe(2);
    expect(parseReport(fifo.stderr).map((problem) => problem.message)).toEqual([
      'tube n’est pas un dossier : avec --all, -o désigne le dossier où écrire les comptes-rendus',
    ]);
    const stdout = await runInProcess(['render', '--all', '--format', 'md', '-o', '/dev/stdout'], { cwd: repo.root });
    expect(stdout.exitCode).toBe(2);
    expect(stdout.stderr).toContain('« -o - » (sortie standard) ne peut pas servir avec --all');
    mkdirSync(repo.path('sortie'));
    writeFileSync(repo.path('ailleurs.md'), 'à garder\n');
    symlinkSync(repo.path('ailleurs.md'), repo.path('sortie', `${ID}.md`));
    const link = await runInProcess(['render', '--all', '--format', 'md', '-o', 'sortie'], { cwd: repo.root });
    expect(link.exitCode).toBe(2);
    expect(parseReport(link.stderr).map((problem) => problem.message)).toEqual([refused(`sortie/${ID}.md`, LINK)]);
    expect(readFileSync(repo.path('ailleurs.md'), 'utf8')).toBe('à garder\n');
    expect(describeEntry(repo.path('tube'))).toBe('tube');
  });
});

describe('render -o accepts standard output, new files, regular files and folders', () => {
  it('/dev/stdout works like « - », through the built bin', async () => {
    const repo = await repository();
    const dash = await runBin(['render', ID, '--format', 'md', '-o', '-'], { cwd: repo.root });
    const devStdout = await runBin(['render', ID, '--format', 'md', '-o', '/dev/stdout'], { cwd: repo.root });
    expect(dash.exitCode).toBe(0);
    expect(devStdout).toEqual(dash);
    expect(dash.stdout).toContain('# Compte-rendu');
  });

  it('replaces an existing regular file in one step (a new file takes its place)', async () => {
    const repo = await repository();
    writeFileSync(repo.path('cr.md'), 'ancien\n');
    const inode = statSync(repo.path('cr.md')).ino;
    const result = await runInProcess(['render', ID, '--format', 'md', '-o', 'cr.md'], { cwd: repo.root });
    expect(result).toEqual({ exitCode: 0, stdout: 'écrit : cr.md\n', stderr: '' });
    expect(readFileSync(repo.path('cr.md'), 'utf8')).toContain('# Compte-rendu');
    expect(statSync(repo.path('cr.md')).ino).not.toBe(inode);
    expect(readdirSync(repo.root).filter((name) => name.includes('tmp'))).toEqual([]);
  });

  it('writes into a folder, and through a link to a folder, leaving the link a link', async () => {
    const repo = await repository();
    mkdirSync(repo.path('partage'));
    symlinkSync(repo.path('partage'), repo.path('raccourci'));
    const result = await runInProcess(['render', ID, '--format', 'md', '-o', 'raccourci'], { cwd: repo.root });
    expect(result).toEqual({ exitCode: 0, stdout: `écrit : raccourci/${ID}.md\n`, stderr: '' });
    expect(describeEntry(repo.path('raccourci'))).toBe(`lien → ${repo.path('partage')}`);
    expect(readdirSync(repo.path('partage'))).toEqual([`${ID}.md`]);
    const all = await runInProcess(['render', '--all', '--format', 'md', '-o', 'raccourci'], { cwd: repo.root });
    expect(all.exitCode, all.stderr).toBe(0);
  });

  it.each([
    ['--format md -o cr.pdf', ['--format', 'md', '-o', 'cr.pdf'], 'cr.pdf', 'cr.pdf sera écrit au format Markdown malgré son extension .pdf : nommez-le plutôt en .md'],
    ['--format md -o cr.docx', ['--format', 'md', '-o', 'cr.docx'], 'cr.docx', 'cr.docx sera écrit au format Markdown malgré son extension .docx : nommez-le plutôt en .md'],
    ['--format docx -o cr.pdf', ['--format', 'docx', '-o', 'cr.pdf'], 'cr.pdf', 'cr.pdf sera écrit au format Word malgré son extension .pdf : nommez-le plutôt en .docx'],
  ])('warns when the extension contradicts the format: %s', async (_, args, file, message) => {
    const repo = await repository();
    const result = await runInProcess(['render', ID, ...args], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    expect(parseReport(result.stderr)).toEqual([{ at: '', severity: 'avertissement', code: 'extension-trompeuse', message }]);
    expect(readFileSync(repo.path(file)).length).toBeGreaterThan(1000);
  });

  it('does not warn for an extension that fits (.md, .markdown, no extension)', async () => {
    const repo = await repository();
    for (const file of ['cr.md', 'cr.MARKDOWN', 'cr']) {
      const result = await runInProcess(['render', ID, '--format', 'md', '-o', file], { cwd: repo.root });
      expect(result, file).toEqual({ exitCode: 0, stdout: `écrit : ${file}\n`, stderr: '' });
    }
  });
});
