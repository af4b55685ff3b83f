// The schema checks of loading, in a module of their own: loaded (with zod) only when a file
// is not in the parse cache, so that a run on an unchanged repository never pays for them.
import { error, type Diagnostic } from './diagnostics.js';
import { messages } from './messages.js';
import { checkShape } from './schema-issues.js';
import { configSchema, type Config } from './schema/config.js';
import { meetingSchema, type Meeting } from './schema/meeting.js';
import { parseYaml, type YamlSource } from './source.js';
import { readYamlData } from './fast-yaml.js';

export interface CheckedText {
  data?: Meeting;
  diagnostics: Diagnostic[];
}

/** Parses and checks the shape of a meeting's text: its data when valid, and every problem. */
export function checkMeetingText(relativePath: string, text: string): CheckedText {
  // Most files are valid: read fast, and composed with positions only to word a problem.
  const quick = readYamlData(text);
  if (typeof quick === 'object' && quick !== null && !Array.isArray(quick)) {
    const valid = meetingSchema.safeParse(quick);
    if (valid.success) return { data: valid.data, diagnostics: [] };
  }
  return checkMeetingSource(relativePath, text);
}

/** checkMeetingText with yaml's composed document only: every problem located. */
export function checkMeetingSource(relativePath: string, text: string): CheckedText {
  const parsed = parseYaml(relativePath, text);
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics };
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return { diagnostics: [error('pas-une-reunion', messages.notAMapping(), { file: relativePath, line: 1, column: 1 })] };
  }
  const shape = checkShape(meetingSchema, parsed.value, parsed.source);
  return { ...(shape.data ? { data: shape.data } : {}), diagnostics: shape.diagnostics };
}

export function checkConfigShape(value: unknown, source: YamlSource): { data?: Config; diagnostics: Diagnostic[] } {
  return checkShape(configSchema, value, source);
}
