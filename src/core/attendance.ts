// Who attended a meeting: each `presence` entry is an acronym (present) or a record with a
// status, a representation and the people who came. A group's expected members (gtm.yaml
// `membres`) who are neither listed nor excused count as absent. Pure.
import type { Group } from './schema/config.js';
import type { AttendanceEntry, AttendanceStatus, Meeting } from './schema/meeting.js';

export interface Participant {
  nom: string;
  fonction?: string;
}

export interface Attendance {
  organisation: string;
  status: AttendanceStatus;
  /** For « represente »: who represented it. */
  representedBy?: string;
  participants: readonly Participant[];
  /** Index in the meeting's presence list; undefined for a member the list does not name. */
  index?: number;
}

const NO_PARTICIPANTS: readonly Participant[] = Object.freeze([]);

export function attendanceOfEntry(entry: AttendanceEntry, index?: number): Attendance {
  if (typeof entry === 'string') return { organisation: entry, status: 'present', participants: NO_PARTICIPANTS, ...(index !== undefined ? { index } : {}) };
  return {
    organisation: entry.organisation,
    status: entry.statut ?? 'present',
    ...(entry.represente_par !== undefined ? { representedBy: entry.represente_par } : {}),
    participants: entry.participants ?? NO_PARTICIPANTS,
    ...(index !== undefined ? { index } : {}),
  };
}

/** The acronym an entry is about. */
export const organisationOfEntry = (entry: AttendanceEntry): string => (typeof entry === 'string' ? entry : entry.organisation);

/**
 * Every organisation's attendance: the entries as written (the first of a duplicate), then the
 * group's members the list does not name, absent.
 */
export function attendanceOf(meeting: Pick<Meeting, 'presence'>, group?: Pick<Group, 'membres'>): Attendance[] {
  const seen = new Set<string>();
  const result: Attendance[] = [];
  meeting.presence.forEach((entry, index) => {
    const attendance = attendanceOfEntry(entry, index);
    if (seen.has(attendance.organisation)) return;
    seen.add(attendance.organisation);
    result.push(attendance);
  });
  for (const member of group?.membres ?? []) {
    if (!seen.has(member)) {
      seen.add(member);
      result.push({ organisation: member, status: 'absent', participants: NO_PARTICIPANTS });
    }
  }
  return result;
}

/** Present in person or through a representative: counts as taking part. */
export const tookPart = (attendance: Pick<Attendance, 'status'>): boolean => attendance.status === 'present' || attendance.status === 'represente';

/** The acronyms of the organisations that took part, in the order written. */
export function participantsOf(meeting: Pick<Meeting, 'presence'>): string[] {
  return attendanceOf(meeting).filter(tookPart).map((attendance) => attendance.organisation);
}
