// The values of a compte-rendu as French writes them: « 28 Janvier 2021 », « 1er mars 2023 »,
// « 9h30 - 11h20 », « 9H15-11H00 », deadlines (« 31/07/2023 », « juillet 2023 », « 2023 »,
// « Au cours de l’atelier »), and the next meeting (« le 20 juillet 2023 à 9h30 », « au mois d’avril »).
import { formatIsoDay, parseIsoDate, type Day } from '../core/calendar.js';
import { MONTHS } from '../core/french/dates.js';
import { fold } from './normalize.js';

const FOLDED_MONTHS = MONTHS.map((month) => fold(month));
const MONTH_PATTERN = '(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)';

const monthNumber = (folded: string): number => FOLDED_MONTHS.indexOf(folded) + 1;

export interface FoundDate {
  day?: Day;
  /** A date without its year: day and month only. */
  partial?: { day: number; month: number };
  /** Where in the text the date was written. */
  index: number;
  length: number;
}

/** The first French or numeric date of a text (« 28 Janvier 2021 », « 1er mars », « 20/06/2023 »). */
export function findDate(text: string): FoundDate | undefined {
  const folded = foldKeepingLength(text);
  const named = new RegExp(`\\b(\\d{1,2})\\s*(?:er)?\\s+${MONTH_PATTERN}\\b(?:\\s+(\\d{4}))?`).exec(folded);
  const numeric = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/.exec(folded);
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(folded);
  const candidates: FoundDate[] = [];
  if (named) {
    const day = Number(named[1]);
    const month = monthNumber(named[2]!);
    if (named[3]) {
      const parsed = parseIsoDate(formatIsoDay({ year: Number(named[3]), month, day }));
      if (parsed) candidates.push({ day: parsed, index: named.index, length: named[0].length });
    } else if (day >= 1 && day <= 31) candidates.push({ partial: { day, month }, index: named.index, length: named[0].length });
  }
  if (numeric) {
    const parsed = parseIsoDate(formatIsoDay({ year: Number(numeric[3]), month: Number(numeric[2]), day: Number(numeric[1]) }));
    if (parsed) candidates.push({ day: parsed, index: numeric.index, length: numeric[0].length });
  }
  if (iso) {
    const parsed = parseIsoDate(iso[0]);
    if (parsed) candidates.push({ day: parsed, index: iso.index, length: iso[0].length });
  }
  return candidates.sort((a, b) => a.index - b.index)[0];
}

/** A month named with its year or alone: « juillet 2023 », « au mois d’avril ». */
export function findMonth(text: string): { month: number; year?: number; index: number; length: number } | undefined {
  const folded = foldKeepingLength(text);
  const match = new RegExp(`\\b${MONTH_PATTERN}\\b(?:\\s+(\\d{4}))?`).exec(folded);
  if (!match) return undefined;
  return { month: monthNumber(match[1]!), ...(match[2] ? { year: Number(match[2]) } : {}), index: match.index, length: match[0].length };
}

/** « 9h30 », « 9H15 », « 9 h », « 09:30 » → "9:30". */
export function findTimes(text: string): Array<{ time: string; index: number; length: number }> {
  const times: Array<{ time: string; index: number; length: number }> = [];
  for (const match of text.matchAll(/\b([01]?\d|2[0-3])\s*[hH:]\s*([0-5]\d)?(?![\d])/g)) {
    // « 2023 » or « 24h/24 » are no times; a bare « 9 h » is.
    times.push({ time: `${Number(match[1])}:${match[2] ?? '00'}`, index: match.index, length: match[0].length });
  }
  return times;
}

/** Same length as the text (each character folded alone), so that indices match it. */
function foldKeepingLength(text: string): string {
  return [...text].map((char) => (char.length === 1 ? char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()[0] ?? char : char)).join('');
}

export type ReadDeadline =
  | { kind: 'none' }
  | { kind: 'value'; value: string | number; guessed?: string };

/** A deadline cell: empty, « N/A », « //// » → none; a date, a month, a year; or the words as written. */
export function readDeadline(cell: string, meetingYear: number): ReadDeadline {
  const text = cell.replace(/\s+/g, ' ').trim();
  if (isNothing(text)) return { kind: 'none' };
  if (/^\d{4}$/.test(text)) return { kind: 'value', value: Number(text) };
  const whole = (found: { index: number; length: number }) => found.index === 0 && found.length >= text.replace(/[.;,]$/, '').length - 1;
  const date = findDate(text);
  if (date?.day && whole(date)) return { kind: 'value', value: formatIsoDay(date.day) };
  if (date?.partial && whole(date)) {
    const value = formatIsoDay({ year: meetingYear, ...date.partial });
    if (parseIsoDate(value)) return { kind: 'value', value, guessed: `année ${meetingYear} supposée (celle de la réunion)` };
  }
  const month = findMonth(text.replace(/^(?:fin|d[ée]but|courant|mi)[\s-]+/i, '').replace(/^(?:au\s+)?mois\s+d(?:e\s+|['’])/i, ''));
  const stripped = text.replace(/^(?:fin|d[ée]but|courant|mi)[\s-]+/i, '').replace(/^(?:au\s+)?mois\s+d(?:e\s+|['’])/i, '');
  if (month && month.index === 0 && month.length >= stripped.replace(/[.;,]$/, '').length - 1 && stripped.length === text.length) {
    const year = month.year ?? meetingYear;
    return {
      kind: 'value',
      value: `${year}-${String(month.month).padStart(2, '0')}`,
      ...(month.year === undefined ? { guessed: `année ${year} supposée (celle de la réunion)` } : {}),
    };
  }
  // Words, unless they start with a digit (the schema reads those as a malformed date).
  return { kind: 'value', value: /^\d/.test(text) ? `Pour ${text}` : text, ...(/^\d/.test(text) ? { guessed: `écrit « Pour ${text} » : le texte commençait par un chiffre sans être une date` } : {}) };
}

/** « N/A », « //// », « - », « néant », empty: no value. « ? » is a value: someone is to be named. */
export function isNothing(text: string): boolean {
  const plain = text.replace(/\*\*/g, '').replace(/^\s*\d+\s*[.)-]\s*/, '').trim();
  if (plain === '') return true;
  if (/^[/\\\-–—_.]+$/.test(plain.replace(/\s+/g, ''))) return true;
  return /^(n\s*\/\s*a|na|n[ée]ant|aucune?|rien|sans objet)\.?$/i.test(plain);
}

export interface ReadNextMeeting {
  date?: string;
  mois?: string;
  heure?: string;
  lieu?: string;
  guesses: string[];
}

/** The next meeting in a sentence of « Coordination prochaines étapes ». */
export function readNextMeeting(text: string, meeting: Day): ReadNextMeeting | undefined {
  const guesses: string[] = [];
  const date = findDate(text);
  let end: number | undefined;
  let result: ReadNextMeeting | undefined;
  if (date?.day) {
    result = { date: formatIsoDay(date.day), guesses };
    end = date.index + date.length;
  } else if (date?.partial) {
    let year = meeting.year;
    if (date.partial.month < meeting.month || (date.partial.month === meeting.month && date.partial.day <= meeting.day)) year++;
    result = { date: formatIsoDay({ year, ...date.partial }), guesses };
    guesses.push(`année ${year} supposée pour la prochaine réunion (la première après la réunion)`);
    end = date.index + date.length;
  } else {
    const month = findMonth(text);
    if (!month) return undefined;
    let year = month.year ?? meeting.year;
    if (month.year === undefined && month.month <= meeting.month) year++;
    if (month.year === undefined) guesses.push(`année ${year} supposée pour la prochaine réunion (la première après la réunion)`);
    result = { mois: `${year}-${String(month.month).padStart(2, '0')}`, guesses };
    end = month.index + month.length;
  }
  const time = findTimes(text.slice(end)).find((found) => found.index < 8);
  if (time) {
    result.heure = time.time;
    end += time.index + time.length;
  }
  // « …, dans la salle habituelle. »: the place, when the sentence names one after the date.
  const place = /^[^,]*?,\s*((?:dans|à|au|en|par|sur)\s[^.;]+?)\s*[.;]?\s*$/i.exec(text.slice(end));
  if (place) result.lieu = place[1]!.trim();
  return result;
}
