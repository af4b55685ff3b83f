// French dates as the minutes write them: « mardi 20 juin 2023 », « 1er mars 2023 », « avril 2021 ».
// The weekday is computed from the calendar date alone, so no time zone can shift it.
import type { Day } from '../calendar.js';

export const MONTHS = [
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

/** Sunday first, as returned by weekdayIndex. */
export const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;

/** 0 = Sunday … 6 = Saturday, for a proleptic Gregorian date (Sakamoto's method). */
export function weekdayIndex(day: Day): number {
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const year = day.month < 3 ? day.year - 1 : day.year;
  const index =
    year + Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400) + offsets[day.month - 1]! + day.day;
  return ((index % 7) + 7) % 7;
}

export function weekdayName(day: Day): string {
  return WEEKDAYS[weekdayIndex(day)]!;
}

export function monthName(month: number): string {
  const name = MONTHS[month - 1];
  if (name === undefined) throw new RangeError(`month out of range: ${month}`);
  return name;
}

/** « 1er » for the first of the month, the plain number otherwise. */
export function dayOfMonth(day: number): string {
  return day === 1 ? '1er' : String(day);
}

/** « 20 juin 2023 », or « mardi 20 juin 2023 » with the weekday. */
export function formatDay(day: Day, options: { weekday?: boolean } = {}): string {
  const date = `${dayOfMonth(day.day)} ${monthName(day.month)} ${day.year}`;
  return options.weekday ? `${weekdayName(day)} ${date}` : date;
}

/** « avril 2021 ». */
export function formatMonth(year: number, month: number): string {
  return `${monthName(month)} ${year}`;
}

/** « au mois d’avril 2021 », « au mois de juin 2023 »: the preposition elides before a vowel. */
export function inMonth(year: number, month: number): string {
  const name = monthName(month);
  return `au mois ${/^[aeiouyàâéèêîôû]/i.test(name) ? 'd’' : 'de '}${name} ${year}`;
}
