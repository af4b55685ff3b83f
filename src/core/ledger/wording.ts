// French wording of the ledger's values: dates (« 1er mars 2023 »), deadlines and statuses.
// Kept here until a shared src/core/french/ module offers the same.
import type { Day, Deadline } from '../calendar.js';
import type { ActionStatus } from '../schema/meeting.js';

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

/** « 20 juillet 2023 », « 1er mars 2023 ». */
export function frenchDay(day: Day): string {
  return `${day.day === 1 ? '1er' : day.day} ${MONTHS[day.month - 1]} ${day.year}`;
}

/** « juillet 2023 ». */
export function frenchMonth(year: number, month: number): string {
  return `${MONTHS[month - 1]} ${year}`;
}

/** A deadline as a reader expects it; « prochaine réunion » gains its date once it is known. */
export function frenchDeadline(deadline: Deadline, due?: Day): string {
  switch (deadline.kind) {
    case 'date':
      return frenchDay(deadline.day);
    case 'month':
      return frenchMonth(deadline.year, deadline.month);
    case 'year':
      return String(deadline.year);
    case 'next-meeting':
      return due ? `prochaine réunion (${frenchDay(due)})` : 'prochaine réunion';
    case 'words':
      return deadline.written;
  }
}

/** Status of a point d’action (masculine: « le point d’action est réalisé »). */
export const STATUS_LABELS: Record<ActionStatus, string> = {
  ouvert: 'Ouvert',
  en_cours: 'En cours',
  realise: 'Réalisé',
  abandonne: 'Abandonné',
  reporte: 'Reporté',
};

/** Status of an action (feminine: « l’action est réalisée »), in running text. */
export const ACTION_STATUS_WORDS: Record<ActionStatus, string> = {
  ouvert: 'ouverte',
  en_cours: 'en cours',
  realise: 'réalisée',
  abandonne: 'abandonnée',
  reporte: 'reportée',
};
