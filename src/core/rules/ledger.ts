// Rules that need the action ledger: a follow-up of an action already closed by an earlier
// follow-up, and a postponement (nouvelle_echeance) that falls before the meeting that set it.
// Unknown actions and follow-ups dated before their action are errors of action-ids.ts.
import { compareDays, dueDay, parseDeadline, parseIsoDate } from '../calendar.js';
import type { Finding } from '../diagnostics.js';
import { buildLedger, isClosed } from '../ledger/index.js';
import { formatDay } from '../french/index.js';
import { ACTION_STATUS_WORDS } from '../ledger/wording.js';
import { messages } from '../messages.js';
import { placeIn, warningAt, type Rule } from './rule.js';

export const followUpOfClosedAction: Rule = ({ meetings }) => {
  const diagnostics: Finding[] = [];
  for (const action of buildLedger(meetings).actions) {
    let closing: (typeof action.followUps)[number] | undefined;
    for (const followUp of action.followUps) {
      // Twice in one meeting is the error of action-ids.ts (suivi-en-double), not a late follow-up.
      if (closing && isClosed(followUp.previousStatus) && closing.meeting !== followUp.meeting) {
        const when = formatDay(parseIsoDate(closing.meeting.meeting.date)!);
        diagnostics.push(
          warningAt(
            'suivi-action-close',
            messages.followUpOfClosedAction(action.id, ACTION_STATUS_WORDS[closing.status], when),
            placeIn(followUp.meeting, ['suivi_actions', followUp.index, 'action']),
          ),
        );
      }
      closing = isClosed(followUp.status) ? followUp : undefined;
    }
  }
  return diagnostics;
};

export const postponementAfterMeeting: Rule = ({ meetings }) => {
  const diagnostics: Finding[] = [];
  for (const loaded of meetings) {
    loaded.meeting.suivi_actions?.forEach((followUp, index) => {
      if (followUp.nouvelle_echeance === undefined) return;
      const deadline = parseDeadline(followUp.nouvelle_echeance);
      const due = deadline ? dueDay(deadline) : undefined;
      if (due && compareDays(due, parseIsoDate(loaded.meeting.date)!) < 0) {
        diagnostics.push(
          warningAt(
            'echeance-passee',
            messages.deadlineBeforeMeeting(String(followUp.nouvelle_echeance), loaded.meeting.date),
            placeIn(loaded, ['suivi_actions', index, 'nouvelle_echeance']),
          ),
        );
      }
    });
  }
  return diagnostics;
};
