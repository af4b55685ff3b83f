// The output formats of `gtm actions`, one entry each, by the name given to --format: the
// command line derives the choices, their type and the help from this list. A reporter is
// imported only when the command runs. Adding a format is one entry here, beside its module.
import type { Reporter } from './rows.js';

export const ACTIONS_FORMATS = {
  table: { load: async (): Promise<Reporter> => (await import('./table.js')).table },
  md: { load: async (): Promise<Reporter> => (await import('./markdown.js')).markdown },
  json: { load: async (): Promise<Reporter> => (await import('./json.js')).json },
  csv: { load: async (): Promise<Reporter> => (await import('./csv.js')).csv },
  ics: { load: async (): Promise<Reporter> => (await import('./ics.js')).ics },
} as const;

export type ActionsFormat = keyof typeof ACTIONS_FORMATS;
export const DEFAULT_ACTIONS_FORMAT: ActionsFormat = 'table';
