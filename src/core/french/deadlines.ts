// Deadlines and action statuses as the minutes show them.
import type { Deadline } from '../calendar.js';
import type { ActionStatus } from '../schema/meeting.js';
import { formatDay, formatMonth } from './dates.js';

/** « 31 juillet 2023 », « juillet 2023 », « 2023 », « prochaine réunion », or the words as written. */
export function formatDeadline(deadline: Deadline): string {
  switch (deadline.kind) {
    case 'date':
      return formatDay(deadline.day);
    case 'month':
      return formatMonth(deadline.year, deadline.month);
    case 'year':
      return String(deadline.year);
    case 'next-meeting':
      return 'prochaine réunion';
    case 'words':
      return deadline.written;
  }
}

export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  ouvert: 'Ouvert',
  en_cours: 'En cours',
  realise: 'Réalisé',
  abandonne: 'Abandonné',
  reporte: 'Reporté',
};

export function formatActionStatus(status: ActionStatus): string {
  return ACTION_STATUS_LABELS[status];
}
