// The action ledger: every action decided in the repository, with the follow-ups of later
// meetings folded into its current state (status, deadline after postponements, last
// follow-up). Pure: the reference day for lateness is a parameter of the queries, never read here.
import { dueDay, parseDeadline, parseIsoDate, type Day, type Deadline } from '../calendar.js';
import type { LoadedMeeting } from '../repository.js';
import type { Config } from '../schema/config.js';
import type { ActionStatus } from '../schema/meeting.js';
import { responsiblesOf } from '../schema/responsibles.js';
import { compareMeetings, Schedule, type AnnouncedMeeting } from './schedule.js';
import { isOpen } from './state.js';

export { compareMeetings, type AnnouncedMeeting } from './schedule.js';
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
  /** Where it is written: ordre_du_jour[item].actions[index]. */
  position: { item: number; index: number };
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
  followUps: AppliedFollowUp[];
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

/**
 * The whole ledger of a list of meetings, built once: validation rules and commands ask for
 * it in the same run. Meeting lists are not changed once loaded.
 */
const built = new WeakMap<readonly LoadedMeeting[], Ledger>();

/** Builds the ledger from meetings in any order (sorted here by date, then id). */
export function buildLedger(meetings: readonly LoadedMeeting[], config: Config, options: LedgerOptions = {}): Ledger {
  if (options.before) return fold(meetings, options.before);
  let ledger = built.get(meetings);
  if (!ledger) {
    ledger = fold(meetings, undefined);
    built.set(meetings, ledger);
  }
  void config;
  return ledger;
}

function fold(meetings: readonly LoadedMeeting[], before: LedgerOptions['before']): Ledger {
  const folded = meetings
    .filter((loaded) => !before || loaded.meeting.date < before.date || (before.id !== undefined && loaded.meeting.date === before.date && loaded.id < before.id))
    .sort(compareMeetings);
  const schedule = new Schedule(folded);
  const actions: TrackedAction[] = [];
  const index = new Map<string, TrackedAction>();

  for (const loaded of folded) {
    const decidedOn = parseIsoDate(loaded.meeting.date)!;
    loaded.meeting.ordre_du_jour.forEach((item, itemIndex) =>
      item.actions?.forEach((point, actionIndex) => {
        const key = point.id.toUpperCase();
        if (index.has(key)) return; // a duplicate id is a validation error; the first one counts
        const deadline = point.echeance === undefined ? undefined : parseDeadline(point.echeance);
        const action: TrackedAction = {
          id: point.id,
          description: point.action,
          responsibles: responsiblesOf(point).map((name) => (name.toLowerCase() === 'tous' ? 'tous' : name)),
          decidedIn: loaded,
          decidedOn,
          position: { item: itemIndex, index: actionIndex },
          group: loaded.group,
          deadlineSetIn: loaded,
          status: 'ouvert',
          followUps: [],
        };
        // Assigned rather than spread: a spread builds a throw-away object per action (50,000 at scale).
        if (deadline) {
          action.initialDeadline = deadline;
          action.deadline = deadline;
        }
        actions.push(action);
        index.set(key, action);
      }),
    );
  }

  // Follow-ups are applied in meeting order; one that names an unknown action, or an action
  // decided at the same or a later meeting, is ignored here (validation reports it).
  for (const loaded of folded) {
    loaded.meeting.suivi_actions?.forEach((followUp, followUpIndex) => {
      const action = index.get(followUp.action.toUpperCase());
      if (!action || action.decidedIn === loaded || loaded.meeting.date < action.decidedIn.meeting.date) return;
      const newDeadline = followUp.nouvelle_echeance === undefined ? undefined : parseDeadline(followUp.nouvelle_echeance);
      const applied: AppliedFollowUp = { meeting: loaded, index: followUpIndex, status: followUp.statut, previousStatus: action.status };
      if (followUp.commentaire !== undefined) applied.comment = followUp.commentaire;
      if (newDeadline) applied.newDeadline = newDeadline;
      action.followUps.push(applied);
      action.lastFollowUp = applied;
      action.status = followUp.statut;
      if (newDeadline) {
        action.deadline = newDeadline;
        action.deadlineSetIn = loaded;
      }
    });
  }

  for (const action of actions) {
    const due = action.deadline ? resolveDue(action.deadline, action.deadlineSetIn, schedule) : undefined;
    if (due) action.due = due;
  }

  return {
    actions,
    byId: (id) => index.get(id.toUpperCase()),
    nextMeetingOf: (group) => schedule.nextMeetingOf(group),
    openActionsOf: (group) => actions.filter((action) => action.group === group && isOpen(action)),
  };
}

/** The ledger as the meeting `meeting` sees it: only the meetings held before it are folded. */
export function ledgerBefore(meetings: readonly LoadedMeeting[], config: Config, meeting: { date: string; id?: string }): Ledger {
  return buildLedger(meetings, config, { before: meeting });
}

function resolveDue(deadline: Deadline, setIn: LoadedMeeting, schedule: Schedule): Day | undefined {
  if (deadline.kind === 'next-meeting') return schedule.nextMeetingDayAfter(setIn.group, setIn);
  return dueDay(deadline);
}
