// The schema checks of loading, in a module of their own: loaded (with zod) only when a file
// is not in the parse cache, so that a run on an unchanged repository never pays for them.
import { error, type Diagnostic } from './diagnostics.js';
import { messages } from './messages.js';
import { checkShape } from './schema-issues.js';
import { configSchema, type Config } from './schema/config.js';
import { meetingSchema, type Meeting } from './schema/meeting.js';
import { parseYaml, type YamlSource } from './source.js';

/** Parses and checks the shape of a meeting's text: its data when valid, and every problem. */
export function checkMeetingText(relativePath: string, text: string): { data?: Meeting; diagnostics: Diagnostic[] } {
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
