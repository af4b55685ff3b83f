// The output formats of `gtm actions`, by the name given to --format.
import { csv } from './csv.js';
import { ics } from './ics.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import type { Reporter } from './rows.js';
import { table } from './table.js';

export type { ActionRow, Reporter, ReporterOptions } from './rows.js';
export { toRow, summaryOf } from './rows.js';

export const reporters = { table, md: markdown, json, csv, ics } as const satisfies Record<string, Reporter>;

export type ActionsFormat = keyof typeof reporters;
