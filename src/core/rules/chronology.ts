// Times and dates inside one meeting must follow each other.
import { compareDays, dueDay, minutesOf, parseDeadline, parseIsoDate, parseMonth, parseTime, type Day } from '../calendar.js';
import type { Finding } from '../diagnostics.js';
import { messages } from '../messages.js';
import { errorAt, placeIn, warningAt, type Rule } from './rule.js';

export const chronology: Rule = ({ meetings }) => {
  const diagnostics: Finding[] = [];
  for (const loaded of meetings) {
    const { meeting } = loaded;
    const day = parseIsoDate(meeting.date)!;
    const start = meeting.heure_debut === undefined ? undefined : parseTime(meeting.heure_debut);
    const end = meeting.heure_fin === undefined ? undefined : parseTime(meeting.heure_fin);
    if (start && end && minutesOf(end) <= minutesOf(start)) {
      diagnostics.push(errorAt('heure-fin', messages.endBeforeStart(meeting.heure_debut!, meeting.heure_fin!), placeIn(loaded, ['heure_fin'])));
    }
    const next = meeting.prochaine_reunion;
    if (next) {
      const nextDay = next.date ? parseIsoDate(next.date) : lastDayOfMonth(next.mois);
      if (nextDay && compareDays(nextDay, day) <= 0) {
        const key = next.date ? 'date' : 'mois';
        diagnostics.push(
          errorAt('prochaine-reunion', messages.nextMeetingNotAfter(next.date ?? next.mois!, meeting.date), placeIn(loaded, ['prochaine_reunion', key])),
        );
      }
    }
    meeting.ordre_du_jour.forEach((item, itemIndex) =>
      item.actions?.forEach((action, actionIndex) => {
        if (action.echeance === undefined) return;
        const due = dueOf(action.echeance);
        if (due && compareDays(due, day) < 0) {
          diagnostics.push(
            warningAt(
              'echeance-passee',
              messages.deadlineBeforeMeeting(String(action.echeance), meeting.date),
              placeIn(loaded, ['ordre_du_jour', itemIndex, 'actions', actionIndex, 'echeance']),
            ),
          );
        }
      }),
    );
  }
  return diagnostics;
};

function dueOf(written: string | number): Day | undefined {
  const deadline = parseDeadline(written);
  return deadline ? dueDay(deadline) : undefined;
}

function lastDayOfMonth(written: string | undefined): Day | undefined {
  const month = written === undefined ? undefined : parseMonth(written);
  return month ? dueDay({ kind: 'month', written: written!, ...month }) : undefined;
}
