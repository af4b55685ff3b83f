// What circulating a compte-rendu says: to whom (the group's member contacts), in which voice
// (a draft « pour commentaires », a validated one as final), and, for each member
// organisation, its own actions still open once the meeting is held. Pure.
import { attendanceOf, tookPart } from '../attendance.js';
import { collectivesOf } from '../collectives.js';
import { formatDay, formatResponsibles } from '../french/index.js';
import { buildLedger, isLate, isOpen, type TrackedAction } from '../ledger/index.js';
import { deadlineWithDue } from '../ledger/wording.js';
import { compareMeetings, type LoadedMeeting } from '../model.js';
import type { Config } from '../schema/config.js';
import { parseIsoDate } from '../calendar.js';
import { chairContact, chairOf, circulationOf, type Circulation, type Recipient } from './members.js';

export interface OrganisationActions {
  organisation: string;
  actions: { action: TrackedAction; late: boolean }[];
}

export interface CirculationPlan {
  meeting: LoadedMeeting;
  /** Circulated for comments (draft) or as final. */
  draft: boolean;
  chair?: string;
  sender?: Recipient;
  circulation: Circulation;
  /** Every member's own open actions (shared, collective and « tous » included), members in order. */
  byOrganisation: OrganisationActions[];
}

export function planCirculation(config: Config, meetings: readonly LoadedMeeting[], meeting: LoadedMeeting, draft: boolean): CirculationPlan {
  const group = config.groupes[meeting.group]!;
  const upTo = meetings.filter((loaded) => compareMeetings(loaded, meeting) <= 0);
  const groupMeetings = upTo.filter((loaded) => loaded.group === meeting.group);
  const circulation = circulationOf(config, group, groupMeetings);
  const chair = chairOf(config, group, groupMeetings);
  const sender = chairContact(config, chair);
  // The actions as they stand once this meeting is held: its own follow-ups folded in.
  const ledger = buildLedger(upTo);
  const day = parseIsoDate(meeting.meeting.date)!;
  const open = ledger.actions.filter((action) => action.group === meeting.group && isOpen(action));
  const byOrganisation = circulation.members.map((organisation) => {
    const collectives = new Set(collectivesOf(config, organisation));
    const own = open.filter((action) => action.responsibles.some((name) => name === organisation || name === 'tous' || collectives.has(name)));
    return { organisation, actions: own.map((action) => ({ action, late: isLate(action, day) })) };
  });
  return { meeting, draft, ...(chair !== undefined ? { chair } : {}), ...(sender ? { sender } : {}), circulation, byOrganisation };
}

/** « Projet de compte-rendu de la réunion du GTM du 20 juin 2023 – pour commentaires ». */
export function circulationSubject(plan: CirculationPlan, config: Config): string {
  const group = config.groupes[plan.meeting.group]!;
  const date = formatDay(parseIsoDate(plan.meeting.meeting.date)!);
  return plan.draft
    ? `Projet de compte-rendu de la réunion du ${group.sigle} du ${date} – pour commentaires`
    : `Compte-rendu de la réunion du ${group.sigle} du ${date}`;
}

/**
 * The body: the meeting in a few lines (date, place, attendance, agenda, actions decided, next
 * meeting), then the open actions of each member organisation (`only`: of that one).
 */
export function circulationBody(plan: CirculationPlan, config: Config, details: { place: string; nextMeeting: string | null }, only?: string): string {
  const { meeting } = plan.meeting;
  const group = config.groupes[plan.meeting.group]!;
  const date = formatDay(parseIsoDate(meeting.date)!, { weekday: true });
  const attendance = attendanceOf(meeting, group);
  const present = attendance.filter(tookPart).map((entry) => entry.organisation);
  const excused = attendance.filter((entry) => entry.status === 'excuse').map((entry) => entry.organisation);
  const decided = meeting.ordre_du_jour.flatMap((item) => item.actions ?? []);
  const lines = [
    'Madame, Monsieur,',
    '',
    plan.draft
      ? `Veuillez trouver ci-joint le projet de compte-rendu de la réunion du ${group.nom} (${group.sigle}) tenue le ${date} (${details.place}). ` +
        'Ce projet (marqué « PROJET ») est soumis à vos commentaires : merci de nous les faire parvenir en réponse à ce message.'
      : `Veuillez trouver ci-joint le compte-rendu validé de la réunion du ${group.nom} (${group.sigle}) tenue le ${date} (${details.place}).`,
    '',
    `Organisations présentes (${present.length}) : ${present.join(', ')}.`,
    ...(excused.length > 0 ? [`Excusées : ${excused.join(', ')}.`] : []),
    '',
    'Ordre du jour :',
    ...meeting.ordre_du_jour.map((item, index) => `${index + 1}. ${item.titre}${item.presentateur ? ` (${item.presentateur})` : ''}`),
    '',
    decided.length === 0
      ? 'Aucun point d’action n’a été décidé lors de cette réunion.'
      : `${decided.length === 1 ? '1 point d’action a été décidé' : `${decided.length} points d’action ont été décidés`} lors de cette réunion.`,
    ...(details.nextMeeting ? [details.nextMeeting] : []),
    '',
  ];
  const organisations = plan.byOrganisation.filter((entry) => only === undefined || entry.organisation === only);
  if (only !== undefined) {
    const own = organisations[0]?.actions ?? [];
    lines.push(own.length === 0 ? `Aucun point d’action ouvert n’est confié à ${only}.` : `Points d’action ouverts confiés à ${only} :`);
    lines.push(...own.map((entry) => actionLine(entry, config)), '');
  } else if (organisations.some((entry) => entry.actions.length > 0)) {
    lines.push('Points d’action ouverts, par organisation membre :', '');
    for (const entry of organisations) {
      if (entry.actions.length === 0) continue;
      lines.push(`${entry.organisation} :`, ...entry.actions.map((action) => actionLine(action, config)), '');
    }
  } else {
    lines.push('Aucun point d’action ne reste ouvert.', '');
  }
  const signature = meeting.signature ?? group.signataire;
  lines.push('Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.', '', signature.qualite, signature.nom);
  if (signature.structure) lines.push(signature.structure);
  return `${lines.join('\n')}\n`;
}

function actionLine({ action, late }: { action: TrackedAction; late: boolean }, config: Config): string {
  const deadline = action.deadline ? deadlineWithDue(action.deadline, action.due) : 'sans date limite';
  const shared = action.responsibles.length > 1 || action.responsibles.some((name) => name === 'tous' || !Object.hasOwn(config.organisations, name));
  return `- ${action.id} – ${action.description} (échéance : ${deadline}${late ? ', en retard' : ''}${shared ? ` ; responsables : ${formatResponsibles(action.responsibles, config)}` : ''})`;
}
