import type { DataPath, Finding, Place, Severity } from '../diagnostics.js';
import type { LoadedMeeting } from '../model.js';
import type { Config } from '../schema/config.js';

/** What every rule sees: the configuration and the meetings whose shape is valid. */
export interface RuleContext {
  config: Config;
  meetings: readonly LoadedMeeting[];
}

/** A check across fields or files; returns its findings, never throws for bad data. */
export type Rule = (context: RuleContext) => Finding[];

/** The place of the value (or of its key) at `path` in a meeting's file. */
export const placeIn = (meeting: LoadedMeeting, path: DataPath, target?: 'key'): Place => ({ file: meeting.relativePath, path, ...(target ? { target } : {}) });

const found =
  (severity: Severity) =>
  (code: string, message: string, at: Place): Finding => ({ severity, code, message, at });

export const errorAt = found('error');
export const warningAt = found('warning');
