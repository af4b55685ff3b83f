// `gtm init`, `gtm new` and `gtm hook install` as a rapporteur runs them: the built bin in
// temporary git repositories, with a git configuration that does not depend on the machine.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PROJECT_ROOT as PROJECT } from '../helpers/fixture-repo.js';
import { BIN, runBin } from '../helpers/run-cli.js';

let base: string;
let env: Record<string, string | undefined>;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'gtm-new-init-'));
  env = {
    PATH: process.env.PATH ?? '',
    NO_COLOR: '1',
    HOME: base,
    // npm and vitest set EDITOR=vi: no editor unless a test asks for one.
    EDITOR: undefined,
    VISUAL: undefined,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CEILING_DIRECTORIES: base,
    GIT_AUTHOR_NAME: 'Rapporteur',
    GIT_AUTHOR_EMAIL: 'rapporteur@example.org',
    GIT_COMMITTER_NAME: 'Rapporteur',
    GIT_COMMITTER_EMAIL: 'rapporteur@example.org',
  };
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const gtm = (args: string[], cwd: string, extra: Record<string, string | undefined> = {}) => runBin(args, { cwd, env: { ...env, ...extra } });

function git(args: string[], cwd: string) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env });
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh directory under the test's base. */
function directory(name: string): string {
  const dir = path.join(base, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** `gtm init` in a new directory, checked, with everything committed. */
async function initialisedRepository(name: string): Promise<string> {
  const parent = directory(`${name}-parent`);
  const result = await gtm(['init', name], parent);
  expect(result.exitCode, result.stderr).toBe(0);
  const repo = path.join(parent, name);
  expect(git(['add', '.'], repo).exitCode).toBe(0);
  expect(git(['commit', '--quiet', '-m', 'Dépôt des comptes-rendus'], repo).exitCode).toBe(0);
  return repo;
}

const commitCount = (repo: string) => Number(git(['rev-list', '--count', 'HEAD'], repo).stdout.trim());

// A meeting with four actions, and a later one that closes two, postpones one and adds one.
const FIRST = `statut: valide
date: 2023-01-10
presence: [SP/CCM, OIM, UNHCR]
ordre_du_jour:
  - titre: Ouverture
    presentateur: SP/CCM
  - titre: Plan de réponse
    presentateur: OIM
    actions:
      - id: NIA-2301-1
        action: Partager le plan de réponse
        responsables: OIM
        echeance: 2023-02-28
      - id: NIA-2301-2
        action: Organiser l’atelier de validation
        responsables: [UNHCR, SP/CCM]
        echeance: 2023-03
      - id: NIA-2301-3
        action: Désigner un point focal
        responsables: "?"
      - id: NIA-2301-4
        action: Publier la note
        responsables: OIM
prochaine_reunion:
  date: 2023-02-14
`;

const SECOND = `statut: valide
date: 2023-02-14
presence: [MI/D, SP/CCM, OIM]
ordre_du_jour:
  - titre: Ouverture
    presentateur: SP/CCM
  - titre: Données
    actions:
      - id: NIA-2302-1
        action: Transmettre les données au secrétariat
        responsables: tous
suivi_actions:
  - action: NIA-2301-1
    statut: realise
  - action: NIA-2301-2
    statut: reporte
    nouvelle_echeance: 2023-04
  - action: NIA-2301-4
    statut: abandonne
prochaine_reunion:
  date: 2023-03-16
  heure: "10:00"
  lieu: dans la salle habituelle
`;

describe('gtm init', () => {
  it('creates a repository that works at once: files, git, hook; then new and validate pass', async () => {
    const parent = directory('fresh');
    const init = await gtm(['init', 'comptes-rendus'], parent);
    expect(init.exitCode, init.stderr).toBe(0);
    expect(init.stderr).toBe('');
    const repo = path.join(parent, 'comptes-rendus');
    for (const file of ['gtm.yaml', 'meetings/README.md', 'schema/reunion.schema.json', 'schema/config.schema.json', '.gitignore', '.github/workflows/gtm.yml', '.gitlab-ci.yml']) {
      expect(init.stdout).toContain(`comptes-rendus/${file}\n`);
      expect(existsSync(path.join(repo, file)), file).toBe(true);
    }
    expect(git(['rev-parse', '--is-inside-work-tree'], repo).stdout.trim()).toBe('true');
    const hook = path.join(repo, '.git/hooks/pre-commit');
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    expect(readFileSync(hook, 'utf8')).toContain(`GTM_SCRIPT='${BIN}'`);
    expect(readFileSync(path.join(repo, 'schema/reunion.schema.json'), 'utf8')).toBe((await gtm(['schema', 'reunion'], repo)).stdout);

    expect(await gtm(['validate'], repo)).toMatchObject({ exitCode: 0, stdout: '✓ 0 fichier de réunion vérifié : aucun problème\n' });

    const withoutDate = await gtm(['new'], repo);
    expect(withoutDate.exitCode).toBe(2);
    expect(withoutDate.stderr).toBe(
      'erreur  aucune réunion précédente du groupe « national » ne fixe la date : indiquez-la avec --date AAAA-MM-JJ  [date-manquante]\n',
    );

    const created = await gtm(['new', '--date', '2023-07-20', '--heure', '9h30'], repo);
    expect(created).toEqual({ exitCode: 0, stdout: `${path.join('meetings', '2023-07-20-national.yaml')}\n`, stderr: '' });
    const data = parse(readFileSync(path.join(repo, 'meetings/2023-07-20-national.yaml'), 'utf8'));
    expect(data).toMatchObject({ statut: 'brouillon', date: '2023-07-20', heure_debut: '9:30', presence: ['SP/CCM'] });
    expect(await gtm(['validate'], repo)).toMatchObject({ exitCode: 0, stdout: '✓ 1 fichier de réunion vérifié : aucun problème\n' });

    // The hook lets the valid draft through.
    expect(git(['add', '.'], repo).exitCode).toBe(0);
    const commit = git(['commit', '--quiet', '-m', 'Réunion du 20 juillet'], repo);
    expect(commit.exitCode, commit.stderr).toBe(0);
  });

  it('renders the new draft to Markdown', async () => {
    const repo = await initialisedRepository('render');
    expect((await gtm(['new', '--date', '2023-07-20'], repo)).exitCode).toBe(0);
    const output = path.join(repo, 'rendus/2023-07-20-national.md');
    const render = await gtm(['render', '2023-07-20-national', '--format', 'md', '-o', output], repo);
    expect(render.exitCode, render.stderr).toBe(0);
    const markdown = readFileSync(output, 'utf8');
    expect(markdown).toContain('Point à préciser (à renommer)');
    expect(markdown).toContain('20 juillet 2023');
  });

  it('refuses when a target exists, lists the conflicts and writes nothing', async () => {
    const dir = directory('occupied');
    writeFileSync(path.join(dir, '.gitlab-ci.yml'), 'include: autre.yml\n');
    mkdirSync(path.join(dir, 'schema'));
    writeFileSync(path.join(dir, 'schema/config.schema.json'), '{}');
    const result = await gtm(['init'], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        `erreur  ${path.join('schema', 'config.schema.json')} existe déjà : gtm init ne remplace aucun fichier  [fichier-existant]`,
        'erreur  .gitlab-ci.yml existe déjà : gtm init ne remplace aucun fichier  [fichier-existant]',
        'erreur  rien n’a été écrit : déplacez ou supprimez ces fichiers, ou choisissez un autre dossier  [rien-ecrit]',
        '',
      ].join('\n'),
    );
    expect(readdirSync(dir).sort()).toEqual(['.gitlab-ci.yml', 'schema']);
    expect(readdirSync(path.join(dir, 'schema'))).toEqual(['config.schema.json']);
    expect(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toBe('include: autre.yml\n');
  });

  it('inside an existing git repository, installs the hook there instead of creating a repository', async () => {
    const outer = directory('outer');
    expect(git(['init', '--quiet'], outer).exitCode).toBe(0);
    const result = await gtm(['init', 'cr'], outer);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(existsSync(path.join(outer, 'cr/.git'))).toBe(false);
    expect(readFileSync(path.join(outer, '.git/hooks/pre-commit'), 'utf8')).toContain("PREFIX='cr/'");

    // The hook validates the meetings of cr/, whatever the current folder.
    writeFileSync(path.join(outer, 'cr/meetings/2023-07-20-national.yaml'), 'statut: brouillon\ndate: 2023-07-20\npresence: [OIMM]\nordre_du_jour: [{titre: Ouverture}]\n');
    git(['add', '.'], outer);
    const blocked = git(['commit', '--quiet', '-m', 'x'], outer);
    expect(blocked.exitCode).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('meetings/2023-07-20-national.yaml:3:12  erreur  organisation inconnue « OIMM », vouliez-vous dire OIM ?');
  });
});

describe('gtm new', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await initialisedRepository('actions');
    writeFileSync(path.join(repo, 'meetings/2023-01-10-national.yaml'), FIRST);
    writeFileSync(path.join(repo, 'meetings/2023-02-14-national.yaml'), SECOND);
    expect((await gtm(['validate'], repo)).exitCode).toBe(0);
  });

  it('carries exactly the open actions of the group, and the announced date and time', async () => {
    const result = await gtm(['new'], repo);
    expect(result).toEqual({ exitCode: 0, stdout: `${path.join('meetings', '2023-03-16-national.yaml')}\n`, stderr: '' });
    const text = readFileSync(path.join(repo, 'meetings/2023-03-16-national.yaml'), 'utf8');
    const data = parse(text);
    expect(data.suivi_actions).toEqual([
      { action: 'NIA-2301-2', statut: 'reporte' },
      { action: 'NIA-2301-3', statut: 'ouvert' },
      { action: 'NIA-2302-1', statut: 'ouvert' },
    ]);
    expect(data).toMatchObject({ date: '2023-03-16', heure_debut: '10:00', presence: ['MI/D', 'SP/CCM', 'OIM'] });
    expect(data).not.toHaveProperty('lieu');
    expect(text).toContain('# La réunion précédente annonçait : « dans la salle habituelle ».');
    expect(await gtm(['validate'], repo)).toMatchObject({ exitCode: 0, stdout: '✓ 3 fichiers de réunion vérifiés : aucun problème\n' });
  });

  it('never overwrites: an existing meeting is left byte for byte', async () => {
    const file = path.join(repo, 'meetings/2023-05-11-national.yaml');
    expect((await gtm(['new', '--date', '2023-05-11'], repo)).exitCode).toBe(0);
    const edited = `${readFileSync(file, 'utf8')}# notes du rapporteur\n`;
    writeFileSync(file, edited);
    const again = await gtm(['new', '--date', '2023-05-11'], repo);
    expect(again).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: `erreur  ${path.join('meetings', '2023-05-11-national.yaml')} existe déjà : gtm new ne remplace jamais un fichier de réunion (ouvrez-le pour le modifier)  [reunion-existante]\n`,
    });
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(readdirSync(path.join(repo, 'meetings')).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    // The same meeting written as .yml counts too.
    writeFileSync(path.join(repo, 'meetings/2023-06-01-national.yml'), 'à moi\n');
    expect((await gtm(['new', '--date', '2023-06-01'], repo)).exitCode).toBe(1);
    expect(existsSync(path.join(repo, 'meetings/2023-06-01-national.yaml'))).toBe(false);
    rmSync(path.join(repo, 'meetings/2023-06-01-national.yml'));
  });

  it('explains unknown groups and impossible dates (exit 2)', async () => {
    expect(await gtm(['new', '--groupe', 'zindr', '--date', '2023-07-01'], repo)).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'erreur  groupe inconnu « zindr », vouliez-vous dire zinder ?  [groupe-inconnu]\n',
    });
    expect(await gtm(['new', '--date', '2023-02-29'], repo)).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'erreur  option --date : date impossible ou mal écrite « 2023-02-29 » : écrivez AAAA-MM-JJ, par exemple 2023-06-20  [date-invalide]\n',
    });
  });

  it('--edit opens the new file in $VISUAL or $EDITOR, or says how to', async () => {
    const editor = path.join(base, 'faux éditeur.sh');
    writeFileSync(editor, '#!/bin/sh\nprintf "# relu par %s\\n" "$EDITOR_WHO" >> "$1"\n');
    chmodSync(editor, 0o755);
    const edited = await gtm(['new', '--groupe', 'zinder', '--date', '2023-08-03', '--edit'], repo, { EDITOR: `"${editor}"`, EDITOR_WHO: 'test' });
    expect(edited).toEqual({ exitCode: 0, stdout: `${path.join('meetings', '2023-08-03-zinder.yaml')}\n`, stderr: '' });
    expect(readFileSync(path.join(repo, 'meetings/2023-08-03-zinder.yaml'), 'utf8').endsWith('# relu par test\n')).toBe(true);

    const plain = await gtm(['new', '--groupe', 'tahoua', '--date', '2023-08-03', '--edit'], repo);
    expect(plain.exitCode).toBe(0);
    expect(plain.stderr).toBe(
      `Aucun éditeur défini (variables VISUAL et EDITOR vides) : ouvrez ${path.join('meetings', '2023-08-03-tahoua.yaml')} vous-même, ou définissez par exemple EDITOR=nano.\n`,
    );
    expect((await gtm(['validate'], repo)).exitCode).toBe(0);
  });
});

describe('pre-commit hook', () => {
  it('blocks the commit of an invalid meeting, judged on what is staged, and lets a valid one through', async () => {
    const repo = await initialisedRepository('hook');
    const file = path.join(repo, 'meetings/2023-01-10-national.yaml');
    const before = commitCount(repo);

    writeFileSync(file, FIRST.replace('[SP/CCM, OIM, UNHCR]', '[SP/CCM, OIMM, UNHCR]'));
    git(['add', '.'], repo);
    // Fixing the working tree without staging the fix does not help: the commit holds the staged text.
    writeFileSync(file, FIRST);
    const blocked = git(['commit', '--quiet', '-m', 'Réunion invalide'], repo);
    expect(blocked.exitCode).not.toBe(0);
    // git sends a hook's output to stderr.
    expect(blocked.stderr).toContain('meetings/2023-01-10-national.yaml:3:20  erreur  organisation inconnue « OIMM », vouliez-vous dire OIM ?');
    expect(blocked.stderr).toContain('Commit bloqué');
    expect(commitCount(repo)).toBe(before);

    git(['add', '.'], repo);
    const passed = git(['commit', '--quiet', '-m', 'Réunion valide'], repo);
    expect(passed.exitCode, passed.stdout + passed.stderr).toBe(0);
    expect(commitCount(repo)).toBe(before + 1);
  });

  it('checks the repository as the commit leaves it: a deletion that breaks a follow-up is blocked', async () => {
    const repo = await initialisedRepository('hook-suppression');
    writeFileSync(path.join(repo, 'meetings/2023-01-10-national.yaml'), FIRST);
    writeFileSync(
      path.join(repo, 'meetings/2023-02-14-national.yaml'),
      'statut: valide\ndate: 2023-02-14\npresence: [SP/CCM, OIM]\nordre_du_jour:\n  - titre: Ouverture\nsuivi_actions:\n  - action: NIA-2301-1\n    statut: realise\n',
    );
    git(['add', '.'], repo);
    expect(git(['commit', '--quiet', '-m', 'Deux réunions'], repo).exitCode).toBe(0);
    const before = commitCount(repo);
    // The meeting that decided NIA-2301-1 goes; the follow-up in the next one now points nowhere.
    git(['rm', '--quiet', 'meetings/2023-01-10-national.yaml'], repo);
    const blocked = git(['commit', '--quiet', '-m', 'Suppression'], repo);
    expect(blocked.exitCode).not.toBe(0);
    expect(blocked.stderr).toMatch(/^meetings\/2023-02-14-national\.yaml:7:\d+  erreur  suivi d’une action inconnue « NIA-2301-1 »/m);
    expect(blocked.stderr).toContain('Commit bloqué');
    expect(commitCount(repo)).toBe(before);
  });

  it('checks every file validate reads, whatever the case of its extension (.YAML, .Yml)', async () => {
    const repo = await initialisedRepository('hook-majuscules');
    for (const name of ['2023-01-10-national.YAML', '2023-01-10-national.Yml']) {
      const before = commitCount(repo);
      writeFileSync(path.join(repo, 'meetings', name), FIRST.replace('[SP/CCM, OIM, UNHCR]', '[SP/CCM, OIMM, UNHCR]'));
      git(['add', '.'], repo);
      const blocked = git(['commit', '--quiet', '-m', name], repo);
      expect(blocked.exitCode, name).not.toBe(0);
      expect(blocked.stderr).toContain(`meetings/${name}:3:20  erreur  organisation inconnue « OIMM », vouliez-vous dire OIM ?`);
      expect(commitCount(repo)).toBe(before);
      git(['rm', '--quiet', '--cached', path.join('meetings', name)], repo);
      rmSync(path.join(repo, 'meetings', name));
    }
    // A commit that touches neither gtm.yaml nor meetings/ is not held up.
    writeFileSync(path.join(repo, 'notes.txt'), 'notes\n');
    git(['add', 'notes.txt'], repo);
    expect(git(['commit', '--quiet', '-m', 'Notes'], repo).exitCode).toBe(0);
  });

  it('gtm hook install adds it to an existing repository, and never replaces someone else’s hook', async () => {
    const repo = directory('existing');
    writeFileSync(path.join(repo, 'gtm.yaml'), readFileSync(path.join(PROJECT, 'gtm.yaml')));
    expect(await gtm(['hook', 'install'], repo)).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('n’est pas dans un dépôt git') });

    git(['init', '--quiet'], repo);
    const hook = path.join(repo, '.git/hooks/pre-commit');
    const foreign = '#!/bin/sh\nnpm test\n';
    writeFileSync(hook, foreign);
    const refused = await gtm(['hook', 'install'], repo);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(`un autre hook pre-commit existe déjà (${path.join('.git', 'hooks', 'pre-commit')}) : gtm ne le remplace pas`);
    expect(readFileSync(hook, 'utf8')).toBe(foreign);

    rmSync(hook);
    expect(await gtm(['hook', 'install'], repo)).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('Contrôle avant commit installé') });
    expect(await gtm(['hook', 'install'], repo)).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('déjà installé') });
    // An older gtm hook (gtm moved) is ours: it is updated.
    writeFileSync(hook, readFileSync(hook, 'utf8').replace(BIN, '/ancien/chemin/gtm.js'));
    expect(await gtm(['hook', 'install'], repo)).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('mis à jour') });
    expect(readFileSync(hook, 'utf8')).toContain(BIN);
  });
});
