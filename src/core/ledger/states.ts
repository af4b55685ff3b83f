// The ledger flattened: each action's state as plain data, naming its meetings by a small
// shared record rather than holding them loaded. It is what `gtm actions` lists, and it is
// kept in the cache in a compact form (see core/action-states.ts): read back, it needs no
// meeting to be loaded.
import { parseDeadline, parseIsoDate, formatIsoDay, type Day, type Deadline } from '../calendar.js';
import type { LoadedMeeting } from '../repository.js';
import type { ActionStatus } from '../schema/meeting.js';
import type { TrackedAction } from './index.js';

/** A meeting as action states name it; one record per meeting, shared by all its actions. */
export interface MeetingRef {
  /** The file name without extension, e.g. 2023-06-20-national. */
  id: string;
  /** The file, relative to the repository root: two folders may hold the same name. */
  file: string;
  /** AAAA-MM-JJ. */
  date: string;
  group: string;
}

export interface ActionState {
  id: string;
  description: string;
  /** Acronyms as written; « tous » for every member; empty while undecided. */
  responsibles: string[];
  /** The meeting that decided it; the action belongs to its group. */
  decidedIn: MeetingRef;
  /** The current deadline, after postponements. */
  deadline?: Deadline;
  /** The deadline was changed by a follow-up. */
  postponed: boolean;
  /** The day it falls due; none for words or an unscheduled « prochaine réunion ». */
  due?: Day;
  status: ActionStatus;
  /** How many follow-ups it had, and the last one. */
  followUps: number;
  lastFollowUp?: { meeting: MeetingRef; status: ActionStatus; comment?: string };
}

export function meetingRefOf(loaded: LoadedMeeting): MeetingRef {
  return { id: loaded.id, file: loaded.relativePath, date: loaded.meeting.date, group: loaded.group };
}

/** The state of each action; `refOf` gives each meeting's one record. */
export function actionStatesOf(actions: readonly TrackedAction[], refOf: (loaded: LoadedMeeting) => MeetingRef): ActionState[] {
  return actions.map((action) => {
    const state: ActionState = {
      id: action.id,
      description: action.description,
      responsibles: action.responsibles,
      decidedIn: refOf(action.decidedIn),
      postponed: action.deadlineSetIn !== action.decidedIn,
      status: action.status,
      followUps: action.followUps.length,
    };
    // Optional fields are assigned, not spread: a spread builds a throw-away object per action.
    if (action.deadline) state.deadline = action.deadline;
    if (action.due) state.due = action.due;
    const last = action.lastFollowUp;
    if (last) {
      state.lastFollowUp = { meeting: refOf(last.meeting), status: last.status };
      if (last.comment !== undefined) state.lastFollowUp.comment = last.comment;
    }
    return state;
  });
}

/**
 * An action as kept in the cache: its meetings by index in the meeting list, its deadline as
 * written and its due day as AAAA-MM-JJ (both shared again when read back).
 */
interface StoredAction {
  id: string;
  description: string;
  responsibles: string[];
  meeting: number;
  deadline?: string;
  due?: string;
  postponed: boolean;
  status: ActionStatus;
  followUps: number;
  last?: { meeting: number; status: ActionStatus; comment?: string };
}

export function storedAction(state: ActionState, indexOf: (meeting: MeetingRef) => number): StoredAction {
  const stored: StoredAction = {
    id: state.id,
    description: state.description,
    responsibles: state.responsibles,
    meeting: indexOf(state.decidedIn),
    postponed: state.postponed,
    status: state.status,
    followUps: state.followUps,
  };
  if (state.deadline) stored.deadline = state.deadline.written;
  if (state.due) stored.due = formatIsoDay(state.due);
  const last = state.lastFollowUp;
  if (last) {
    stored.last = { meeting: indexOf(last.meeting), status: last.status };
    if (last.comment !== undefined) stored.last.comment = last.comment;
  }
  return stored;
}

/**
 * A reader of stored actions over their meeting list. The cache's checksum guards against
 * damage and its fingerprint against another build of gtm; a stored action that still does
 * not read as expected gives undefined, and the caller rebuilds from the files.
 */
export function actionReader(meetings: readonly MeetingRef[]): (value: unknown) => ActionState | undefined {
  // 50,000 actions write a few hundred deadlines and due days: each is parsed once and shared.
  const deadlines = new Map<string, Deadline | undefined>();
  const days = new Map<string, Day | undefined>();
  const shared = <T>(known: Map<string, T>, key: string, make: (key: string) => T) => {
    if (!known.has(key)) known.set(key, make(key));
    return known.get(key);
  };
  return (value) => {
    const stored = value as Partial<StoredAction> | null;
    if (typeof stored !== 'object' || stored === null) return undefined;
    const decidedIn = meetings[stored.meeting as number];
    if (typeof stored.id !== 'string' || typeof stored.description !== 'string' || !Array.isArray(stored.responsibles) || !decidedIn) return undefined;
    if (typeof stored.status !== 'string' || typeof stored.followUps !== 'number' || typeof stored.postponed !== 'boolean') return undefined;
    const state: ActionState = {
      id: stored.id,
      description: stored.description,
      responsibles: stored.responsibles,
      decidedIn,
      postponed: stored.postponed,
      status: stored.status,
      followUps: stored.followUps,
    };
    if (stored.deadline !== undefined) {
      const deadline = shared(deadlines, String(stored.deadline), parseDeadline);
      if (!deadline) return undefined;
      state.deadline = deadline;
    }
    if (stored.due !== undefined) {
      const due = shared(days, String(stored.due), parseIsoDate);
      if (!due) return undefined;
      state.due = due;
    }
    if (stored.last !== undefined) {
      const meeting = meetings[stored.last.meeting];
      if (!meeting || typeof stored.last.status !== 'string') return undefined;
      state.lastFollowUp = { meeting, status: stored.last.status };
      if (stored.last.comment !== undefined) state.lastFollowUp.comment = String(stored.last.comment);
    }
    return state;
  };
}
