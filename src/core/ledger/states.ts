// The ledger flattened: each action's state as plain data, naming its meetings by a small
// shared record. It is what `gtm actions` lists.
import type { Day, Deadline } from '../calendar.js';
import type { LoadedMeeting } from '../model.js';
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
