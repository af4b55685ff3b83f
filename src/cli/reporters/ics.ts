// An iCalendar file (RFC 5545) for Outlook and Google Calendar: one all-day event per action
// that has a due day. Deterministic: UIDs come from action ids, and DTSTAMP from the data (the
// last meeting that decided or followed the action), never from the clock.
import { compareRows, type ActionRow, type Reporter } from './rows.js';
import { escapeText, fold } from '../../render/ics-text.js';
import type { Config } from '../../core/schema/config.js';
import { formatResponsibles } from '../../core/french/index.js';

export const ics: Reporter = (rows, { config }) => {
  const events = [...rows]
    .sort(compareRows)
    .filter((row) => row.due !== undefined)
    .flatMap((row) => event(row, config));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//SP-CCM Niger//gtm//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText('Points d’action du GTM')}`,
    ...events,
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
};

function event(row: ActionRow, config: Config): string[] {
  const start = row.due!;
  const stamp = row.lastFollowUp?.date ?? row.meetingDate;
  const last = row.lastFollowUp;
  const description = [
    `Responsable(s) : ${formatResponsibles(row.responsibles, config)}`,
    `Date limite : ${row.deadlineText}${row.postponed ? ' (reportée)' : ''}`,
    `Statut : ${row.statusLabel}`,
    `Décidée lors de la réunion ${row.meeting}`,
    ...(last ? [`Dernier suivi : ${last.statusLabel}, ${last.dateText}${last.comment ? ` : ${last.comment}` : ''}`] : []),
  ].join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:${row.id}@gtm`,
    `DTSTAMP:${compact(stamp)}T000000Z`,
    `DTSTART;VALUE=DATE:${compact(start)}`,
    `DTEND;VALUE=DATE:${compact(nextDay(start))}`,
    `SUMMARY:${escapeText(`${row.id} – ${row.description} (${formatResponsibles(row.responsibles, config)})`)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `CATEGORIES:${escapeText(row.group)}`,
    `STATUS:${row.status === 'abandonne' ? 'CANCELLED' : 'CONFIRMED'}`,
    `SEQUENCE:${row.followUps}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

function compact(iso: string): string {
  return iso.replace(/-/g, '');
}

function nextDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}
