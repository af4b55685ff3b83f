// The convocation as a calendar invitation (RFC 5545 with the iTIP method REQUEST, RFC 5546):
// one event in Niamey's time, organised by the chair, one attendee per member contact. Its UID
// names the group and the compte-rendu that announced the meeting, not the date: when the date
// moves, the new invitation updates the same event in every calendar. Deterministic.
import { parseIsoDate, parseTime, type Day, type TimeOfDay } from '../../core/calendar.js';
import type { ConvocationPlan } from '../../core/chair/convocation.js';
import type { Recipient } from '../../core/chair/members.js';
import { escapeText, fold, quotedParameter } from '../ics-text.js';
import type { ConvocationView } from './convocation.js';

export const TIME_ZONE = 'Africa/Niamey';

/** West Africa Time, UTC+1 all year (Niger keeps no summer time). */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'X-LIC-LOCATION:Africa/Niamey',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0100',
  'TZNAME:WAT',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Meetings last two hours unless the previous one said otherwise. */
const DEFAULT_MINUTES = 120;

export interface InvitationInput {
  plan: ConvocationPlan;
  view: ConvocationView;
  organizer: Recipient;
  /** SEQUENCE: 0 for the first invitation, one more for each update sent. */
  revision: number;
}

export function invitationIcs({ plan, view, organizer, revision }: InvitationInput): string {
  const { next } = plan;
  const start = next.time === undefined ? undefined : parseTime(next.time);
  const uid = `convocation-${next.groupKey}-${next.announcedIn?.id ?? next.previous?.id ?? next.id}@gtm`;
  // DTSTAMP from the record (the compte-rendu that announced the meeting), never the clock.
  const stampDay = parseDay(next.announcedIn?.meeting.date ?? next.previous?.meeting.date) ?? next.day;
  const description = [
    view.invitation,
    '',
    'Ordre du jour proposé :',
    ...view.ordre_du_jour.map((item) => `${item.numero}. ${item.titre}${item.presentateur ? ` (${item.presentateur})` : ''}`),
    '',
    view.nombre_actions > 0 ? view.resume_actions : 'Aucun point d’action ne reste ouvert.',
  ].join('\n');
  const when = start
    ? [`DTSTART;TZID=${TIME_ZONE}:${dateTime(next.day, start)}`, `DTEND;TZID=${TIME_ZONE}:${endOf(next.day, start, durationOf(plan))}`]
    : [`DTSTART;VALUE=DATE:${compactDay(next.day)}`, `DTEND;VALUE=DATE:${compactDay(addDays(next.day, 1))}`];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//SP-CCM Niger//gtm//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:REQUEST',
    ...VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `SEQUENCE:${revision}`,
    `DTSTAMP:${compactDay(stampDay)}T120000Z`,
    ...when,
    `SUMMARY:${escapeText(`Réunion du ${next.group.sigle} – ${next.group.nom}`)}`,
    `LOCATION:${escapeText(view.lieu)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `ORGANIZER;CN=${quotedParameter(personName(organizer))}:mailto:${organizer.contact.email}`,
    ...plan.circulation.recipients
      .filter((recipient) => recipient.contact.email.toLowerCase() !== organizer.contact.email.toLowerCase())
      .map(
        (recipient) =>
          `ATTENDEE;CN=${quotedParameter(personName(recipient))};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${recipient.contact.email}`,
      ),
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** « Mme Awa Sow (OIM) »: the person, and the organisation they answer for. */
function personName(recipient: Recipient): string {
  return `${recipient.contact.nom} (${recipient.organisation})`;
}

/** The previous meeting's length when its file gives both times, else two hours. */
function durationOf(plan: ConvocationPlan): number {
  const previous = plan.next.previous?.meeting;
  const from = previous?.heure_debut === undefined ? undefined : parseTime(previous.heure_debut);
  const to = previous?.heure_fin === undefined ? undefined : parseTime(previous.heure_fin);
  const minutes = from && to ? to.hour * 60 + to.minute - (from.hour * 60 + from.minute) : 0;
  return minutes > 0 ? minutes : DEFAULT_MINUTES;
}

function endOf(day: Day, start: TimeOfDay, minutes: number): string {
  const total = start.hour * 60 + start.minute + minutes;
  const end = addDays(day, Math.floor(total / 1440));
  const rest = total % 1440;
  return dateTime(end, { hour: Math.floor(rest / 60), minute: rest % 60 });
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const compactDay = (day: Day) => `${pad(day.year, 4)}${pad(day.month)}${pad(day.day)}`;
const dateTime = (day: Day, time: TimeOfDay) => `${compactDay(day)}T${pad(time.hour)}${pad(time.minute)}00`;

function parseDay(iso: string | undefined): Day | undefined {
  return iso === undefined ? undefined : parseIsoDate(iso);
}

function addDays(day: Day, days: number): Day {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
