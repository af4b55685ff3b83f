// Attendance in detail (excused, represented, participants), group members and contacts in
// gtm.yaml, and collective responsibles: as the rapporteur meets them, through the built bin.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_CONFIG, createFixtureRepo, minimalMeeting, PROJECT_ROOT, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runBin } from '../helpers/run-cli.js';

let repo: FixtureRepo | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
});

const detailedMeeting = minimalMeeting({
  statut: 'brouillon',
  presence: [
    'SP/CCM',
    { organisation: 'OIM', participants: [{ nom: 'M. Issa Garba', fonction: 'Chef de mission' }, { nom: 'Mme Awa Sow' }] },
    { organisation: 'UNHCR', statut: 'excuse' },
    { organisation: 'MI/D', statut: 'represente', represente_par: 'SP/CCM' },
    { organisation: 'UNICEF', statut: 'absent' },
    'DUE',
  ],
  ordre_du_jour: [
    {
      titre: 'Ouverture',
      presentateur: 'SP/CCM',
      actions: [
        { id: 'NIA-2306-1', action: 'Financer l’atelier', responsables: 'PTF', echeance: '2023-07' },
        { id: 'NIA-2306-2', action: 'Partager la note', responsables: 'OIM', echeance: '2023-07' },
      ],
    },
  ],
});

const OIM_ENTRY = '  OIM:\n    nom: Organisation Internationale pour les Migrations\n    type: agence_onu\n';

/** The bundled gtm.yaml with `edit` applied to its text. */
const configWith = (edit: (text: string) => string) => edit(BUNDLED_CONFIG);

describe('detailed attendance', () => {
  it('is valid, and the compte-rendu shows participants, representation and the excused apart', async () => {
    repo = await createFixtureRepo({ meetings: { '2023-06-20-national': detailedMeeting } });
    expect(await runBin(['validate'], { cwd: repo.root })).toMatchObject({ exitCode: 0 });
    const result = await runBin(['render', '--format', 'md', '-o', '-'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    const presence = result.stdout.split('\n').find((line) => line.startsWith('| Présence |'))!;
    expect(presence.split('<br>')).toEqual([
      '| Présence | SP/CCM – Secrétariat Permanent du Cadre de Concertation sur la Migration',
      'OIM – Organisation Internationale pour les Migrations\u00a0: M. Issa Garba (Chef de mission), Mme Awa Sow',
      'MI/D – Ministère de l’Intérieur et de la Décentralisation (représenté par SP/CCM)',
      'DUE – Délégation de l’Union Européenne au Niger |',
    ]);
    expect(result.stdout).toContain('| Excusés | UNHCR – Haut-Commissariat des Nations Unies pour les Réfugiés |\n');
    // An explicit absence is recorded, not printed among those present.
    expect(result.stdout).not.toContain('UNICEF –');
  });

  it('has no « Excusés » row when nobody is excused', async () => {
    repo = await createFixtureRepo({ meetings: { '2023-06-20-national': minimalMeeting() } });
    const result = await runBin(['render', '--format', 'md', '-o', '-'], { cwd: repo.root });
    expect(result.stdout).not.toContain('Excusés');
  });

  it('places an unknown organisation, a collective and a missing representative', async () => {
    const meeting = minimalMeeting({
      presence: ['SP/CCM', { organisation: 'OIMM' }, { organisation: 'PTF' }, { organisation: 'MI/D', statut: 'represente' }],
    });
    repo = await createFixtureRepo({ meetings: { '2023-06-20-national': meeting } });
    const result = await runBin(['validate'], { cwd: repo.root });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('meetings/2023-06-20-national.yaml:5:19  erreur  organisation inconnue « OIMM », vouliez-vous dire OIM ?  [sigle-inconnu]');
    expect(result.stdout).toContain('meetings/2023-06-20-national.yaml:6:19  erreur  « PTF » est un collectif, pas une organisation');
    expect(result.stdout).toContain('meetings/2023-06-20-national.yaml:7:5  erreur  MI/D est « represente » : indiquez par qui avec represente_par  [representant-manquant]');
  });

  it('refuses an unknown status with the possible values', async () => {
    repo = await createFixtureRepo({
      meetings: { '2023-06-20-national': minimalMeeting({ presence: [{ organisation: 'OIM', statut: 'excusé' }] }) },
    });
    const result = await runBin(['validate'], { cwd: repo.root });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/2023-06-20-national\.yaml:5:\d+ {2}erreur {2}.*present, excuse, absent, represente/);
  });
});

describe('gtm.yaml: members, contacts, collectives', () => {
  it('places an unknown member of a group', async () => {
    const config = configWith((text) => text.replace('      - GIZ/APM\n', '      - GIZ/APM\n      - OIMM\n'));
    repo = await createFixtureRepo({ config, meetings: { '2023-06-20-national': minimalMeeting() } });
    const result = await runBin(['validate'], { cwd: repo.root });
    const line = config.split('\n').indexOf('      - OIMM') + 1;
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`gtm.yaml:${line}:9  erreur  membre inconnu « OIMM » du groupe national, vouliez-vous dire OIM ?  [membre-inconnu]`);
  });

  it('places an e-mail address that is not one', async () => {
    const config = configWith((text) =>
      text.replace(OIM_ENTRY, OIM_ENTRY + '    contacts:\n      - nom: Mme Awa Sow\n        email: awa.sow(at)oim.int\n'),
    );
    repo = await createFixtureRepo({ config, meetings: { '2023-06-20-national': minimalMeeting() } });
    const result = await runBin(['validate'], { cwd: repo.root });
    const line = config.split('\n').indexOf('        email: awa.sow(at)oim.int') + 1;
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`gtm.yaml:${line}:16  erreur  adresse électronique invalide « awa.sow(at)oim.int » : écrivez par exemple prenom.nom@exemple.org`);
  });

  it('accepts contacts with a valid address', async () => {
    const config = configWith((text) =>
      text.replace(OIM_ENTRY, OIM_ENTRY + '    contacts:\n      - nom: Mme Awa Sow\n        fonction: Point focal\n        email: awa.sow@oim.int\n'),
    );
    repo = await createFixtureRepo({ config, meetings: { '2023-06-20-national': minimalMeeting() } });
    expect(await runBin(['validate'], { cwd: repo.root })).toMatchObject({ exitCode: 0 });
  });

  it('refuses a collective named like an organisation, or listing an unknown one', async () => {
    const config = configWith((text) => `${text}  OIM:\n    nom: Doublon\n    membres: [XYZ]\n`);
    repo = await createFixtureRepo({ config, meetings: { '2023-06-20-national': minimalMeeting() } });
    const result = await runBin(['validate'], { cwd: repo.root });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('le collectif « OIM » porte le nom d’une organisation de l’annuaire  [collectif-homonyme]'.replace('  [', ' : donnez-lui un autre nom  ['));
    expect(result.stderr).toContain('organisation inconnue « XYZ » dans le collectif OIM  [membre-inconnu]');
  });
});

describe('collective responsibles', () => {
  it('are shown by name, and an organisation’s actions include its collectives’', async () => {
    repo = await createFixtureRepo({ meetings: { '2023-06-20-national': detailedMeeting } });
    const render = await runBin(['render', '--format', 'md', '-o', '-'], { cwd: repo.root });
    expect(render.stdout).toContain('| **NIA-2306-1** – Financer l’atelier | Les partenaires techniques et financiers | juillet 2023 |');
    const env = { GTM_AUJOURDHUI: '2023-06-21' };
    const due = JSON.parse((await runBin(['actions', '--responsable', 'due', '--format', 'json'], { cwd: repo.root, env })).stdout);
    expect(due.actions.map((action: { id: string }) => action.id)).toEqual(['NIA-2306-1']);
    const oim = JSON.parse((await runBin(['actions', '--responsable', 'OIM', '--format', 'json'], { cwd: repo.root, env })).stdout);
    expect(oim.actions.map((action: { id: string }) => action.id)).toEqual(['NIA-2306-2']);
    const ptf = await runBin(['actions', '--responsable', 'ptf'], { cwd: repo.root, env });
    expect(ptf.exitCode).toBe(0);
    expect(ptf.stdout).toContain('Les partenaires techniques et financiers (1)');
  });
});

describe('JSON Schema for editors', () => {
  it('accepts the detailed presence and the new gtm.yaml sections', () => {
    const ajv = new Ajv({ strict: false });
    const meetingSchema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schema/reunion.schema.json'), 'utf8'));
    const configSchema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schema/config.schema.json'), 'utf8'));
    expect(ajv.validate(meetingSchema, detailedMeeting)).toBe(true);
    expect(ajv.validate(meetingSchema, { ...detailedMeeting, presence: [{ organisation: 'OIM', statut: 'parti' }] })).toBe(false);
    expect(ajv.validate(configSchema, parse(BUNDLED_CONFIG))).toBe(true);
  });
});
