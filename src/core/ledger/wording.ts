// The ledger's own French wording, on top of the shared formatting of src/core/french/:
// a « prochaine réunion » deadline with its resolved date, and statuses in running text.
import type { Day, Deadline } from '../calendar.js';
import { formatDay, formatDeadline } from '../french/index.js';
import type { ActionStatus } from '../schema/meeting.js';

/** A deadline as a reader expects it; « prochaine réunion » gains its date once it is known. */
export function deadlineWithDue(deadline: Deadline, due?: Day): string {
  return deadline.kind === 'next-meeting' && due ? `prochaine réunion (${formatDay(due)})` : formatDeadline(deadline);
}

/** Status of an action (feminine: « l’action est réalisée »), in running text. */
export const ACTION_STATUS_WORDS: Record<ActionStatus, string> = {
  ouvert: 'ouverte',
  en_cours: 'en cours',
  realise: 'réalisée',
  abandonne: 'abandonnée',
  reporte: 'reportée',
};
