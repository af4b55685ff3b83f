// Questions about an action's state on a given day (the --au date): open, late, due soon, age.
import { compareDays, type Day } from '../calendar.js';
import type { ActionStatus } from '../schema/meeting.js';
import type { TrackedAction } from './index.js';

/** Statuses of an action still to be done. */
export const OPEN_STATUSES: readonly ActionStatus[] = ['ouvert', 'en_cours', 'reporte'];

/** « Bientôt dû »: the deadline falls within this many days. */
export const DUE_SOON_DAYS = 14;

export function isOpen(action: Pick<TrackedAction, 'status'>): boolean {
  return OPEN_STATUSES.includes(action.status);
}

export function isClosed(status: ActionStatus): boolean {
  return status === 'realise' || status === 'abandonne';
}

/** Open and its due day is before `today`; words and unscheduled meetings are never late. */
export function isLate(action: Pick<TrackedAction, 'status' | 'due'>, today: Day): boolean {
  return isOpen(action) && action.due !== undefined && compareDays(action.due, today) < 0;
}

/** Open and due between today and DUE_SOON_DAYS days from now. */
export function isDueSoon(action: Pick<TrackedAction, 'status' | 'due'>, today: Day): boolean {
  const days = daysUntilDue(action, today);
  return isOpen(action) && days !== undefined && days >= 0 && days <= DUE_SOON_DAYS;
}

/** Days from `today` to the due day (negative when late). */
export function daysUntilDue(action: Pick<TrackedAction, 'due'>, today: Day): number | undefined {
  return action.due === undefined ? undefined : daysBetween(today, action.due);
}

/** Days since the action was decided. */
export function ageInDays(action: TrackedAction, today: Day): number {
  return daysBetween(action.decidedOn, today);
}

function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}
