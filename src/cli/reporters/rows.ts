// What every actions reporter receives: one row per tracked action, with its state on the
// reference day already decided (late, due soon), so that reporters only lay it out.
import { formatIsoDay, parseIsoDate, type Day, type Deadline } from '../../core/calendar.js';
import { isDueSoon, isLate, isOpen } from '../../core/ledger/state.js';
import type { ActionState } from '../../core/ledger/states.js';
import { ACTION_STATUS_LABELS, formatDay, frenchComparison } from '../../core/french/index.js';
import { deadlineWithDue } from '../../core/ledger/wording.js';
import type { Config } from '../../core/schema/config.js';
import type { ActionStatus } from '../../core/schema/meeting.js';
import type { Colors } from '../colors.js';

export interface ActionRow {
  id: string;
  description: string;
  /** Acronyms; « tous » for every member; empty while undecided. */
  responsibles: string[];
  /** The current deadline as written (after postponements), if any. */
  deadlineWritten?: string;
  /** The current deadline in French words (« 31 juillet 2023 », « prochaine réunion (20 juillet 2023) »). */
  deadlineText: string;
  /** The day it falls due, AAAA-MM-JJ. */
  due?: string;
  /** The deadline was changed by a follow-up. */
  postponed: boolean;
  status: ActionStatus;
  statusLabel: string;
  open: boolean;
  late: boolean;
  dueSoon: boolean;
  /** Id of the meeting that decided it, its date (AAAA-MM-JJ) and group. */
  meeting: string;
  meetingDate: string;
  group: string;
  lastFollowUp?: { meeting: string; date: string; dateText: string; status: ActionStatus; statusLabel: string; comment?: string };
  /** How many follow-ups it had. */
  followUps: number;
}

export interface ReporterOptions {
  /** The reference day for lateness (--au), AAAA-MM-JJ. */
  today: string;
  config: Config;
  colors: Colors;
  /** Terminal width for the table. */
  width: number;
  /** The --responsable filter, as the directory writes it: the table shows only its group. */
  responsible?: string;
  /** Whether the repository has any action at all (to word an empty result). */
  anyAction: boolean;
}

/** A pure function from rows to the whole output text, or to that text in consecutive pieces. */
export type Reporter = (rows: readonly ActionRow[], options: ReporterOptions) => string | Iterable<string>;

export function toRow(action: ActionState, today: Day): ActionRow {
  const row: ActionRow = {
    id: action.id,
    description: action.description,
    responsibles: action.responsibles,
    deadlineText: action.deadline ? deadlineText(action.deadline, action.due) : '',
    postponed: action.postponed,
    status: action.status,
    statusLabel: ACTION_STATUS_LABELS[action.status],
    open: isOpen(action),
    late: isLate(action, today),
    dueSoon: isDueSoon(action, today),
    meeting: action.decidedIn.id,
    meetingDate: action.decidedIn.date,
    group: action.decidedIn.group,
    followUps: action.followUps,
  };
  // Optional fields are assigned, not spread: a spread builds a throw-away object per row.
  if (action.deadline) row.deadlineWritten = action.deadline.written;
  if (action.due) row.due = isoDay(action.due);
  const last = action.lastFollowUp;
  if (last) {
    const date = last.meeting.date;
    row.lastFollowUp = { meeting: last.meeting.id, date, dateText: dateText(date), status: last.status, statusLabel: ACTION_STATUS_LABELS[last.status] };
    if (last.comment !== undefined) row.lastFollowUp.comment = last.comment;
  }
  return row;
}

/**
 * Deadlines and due days in words and as AAAA-MM-JJ, made once for each deadline and day
 * (shared by the ledger): 50,000 rows need a few hundred of each, not one string per row.
 */
const deadlineTexts = new WeakMap<Deadline, Map<Day | undefined, string>>();
function deadlineText(deadline: Deadline, due: Day | undefined): string {
  let byDue = deadlineTexts.get(deadline);
  if (!byDue) deadlineTexts.set(deadline, (byDue = new Map()));
  let text = byDue.get(due);
  if (text === undefined) byDue.set(due, (text = deadlineWithDue(deadline, due)));
  return text;
}

const isoDays = new WeakMap<Day, string>();
function isoDay(day: Day): string {
  let text = isoDays.get(day);
  if (text === undefined) isoDays.set(day, (text = formatIsoDay(day)));
  return text;
}

/** French dates by ISO day, formatted once each: thousands of rows share a few hundred days. */
const dateTexts = new Map<string, string>();
function dateText(iso: string): string {
  let text = dateTexts.get(iso);
  if (text === undefined) dateTexts.set(iso, (text = formatDay(parseIsoDate(iso)!)));
  return text;
}

/** Ids compare with their numbers as numbers: NIA-2306-2 before NIA-2306-10. */
const compareIds = frenchComparison({ numeric: true });

/** Rows in reading order: due day (undated last), then id. */
export function compareRows(a: ActionRow, b: ActionRow): number {
  if (a.due !== b.due) {
    if (a.due === undefined) return 1;
    if (b.due === undefined) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return compareIds(a.id, b.id);
}

/** « 5 ouvertes, 2 en retard », preceded by the total when closed actions are listed too. */
export function summaryOf(rows: readonly ActionRow[]): string {
  const open = rows.filter((row) => row.open).length;
  const late = rows.filter((row) => row.late).length;
  const counts = `${open} ouverte${open > 1 ? 's' : ''}, ${late} en retard`;
  return open === rows.length ? counts : `${rows.length} action${rows.length > 1 ? 's' : ''} : ${counts}`;
}

export function emptyMessage(options: ReporterOptions): string {
  return options.anyAction ? 'Aucun point d’action ne correspond à ces critères.' : 'Aucun point d’action n’a encore été décidé dans les réunions.';
}
