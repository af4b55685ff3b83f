// A realistic four-page compte-rendu as typeset blocks, shared by the typesetting tests and
// benchmarks: letterhead, headings, justified prose with French typography, nested lists, links,
// action tables, a signature kept together.
import type { Block, DocumentSpec, Run } from '../../src/document/blocks.js';
import { theme } from '../../src/typeset/style.js';

/** A plain run of text. */
export const t = (text: string): Run => ({ text });

/** The text block of a page: every glyph must lie within these bounds (points, y downward). */
export const TEXT_BLOCK = {
  left: theme.page.margin.left,
  right: theme.page.width - theme.page.margin.right,
  top: theme.page.margin.top,
  bottom: theme.page.height - theme.page.margin.bottom,
};
const b = (text: string): Run => ({ text, bold: true });
const p = (...runs: Run[]): Block => ({ kind: 'paragraph', runs });
const h = (level: 1 | 2 | 3 | 4, text: string): Block => ({ kind: 'heading', level, runs: [t(text)] });
const cell = (text: string): Run[] => [t(text)];

const ACTION_HEADER = [cell('Points d’action'), cell('Personne/Agence responsable'), cell('Date limite')];

const discussion = [
  'Dans son discours d’ouverture, le Secrétaire Permanent du Cadre de Concertation sur la Migration (SP/CCM) a tout d’abord remercié les participants de leur présence malgré leurs calendriers chargés et présenté ses excuses pour le retard de la tenue de la rencontre du GTM, qui avait coïncidé avec la 6e rencontre du CCM.',
  'L’EUCAP-Sahel exerce diverses activités au Niger dans différents domaines : la formation, l’équipement, la mise en place de Compagnies Mobiles de Contrôle des Frontières (CMCF) et les conseils stratégiques en matière de gestion des frontières.',
  'Le document de la stratégie de coordination des acteurs intervenant dans le domaine de la migration au Niger et son plan d’action (2022-2026) vise une meilleure visibilité des interventions et une synergie entre les parties prenantes des questions migratoires.',
];

export function compteRendu(): DocumentSpec {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, runs: [t('Compte-rendu de la réunion du Groupe Technique sur la Migration – Coordination et partage de l’information')] },
    {
      kind: 'table',
      header: [],
      rows: [
        [[b('Date')], cell('mardi 20 juin 2023')],
        [[b('Heure')], cell('9h30 – 11h20')],
        [[b('Lieu')], cell('Salle de réunion de la DGECM-R, Niamey')],
        [[b('Présence')], cell('SP/CCM, OIM, UNHCR, UNICEF, UNFPA, ONU Femmes, BIT, HCDH, CICR, CRN, DRC/MMC, GIZ/APM, DUE, EUCAP-Sahel, INS, DGECEM-R, ANLTP/TIM, MI/D, ONG Karkara')],
      ],
      widths: [1, 4],
    },
    h(2, 'Points inscrits à l’ordre du jour'),
    {
      kind: 'list',
      ordered: true,
      items: [
        [p(t('Ouverture (SP/CCM)'))],
        [p(t('Le suivi des points d’actions de la rencontre précédente (SP/CCM)'))],
        [p(t('Présentation de la stratégie de coordination des acteurs intervenant dans le domaine de la migration (Consultant)'))],
        [p(t('Présentation des activités de l’OIM au 1er semestre 2023 (OIM)'))],
        [p(t('Divers'))],
        [p(t('Coordination prochaines étapes'))],
      ],
    },
  ];
  const items = ['Ouverture (SP/CCM)', 'Le suivi des points d’actions de la rencontre précédente (SP/CCM)', 'Présentation de la stratégie de coordination (Consultant)', 'Présentation des activités de l’OIM au 1er semestre 2023 (OIM)', 'Divers'];
  items.forEach((title, i) => {
    blocks.push(h(2, `${i + 1}. ${title}`), h(3, 'Points de discussion clés'));
    blocks.push(p(t(discussion[i % 3]!)));
    blocks.push(p(t('Les échanges ont porté sur les points suivants\u202f:')));
    blocks.push({
      kind: 'list',
      ordered: false,
      items: [
        [p(t('Renforcement en ressources humaines du SP/CCM\u00a0;'))],
        [
          p(t('Mise en place des GTM au niveau central et régional (Agadez)\u00a0:')),
          {
            kind: 'list',
            ordered: false,
            items: [[p(t('Implantation en cours des GTM et des CCM régionaux (Tahoua et Zinder)\u00a0;'))], [p(t('prise en compte de la PNM et du PMM dans les outils de planification.'))]],
          },
        ],
        [p(b('N-B\u202f:'), t(' le rapport complet est disponible sur '), { text: 'https://www.iom.int/fr/niger', link: 'https://www.iom.int/fr/niger' }, t('.'))],
      ],
    });
    blocks.push(p(t('« Le GTM reste le cadre privilégié de partage de l’information entre l’État, les agences des Nations Unies, les ONG et les partenaires techniques et financiers », a rappelé le président de séance, avant de donner la parole aux participants pour leurs contributions et observations sur les documents présentés.')));
    blocks.push(h(3, 'Points d’action'));
    blocks.push({
      kind: 'table',
      header: ACTION_HEADER,
      rows: [
        [cell(`Partager la présentation de l’item ${i + 1} avec tous les membres du GTM par courriel`), cell('SP/CCM'), cell('30 juin 2023')],
        [cell('Proposer une version révisée du plan d’action tenant compte des observations formulées par les participants'), cell('OIM, DRC/MMC'), cell('juillet 2023')],
        [cell('Identifier les points focaux des structures membres'), cell('Tous les acteurs'), cell('Prochaine réunion')],
      ],
      widths: [6, 3, 2],
    });
  });
  blocks.push(h(2, 'Coordination prochaines étapes'));
  blocks.push(p(t('La prochaine réunion du GTM est prévue le jeudi 20 juillet 2023 à 9h30, dans la salle habituelle.')));
  blocks.push({
    kind: 'group',
    keepTogether: true,
    blocks: [
      { kind: 'paragraph', runs: [t('Le Secrétaire Permanent')], align: 'right' },
      { kind: 'paragraph', runs: [b('Moussa Abdou')], align: 'right' },
    ],
  });
  return {
    blocks,
    firstPageHeader: [
      { kind: 'paragraph', runs: [b('RÉPUBLIQUE DU NIGER')], align: 'center' },
      { kind: 'paragraph', runs: [{ text: 'Fraternité – Travail – Progrès', italic: true }], align: 'center' },
      { kind: 'paragraph', runs: [t('Ministère de l’Intérieur et de la Décentralisation')], align: 'center' },
      { kind: 'paragraph', runs: [t('Secrétariat Permanent du Cadre de Concertation sur la Migration')], align: 'center' },
    ],
    runningHeader: 'Compte-rendu du GTM – 20 juin 2023',
    footer: { left: 'GTM – Compte-rendu 2023-06-20-national' },
    metadata: {
      title: 'Compte-rendu de la réunion du GTM du 20 juin 2023',
      author: 'SP/CCM',
      subject: 'Groupe Technique sur la Migration – Coordination et partage de l’information',
      keywords: ['GTM', 'migration', 'Niger'],
      language: 'fr-FR',
      creationDate: new Date('2023-06-20T12:00:00Z'),
    },
  };
}
