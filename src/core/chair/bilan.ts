// A group's year in review (seed 000, item 1): the meetings held, who attended each (members
// expected by gtm.yaml, and anyone else who came), and the actions decided that year with where
// each stands at the year's end. Pure: the repository is read by the caller.
import type { Day } from '../calendar.js';
import { attendanceOf, tookPart } from '../attendance.js';
import { frenchOrder } from '../french/index.js';
import { buildLedger, isLate, isOpen, type TrackedAction } from '../ledger/index.js';
import type { LoadedMeeting } from '../model.js';
import type { Config, Group } from '../schema/config.js';
import { groupByResponsible } from './members.js';
import type { AttendanceStatus } from '../schema/meeting.js';

/** Where an action stands on 31 December. */
export type YearEndState = 'realise' | 'ouvert' | 'en_retard' | 'abandonne';
export const YEAR_END_STATES: readonly YearEndState[] = ['realise', 'ouvert', 'en_retard', 'abandonne'];

export interface AttendanceRow {
  organisation: string;
  member: boolean;
  /** One cell per meeting of the year: its status there, or undefined when not expected nor listed. */
  cells: (AttendanceStatus | undefined)[];
  /** Meetings it took part in (present or represented). */
  attended: number;
}

export interface YearActions {
  action: TrackedAction;
  state: YearEndState;
}

export interface YearRecap {
  year: number;
  groupKey: string;
  group: Group;
  meetings: LoadedMeeting[];
  /** Members first (in gtm.yaml's order), then every other organisation listed, in French order. */
  attendance: AttendanceRow[];
  actions: YearActions[];
  counts: Record<YearEndState, number>;
}

export function yearRecap(config: Config, meetings: readonly LoadedMeeting[], groupKey: string, year: number): YearRecap {
  const group = config.groupes[groupKey]!;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const held = meetings.filter((loaded) => loaded.group === groupKey && loaded.meeting.date >= first && loaded.meeting.date <= last);
  const members = group.membres ?? [];
  const perMeeting = held.map((loaded) => new Map(attendanceOf(loaded.meeting, group).map((entry) => [entry.organisation, entry.status])));
  const others = new Set<string>();
  for (const statuses of perMeeting) for (const organisation of statuses.keys()) if (!members.includes(organisation)) others.add(organisation);
  const attendance = [...members, ...[...others].sort(frenchOrder)].map((organisation): AttendanceRow => {
    const cells = perMeeting.map((statuses) => statuses.get(organisation));
    return { organisation, member: members.includes(organisation), cells, attended: cells.filter((status) => status !== undefined && tookPart({ status })).length };
  });

  // The ledger as it stands at the end of the year: every meeting up to 31 December folded in.
  const ledger = buildLedger(meetings.filter((loaded) => loaded.meeting.date <= last));
  const yearEnd: Day = { year, month: 12, day: 31 };
  const actions = ledger.actions
    .filter((action) => action.group === groupKey && action.decidedOn.year === year)
    .map((action) => ({ action, state: yearEndState(action, yearEnd) }));
  const counts = { realise: 0, ouvert: 0, en_retard: 0, abandonne: 0 };
  for (const { state } of actions) counts[state]++;
  return { year, groupKey, group, meetings: held, attendance, actions, counts };
}

function yearEndState(action: TrackedAction, yearEnd: Day): YearEndState {
  if (action.status === 'realise') return 'realise';
  if (action.status === 'abandonne') return 'abandonne';
  return isOpen(action) && isLate(action, yearEnd) ? 'en_retard' : 'ouvert';
}

/** Share of the year's meetings an organisation took part in, in whole percent. */
export function participationRate(row: Pick<AttendanceRow, 'attended'>, meetings: number): number {
  return meetings === 0 ? 0 : Math.round((100 * row.attended) / meetings);
}

/** The actions grouped by responsible (« ? » for those still to assign), in French order. */
export function actionsByResponsible(actions: readonly YearActions[]): { responsible: string; actions: YearActions[] }[] {
  return groupByResponsible(actions);
}
