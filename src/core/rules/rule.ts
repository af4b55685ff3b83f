import type { Diagnostic } from '../diagnostics.js';
import type { Config } from '../schema/config.js';
import type { Locate } from '../locations.js';
import type { LoadedMeeting } from '../repository.js';

/** What every rule sees: the configuration, the meetings whose shape is valid, and how to place a finding. */
export interface RuleContext {
  config: Config;
  meetings: readonly LoadedMeeting[];
  locate: Locate;
}

/** A check across fields or files; returns its findings, never throws for bad data. */
export type Rule = (context: RuleContext) => Diagnostic[];
