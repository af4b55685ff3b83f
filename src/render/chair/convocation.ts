// The convocation in every format, from one plan (core/chair/convocation.ts): the view the
// Handlebars template `convocation` turns into Markdown (then, like a compte-rendu, into the
// DocumentSpec the PDF is typeset from), and the calendar invitation. Pure.
import { parseTime } from '../../core/calendar.js';
import type { ConvocationPlan } from '../../core/chair/convocation.js';
import { acronymDashName, formatActionStatus, formatDay, formatResponsibles, formatTime } from '../../core/french/index.js';
import { deadlineWithDue } from '../../core/ledger/wording.js';
import type { Config } from '../../core/schema/config.js';
import type { DocumentMetadata, PageFurniture } from '../../document/index.js';
import { renderDocumentMarkdown } from '../markdown/document.js';
import { markdownHelpers } from '../markdown/helpers.js';
import type { TemplateSet } from '../markdown/templates.js';

export const CONVOCATION_TEMPLATE = 'convocation';

export interface ConvocationView {
  entete: Config['entete'];
  groupe: { nom: string; sigle: string };
  titre: string;
  date: string;
  heure: string | null;
  lieu: string;
  /** « J’ai l’honneur de vous inviter à la réunion … qui se tiendra le jeudi 20 juillet 2023 à 9h30, … » */
  invitation: string;
  ordre_du_jour: { numero: number; titre: string; presentateur: string | null }[];
  actions: { responsable: string; lignes: { id: string; action: string; echeance: string; statut: string; en_retard: boolean }[] }[];
  nombre_actions: number;
  nombre_en_retard: number;
  resume_actions: string;
  destinataires: { sigle: string; libelle: string }[];
  signature: { qualite: string; nom: string; structure: string | null };
}

export function convocationView(plan: ConvocationPlan, config: Config): ConvocationView {
  const { next } = plan;
  const time = next.time === undefined ? undefined : parseTime(next.time);
  const date = formatDay(next.day, { weekday: true });
  const place = next.place ?? next.group.lieu_habituel;
  const remark = next.placeRemark ? `, ${next.placeRemark.replace(/[.\s]+$/, '')}` : '';
  const distinct = new Set<string>();
  let late = 0;
  for (const { actions } of plan.byResponsible) {
    for (const entry of actions) {
      if (distinct.has(entry.action.id)) continue;
      distinct.add(entry.action.id);
      if (entry.late) late++;
    }
  }
  return {
    entete: { ...config.entete },
    groupe: { nom: next.group.nom, sigle: next.group.sigle },
    titre: `Convocation à la réunion du ${next.group.nom} (${next.group.sigle})`,
    date,
    heure: time ? formatTime(time) : null,
    lieu: place,
    invitation:
      `J’ai l’honneur de vous inviter à la prochaine réunion du ${next.group.nom} (${next.group.sigle}), ` +
      `qui se tiendra le ${date}${time ? ` à ${formatTime(time)}` : ''}${remark || `, au lieu suivant : ${place}`}.`,
    ordre_du_jour: plan.agenda.map((item, index) => ({ numero: index + 1, titre: item.titre, presentateur: item.presentateur ?? null })),
    actions: plan.byResponsible.map(({ responsible, actions }) => ({
      responsable: responsibleHeading(responsible, config),
      lignes: actions.map(({ action, late: isLate }) => ({
        id: action.id,
        action: action.description,
        echeance: action.deadline ? deadlineWithDue(action.deadline, action.due) : '—',
        statut: formatActionStatus(action.status),
        en_retard: isLate,
      })),
    })),
    nombre_actions: distinct.size,
    nombre_en_retard: late,
    resume_actions: openSummary(distinct.size, late),
    destinataires: plan.circulation.members.map((sigle) => ({ sigle, libelle: acronymDashName(sigle, config) })),
    signature: { qualite: next.group.signataire.qualite, nom: next.group.signataire.nom, structure: next.group.signataire.structure ?? null },
  };
}

function responsibleHeading(responsible: string, config: Config): string {
  if (responsible === '?' || responsible === 'tous') return formatResponsibles([responsible]);
  return Object.hasOwn(config.organisations, responsible) ? acronymDashName(responsible, config) : formatResponsibles([responsible], config);
}

export function convocationMarkdown(plan: ConvocationPlan, config: Config, templates: TemplateSet): string {
  return renderDocumentMarkdown(templates, CONVOCATION_TEMPLATE, convocationView(plan, config), markdownHelpers(config));
}

export function convocationFurniture(plan: ConvocationPlan): PageFurniture {
  const { next } = plan;
  const date = formatDay(next.day);
  const metadata: DocumentMetadata = {
    title: `Convocation – ${next.group.nom} – ${date}`,
    author: `${next.group.nom} (${next.group.sigle})`,
    subject: `Convocation à la réunion du ${date}`,
    keywords: [next.group.sigle, 'convocation', 'migration', 'Niger', next.id],
    language: 'fr-FR',
    creationDate: new Date(Date.UTC(next.day.year, next.day.month - 1, next.day.day, 12)),
  };
  return { reference: `${next.group.sigle} – Convocation à la réunion du ${date}`, runningHeader: `Convocation – ${next.group.sigle}`, draft: false, metadata };
}

/** The file name shared by every format: convocation-2023-07-20-national. */
export function convocationName(plan: ConvocationPlan): string {
  return `convocation-${plan.next.id}`;
}

/** « 3 points d’action restent ouverts, dont 1 en retard au jour de la réunion. » */
export function openSummary(open: number, late: number): string {
  const subject = open === 1 ? '1 point d’action reste ouvert' : `${open} points d’action restent ouverts`;
  const lateness = late === 0 ? ', aucun en retard' : `, dont ${late} en retard`;
  return `${subject}${lateness} au jour de la réunion.`;
}
