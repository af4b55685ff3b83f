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
  if (isPlainRecord(quick)) {
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

/**
 * gtm.yaml's configuration when js-yaml reads it and it is valid, else undefined (see
 * checkMeetingText). Its directories are records, whose keys the schema does not list: one that
 * js-yaml reads where yaml refuses it (a null or empty key, __proto__) also goes to yaml.
 */
export function readValidConfig(text: string): Config | undefined {
  const quick = readYamlData(text);
  if (!isPlainRecord(quick) || !Object.values(quick).every(hasNamedKeys)) return undefined;
  const valid = configSchema.safeParse(quick);
  return valid.success && Object.hasOwn(valid.data.groupes, valid.data.groupe_par_defaut) ? valid.data : undefined;
}

const isPlainRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function hasNamedKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(hasNamedKeys);
  if (!isPlainRecord(value)) return true;
  return Object.entries(value).every(([key, inner]) => key !== '' && key !== 'null' && key !== '__proto__' && hasNamedKeys(inner));
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
  return { ...(shape.data ? { config: shape.data } : {}), source: parsed.source, diagnostics };
}

function locateDefaultGroup(source: YamlSource) {
  const index = source.text.search(/^groupe_par_defaut\s*:/m);
  const { line, col } = source.lineCounter.linePos(Math.max(index, 0));
  return { file: source.file, line, column: col };
}
