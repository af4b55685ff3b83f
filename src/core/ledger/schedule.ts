// When each group meets: its actual meetings in order, and the next meeting it announced.
// A deadline of « prochaine réunion » falls due on the group's next meeting after the one
// that set it: the next meeting actually held, or else the date announced for it.
import { dueDay, parseIsoDate, parseMonth, type Day } from '../calendar.js';
import type { LoadedMeeting } from '../model.js';
import type { NextMeeting } from '../schema/meeting.js';

export interface AnnouncedMeeting {
  /** The meeting whose prochaine_reunion announced it. */
  announcedIn: LoadedMeeting;
  announced: NextMeeting;
  /** The day it falls on: its date, or the last day of its month when only the month is known. */
  day: Day;
}

export class Schedule {
  private readonly byGroup = new Map<string, LoadedMeeting[]>();
  /** Each meeting's day, parsed once: thousands of actions fall due on the same meetings. */
  private readonly days = new Map<LoadedMeeting, Day>();

  /** `meetings` must be sorted with compareMeetings. */
  constructor(meetings: readonly LoadedMeeting[]) {
    for (const loaded of meetings) {
      const list = this.byGroup.get(loaded.group);
      if (list) list.push(loaded);
      else this.byGroup.set(loaded.group, [loaded]);
    }
  }

  meetingsOf(group: string): readonly LoadedMeeting[] {
    return this.byGroup.get(group) ?? [];
  }

  /** The group's next meeting as last announced (the latest prochaine_reunion of the group). */
  nextMeetingOf(group: string): AnnouncedMeeting | undefined {
    const list = this.meetingsOf(group);
    for (let index = list.length - 1; index >= 0; index--) {
      const announced = announcementOf(list[index]!);
      if (announced) return announced;
    }
    return undefined;
  }

  /**
   * The day of the group's first meeting after `after` (a later date): the meeting held if
   * there is one, otherwise the announcement made at `after` or at a meeting of the same day.
   */
  nextMeetingDayAfter(group: string, after: LoadedMeeting): Day | undefined {
    const list = this.meetingsOf(group);
    const held = list[firstAfter(list, after.meeting.date)];
    if (held) return this.dayOf(held);
    const sameDay = list.filter((loaded) => loaded.meeting.date === after.meeting.date);
    const candidates = sameDay.includes(after) ? sameDay : [...sameDay, after];
    for (let index = candidates.length - 1; index >= 0; index--) {
      const announced = announcementOf(candidates[index]!);
      if (announced) return announced.day;
    }
    return undefined;
  }

  private dayOf(loaded: LoadedMeeting): Day {
    let day = this.days.get(loaded);
    if (!day) this.days.set(loaded, (day = parseIsoDate(loaded.meeting.date)!));
    return day;
  }
}

/** Index of the first meeting dated after `date` in a sorted list (binary search). */
function firstAfter(list: readonly LoadedMeeting[], date: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]!.meeting.date > date) high = middle;
    else low = middle + 1;
  }
  return low;
}

function announcementOf(loaded: LoadedMeeting): AnnouncedMeeting | undefined {
  const announced = loaded.meeting.prochaine_reunion;
  if (!announced) return undefined;
  let day: Day | undefined;
  if (announced.date !== undefined) day = parseIsoDate(announced.date);
  else if (announced.mois !== undefined) {
    const month = parseMonth(announced.mois);
    day = month ? dueDay({ kind: 'month', written: announced.mois, ...month }) : undefined;
  }
  return day ? { announcedIn: loaded, announced, day } : undefined;
}
