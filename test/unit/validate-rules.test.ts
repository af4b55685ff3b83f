// Each validation rule, broken on purpose in a small repository: the French message, the code
// and the exact line:column of the offending value.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { loadRepository } from '../../src/core/repository/load.js';
import { diagnose } from '../../src/core/rules/index.js';

const CONFIG = `entete:
  pays: République du Niger
  devise: Fraternité – Travail – Progrès
  ministere: Ministère de l’Intérieur
  secretariat: Secrétariat Permanent
groupe_par_defaut: national
groupes:
  national:
    code: NIA
    nom: Groupe Technique sur la Migration
    sigle: GTM
    titre: Compte-rendu du GTM
    lieu_habituel: Niamey
    signataire: { qualite: Le Secrétaire Permanent, nom: SOLY AMADOU }
organisations:
  OIM: { nom: Organisation Internationale pour les Migrations, type: agence_onu }
  SP/CCM: { nom: Secrétariat Permanent du CCM, type: etat }
  UNHCR: { nom: Haut-Commissariat des Nations unies pour les réfugiés, type: agence_onu }
`;

/** A valid meeting; each test breaks one line of it. Line numbers below refer to this text. */
const meeting = (date = '2023-06-20', extra = '') => `statut: diffuse
date: ${date}
heure_debut: "9:15"
heure_fin: "11:00"
presence:
  - OIM
  - SP/CCM
ordre_du_jour:
  - titre: Présentation
    presentateur: OIM
    actions:
      - id: NIA-${date.slice(2, 4)}${date.slice(5, 7)}-1
        action: Partager le rapport
        responsables: [OIM, SP/CCM]
        echeance: 2023-12
${extra}`;

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

async function validate(files: Record<string, string>): Promise<Diagnostic[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'gtm-rules-'));
  roots.push(root);
  mkdirSync(path.join(root, 'meetings'));
  writeFileSync(path.join(root, 'gtm.yaml'), CONFIG);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'meetings', name), text);
  return diagnose(await loadRepository(root));
}

const at = (diagnostic: Diagnostic | undefined) =>
  diagnostic && `${diagnostic.location?.file}:${diagnostic.location?.line}:${diagnostic.location?.column}`;

describe('validation rules', () => {
  it('accepts a valid repository', async () => {
    expect(await validate({ '2023-06-20-national.yaml': meeting() })).toEqual([]);
  });

  it('names an unknown acronym and suggests the closest one', async () => {
    const [problem] = await validate({ '2023-06-20-national.yaml': meeting().replace('  - OIM\n', '  - OIMM\n') });
    expect(problem).toMatchObject({ severity: 'error', code: 'sigle-inconnu', message: 'organisation inconnue « OIMM », vouliez-vous dire OIM ?' });
    expect(at(problem)).toBe('meetings/2023-06-20-national.yaml:6:5');
  });

  it('checks presenters and responsibles against the directory', async () => {
    const problems = await validate({
      '2023-06-20-national.yaml': meeting().replace('presentateur: OIM', 'presentateur: UNHCF').replace('[OIM, SP/CCM]', '[OIM, SPCCM]'),
    });
    expect(problems.map((problem) => [problem.code, at(problem), problem.message])).toEqual([
      ['sigle-inconnu', 'meetings/2023-06-20-national.yaml:10:19', 'organisation inconnue « UNHCF », vouliez-vous dire UNHCR ?'],
      ['sigle-inconnu', 'meetings/2023-06-20-national.yaml:14:29', 'organisation inconnue « SPCCM », vouliez-vous dire SP/CCM ?'],
    ]);
  });

  it('reports an action id used twice, across files, at the second place', async () => {
    const problems = await validate({
      '2023-06-20-national.yaml': meeting(),
      '2023-07-20-national.yaml': meeting('2023-07-20').replace('NIA-2307-1', 'nia-2306-1'),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'id-en-double',
      message: 'identifiant d’action « nia-2306-1 » déjà utilisé (meetings/2023-06-20-national.yaml:12:13)',
    });
    expect(at(problems[0])).toBe('meetings/2023-07-20-national.yaml:12:13');
  });

  it('reports a follow-up of an unknown action with a suggestion', async () => {
    const followUps = 'suivi_actions:\n  - action: NIA-2306-2\n    statut: realise\n';
    const problems = await validate({
      '2023-06-20-national.yaml': meeting(),
      '2023-07-20-national.yaml': meeting('2023-07-20', followUps),
    });
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'suivi-inconnu',
        message: 'suivi d’une action inconnue « NIA-2306-2 », vouliez-vous dire NIA-2306-1 ?',
        location: { file: 'meetings/2023-07-20-national.yaml', line: 17, column: 13 },
      },
    ]);
  });

  it('reports a follow-up of an action decided at a later meeting', async () => {
    const followUps = 'suivi_actions:\n  - action: NIA-2307-1\n    statut: en_cours\n';
    const problems = await validate({
      '2023-06-20-national.yaml': meeting('2023-06-20', followUps),
      '2023-07-20-national.yaml': meeting('2023-07-20'),
    });
    expect(problems.map((problem) => [problem.code, at(problem)])).toEqual([['suivi-anterieur', 'meetings/2023-06-20-national.yaml:17:13']]);
    expect(problems[0]!.message).toContain('2023-07-20-national');
  });

  it('reports an end time before the start time', async () => {
    const [problem] = await validate({ '2023-06-20-national.yaml': meeting().replace('"11:00"', '"8h00"') });
    expect(problem).toMatchObject({ code: 'heure-fin', message: 'l’heure de fin (8h00) précède l’heure de début (9:15)' });
    expect(at(problem)).toBe('meetings/2023-06-20-national.yaml:4:12');
  });

  it('reports a next meeting that is not after the meeting', async () => {
    const [problem] = await validate({ '2023-06-20-national.yaml': meeting('2023-06-20', 'prochaine_reunion:\n  mois: 2023-05\n') });
    expect(problem).toMatchObject({ code: 'prochaine-reunion' });
    expect(at(problem)).toBe('meetings/2023-06-20-national.yaml:17:9');
  });

  it('reports an impossible date with the expected form', async () => {
    const problems = await validate({ '2023-02-30-national.yaml': meeting('2023-02-30') });
    expect(problems[0]).toMatchObject({
      code: 'valeur-invalide',
      message: 'date impossible ou mal écrite « 2023-02-30 » : écrivez AAAA-MM-JJ, par exemple 2023-06-20',
    });
    expect(at(problems[0])).toBe('meetings/2023-02-30-national.yaml:2:7');
  });

  it('suggests the ISO form of a date written the French way', async () => {
    const [problem] = await validate({ '2023-06-20-national.yaml': meeting().replace('echeance: 2023-12', 'echeance: 20/06/2023') });
    expect(problem!.message).toBe('date limite mal écrite « 20/06/2023 » : écrivez 2023-06-20');
    expect(at(problem)).toBe('meetings/2023-06-20-national.yaml:15:19');
  });

  it('quotes a long value back shortened, on one line', async () => {
    const pasted = 'Le GTM a retenu la date du vingt juillet deux mille vingt-trois, dans la salle habituelle du secrétariat';
    const [problem] = await validate({ '2023-06-20-national.yaml': meeting().replace('echeance: 2023-12', `echeance: "0 ${pasted}"`) });
    expect(problem!.message).toBe(
      'date limite mal écrite « 0 Le GTM a retenu la date du vingt juillet deux mille vingt… » : écrivez une date (2023-07-31), un mois (2023-07), une année (2023), « prochaine réunion » ou des mots',
    );
  });

  it('reports a file name that does not match the date and group', async () => {
    const [problem] = await validate({ '2023-06-21-national.yaml': meeting() });
    expect(problem).toMatchObject({
      code: 'nom-de-fichier',
      message: 'le nom du fichier ne correspond pas à la date et au groupe : nommez-le 2023-06-20-national.yaml',
    });
    expect(at(problem)).toBe('meetings/2023-06-21-national.yaml:2:7');
  });

  it('reports an unknown group with a suggestion', async () => {
    const [problem] = await validate({ '2023-06-20-national.yaml': `groupe: nationale\n${meeting()}` });
    expect(problem).toMatchObject({ code: 'groupe-inconnu', message: 'groupe inconnu « nationale », vouliez-vous dire national ?' });
    expect(at(problem)).toBe('meetings/2023-06-20-national.yaml:1:9');
  });

  it('warns about a deadline before the meeting that set it', async () => {
    const [problem] = await validate({ '2023-06-20-national.yaml': meeting().replace('echeance: 2023-12', 'echeance: 2023-05') });
    expect(problem).toMatchObject({ severity: 'warning', code: 'echeance-passee' });
    expect(at(problem)).toBe('meetings/2023-06-20-national.yaml:15:19');
  });
});

describe('schema problems', () => {
  it('names an unknown key and the key meant', async () => {
    const problems = await validate({ '2023-06-20-national.yaml': meeting().replace('presence:', 'presense:') });
    expect(problems.map((problem) => problem.code)).toEqual(['champ-manquant', 'cle-inconnue']);
    const problem = problems[1];
    expect(problem).toMatchObject({ code: 'cle-inconnue', message: 'clé inconnue « presense », vouliez-vous dire presence ?' });
    expect(at(problem)).toBe('meetings/2023-06-20-national.yaml:5:1');
  });

  it('names a missing required field at its parent', async () => {
    const problems = await validate({ '2023-06-20-national.yaml': meeting().replace('        action: Partager le rapport\n', '') });
    expect(problems.map((problem) => [problem.code, problem.message, at(problem)])).toEqual([
      ['champ-manquant', 'champ obligatoire manquant : action', 'meetings/2023-06-20-national.yaml:12:9'],
    ]);
  });

  it('explains a number where text was meant', async () => {
    const [problem] = await validate({ '2023-06-20-national.yaml': meeting().replace('titre: Présentation', 'titre: 0612345678') });
    expect(problem).toMatchObject({ code: 'type-invalide', message: 'texte attendu, lu le nombre 612345678 : mettez la valeur entre guillemets' });
    expect(at(problem)).toBe('meetings/2023-06-20-national.yaml:9:12');
  });

  it('refuses an unknown status with the closest value', async () => {
    const [problem] = await validate({ '2023-06-20-national.yaml': meeting().replace('statut: diffuse', 'statut: difuse') });
    expect(problem!.message).toBe('valeur « difuse » non reconnue, vouliez-vous dire diffuse ? (valeurs possibles : brouillon, valide, diffuse)');
    expect(at(problem)).toBe('meetings/2023-06-20-national.yaml:1:9');
  });

  it('keeps `no` as text (YAML 1.2), so it is refused as a status rather than read as false', async () => {
    const [problem] = await validate({ '2023-06-20-national.yaml': meeting().replace('statut: diffuse', 'statut: no') });
    expect(problem!.message).toContain('valeur « no » non reconnue');
  });

  it('reports YAML syntax errors in French at their place', async () => {
    const [problem] = await validate({ '2023-06-20-national.yaml': meeting().replace('  - SP/CCM', '\t- SP/CCM') });
    expect(problem).toMatchObject({ code: 'yaml-syntaxe' });
    expect(problem!.message).toMatch(/^erreur de syntaxe YAML : /);
    expect(at(problem)).toMatch(/^meetings\/2023-06-20-national.yaml:7:/);
  });

  it('reports a duplicate key', async () => {
    const [problem] = await validate({ '2023-06-20-national.yaml': meeting().replace('heure_fin: "11:00"', 'heure_debut: "11:00"') });
    expect(problem).toMatchObject({ code: 'cle-en-double', message: 'clé en double « heure_debut » : chaque clé ne peut figurer qu’une fois' });
    expect(at(problem)).toBe('meetings/2023-06-20-national.yaml:4:1');
  });
});
