// What a loaded repository holds, as every pure module sees it: the configuration, and each
// valid meeting with its data and its text (to place a finding on a line and column).
// Loading itself is in repository/, the only folder of core that reads the disk.
import type { Diagnostic } from './diagnostics.js';
import type { Config } from './schema/config.js';
import type { Meeting } from './schema/meeting.js';

export const CONFIG_FILE = 'gtm.yaml';
export const MEETINGS_DIR = 'meetings';
export const MEETING_EXTENSIONS = ['.yaml', '.yml'];

export interface LoadedMeeting {
  /** The file's name without extension, e.g. 2023-06-20-national: what users type. */
  readonly id: string;
  /** Absolute path. */
  readonly file: string;
  /** Path relative to the repository root, as shown in messages. */
  readonly relativePath: string;
  /** The file's text, as checked: what a finding is located in. */
  readonly text: string;
  readonly meeting: Meeting;
  /** The group key, the default group's when the file does not say. */
  readonly group: string;
}

export interface Repository {
  root: string;
  config: Config;
  /** Every meeting file found under meetings/, relative to the root, sorted. */
  files: string[];
  /** Files under meetings/ that are not read, their name not ending in .yaml or .yml. */
  ignoredFiles: string[];
  /** Meetings whose shape is valid, sorted by date then id (compareMeetings). */
  meetings: LoadedMeeting[];
  /** Every problem found while reading gtm.yaml and the meeting files (syntax and shape), located. */
  diagnostics: Diagnostic[];
}

/**
 * Meetings in the order of the repository and of the ledger: by date, then by id, compared as
 * plain text (the same on every machine, unlike an order that follows the locale).
 */
export function compareMeetings(a: LoadedMeeting, b: LoadedMeeting): number {
  return a.meeting.date < b.meeting.date ? -1 : a.meeting.date > b.meeting.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A path's last segment, whatever the separator. */
export const fileNameOf = (file: string): string => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/** A file's name without its folder and extension: the meeting id users type. */
export function meetingIdOf(file: string): string {
  const name = fileNameOf(file);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export interface GitVersion {
  /** Abbreviated hash of the last commit touching the file, e.g. 3f2a9c1. */
  commit: string;
  /** That commit's date (committer's calendar day), AAAA-MM-JJ. */
  date: string;
}

/** What rendering needs to know of each meeting file in git: its last commit, and whether it changed since. */
export interface SourceState {
  /** Last commit that touched the file; undefined outside git or before its first commit. */
  version: GitVersion | undefined;
  /** The file differs from that commit (or was never committed). */
  uncommitted: boolean;
}
