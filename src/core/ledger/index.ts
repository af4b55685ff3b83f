// The action ledger: every action decided in the repository, with the follow-ups of later
// meetings folded into its current state (status, deadline after postponements, last
// follow-up). Pure: the reference day for lateness is a parameter of the queries, never read here.
import { dueDay, parseDeadline, parseIsoDate, type Day, type Deadline } from '../calendar.js';
import { compareMeetings, type LoadedMeeting } from '../model.js';
import type { ActionStatus } from '../schema/meeting.js';
import { responsiblesOf } from '../schema/responsibles.js';
import { Schedule, type AnnouncedMeeting } from './schedule.js';
import { isOpen } from './state.js';

export { type AnnouncedMeeting } from './schedule.js';
export { ageInDays, daysUntilDue, isClosed, isDueSoon, isLate, isOpen, OPEN_STATUSES, DUE_SOON_DAYS } from './state.js';

/** One follow-up of an action, as applied by the ledger. */
export interface AppliedFollowUp {
  meeting: LoadedMeeting;
  /** Index in the meeting's suivi_actions, to locate it. */
  index: number;
  status: ActionStatus;
  /** The status the action had before this follow-up. */
  previousStatus: ActionStatus;
  comment?: string;
  /** The new deadline it set (nouvelle_echeance), if any. */
  newDeadline?: Deadline;
}

export interface TrackedAction {
  id: string;
  description: string;
  /** Acronyms as written; « tous » for every member; empty while undecided (« ? » or absent). */
  responsibles: string[];
  decidedIn: LoadedMeeting;
  decidedOn: Day;
  /** Group of the meeting that decided it. */
  group: string;
  /** The deadline set when it was decided. */
  initialDeadline?: Deadline;
  /** The current deadline: the latest nouvelle_echeance, else the initial one. */
  deadline?: Deadline;
  /** The meeting that set the current deadline (a « prochaine réunion » is relative to it). */
  deadlineSetIn: LoadedMeeting;
  /** The day it falls due; none for words or an unscheduled « prochaine réunion ». */
  due?: Day;
  status: ActionStatus;
  /** Follow-ups in meeting order. */
  followUps: readonly AppliedFollowUp[];
  lastFollowUp?: AppliedFollowUp;
}

export interface Ledger {
  /** Every action, in the order of the meetings that decided them, then as written. */
  actions: TrackedAction[];
  byId(id: string): TrackedAction | undefined;
  /** The group's next meeting as last announced (prochaine_reunion), if any. */
  nextMeetingOf(group: string): AnnouncedMeeting | undefined;
  /** Actions still open (ouvert, en cours, reporté) decided by `group`. */
  openActionsOf(group: string): TrackedAction[];
}

export interface LedgerOptions {
  /**
   * Fold only the meetings before this point (a date, and optionally a meeting id for
   * meetings of that same date): the state of the actions as a meeting held then sees it.
   */
  before?: { date: string; id?: string };
}

const NO_FOLLOW_UPS: readonly AppliedFollowUp[] = Object.freeze([]);

/** Builds the ledger from meetings in any order (sorted here by date, then id). */
export function buildLedger(meetings: readonly LoadedMeeting[], options: LedgerOptions = {}): Ledger {
  return fold(meetings, options.before);
}

function fold(meetings: readonly LoadedMeeting[], before: LedgerOptions['before']): Ledger {
  const folded = meetings
    .filter((loaded) => !before || loaded.meeting.date < before.date || (before.id !== undefined && loaded.meeting.date === before.date && loaded.id < before.id))
    .sort(compareMeetings);
  const schedule = new Schedule(folded);
  const actions: TrackedAction[] = [];
  const index = new Map<string, TrackedAction>();
  // Deadlines and their due days are shared by every action that writes them the same way:
  // 50,000 actions use a few hundred (they are never changed once parsed).
  const deadlines = new Map<string, Deadline | undefined>();
  const deadlineOf = (written: string | number): Deadline | undefined => {
    const key = String(written);
    if (deadlines.has(key)) return deadlines.get(key);
    const deadline = parseDeadline(written);
    deadlines.set(key, deadline);
    return deadline;
  };
  const dueDays = new Map<Deadline, Day | undefined>();

  for (const loaded of folded) {
    const decidedOn = parseIsoDate(loaded.meeting.date)!;
    for (const item of loaded.meeting.ordre_du_jour) {
      if (!item.actions) continue;
      for (const point of item.actions) {
        const key = point.id.toUpperCase();
        if (index.has(key)) continue; // a duplicate id is a validation error; the first one counts
        const deadline = point.echeance === undefined ? undefined : deadlineOf(point.echeance);
        const action: TrackedAction = {
          id: point.id,
          description: point.action,
          responsibles: normalisedResponsibles(point),
          decidedIn: loaded,
          decidedOn,
          group: loaded.group,
          deadlineSetIn: loaded,
          status: 'ouvert',
          followUps: NO_FOLLOW_UPS,
        };
        // Assigned rather than spread: a spread builds a throw-away object per action (50,000 at scale).
        if (deadline) {
          action.initialDeadline = deadline;
          action.deadline = deadline;
        }
        actions.push(action);
        index.set(key, action);
      }
    }
  }

  // Follow-ups are applied in meeting order; one that names an unknown action, or an action
  // decided at the same or a later meeting, is ignored here (validation reports it).
  for (const loaded of folded) {
    loaded.meeting.suivi_actions?.forEach((followUp, followUpIndex) => {
      const action = index.get(followUp.action.toUpperCase());
      if (!action || action.decidedIn === loaded || loaded.meeting.date < action.decidedIn.meeting.date) return;
      const newDeadline = followUp.nouvelle_echeance === undefined ? undefined : deadlineOf(followUp.nouvelle_echeance);
      const applied: AppliedFollowUp = { meeting: loaded, index: followUpIndex, status: followUp.statut, previousStatus: action.status };
      if (followUp.commentaire !== undefined) applied.comment = followUp.commentaire;
      if (newDeadline) applied.newDeadline = newDeadline;
      // Arrays of exactly their length: a pushed-to array reserves 17 slots, and most actions have one or two follow-ups.
      action.followUps = [...action.followUps, applied];
      action.lastFollowUp = applied;
      action.status = followUp.statut;
      if (newDeadline) {
        action.deadline = newDeadline;
        action.deadlineSetIn = loaded;
      }
    });
  }

  for (const action of actions) {
    const deadline = action.deadline;
    if (!deadline) continue;
    let due: Day | undefined;
    // A « prochaine réunion » depends on the meeting that set it; any other deadline on itself only.
    if (deadline.kind === 'next-meeting') due = schedule.nextMeetingDayAfter(action.deadlineSetIn.group, action.deadlineSetIn);
    else if (dueDays.has(deadline)) due = dueDays.get(deadline);
    else dueDays.set(deadline, (due = dueDay(deadline)));
    if (due) action.due = due;
  }

  return {
    actions,
    byId: (id) => index.get(id.toUpperCase()),
    nextMeetingOf: (group) => schedule.nextMeetingOf(group),
    openActionsOf: (group) => actions.filter((action) => action.group === group && isOpen(action)),
  };
}

/** An action as a later meeting's follow-up table shows it. */
export interface ActionAsFollowedUp {
  id: string;
  description: string;
  responsibles: string[];
  /** The deadline after the postponements of the meetings before. */
  deadline?: Deadline;
}

/**
 * For each meeting, the actions its follow-ups name as that meeting found them — what
 * `buildLedger(meetings, { before: meeting }).byId` answers — for every meeting in one fold:
 * each meeting takes its view before its own follow-ups are applied.
 */
export function actionsAsFollowedUp(meetings: readonly LoadedMeeting[]): Map<LoadedMeeting, Map<string, ActionAsFollowedUp>> {
  const sorted = [...meetings].sort(compareMeetings);
  const decided = new Map<string, { action: ActionAsFollowedUp; decidedIn: LoadedMeeting }>();
  for (const loaded of sorted) {
    for (const item of loaded.meeting.ordre_du_jour) {
      for (const point of item.actions ?? []) {
        const key = point.id.toUpperCase();
        if (decided.has(key)) continue; // a duplicate id is a validation error; the first one counts
        const action: ActionAsFollowedUp = { id: point.id, description: point.action, responsibles: normalisedResponsibles(point) };
        const deadline = point.echeance === undefined ? undefined : parseDeadline(point.echeance);
        if (deadline) action.deadline = deadline;
        decided.set(key, { action, decidedIn: loaded });
      }
    }
  }
  const views = new Map<LoadedMeeting, Map<string, ActionAsFollowedUp>>();
  for (const loaded of sorted) {
    const view = new Map<string, ActionAsFollowedUp>();
    const followUps = loaded.meeting.suivi_actions ?? [];
    for (const followUp of followUps) {
      const key = followUp.action.toUpperCase();
      const found = decided.get(key);
      // Only actions of meetings held before this one exist for it.
      if (found && compareMeetings(found.decidedIn, loaded) < 0) view.set(key, { ...found.action });
    }
    views.set(loaded, view);
    // Then its own follow-ups, applied as the ledger applies them.
    for (const followUp of followUps) {
      const found = decided.get(followUp.action.toUpperCase());
      if (!found || found.decidedIn === loaded || loaded.meeting.date < found.decidedIn.meeting.date) continue;
      const deadline = followUp.nouvelle_echeance === undefined ? undefined : parseDeadline(followUp.nouvelle_echeance);
      if (deadline) found.action.deadline = deadline;
    }
  }
  return views;
}

/** The ledger as the meeting `meeting` sees it: only the meetings held before it are folded. */
export function ledgerBefore(meetings: readonly LoadedMeeting[], meeting: { date: string; id?: string }): Ledger {
  return buildLedger(meetings, { before: meeting });
}

/**
 * Acronyms as written, « tous » in lower case, without « ? ». The meeting's own list when it
 * needs no change: 50,000 actions need not each copy it.
 */
function normalisedResponsibles(point: { responsables?: string | string[] }): string[] {
  const written = point.responsables;
  if (Array.isArray(written) && written.every((name) => name !== '?' && (name === 'tous' || name.toLowerCase() !== 'tous'))) return written;
  return responsiblesOf(point).map((name) => (name.toLowerCase() === 'tous' ? 'tous' : name));
}
