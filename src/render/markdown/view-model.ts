// What the templates see: the meeting with its numbering, French dates and defaults resolved.
// User text stays raw here; templates escape it through helpers (texte, cellule, markdown).
// Every key is always present (null when empty) because templates run in strict mode.
import { parseDeadline, parseIsoDate, parseMonth, parseTime, type Deadline } from '../../core/calendar.js';
import {
  acronymDashName,
  formatActionStatus,
  formatDay,
  formatDeadline,
  formatResponsibles,
  formatTime,
  formatTimeRange,
  inMonth,
} from '../../core/french/index.js';
import { attendanceOf, tookPart, type Attendance } from '../../core/attendance.js';
import type { LoadedMeeting } from '../../core/model.js';
import type { Config, Group } from '../../core/schema/config.js';
import type { ActionPoint, Meeting, NextMeeting } from '../../core/schema/meeting.js';

/** An action as the ledger knows it; enough to show it again when it is followed up. */
export interface ActionReference {
  id: string;
  description: string;
  responsibles: string[];
  deadline?: Deadline;
}

export interface ActionRow {
  id: string;
  action: string;
  responsables: string;
  echeance: string;
}

export interface AgendaItemView {
  numero: number;
  titre: string;
  /** Presenting organisation or speaker, shown in parentheses. */
  presentateur: string | null;
  discussion: string | null;
  actions: ActionRow[];
}

export interface FollowUpRow {
  id: string;
  action: string;
  responsables: string;
  echeance: string;
  statut: string;
  commentaire: string;
}

export interface MinutesView {
  identifiant: string;
  brouillon: boolean;
  entete: { pays: string; devise: string; ministere: string; secretariat: string };
  titre: string;
  date: string;
  heure: string | null;
  lieu: string;
  /** Organisations present or represented. */
  presence: AttendanceView[];
  /** Organisations excused, listed apart. */
  excuses: AttendanceView[];
  ordre_du_jour: AgendaItemView[];
  suivi: FollowUpRow[];
  coordination: { numero: number; titre: string; phrase: string } | null;
  signature: { qualite: string; nom: string; structure: string | null };
  annexes: { numero: number; titre: string; contenu: string }[];
  version: string | null;
}

export interface AttendanceView {
  sigle: string;
  /** « OIM – Organisation Internationale pour les Migrations : M. A (Chef de mission) », « MI/D – … (représenté par SP/CCM) ». */
  libelle: string;
  participants: { nom: string; fonction: string | null }[];
  represente_par: string | null;
}

export interface ViewContext {
  config: Config;
  /** The action decided at an earlier meeting, for the follow-up table (the ledger's byId). */
  actionById: (id: string) => ActionReference | undefined;
  /** Source version for the footer; none until the version slot is filled. */
  version?: string;
}

export const NEXT_STEPS_TITLE = 'Coordination prochaines étapes';
const NO_DEADLINE = '—';

export function buildView(loaded: LoadedMeeting, context: ViewContext): MinutesView {
  const { meeting } = loaded;
  const group = groupOf(loaded, context.config);
  const items = meeting.ordre_du_jour.map(
    (item, index): AgendaItemView => ({
      numero: index + 1,
      titre: item.titre,
      presentateur: item.presentateur ?? item.intervenant ?? null,
      discussion: item.discussion?.trim() ? item.discussion : null,
      actions: (item.actions ?? []).map((action) => actionRow(action, context.config)),
    }),
  );
  const signature = meeting.signature ?? group.signataire;
  return {
    identifiant: loaded.id,
    brouillon: meeting.statut === 'brouillon',
    entete: { ...context.config.entete },
    titre: group.titre,
    date: formatDay(parseIsoDate(meeting.date)!, { weekday: true }),
    heure: timeOf(meeting),
    lieu: placeOf(meeting, group),
    ...attendanceViews(meeting, context.config),
    ordre_du_jour: items,
    suivi: (meeting.suivi_actions ?? []).map((followUp) => {
      const action = context.actionById(followUp.action);
      const previous = action?.deadline ? formatDeadline(action.deadline) : undefined;
      const next = followUp.nouvelle_echeance === undefined ? undefined : parseDeadline(followUp.nouvelle_echeance);
      return {
        id: followUp.action,
        action: action?.description ?? 'action introuvable dans les réunions précédentes',
        responsables: action ? formatResponsibles(action.responsibles, context.config) : NO_DEADLINE,
        echeance: next ? `${formatDeadline(next)}${previous && previous !== formatDeadline(next) ? ` (au lieu de ${previous})` : ''}` : (previous ?? NO_DEADLINE),
        statut: formatActionStatus(followUp.statut),
        commentaire: followUp.commentaire ?? '',
      };
    }),
    coordination: meeting.prochaine_reunion
      ? { numero: items.length + 1, titre: NEXT_STEPS_TITLE, phrase: nextMeetingSentence(meeting.prochaine_reunion) }
      : null,
    signature: { qualite: signature.qualite, nom: signature.nom, structure: signature.structure ?? null },
    annexes: (meeting.annexes ?? []).map((annex, index) => ({ numero: index + 1, titre: annex.titre, contenu: annex.contenu })),
    version: context.version ?? null,
  };
}

/** Who took part, and who excused themselves; absent members are not printed in the minutes. */
function attendanceViews(meeting: Meeting, config: Config): Pick<MinutesView, 'presence' | 'excuses'> {
  const attendance = attendanceOf(meeting);
  return {
    presence: attendance.filter(tookPart).map((entry) => attendanceView(entry, config)),
    excuses: attendance.filter((entry) => entry.status === 'excuse').map((entry) => attendanceView(entry, config)),
  };
}

function attendanceView(entry: Attendance, config: Config): AttendanceView {
  const people = entry.participants.map((person) => (person.fonction ? `${person.nom} (${person.fonction})` : person.nom));
  const represented = entry.representedBy !== undefined ? ` (représenté par ${entry.representedBy})` : '';
  return {
    sigle: entry.organisation,
    libelle: `${acronymDashName(entry.organisation, config)}${represented}${people.length > 0 ? ` : ${people.join(', ')}` : ''}`,
    participants: entry.participants.map((person) => ({ nom: person.nom, fonction: person.fonction ?? null })),
    represente_par: entry.representedBy ?? null,
  };
}

function groupOf(loaded: LoadedMeeting, config: Config): Group {
  const group = Object.hasOwn(config.groupes, loaded.group) ? config.groupes[loaded.group] : undefined;
  // Validation refuses an unknown group before rendering; this guards direct callers.
  if (!group) throw new Error(`unknown group ${loaded.group}`);
  return group;
}

function actionRow(action: ActionPoint, config: Config): ActionRow {
  const responsibles = action.responsables === undefined ? [] : Array.isArray(action.responsables) ? action.responsables : [action.responsables];
  const deadline = action.echeance === undefined ? undefined : parseDeadline(action.echeance);
  return {
    id: action.id,
    action: action.action,
    responsables: formatResponsibles(responsibles, config),
    echeance: deadline ? formatDeadline(deadline) : NO_DEADLINE,
  };
}

function timeOf(meeting: Meeting): string | null {
  const start = meeting.heure_debut === undefined ? undefined : parseTime(meeting.heure_debut);
  const end = meeting.heure_fin === undefined ? undefined : parseTime(meeting.heure_fin);
  if (start) return formatTimeRange(start, end);
  return end ? `jusqu’à ${formatTime(end)}` : null;
}

/**
 * « Virtuelle (Skype) » for a video meeting, the place itself otherwise; the tool is named once
 * even when the rapporteur already wrote it in lieu.
 */
export function placeOf(meeting: Pick<Meeting, 'lieu' | 'modalite' | 'outil'>, group: Pick<Group, 'lieu_habituel'>): string {
  const tool = meeting.outil?.trim();
  const mentions = (text: string) =>
    tool !== undefined && text.toLocaleLowerCase('fr').includes(tool.toLocaleLowerCase('fr'));
  switch (meeting.modalite) {
    case 'virtuel': {
      const place = meeting.lieu ?? 'Virtuelle';
      return tool && !mentions(place) ? `${place} (${tool})` : place;
    }
    case 'hybride': {
      const place = meeting.lieu ?? group.lieu_habituel;
      if (mentions(place) || /en ligne|virtuel/i.test(place)) return place;
      return `${place}, et en ligne${tool ? ` (${tool})` : ''}`;
    }
    default:
      return meeting.lieu ?? group.lieu_habituel;
  }
}

/**
 * « La prochaine réunion est prévue le jeudi 20 juillet 2023 à 9h30, dans la salle habituelle. »
 * A place written in lower case continues the sentence (« dans la salle habituelle »); a proper
 * name is introduced (« au lieu suivant : Salle de réunion »).
 */
export function nextMeetingSentence(next: NextMeeting): string {
  let when: string;
  if (next.date !== undefined) when = `le ${formatDay(parseIsoDate(next.date)!, { weekday: true })}`;
  else {
    const month = parseMonth(next.mois!)!;
    when = inMonth(month.year, month.month);
  }
  const time = next.heure === undefined ? undefined : parseTime(next.heure);
  const at = time ? ` à ${formatTime(time)}` : '';
  const place = next.lieu?.trim();
  const where = place ? (/^\p{Ll}/u.test(place) ? `, ${place}` : `, au lieu suivant : ${place}`) : '';
  return `La prochaine réunion est prévue ${when}${at}${where.replace(/[.\s]+$/, '')}.`;
}
