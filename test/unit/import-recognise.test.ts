// The pieces of gtm import's recognition on small inline documents: organisations as the
// minutes write them, French dates, times, deadlines and next meetings, guesses reported.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/core/schema/config.js';
import { importDocument, recordText } from '../../src/import/index.js';
import { readDeadline, readNextMeeting } from '../../src/import/french-values.js';
import { matchOrganisation } from '../../src/import/organisations.js';
import { splitNames } from '../../src/import/recognise.js';
import { PROJECT_ROOT } from '../helpers/fixture-repo.js';

const config = parse(readFileSync(path.join(PROJECT_ROOT, 'gtm.yaml'), 'utf8')) as Config;

describe('organisations matched to the directory', () => {
  it.each([
    ['OIM', 'exact', 'OIM'],
    ['ONUFemmes', 'sure', 'ONU Femmes'],
    ['Secrétariat permanent du Cadre de Concertation Migration (SP-CCM)', 'sure', 'SP/CCM'],
    ['Croix Rouge Danoise', 'sure', 'CRD'],
    ['Forum-Réfugiés ;', 'sure', 'Forum Réfugiés'],
    ['Ministère de l’Intérieur (MI)', 'approximate', 'MI/D'],
    ['MMC/DRC', 'approximate', 'DRC/MMC'],
    ['ANLPT/TIM', 'approximate', 'ANLTP/TIM'],
    ['EUCAP-Sahel Niger', 'approximate', 'EUCAP-Sahel'],
    ['Ministère des Affaires Etrangères et de la Coopération (Direction des Nigériens à l’Extérieure)', 'approximate', 'MAE/C'],
  ])('« %s » → %s %s', (written, kind, acronym) => {
    const match = matchOrganisation(written, config.organisations);
    expect(match.kind).toBe(kind);
    expect('acronym' in match ? match.acronym : undefined).toBe(acronym);
  });

  it('invents nothing: an unknown or ambiguous name gets a proposed entry', () => {
    expect(matchOrganisation('ONG Tafiya Niger (TAFIYA)', config.organisations)).toEqual({
      kind: 'unknown',
      proposal: { acronym: 'TAFIYA', nom: 'ONG Tafiya Niger', type: 'ong' },
    });
    // « Ministère » alone fits every ministry of the directory.
    expect(matchOrganisation('Ministère', config.organisations).kind).toBe('unknown');
    expect(matchOrganisation('Consultant', config.organisations).kind).toBe('unknown');
    expect(matchOrganisation('Direction régionale de la santé', config.organisations)).toMatchObject({ kind: 'unknown', proposal: { type: 'etat' } });
  });

  it('splits a presence cell however extraction wrote it', () => {
    expect(splitNames('<ul style="list-style-type: none"> -Direction des Migrations ; -Croix Rouge Danoise ; -Forum-Réfugiés ;')).toEqual([
      'Direction des Migrations',
      'Croix Rouge Danoise',
      'Forum-Réfugiés',
    ]);
    expect(splitNames('OIM, UNHCR, ONU Femmes')).toEqual(['OIM', 'UNHCR', 'ONU Femmes']);
    expect(splitNames('Ministère du Commerce, de l’Industrie et de l’Entrepreneuriat des Jeunes (MCI/EJ)')).toHaveLength(1);
  });
});

describe('French values', () => {
  it.each<[string, string | number | undefined, boolean]>([
    ['31/07/2023', '2023-07-31', false],
    ['1er août 2023', '2023-08-01', false],
    ['juillet 2023', '2023-07', false],
    ['Septembre', '2023-09', true],
    ['2024', 2024, false],
    ['Au cours de l’atelier', 'Au cours de l’atelier', false],
    ['fin juin 2023', 'fin juin 2023', false],
    ['N/A', undefined, false],
    ['////', undefined, false],
  ])('deadline « %s » → %s', (written, value, guessed) => {
    const deadline = readDeadline(written, 2023);
    expect(deadline.kind === 'value' ? deadline.value : undefined).toBe(value);
    expect(deadline.kind === 'value' && deadline.guessed !== undefined).toBe(guessed);
  });

  it('reads the next meeting as precisely as it was decided', () => {
    const meeting = { year: 2023, month: 6, day: 20 };
    expect(readNextMeeting('L’assistance a retenu la date du 20 juillet 2023 à 9h30 pour la prochaine réunion du GTM, dans la salle habituelle.', meeting)).toEqual({
      date: '2023-07-20',
      heure: '9:30',
      lieu: 'dans la salle habituelle',
      guesses: [],
    });
    expect(readNextMeeting('La prochaine réunion aura lieu au mois d’avril.', meeting)).toEqual({ mois: '2024-04', guesses: ['année 2024 supposée pour la prochaine réunion (la première après la réunion)'] });
    expect(readNextMeeting('Prochaine réunion prévue pour le 4 Mars 2021', { year: 2021, month: 1, day: 28 })).toEqual({ date: '2021-03-04', guesses: [] });
    expect(readNextMeeting('À fixer ultérieurement.', meeting)).toBeUndefined();
  });
});

describe('recognition of a small compte-rendu', () => {
  const minutes = (date: string) =>
    [
      'Compte-rendu de la réunion du Groupe Technique sur la Migration',
      '',
      `Date\t${date}`,
      'Heure\t10h - 12h',
      'Présence\tSP/CCM, OIM, UNHCR',
      '',
      'Points inscrits à l’ordre du jour',
      '1- Ouverture (SP/CCM) ;',
      '2- Coordination prochaines étapes.',
      '',
      '1. Ouverture (SP/CCM)',
      'Points de discussion clés',
      'Le SP/CCM a ouvert la séance.',
      'Points d’action\tPersonne/Agence responsable\tDate limite',
      'Diffuser le compte-rendu\tSP/CCM et partenaires\tprochaine réunion',
      'Préparer la note\tLes partenaires techniques et financiers\t2023',
      '',
      '2. Coordination prochaines étapes',
      'Points de discussion clés',
      'La prochaine réunion aura lieu au mois d’avril.',
    ].join('\n');

  it('takes the year from the file name when the date has none, and says so', async () => {
    const draft = await importDocument({ name: 'CR GTM 2022.txt', bytes: Buffer.from(minutes('15 mars')) }, { config, usedActionIds: new Set() });
    expect(draft.date).toBe('2022-03-15');
    expect(draft.findings).toContainEqual({ kind: 'guess', text: 'année 2022 prise du nom du fichier (la date « 15 mars » n’en a pas)', place: { line: 3 } });
    expect(draft.next).toEqual({ mois: '2022-04' });
    expect(draft.heureDebut).toBe('10:00');
    expect(draft.heureFin).toBe('12:00');
    const record = recordText(draft, config, { addToDirectory: false, sourceName: 'CR GTM 2022.txt' });
    expect(record).toContain('# à vérifier : année 2022 supposée pour la prochaine réunion');
    // « et partenaires » names no organisation: kept in a comment; the collective PTF is recognised by its name.
    expect(record).toContain('# non repris : « partenaires » parmi les responsables (ligne 15)');
    expect(record).toContain('        responsables: SP/CCM\n        echeance: prochaine réunion\n');
    expect(record).toContain('        responsables: PTF\n        echeance: 2023\n');
  });

  it('refuses a document without a date, naming what is missing', async () => {
    await expect(importDocument({ name: 'cr.txt', bytes: Buffer.from(minutes('à préciser')) }, { config, usedActionIds: new Set() })).rejects.toThrow(
      'date de la réunion introuvable : le tableau d’en-tête doit avoir une ligne « Date »',
    );
  });
});
