import type { Diagnostic } from '../diagnostics.js';
import type { Config } from '../schema/config.js';
import type { LoadedMeeting } from '../repository.js';

/** What every rule sees: the configuration and the meetings whose shape is valid. */
export interface RuleContext {
  config: Config;
  meetings: readonly LoadedMeeting[];
}

/** A check across fields or files; returns its findings, never throws for bad data. */
export type Rule = (context: RuleContext) => Diagnostic[];
