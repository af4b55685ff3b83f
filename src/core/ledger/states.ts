// The ledger flattened: each action's state as plain data, its meetings named by id rather
// than held. It can be kept in the cache and read back by `gtm actions` without loading a
// single meeting (see core/action-states.ts).
import type { Day, Deadline } from '../calendar.js';
import type { ActionStatus } from '../schema/meeting.js';
import type { TrackedAction } from './index.js';

export interface ActionState {
  id: string;
  description: string;
  /** Acronyms as written; « tous » for every member; empty while undecided. */
  responsibles: string[];
  /** Id of the meeting that decided it (its file name without extension), its date and group. */
  meeting: string;
  /** That meeting's file, relative to the repository root: ids are file names, and two folders may hold the same. */
  meetingFile: string;
  meetingDate: string;
  group: string;
  /** The current deadline, after postponements. */
  deadline?: Deadline;
  /** The deadline was changed by a follow-up. */
  postponed: boolean;
  /** The day it falls due; none for words or an unscheduled « prochaine réunion ». */
  due?: Day;
  status: ActionStatus;
  /** How many follow-ups it had, and the last one. */
  followUps: number;
  lastFollowUp?: { meeting: string; date: string; status: ActionStatus; comment?: string };
}

export function actionStateOf(action: TrackedAction): ActionState {
  const state: ActionState = {
    id: action.id,
    description: action.description,
    responsibles: action.responsibles,
    meeting: action.decidedIn.id,
    meetingFile: action.decidedIn.relativePath,
    meetingDate: action.decidedIn.meeting.date,
    group: action.group,
    postponed: action.deadlineSetIn !== action.decidedIn,
    status: action.status,
    followUps: action.followUps.length,
  };
  // Optional fields are assigned, not spread: a spread builds a throw-away object per action.
  if (action.deadline) state.deadline = action.deadline;
  if (action.due) state.due = action.due;
  const last = action.lastFollowUp;
  if (last) {
    state.lastFollowUp = { meeting: last.meeting.id, date: last.meeting.meeting.date, status: last.status };
    if (last.comment !== undefined) state.lastFollowUp.comment = last.comment;
  }
  return state;
}

/**
 * A list read back from the cache. Its checksum guards against damage and its fingerprint
 * against another build of gtm; this checks the fields every reader relies on.
 */
export function isActionStateList(value: unknown): value is ActionState[] {
  return (
    Array.isArray(value) &&
    value.every((item: Partial<ActionState> | null) => {
      if (typeof item !== 'object' || item === null) return false;
      return (
        typeof item.id === 'string' &&
        typeof item.description === 'string' &&
        Array.isArray(item.responsibles) &&
        typeof item.meeting === 'string' &&
        typeof item.meetingFile === 'string' &&
        typeof item.meetingDate === 'string' &&
        typeof item.group === 'string' &&
        typeof item.status === 'string' &&
        typeof item.followUps === 'number'
      );
    })
  );
}
