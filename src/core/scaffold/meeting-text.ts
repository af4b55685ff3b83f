// The text of the file `gtm new` creates: a draft that validates as it is, with French comments
// that guide the rapporteur through what to fill, change or uncomment.
import { stringify } from 'yaml';
import { parseIsoDate } from '../calendar.js';
import { formatDay, formatDeadline, formatResponsibles } from '../french/index.js';
import type { TrackedAction } from '../ledger/index.js';
import type { NextMeetingPlan } from './next-meeting.js';

/** The title of the placeholder agenda item: valid, and obviously to be replaced. */
export const PLACEHOLDER_ITEM_TITLE = 'Point à préciser (à renommer)';

const COMMENT_WIDTH = 96;

/** A one-line YAML scalar: plain when safe, quoted otherwise. */
function scalar(value: string): string {
  return stringify(value.replace(/\s+/g, ' ').trim(), { lineWidth: 0 }).trimEnd();
}

/**
 * `# text` wrapped on words, every line prefixed by `indent`; the text starts after `lead`,
 * and its following lines after `lead` + `hanging`.
 */
function comment(text: string, indent = '', hanging = '', lead = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    const offset = lines.length === 0 ? lead : lead + hanging;
    if (line !== '' && indent.length + 2 + offset.length + line.length + 1 + word.length > COMMENT_WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((text, index) => `${indent}# ${index === 0 ? lead : lead + hanging}${text}`);
}

const frenchDay = (date: string): string => formatDay(parseIsoDate(date)!);

export function nextMeetingText(plan: NextMeetingPlan): string {
  return [...header(plan), '', ...identity(plan), '', ...attendance(plan), '', ...agenda(plan), '', ...followUps(plan), '', ...closing(plan)].join('\n') + '\n';
}

function header(plan: NextMeetingPlan): string[] {
  return [
    '# yaml-language-server: $schema=../schema/reunion.schema.json',
    ...comment(`Réunion du ${plan.group.nom} du ${formatDay(plan.day, { weekday: true })}.`),
    '#',
    ...comment(
      'Fichier créé par « gtm new » : complétez-le pendant ou après la réunion, puis vérifiez-le avec « gtm validate ». ' +
        'Les lignes qui commencent par « # » sont des commentaires, ignorés par gtm : pour utiliser une ligne commentée, ' +
        'retirez le « # » et l’espace qui le suit, en gardant l’alignement.',
    ),
  ];
}

function identity(plan: NextMeetingPlan): string[] {
  const lines: string[] = [];
  if (plan.isDefaultGroup) {
    lines.push(...comment(`Groupe : ${plan.groupKey}, le groupe par défaut de gtm.yaml (« groupe: » peut donc être omis).`));
  } else {
    lines.push(`groupe: ${scalar(plan.groupKey)}`);
  }
  lines.push(
    '',
    ...comment('État : brouillon tant que le compte-rendu n’est pas adopté, puis valide, puis diffuse une fois envoyé aux membres.'),
    'statut: brouillon',
  );
  if (plan.announcedIn) lines.push(...comment(`Date annoncée par la réunion précédente (${plan.announcedIn.id}).`));
  lines.push(`date: ${plan.date}`);
  lines.push(...comment('Les heures s’écrivent entre guillemets : "9:30" ou "9h30".'));
  lines.push(plan.time !== undefined ? `heure_debut: "${plan.time}"` : '# heure_debut: "9:30"', '# heure_fin: "11:00"');
  if (plan.place !== undefined) {
    lines.push(`lieu: ${scalar(plan.place)}`);
  } else {
    lines.push(...comment(`Sans « lieu: », le lieu habituel du groupe est imprimé : ${plan.group.lieu_habituel}.`));
    if (plan.placeRemark !== undefined) lines.push(...comment(`La réunion précédente annonçait : « ${plan.placeRemark} ».`));
    lines.push(`# lieu: ${scalar(plan.group.lieu_habituel)}`);
  }
  lines.push(...comment('Réunion en ligne ou mixte : modalite virtuel ou hybride, avec l’outil utilisé.'), '# modalite: virtuel', '# outil: Zoom');
  return lines;
}

function attendance(plan: NextMeetingPlan): string[] {
  const origin = plan.previous
    ? `Liste reprise de la réunion précédente (${plan.previous.id}, ${frenchDay(plan.previous.meeting.date)}) : retirez les absents, ajoutez les présents.`
    : 'Liste à compléter.';
  return [
    ...comment(`Organisations présentes, par sigle, tel que dans l’annuaire de gtm.yaml. ${origin}`),
    'presence:',
    ...plan.attendance.map((acronym) => `  - ${scalar(acronym)}`),
  ];
}

function agenda(plan: NextMeetingPlan): string[] {
  const code = plan.group.code;
  const exampleId = `${code}-${plan.date.slice(2, 4)}${plan.date.slice(5, 7)}-1`;
  const lines = [
    ...comment(
      'Points inscrits à l’ordre du jour, dans l’ordre et sans numéro : la numérotation est automatique. ' +
        'La section « Coordination prochaines étapes » n’est pas un point : elle vient de « prochaine_reunion », plus bas.',
    ),
    'ordre_du_jour:',
    '  - titre: Ouverture',
  ];
  lines.push(plan.chair !== undefined ? `    presentateur: ${scalar(plan.chair)}` : '    # presentateur: SP/CCM');
  lines.push(
    '',
    ...comment(
      'À RENOMMER : ce point est un exemple, à remplacer par un vrai point de l’ordre du jour ; copiez le bloc ' +
        '(de « - titre: » à la ligne vide) pour en ajouter d’autres. Décommentez ce qui sert.',
      '  ',
    ),
    `  - titre: ${scalar(PLACEHOLDER_ITEM_TITLE)}`,
    '    # presentateur: OIM',
    '    # discussion: |',
    '    #   Points de discussion clés, en Markdown : des paragraphes, des listes « - », du **gras**,',
    '    #   des sous-titres « ### Recommandations ».',
    ...comment('Points d’action : responsables est un sigle, une liste [OIM, UNHCR], « ? » ou « tous » ; ' +
      'echeance est une date, un mois (2023-08), une année, « prochaine réunion » ou des mots.', '    '),
    '    # actions:',
    `    #   - id: ${exampleId}`,
    '    #     action: Ce qui doit être fait',
    '    #     responsables: OIM',
    `    #     echeance: ${plan.date.slice(0, 7)}`,
    '',
    '  - titre: Divers',
  );
  return lines;
}

function followUps(plan: NextMeetingPlan): string[] {
  const guide = comment(
    'Suivi des points d’action encore ouverts du groupe, avec leur état actuel. Pour chacun, mettez à jour statut ' +
      '(ouvert, en_cours, realise, abandonne ou reporte), ajoutez un commentaire, et une nouvelle_echeance pour une ' +
      'action reportée ; retirez ceux dont la réunion n’a pas parlé.',
  );
  if (plan.openActions.length === 0) {
    return [
      ...guide,
      '# Aucune action du groupe n’était ouverte à la création de ce fichier.',
      '# suivi_actions:',
      `#   - action: ${plan.group.code}-AAMM-1`,
      '#     statut: realise',
    ];
  }
  return [...guide, 'suivi_actions:', ...plan.openActions.flatMap(followUp)];
}

function followUp(action: TrackedAction, index: number): string[] {
  const responsibles = `${action.responsibles.length > 1 ? 'responsables' : 'responsable'} : ${formatResponsibles(action.responsibles)}`;
  const deadline = `échéance : ${action.deadline ? formatDeadline(action.deadline) : 'aucune'}`;
  return [
    ...(index > 0 ? [''] : []),
    ...comment(`${action.id} : ${action.description}`, '  ', '  '),
    ...comment(`${responsibles} ; ${deadline}`, '  ', '  ', '  '),
    `  #   décidée le ${frenchDay(action.decidedIn.meeting.date)} (${action.decidedIn.id})`,
    `  - action: ${scalar(action.id)}`,
    `    statut: ${action.status}`,
    '    # commentaire: Ce qui a été dit de l’action.',
    '    # nouvelle_echeance: AAAA-MM-JJ',
  ];
}

function closing(plan: NextMeetingPlan): string[] {
  const signatory = plan.group.signataire;
  return [
    ...comment(
      'Prochaine réunion : produit la section « Coordination prochaines étapes ». Écrivez « date: » (AAAA-MM-JJ), ' +
        'ou « mois: » (AAAA-MM) si seul le mois est décidé.',
    ),
    '# prochaine_reunion:',
    '#   date: AAAA-MM-JJ',
    '#   heure: "9:30"',
    '#   lieu: dans la salle habituelle',
    '',
    ...comment(
      `Signataire : sans « signature: », le signataire habituel du groupe est imprimé (${signatory.qualite}, ${signatory.nom}` +
        `${signatory.structure ? `, ${signatory.structure}` : ''}). Pour un autre signataire :`,
    ),
    '# signature:',
    `#   qualite: ${scalar(signatory.qualite)}`,
    '#   nom: Prénom NOM',
  ];
}
