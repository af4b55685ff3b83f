// The builders behind `gtm init` and `gtm new`: the starter files, the pre-commit hook, and the
// next meeting's plan and text (which must validate as created).
import { execFileSync, spawnSync, type SpawnOptions } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openInEditor } from '../../src/cli/commands/new.js';
import { GtmError } from '../../src/core/diagnostics.js';
import { loadRepository } from '../../src/core/repository/load.js';
import { GITHUB_WORKFLOW, GITLAB_CI } from '../../src/core/scaffold/ci-files.js';
import { initFiles } from '../../src/core/scaffold/init-files.js';
import { nextMeetingText, PLACEHOLDER_ITEM_TITLE } from '../../src/core/scaffold/meeting-text.js';
import { planNextMeeting, type NextMeetingOptions } from '../../src/core/scaffold/next-meeting.js';
import { HOOK_MARKER, preCommitHook, shellQuote } from '../../src/core/scaffold/pre-commit-hook.js';
import { STARTER_CONFIG } from '../../src/core/scaffold/starter-config.js';
import { jsonSchemaOf } from '../../src/core/schema/json-schema.js';
import { diagnose } from '../../src/core/rules/index.js';

const PROJECT = path.resolve(import.meta.dirname, '../..');

describe('gtm init files', () => {
  it('starts from the same groups, letterhead and directory as the project’s gtm.yaml', () => {
    expect(parse(STARTER_CONFIG)).toEqual(parse(readFileSync(path.join(PROJECT, 'gtm.yaml'), 'utf8')));
    expect(STARTER_CONFIG.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/config.schema.json');
  });

  it('writes the JSON schemas generated from the zod schemas, and ignores rendered outputs', () => {
    const files = new Map(initFiles().map((file) => [file.path, file.content]));
    expect(JSON.parse(files.get('schema/reunion.schema.json')!)).toEqual(jsonSchemaOf('reunion'));
    expect(JSON.parse(files.get('schema/config.schema.json')!)).toEqual(jsonSchemaOf('config'));
    expect(files.get('.gitignore')!.split('\n')).toEqual(expect.arrayContaining(['rendus/', '.gtm-cache/']));
    expect([...files.keys()]).toEqual([
      'gtm.yaml',
      'meetings/README.md',
      'schema/reunion.schema.json',
      'schema/config.schema.json',
      '.gitignore',
      '.github/workflows/gtm.yml',
      '.gitlab-ci.yml',
    ]);
  });

  it('writes CI files that are valid YAML, validate, render the PDFs and keep them as artifacts', () => {
    const github = parse(GITHUB_WORKFLOW);
    const steps = github.jobs['comptes-rendus'].steps as { run?: string; uses?: string; with?: Record<string, string> }[];
    expect(steps.map((step) => step.run ?? step.uses)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      expect.stringContaining('"$GTM_PACKAGE"'),
      'node_modules/.bin/gtm validate',
      'node_modules/.bin/gtm render --all --format pdf -o rendus',
      'actions/upload-artifact@v4',
    ]);
    expect(steps[5]!.with!.path).toBe('rendus/');
    const gitlab = parse(GITLAB_CI)['comptes-rendus'];
    expect(gitlab.script.slice(1)).toEqual(['node_modules/.bin/gtm validate', 'node_modules/.bin/gtm render --all --format pdf -o rendus']);
    expect(gitlab.artifacts.paths).toEqual(['rendus/']);
    // The install step is real shell: it must at least parse.
    for (const script of [steps[2]!.run!, gitlab.script[0] as string]) {
      expect(spawnSync('sh', ['-n', '-c', script]).status).toBe(0);
    }
  });
});

describe('pre-commit hook', () => {
  it('is a POSIX sh script that records where gtm is, quoted', () => {
    const script = preCommitHook({ gtmScript: "/opt/l'outil/bin/gtm.js", node: '/usr/bin/node', prefix: 'comptes rendus' });
    expect(script.startsWith(`#!/bin/sh\n${HOOK_MARKER}\n`)).toBe(true);
    expect(script).toContain(`GTM_SCRIPT=${shellQuote("/opt/l'outil/bin/gtm.js")}`);
    expect(script).toContain("PREFIX='comptes rendus/'");
    expect(spawnSync('sh', ['-n', '-c', script]).status).toBe(0);
  });

  it('quotes any text for sh', () => {
    for (const value of ['', "a'b", '$HOME `x` "y"', 'é ü']) {
      expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(value)}`], { encoding: 'utf8' })).toBe(value);
    }
  });
});

// A small repository: two national meetings (the second follows up the first's actions), a
// regional one, and a national meeting whose next date is only a month.
const NATIONAL_1 = `statut: valide
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
        echeance: prochaine réunion
prochaine_reunion:
  date: 2023-02-14
  heure: "9h"
  lieu: dans la salle habituelle
`;

const NATIONAL_2 = `statut: brouillon
date: 2023-02-14
presence: [MI/D, SP/CCM, OIM, DRC/MMC]
ordre_du_jour:
  - titre: Ouverture
    presentateur: MI/D
  - titre: Suivi
    actions:
      - id: NIA-2302-1
        action: Transmettre les données « DTM » au secrétariat
        responsables: tous
suivi_actions:
  - action: NIA-2301-1
    statut: realise
  - action: NIA-2301-2
    statut: reporte
    nouvelle_echeance: 2023-04
prochaine_reunion:
  date: 2023-03-16
  heure: "10:00"
  lieu: Hôtel Gaweye, Niamey
`;

const ZINDER = `groupe: zinder
statut: valide
date: 2023-02-01
presence: [DRECM/R, OIM]
ordre_du_jour:
  - titre: Ouverture
  - titre: Divers
    actions:
      - id: ZIN-2302-1
        action: Recenser les migrants de retour
        responsables: DRECM/R
prochaine_reunion:
  mois: 2023-03
`;

describe('gtm new: plan and text', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'gtm-scaffold-'));
    writeFileSync(path.join(root, 'gtm.yaml'), readFileSync(path.join(PROJECT, 'gtm.yaml')));
    mkdirSync(path.join(root, 'meetings'));
    writeFileSync(path.join(root, 'meetings/2023-01-10-national.yaml'), NATIONAL_1);
    writeFileSync(path.join(root, 'meetings/2023-02-14-national.yaml'), NATIONAL_2);
    writeFileSync(path.join(root, 'meetings/2023-02-01-zinder.yaml'), ZINDER);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  async function plan(options: NextMeetingOptions = {}) {
    const repository = await loadRepository(root);
    expect(diagnose(repository).filter((d) => d.severity === 'error')).toEqual([]);
    return planNextMeeting(repository.config, repository.meetings, options);
  }

  /** Writes the scaffold into the repository and returns every problem validate finds. */
  async function problemsOnceWritten(text: string, fileName: string) {
    writeFileSync(path.join(root, 'meetings', fileName), text);
    const repository = await loadRepository(root);
    return diagnose(repository);
  }

  it('takes the date, time and place announced by the group’s last meeting, and its attendance', async () => {
    const next = await plan();
    expect(next).toMatchObject({
      groupKey: 'national',
      fileName: '2023-03-16-national.yaml',
      date: '2023-03-16',
      time: '10:00',
      place: 'Hôtel Gaweye, Niamey',
      chair: 'MI/D',
      attendance: ['MI/D', 'SP/CCM', 'OIM', 'DRC/MMC'],
    });
    expect(next.previous?.id).toBe('2023-02-14-national');
    expect(next.announcedIn?.id).toBe('2023-02-14-national');
  });

  it('carries exactly the group’s open actions, with their current status', async () => {
    const next = await plan();
    expect(next.openActions.map((action) => [action.id, action.status])).toEqual([
      ['NIA-2301-2', 'reporte'],
      ['NIA-2301-3', 'ouvert'],
      ['NIA-2302-1', 'ouvert'],
    ]);
    const data = parse(nextMeetingText(next));
    expect(data.suivi_actions).toEqual([
      { action: 'NIA-2301-2', statut: 'reporte' },
      { action: 'NIA-2301-3', statut: 'ouvert' },
      { action: 'NIA-2302-1', statut: 'ouvert' },
    ]);
    const text = nextMeetingText(next);
    expect(text).toContain(
      [
        '  # NIA-2301-2 : Organiser l’atelier de validation',
        '  #   responsables : UNHCR, SP/CCM ; échéance : avril 2023',
        '  #   décidée le 10 janvier 2023 (2023-01-10-national)',
        '  - action: NIA-2301-2',
        '    statut: reporte',
      ].join('\n'),
    );
    expect(text).toContain('  #   responsable : À désigner ; échéance : prochaine réunion\n');
    expect(text).toContain('  #   responsable : Tous les acteurs ; échéance : aucune\n');
  });

  it('writes a draft that passes gtm validate as created', async () => {
    const next = await plan();
    const text = nextMeetingText(next);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/reunion.schema.json');
    const data = parse(text);
    expect(data).toMatchObject({ statut: 'brouillon', date: '2023-03-16', heure_debut: '10:00', lieu: 'Hôtel Gaweye, Niamey' });
    expect(data.ordre_du_jour).toEqual([{ titre: 'Ouverture', presentateur: 'MI/D' }, { titre: PLACEHOLDER_ITEM_TITLE }, { titre: 'Divers' }]);
    expect(data).not.toHaveProperty('groupe');
    expect(data).not.toHaveProperty('prochaine_reunion');
    expect(text).toContain('\n# prochaine_reunion:\n');
    expect(await problemsOnceWritten(text, next.fileName)).toEqual([]);
  });

  it('keeps a place announced as a phrase as a comment, and lets options win', async () => {
    writeFileSync(path.join(root, 'meetings/2023-02-14-national.yaml'), NATIONAL_2.replace('Hôtel Gaweye, Niamey', 'dans la salle habituelle'));
    const announced = await plan();
    expect(announced.place).toBeUndefined();
    expect(announced.placeRemark).toBe('dans la salle habituelle');
    expect(nextMeetingText(announced)).toContain('# La réunion précédente annonçait : « dans la salle habituelle ».\n');

    const given = await plan({ date: '2023-03-20', heure: '8h30', lieu: '  Salle  du MI/D : 2e étage ' });
    expect(given).toMatchObject({ date: '2023-03-20', time: '8:30', place: 'Salle du MI/D : 2e étage' });
    expect(given.announcedIn).toBeUndefined();
    const text = nextMeetingText(given);
    expect(parse(text).lieu).toBe('Salle du MI/D : 2e étage');
    expect(await problemsOnceWritten(text, given.fileName)).toEqual([]);
  });

  it('a meeting dated before later ones only follows actions decided before it', async () => {
    const early = await plan({ date: '2023-02-01' });
    expect(early.previous?.id).toBe('2023-01-10-national');
    expect(early.openActions.map((action) => action.id)).toEqual(['NIA-2301-1', 'NIA-2301-2', 'NIA-2301-3']);
    expect(await problemsOnceWritten(nextMeetingText(early), early.fileName)).toEqual([]);
  });

  it('for a regional group: writes the group, opens with the DRECM/R, and needs a date when only the month is known', async () => {
    await expect(plan({ groupe: 'zinder' })).rejects.toThrow(
      'la réunion précédente (2023-02-01-zinder) n’a fixé que le mois de la prochaine (2023-03) : indiquez le jour avec --date AAAA-MM-JJ',
    );
    const next = await plan({ groupe: 'zinder', date: '2023-03-09' });
    expect(next.chair).toBe('DRECM/R');
    expect(next.openActions.map((action) => action.id)).toEqual(['ZIN-2302-1']);
    const text = nextMeetingText(next);
    expect(parse(text).groupe).toBe('zinder');
    expect(text).toContain('#   qualite: Le Rapporteur\n');
    expect(await problemsOnceWritten(text, next.fileName)).toEqual([]);
  });

  it('for a group without any meeting: asks for the date, then starts the attendance with the chair', async () => {
    await expect(plan({ groupe: 'agadez' })).rejects.toThrow('aucune réunion précédente du groupe « agadez »');
    const next = await plan({ groupe: 'agadez', date: '2023-05-02' });
    expect(next.attendance).toEqual(['DRECM/R']);
    expect(next.openActions).toEqual([]);
    const text = nextMeetingText(next);
    expect(parse(text)).not.toHaveProperty('suivi_actions');
    expect(text).toContain('# Aucune action du groupe n’était ouverte à la création de ce fichier.\n');
    expect(await problemsOnceWritten(text, next.fileName)).toEqual([]);
  });

  it('refuses unknown groups, impossible dates and malformed times as usage errors', async () => {
    const failure = async (options: NextMeetingOptions) => {
      try {
        await plan(options);
      } catch (problem) {
        expect(problem).toBeInstanceOf(GtmError);
        return { kind: (problem as GtmError).kind, message: (problem as GtmError).message };
      }
      throw new Error('expected a failure');
    };
    expect(await failure({ groupe: 'zindr' })).toEqual({ kind: 'usage', message: 'groupe inconnu « zindr », vouliez-vous dire zinder ?' });
    expect(await failure({ date: '2023-02-30' })).toEqual({
      kind: 'usage',
      message: 'option --date : date impossible ou mal écrite « 2023-02-30 » : écrivez AAAA-MM-JJ, par exemple 2023-06-20',
    });
    expect(await failure({ date: '16/03/2023' })).toMatchObject({ kind: 'usage', message: expect.stringContaining('écrivez 2023-03-16') });
    expect(await failure({ heure: '25:00' })).toMatchObject({ kind: 'usage', message: expect.stringContaining('option --heure : heure mal écrite') });
    expect(await failure({ lieu: '   ' })).toEqual({ kind: 'usage', message: 'option --lieu : valeur vide' });
  });

  it('wraps its comments to a readable width', async () => {
    const lines = nextMeetingText(await plan()).split('\n');
    expect(lines.filter((line) => line.trimStart().startsWith('#') && line.length > 100)).toEqual([]);
  });
});

describe('gtm new --edit', () => {
  it('runs $VISUAL (before $EDITOR) through sh with the file, and reports a failing editor', async () => {
    const calls: unknown[][] = [];
    const spawner = (command: string, args: string[], options: SpawnOptions) => {
      calls.push([command, args, options.stdio]);
      const child = new EventEmitter();
      queueMicrotask(() => child.emit('exit', calls.length === 1 ? 0 : 3));
      return child;
    };
    let stderr = '';
    const io = { stdout: () => {}, stderr: (text: string) => void (stderr += text), cwd: '/depot', env: { VISUAL: 'code --wait', EDITOR: 'vi' }, stdoutIsTTY: false, stderrIsTTY: false };
    expect(await openInEditor('/depot/meetings/a.yaml', io, spawner)).toBe(0);
    expect(calls[0]).toEqual(['sh', ['-c', 'code --wait "$@"', 'code --wait', '/depot/meetings/a.yaml'], 'inherit']);
    expect(stderr).toBe('');
    expect(await openInEditor('/depot/meetings/a.yaml', { ...io, env: { EDITOR: 'nano' } }, spawner)).toBe(1);
    expect(calls[1]).toEqual(['sh', ['-c', 'nano "$@"', 'nano', '/depot/meetings/a.yaml'], 'inherit']);
    expect(stderr).toBe('L’éditeur « nano » a échoué (code 3) ; le fichier a bien été créé, ouvrez-le vous-même.\n');
  });
});
