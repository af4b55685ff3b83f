// A repository for the tests of the site and of search: the three bundled meetings, plus a
// national meeting and a draft of the Agadez group whose words are known (« sécurité »,
// « orpailleur » in the singular, « l’atelier de Tchibarakaten », « Tiguidit »), with actions that are late,
// due later, or done, at the reference day 2023-08-01.
import { bundledMeetings, createFixtureRepo, type FixtureRepo } from './fixture-repo.js';

export const JULY = '2023-07-20-national';
export const AGADEZ = '2022-03-10-agadez';

export function siteMeetings(): Record<string, Record<string, unknown> | string> {
  return {
    ...bundledMeetings(),
    [`${JULY}.yaml`]: {
      statut: 'diffuse',
      date: '2023-07-20',
      heure_debut: '9:30',
      heure_fin: '11:00',
      presence: ['SP/CCM', 'OIM', 'UNHCR'],
      ordre_du_jour: [
        { titre: 'Ouverture', presentateur: 'SP/CCM' },
        {
          titre: 'Sécurité sur les sites aurifères',
          presentateur: 'OIM',
          discussion:
            'La sécurité de l’orpailleur sur les sites aurifères de Djado a été discutée.\n\n' +
            '- L’atelier de Tchibarakaten est prévu en septembre ;\n- les « points focaux » seront désignés.',
          actions: [
            { id: 'NIA-2307-1', action: 'Transmettre la note sur Djado', responsables: 'OIM', echeance: '2023-07-25' },
            { id: 'NIA-2307-2', action: 'Organiser l’atelier de Tchibarakaten', responsables: ['OIM', 'SP/CCM'], echeance: '2023-12' },
          ],
        },
        { titre: 'Divers' },
      ],
      suivi_actions: [{ action: 'NIA-2101-2', statut: 'realise', commentaire: 'Pont créé avec OCHA.' }],
    },
    [`${AGADEZ}.yaml`]: {
      groupe: 'agadez',
      statut: 'brouillon',
      date: '2022-03-10',
      presence: ['DRECM/R', 'OIM', 'UNHCR'],
      ordre_du_jour: [
        { titre: 'Ouverture', presentateur: 'DRECM/R' },
        {
          titre: 'Retours de Libye',
          presentateur: 'UNHCR',
          discussion: 'Les retours de Libye par le plateau du Tiguidit ont augmenté ; la cartographie des points d’eau est à jour.',
          actions: [{ id: 'AGZ-2203-1', action: 'Partager les chiffres des retours', responsables: 'UNHCR', echeance: '2022-04' }],
        },
      ],
    },
  };
}

export function createSiteRepo(): Promise<FixtureRepo> {
  return createFixtureRepo({ meetings: siteMeetings() });
}
