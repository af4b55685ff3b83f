// `gtm validate` and `gtm schema` as a user runs them: the built bin as a process.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(PROJECT, 'bin/gtm.js');

function gtm(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
  });
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}

let repo: string;
beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'gtm-validate-'));
  cpSync(path.join(PROJECT, 'gtm.yaml'), path.join(repo, 'gtm.yaml'));
  cpSync(path.join(PROJECT, 'meetings'), path.join(repo, 'meetings'), { recursive: true });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('gtm validate', () => {
  it('passes on the bundled meetings', () => {
    const result = gtm(['validate'], PROJECT);
    expect(result).toEqual({ exitCode: 0, stdout: '✓ 3 fichiers de réunion vérifiés : aucun problème\n', stderr: '' });
  });

  it('reports each defect at its line and column with the source line and a caret', () => {
    const file = path.join(repo, 'meetings/2023-06-20-national.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('  - OIM\n', '  - OIMM\n').replace('heure_fin: "11:00"', 'heure_fin: "8:00"'));
    try {
      const result = gtm(['validate'], repo);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toBe('');
      const lines = result.stdout.split('\n');
      const presenceLine = original.split('\n').findIndex((line) => line === '  - OIM') + 1;
      const endLine = original.split('\n').findIndex((line) => line.startsWith('heure_fin:')) + 1;
      expect(lines).toEqual([
        `meetings/2023-06-20-national.yaml:${endLine}:12  erreur  l’heure de fin (8:00) précède l’heure de début (9:15)  [heure-fin]`,
        `  ${endLine} | heure_fin: "8:00"`,
        `  ${' '.repeat(String(endLine).length)} |            ^`,
        `meetings/2023-06-20-national.yaml:${presenceLine}:5  erreur  organisation inconnue « OIMM », vouliez-vous dire OIM ?  [sigle-inconnu]`,
        `  ${presenceLine} |   - OIMM`,
        `  ${' '.repeat(String(presenceLine).length)} |     ^`,
        '',
        '✗ 3 fichiers de réunion vérifiés : 2 erreurs, 0 avertissement',
        '',
      ]);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('reports only the named files, and refuses files outside meetings/', () => {
    const outside = path.join(repo, 'brouillon.yaml');
    writeFileSync(outside, 'statut: brouillon\n');
    const result = gtm(['validate', 'meetings/2021-01-28-national.yaml', 'brouillon.yaml', 'notes.txt'], repo);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('erreur  brouillon.yaml est hors du dossier meetings/');
    expect(result.stdout).toContain('erreur  fichier introuvable : notes.txt  [fichier-introuvable]');
    expect(result.stdout).toContain('✗ 1 fichier de réunion vérifié : 2 erreurs');
  });

  it('warns about each file of meetings/ it does not read, keeping hidden files and READMEs silent, exit 0', () => {
    const meetingsDir = path.join(repo, 'meetings');
    const created = {
      'notes.txt': 'À reprendre\n',
      '2023-06-20-national.yaml.bak': 'statut: brouillon\n',
      '2023-06-20-national.yaml~': 'statut: valide\n',
      'archives/compte-rendu.docx': 'PK\u0003\u0004\u0000\u0000binaire',
      '.gitkeep': '',
      '.2023-06-20-national.yaml.swp': 'b0VIM',
      'README.md': '# Réunions\n',
    };
    mkdirSync(path.join(meetingsDir, 'archives'));
    for (const [name, content] of Object.entries(created)) writeFileSync(path.join(meetingsDir, name), content);
    try {
      const result = gtm(['validate'], repo);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe('');
      const why = 'n’est pas lu : seuls les fichiers dont le nom se termine par .yaml ou .yml sont des réunions  [fichier-ignore]';
      expect(result.stdout.split('\n')).toEqual([
        `meetings/2023-06-20-national.yaml.bak:1:1  avertissement  meetings/2023-06-20-national.yaml.bak ${why}`,
        '  1 | statut: brouillon',
        '    | ^',
        `meetings/2023-06-20-national.yaml~:1:1  avertissement  meetings/2023-06-20-national.yaml~ ${why}`,
        '  1 | statut: valide',
        '    | ^',
        // A binary file: no source line.
        `meetings/archives/compte-rendu.docx:1:1  avertissement  meetings/archives/compte-rendu.docx ${why}`,
        `meetings/notes.txt:1:1  avertissement  meetings/notes.txt ${why}`,
        '  1 | À reprendre',
        '    | ^',
        '',
        '✓ 3 fichiers de réunion vérifiés : 0 erreur, 4 avertissements',
        '',
      ]);
      // Named folders report their skipped files; named meeting files do not bring them.
      expect(gtm(['validate', 'meetings/archives'], repo).stdout).toContain('meetings/archives/compte-rendu.docx:1:1  avertissement');
      expect(gtm(['validate', 'meetings/2021-01-28-national.yaml'], repo).stdout).not.toContain('fichier-ignore');
      const json = JSON.parse(gtm(['validate', '--format', 'json'], repo).stdout) as { avertissements: number; problemes: Array<{ code: string; fichier: string }> };
      expect(json.avertissements).toBe(4);
      expect(json.problemes.map((problem) => problem.fichier)).toContain('meetings/notes.txt');
      // Other commands stay quiet about them.
      expect(gtm(['actions', '--au', '2023-08-05'], repo).stdout).not.toContain('notes.txt');
    } finally {
      rmSync(path.join(meetingsDir, 'archives'), { recursive: true });
      for (const name of Object.keys(created)) rmSync(path.join(meetingsDir, name), { force: true });
    }
  });

  it('speaks JSON for machines', () => {
    const result = gtm(['validate', '--format', 'json'], PROJECT);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ valide: true, fichiers: 3, erreurs: 0, avertissements: 0, problemes: [] });
  });

  it('colours only when asked: none with NO_COLOR or without a terminal, some with FORCE_COLOR', () => {
    const file = path.join(repo, 'meetings/2021-01-28-national.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('statut: diffuse', 'statut: difuse'));
    try {
      expect(gtm(['validate'], repo).stdout).not.toMatch(/\u001b\[/);
      expect(gtm(['validate'], repo, { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[31m/);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('exits 2 with a French message outside a repository', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'gtm-empty-'));
    try {
      const result = gtm(['validate'], empty);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^erreur  aucun dépôt de comptes-rendus trouvé : pas de fichier gtm.yaml dans .* \(créez-en un avec « gtm init »\)  \[depot-introuvable\]\n$/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('exits 2 on a usage error, in French, without a stack trace', () => {
    expect(gtm(['validate', '--formt', 'json'], PROJECT)).toEqual({ exitCode: 2, stdout: '', stderr: 'erreur  option inconnue : --formt, vouliez-vous dire --format ?\n' });
    const badFormat = gtm(['validate', '--format', 'xml'], PROJECT);
    expect(badFormat.exitCode).toBe(2);
    expect(badFormat.stderr).toContain('valeur « xml » non reconnue pour --format (valeurs possibles : texte, json)');
  });

  it('reports an invalid gtm.yaml at its place and stops with exit 1', () => {
    const config = path.join(repo, 'gtm.yaml');
    const original = readFileSync(config, 'utf8');
    writeFileSync(config, original.replace('groupe_par_defaut: national', 'groupe_par_defaut: nationale'));
    try {
      const result = gtm(['validate'], repo);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/^gtm\.yaml:\d+:1  erreur  le groupe par défaut « nationale » n’est pas déclaré dans groupes  \[groupe-inconnu\]/);
    } finally {
      writeFileSync(config, original);
    }
  });
});

describe('gtm validate on an unchanged repository', () => {
  it('answers from the findings kept for its files, and never once a file changes', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'gtm-validate-memo-'));
    try {
      cpSync(path.join(PROJECT, 'gtm.yaml'), path.join(copy, 'gtm.yaml'));
      cpSync(path.join(PROJECT, 'meetings'), path.join(copy, 'meetings'), { recursive: true });
      const meeting = path.join(copy, 'meetings/2021-01-28-national.yaml');
      writeFileSync(meeting, readFileSync(meeting, 'utf8').replace(/^heure_fin:.*$/m, 'heure_fin: "8:00"'));
      const first = gtm(['validate'], copy);
      expect(first.exitCode).toBe(1);
      // Kept findings answer without the meetings' cache: damaged, it is neither read nor rebuilt.
      const meetingsCache = path.join(copy, '.gtm-cache/meetings.json');
      writeFileSync(meetingsCache, 'abîmé');
      expect(gtm(['validate'], copy)).toEqual(first);
      expect(gtm(['validate', 'meetings/2021-01-28-national.yaml'], copy).stdout).toContain('heure_fin');
      expect(readFileSync(meetingsCache, 'utf8')).toBe('abîmé');

      // Fixed, the file is checked again.
      writeFileSync(meeting, readFileSync(path.join(PROJECT, 'meetings/2021-01-28-national.yaml')));
      expect(gtm(['validate'], copy).exitCode).toBe(0);

      // What is said of a file too large names its size: it must follow the file, whose
      // content has no digest.
      const large = path.join(copy, 'meetings/2021-02-01-national.yaml');
      writeFileSync(large, `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
      const before = gtm(['validate'], copy).stdout;
      writeFileSync(large, `# ${'x'.repeat(5 * 1024 * 1024)}\n`);
      const after = gtm(['validate'], copy).stdout;
      expect(before).toContain('[fichier-trop-gros]');
      expect(after).toContain('[fichier-trop-gros]');
      expect(after).not.toBe(before);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('gtm schema', () => {
  it('prints a JSON Schema that accepts every bundled meeting and rejects a broken one', () => {
    const result = gtm(['schema'], PROJECT);
    expect(result.exitCode).toBe(0);
    const validateMeeting = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(result.stdout));
    const files = readdirSync(path.join(PROJECT, 'meetings'));
    expect(files.length).toBe(3);
    for (const file of files) {
      const ok = validateMeeting(parse(readFileSync(path.join(PROJECT, 'meetings', file), 'utf8')));
      expect(validateMeeting.errors ?? [], file).toEqual([]);
      expect(ok).toBe(true);
    }
    expect(validateMeeting({ statut: 'fini', date: '2023-06-20', presence: ['OIM'], ordre_du_jour: [{ titre: 'x' }] })).toBe(false);
  });

  it('prints the schema of gtm.yaml, which accepts the bundled configuration', () => {
    const result = gtm(['schema', 'config'], PROJECT);
    const validateConfig = new Ajv({ strict: false }).compile(JSON.parse(result.stdout));
    expect(validateConfig(parse(readFileSync(path.join(PROJECT, 'gtm.yaml'), 'utf8')))).toBe(true);
  });

  it('matches the schema files committed for editors', () => {
    expect(readFileSync(path.join(PROJECT, 'schema/reunion.schema.json'), 'utf8')).toBe(gtm(['schema', 'reunion'], PROJECT).stdout);
    expect(readFileSync(path.join(PROJECT, 'schema/config.schema.json'), 'utf8')).toBe(gtm(['schema', 'config'], PROJECT).stdout);
  });
});
