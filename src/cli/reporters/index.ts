// What the output formats of `gtm actions` share; the formats themselves are in formats.ts.
export type { ActionRow, Reporter, ReporterOptions } from './rows.js';
export { toRow, summaryOf } from './rows.js';
export { ACTIONS_FORMATS, DEFAULT_ACTIONS_FORMAT, type ActionsFormat } from './formats.js';
