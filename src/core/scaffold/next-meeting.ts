// What `gtm new` knows about the group's next meeting before writing anything: its date, time
// and place (options first, then what the previous minutes announced), who usually attends and
// opens it, and the actions still open. Pure: the repository is read by the caller.
import { participantsOf } from '../attendance.js';
import { parseIsoDate, parseTime, type Day } from '../calendar.js';
import { error, GtmError } from '../diagnostics.js';
import { ledgerBefore, type TrackedAction } from '../ledger/index.js';
import { messages, suggest } from '../messages.js';
import { compareMeetings, type LoadedMeeting } from '../model.js';
import { meetingFileName } from '../rules/groups.js';
import type { Config, Group } from '../schema/config.js';
import type { NextMeeting } from '../schema/meeting.js';

export interface NextMeetingOptions {
  groupe?: string;
  date?: string;
  heure?: string;
  lieu?: string;
}

export interface NextMeetingPlan {
  groupKey: string;
  group: Group;
  /** The group is the repository's default one: `groupe:` can be left out. */
  isDefaultGroup: boolean;
  /** Meeting id and file name inside meetings/. */
  id: string;
  fileName: string;
  date: string;
  day: Day;
  /** Start time as H:MM, when known. */
  time?: string;
  /** A place to write as `lieu:` (given with --lieu, or announced as a place). */
  place?: string;
  /** What the previous minutes said of the place when it reads as a phrase (« dans la salle habituelle »). */
  placeRemark?: string;
  /** The meeting whose prochaine_reunion gave the date, when it did. */
  announcedIn?: LoadedMeeting;
  /** The group's last meeting before this one: attendance and opening are taken from it. */
  previous?: LoadedMeeting;
  /** Who opens the meeting (Ouverture), when known. */
  chair?: string;
  attendance: string[];
  /** Actions of the group still open (ouvert, en cours, reporté), as the ledger sees them before this meeting. */
  openActions: TrackedAction[];
}

const usageError = (code: string, message: string): GtmError => new GtmError([error(code, message)], 'usage');

export function planNextMeeting(config: Config, meetings: readonly LoadedMeeting[], options: NextMeetingOptions): NextMeetingPlan {
  const groupKey = options.groupe ?? config.groupe_par_defaut;
  const group = Object.hasOwn(config.groupes, groupKey) ? config.groupes[groupKey] : undefined;
  if (!group) throw usageError('groupe-inconnu', messages.unknownGroup(groupKey, suggest(groupKey, Object.keys(config.groupes))));

  const givenTime = options.heure === undefined ? undefined : checkedTime(options.heure);
  const givenPlace = options.lieu === undefined ? undefined : checkedText('--lieu', options.lieu);
  if (options.date !== undefined && !parseIsoDate(options.date)) {
    throw usageError('date-invalide', messages.invalidOption('--date', messages.invalidDate(options.date)));
  }

  const groupMeetings = meetings.filter((loaded) => loaded.group === groupKey).sort(compareMeetings);
  const latest = groupMeetings.at(-1);
  const announced = latest?.meeting.prochaine_reunion;
  const announcedDate = announced?.date !== undefined && announced.date > latest!.meeting.date ? announced.date : undefined;
  const date = options.date ?? announcedDate;
  if (date === undefined) throw usageError('date-manquante', missingDateMessage(groupKey, latest, announced));

  // The announced time and place belong to the announced day only.
  const fromAnnouncement = announcedDate !== undefined && date === announcedDate ? announced : undefined;
  const announcedTime = fromAnnouncement?.heure === undefined ? undefined : parseTime(fromAnnouncement.heure);
  const time = givenTime ?? (announcedTime ? formatTime(announcedTime) : undefined);
  const announcedPlace = fromAnnouncement?.lieu;
  const announcedIsPhrase = announcedPlace !== undefined && /^\p{Ll}/u.test(announcedPlace);

  const id = meetingFileName(date, groupKey).replace(/\.yaml$/, '');
  const previous = groupMeetings.filter((loaded) => loaded.meeting.date < date || (loaded.meeting.date === date && loaded.id < id)).at(-1);
  const chair = chairOf(config, group, previous);
  const attendance = previous ? participantsOf(previous.meeting) : chair ? [chair] : Object.keys(config.organisations).slice(0, 1);
  const openActions = ledgerBefore(meetings, { date, id }).openActionsOf(groupKey);

  return {
    groupKey,
    group,
    isDefaultGroup: groupKey === config.groupe_par_defaut,
    id,
    fileName: meetingFileName(date, groupKey),
    date,
    day: parseIsoDate(date)!,
    ...(time !== undefined ? { time } : {}),
    ...(givenPlace !== undefined ? { place: givenPlace } : announcedPlace !== undefined && !announcedIsPhrase ? { place: announcedPlace } : {}),
    ...(givenPlace === undefined && announcedIsPhrase ? { placeRemark: announcedPlace } : {}),
    ...(fromAnnouncement ? { announcedIn: latest! } : {}),
    ...(previous ? { previous } : {}),
    ...(chair !== undefined ? { chair } : {}),
    attendance,
    openActions,
  };
}

function checkedTime(written: string): string {
  const time = parseTime(written);
  if (!time) throw usageError('heure-invalide', messages.invalidOption('--heure', messages.invalidTimeOption(written)));
  return formatTime(time);
}

function checkedText(option: string, written: string): string {
  const value = written.replace(/\s+/g, ' ').trim();
  if (value === '') throw usageError('option-vide', messages.emptyOption(option));
  return value;
}

/** H:MM, the form the meeting files use. */
function formatTime(time: { hour: number; minute: number }): string {
  return `${time.hour}:${String(time.minute).padStart(2, '0')}`;
}

function missingDateMessage(groupKey: string, latest: LoadedMeeting | undefined, announced: NextMeeting | undefined): string {
  if (!latest) return messages.noPreviousMeeting(groupKey);
  if (announced?.date !== undefined) return messages.nextMeetingNotLater(latest.id, announced.date);
  if (announced?.mois !== undefined) return messages.onlyNextMeetingMonth(latest.id, announced.mois);
  return messages.noNextMeetingDate(latest.id);
}

/**
 * Who opens the meeting: whoever opened the previous one; otherwise the SP/CCM for the national
 * GTM and the regional direction (DRECM/R) for a regional one, when the directory knows them.
 */
function chairOf(config: Config, group: Group, previous: LoadedMeeting | undefined): string | undefined {
  const opening = previous?.meeting.ordre_du_jour.find((item) => /^ouverture\b/i.test(item.titre.trim()));
  if (opening?.presentateur !== undefined) return opening.presentateur;
  const usual = group.region !== undefined ? 'DRECM/R' : 'SP/CCM';
  return Object.hasOwn(config.organisations, usual) ? usual : undefined;
}
