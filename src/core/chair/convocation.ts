// The invitation to a group's next meeting: when and where (options first, then the last
// compte-rendu's prochaine_reunion, as gtm new), a proposed agenda, the actions still open by
// responsible with those that will be late on the day, and who receives it. Pure.
import { compareDays, type Day } from '../calendar.js';
import { isLate, type TrackedAction } from '../ledger/index.js';
import { compareMeetings, type LoadedMeeting } from '../model.js';
import { planNextMeeting, type NextMeetingOptions, type NextMeetingPlan } from '../scaffold/next-meeting.js';
import type { Config } from '../schema/config.js';
import { chairOf, circulationOf, groupByResponsible, type Circulation } from './members.js';

export interface ConvocationOptions extends NextMeetingOptions {
  /** Agenda items given with --point, in order. */
  points?: readonly string[];
}

export interface ProposedItem {
  titre: string;
  presentateur?: string;
}

export interface OpenAction {
  action: TrackedAction;
  /** Past due on the day of the meeting. */
  late: boolean;
}

export interface ResponsibleActions {
  /** An acronym, a collective, « tous », or « ? » for actions still to assign. */
  responsible: string;
  actions: OpenAction[];
}

export interface ConvocationPlan {
  next: NextMeetingPlan;
  chair?: string;
  agenda: ProposedItem[];
  byResponsible: ResponsibleActions[];
  circulation: Circulation;
}

export const FOLLOW_UP_ITEM = 'Suivi des points d’action';
export const NEXT_STEPS_ITEM = 'Coordination prochaines étapes';

export function planConvocation(config: Config, meetings: readonly LoadedMeeting[], options: ConvocationOptions): ConvocationPlan {
  const next = planNextMeeting(config, meetings, options);
  const groupMeetings = meetings.filter((loaded) => loaded.group === next.groupKey && loaded.meeting.date < next.date).sort(compareMeetings);
  const chair = chairOf(config, next.group, groupMeetings);
  const agenda: ProposedItem[] = [
    { titre: 'Ouverture', ...(chair !== undefined ? { presentateur: chair } : {}) },
    { titre: FOLLOW_UP_ITEM },
    ...(options.points ?? []).map((titre) => ({ titre })),
    { titre: 'Divers' },
    { titre: NEXT_STEPS_ITEM },
  ];
  return {
    next,
    ...(chair !== undefined ? { chair } : {}),
    agenda,
    byResponsible: byResponsible(next.openActions, next.day),
    circulation: circulationOf(config, next.group, groupMeetings),
  };
}

/** One entry per responsible, late ones first, then by due day. */
function byResponsible(actions: readonly TrackedAction[], day: Day): ResponsibleActions[] {
  return groupByResponsible(actions.map((action) => ({ action, late: isLate(action, day) }))).map(({ responsible, actions: list }) => ({
    responsible,
    actions: [...list].sort((a, b) => Number(b.late) - Number(a.late) || compareDue(a.action, b.action)),
  }));
}

function compareDue(a: TrackedAction, b: TrackedAction): number {
  if (a.due && b.due) return compareDays(a.due, b.due);
  return a.due ? -1 : b.due ? 1 : 0;
}
