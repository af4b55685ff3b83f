// The schema checks of loading, in a module of their own: loaded (with zod) only when a file
// is not in the parse cache, so that a run on an unchanged repository never pays for them.
import { error, type Diagnostic } from './diagnostics.js';
import { messages } from './messages.js';
import { checkShape } from './schema-issues.js';
import { configSchema, type Config } from './schema/config.js';
import { meetingSchema, type Meeting } from './schema/meeting.js';
import { configFindings } from './rules/config.js';
import { locate, parseYaml, type YamlSource } from './source.js';

/** What checking a meeting's text finds: its data when valid, and every problem. */
export interface CheckedText {
  data?: Meeting;
  diagnostics: Diagnostic[];
}

/** A meeting's text composed by yaml: its data when valid, and every problem, located. */
export function checkMeetingSource(relativePath: string, text: string): CheckedText {
  const parsed = parseYaml(relativePath, text);
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics };
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return { diagnostics: [error('pas-une-reunion', messages.notAMapping(), { file: relativePath, line: 1, column: 1 })] };
  }
  const shape = checkShape(meetingSchema, parsed.value, parsed.source);
  return { ...(shape.data ? { data: shape.data } : {}), diagnostics: shape.diagnostics };
}

/** readValidConfig with yaml's composed document only: every problem located. */
export function checkConfigSource(file: string, text: string): { config?: Config; source: YamlSource; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(file, text, messages.emptyConfig());
  if (parsed.value === undefined) return { source: parsed.source, diagnostics: parsed.diagnostics };
  const shape = checkShape(configSchema, parsed.value, parsed.source);
  const diagnostics = shape.diagnostics;
  if (shape.data && !Object.hasOwn(shape.data.groupes, shape.data.groupe_par_defaut)) {
    diagnostics.push(error('groupe-inconnu', messages.defaultGroupUnknown(shape.data.groupe_par_defaut), locateDefaultGroup(parsed.source)));
  }
  for (const finding of shape.data ? configFindings(shape.data) : []) {
    diagnostics.push(error(finding.code, finding.message, locate(parsed.source, finding.path, finding.path.length === 2 ? 'key' : 'value')));
  }
  return { ...(shape.data ? { config: shape.data } : {}), source: parsed.source, diagnostics };
}

function locateDefaultGroup(source: YamlSource) {
  const index = source.text.search(/^groupe_par_defaut\s*:/m);
  const { line, col } = source.lineCounter.linePos(Math.max(index, 0));
  return { file: source.file, line, column: col };
}
