// An iCalendar file (RFC 5545) for Outlook and Google Calendar: one all-day event per action
// that has a due day. Deterministic: UIDs come from action ids, and DTSTAMP from the data (the
// last meeting that decided or followed the action), never from the clock.
import { compareRows, type ActionRow, type Reporter } from './rows.js';
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

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): CRLF then a space, never inside a UTF-8
 * sequence.
 */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines start with a space, which counts in their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
