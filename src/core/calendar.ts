// Calendar values as the rapporteur writes them, parsed without the Date object's time zones:
// a day is { year, month, day }, compared through its ISO string.

export interface Day {
  year: number;
  month: number;
  day: number;
}

export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** A deadline in one of the forms the minutes use. */
export type Deadline =
  | { kind: 'date'; written: string; day: Day }
  | { kind: 'month'; written: string; year: number; month: number }
  | { kind: 'year'; written: string; year: number }
  | { kind: 'next-meeting'; written: string }
  | { kind: 'words'; written: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const TIME = /^([01]?\d|2[0-3])\s*[:hH]\s*([0-5]\d)?$/;

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian, computed: every date of every meeting goes through here, and a Date object per call weighs. */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_LENGTHS[month - 1]!;
}

export function parseIsoDate(value: string): Day | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function parseMonth(value: string): { year: number; month: number } | undefined {
  const match = ISO_MONTH.exec(value);
  if (!match) return undefined;
  const [year, month] = [Number(match[1]), Number(match[2])];
  return month >= 1 && month <= 12 ? { year, month } : undefined;
}

export function parseTime(value: string): TimeOfDay | undefined {
  const match = TIME.exec(value.trim());
  if (!match) return undefined;
  return { hour: Number(match[1]), minute: Number(match[2] ?? 0) };
}

export function formatIsoDay(day: Day): string {
  return `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

export function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function minutesOf(time: TimeOfDay): number {
  return time.hour * 60 + time.minute;
}

/** Normalises the ways of writing « prochaine réunion » (accents, case, spaces). */
function isNextMeeting(value: string): boolean {
  const plain = value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
  return plain === 'prochaine reunion' || plain === 'a la prochaine reunion';
}

/**
 * Reads a deadline as written. Returns undefined for text that looks like a date but is not
 * one (« 2023-02-30 », « 20/06/2023 »), which must be corrected rather than kept as words.
 */
export function parseDeadline(written: string | number): Deadline | undefined {
  const value = String(written).trim();
  if (/^\d{4}$/.test(value)) return { kind: 'year', written: value, year: Number(value) };
  const month = parseMonth(value);
  if (month) return { kind: 'month', written: value, ...month };
  const day = parseIsoDate(value);
  if (day) return { kind: 'date', written: value, day };
  if (isNextMeeting(value)) return { kind: 'next-meeting', written: value };
  if (/^\d/.test(value) || value === '') return undefined;
  return { kind: 'words', written: value };
}

/** The day a deadline falls due: the last day of its month or year; none for words. */
export function dueDay(deadline: Deadline): Day | undefined {
  switch (deadline.kind) {
    case 'date':
      return deadline.day;
    case 'month':
      return { year: deadline.year, month: deadline.month, day: daysInMonth(deadline.year, deadline.month) };
    case 'year':
      return { year: deadline.year, month: 12, day: 31 };
    default:
      return undefined;
  }
}

/** Suggests the ISO form of a date written the French way (20/06/2023 → 2023-06-20). */
export function isoFromFrenchDate(value: string): string | undefined {
  const match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value.trim());
  if (!match) return undefined;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return parseIsoDate(iso) ? iso : undefined;
}
