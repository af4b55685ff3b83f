// A file's bytes → its checked data and every problem, located: decoding (user-text.ts), YAML
// with positions (yaml.ts), then the schema (schema-issues.ts). Pure: the same bytes always
// give the same result, which is what the cache keeps under their hash.
import { error, hasErrors, type Diagnostic } from '../diagnostics.js';
import { messages } from '../messages.js';
import { CONFIG_FILE } from '../model.js';
import { configFindings } from '../rules/config.js';
import { configSchema, type Config } from '../schema/config.js';
import { meetingSchema, type Meeting } from '../schema/meeting.js';
import { checkShape } from './schema-issues.js';
import { textDiagnostics } from './text-findings.js';
import { decodeUserText } from './user-text.js';
import { locate, parseYaml, type YamlSource } from './yaml.js';

/** What checking a file finds: its text (when it decodes), its data when valid, and every problem. */
export interface Checked<T> {
  text?: string;
  data?: T;
  diagnostics: Diagnostic[];
}

/** A meeting file's bytes checked; `relativePath` is how its diagnostics name it. */
export function checkMeetingBytes(relativePath: string, bytes: Uint8Array): Checked<Meeting> {
  const read = decodeUserText(bytes, relativePath);
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  return { text: read.text, ...checkMeetingText(relativePath, read.text) };
}

/** gtm.yaml's bytes checked. */
export function checkConfigBytes(bytes: Uint8Array): Checked<Config> {
  const read = decodeUserText(bytes, CONFIG_FILE);
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  return { text: read.text, ...checkConfigText(read.text) };
}

/** A meeting's text: its data when valid, and every problem, located. */
export function checkMeetingText(relativePath: string, text: string): { data?: Meeting; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(relativePath, text);
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics };
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return { diagnostics: [error('pas-une-reunion', messages.notAMapping(), { file: relativePath, line: 1, column: 1 })] };
  }
  const texts = textDiagnostics(parsed.value, parsed.source);
  const shape = checkShape(meetingSchema, parsed.value, parsed.source);
  const diagnostics = [...texts, ...shape.diagnostics];
  return { ...(shape.data && !hasErrors(texts) ? { data: shape.data } : {}), diagnostics };
}

/** gtm.yaml's text: the configuration when valid, and every problem, located. */
export function checkConfigText(text: string): { data?: Config; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(CONFIG_FILE, text, messages.emptyConfig());
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics };
  const shape = checkShape(configSchema, parsed.value, parsed.source);
  const diagnostics = [...textDiagnostics(parsed.value, parsed.source), ...shape.diagnostics];
  if (shape.data && !Object.hasOwn(shape.data.groupes, shape.data.groupe_par_defaut)) {
    diagnostics.push(error('groupe-inconnu', messages.defaultGroupUnknown(shape.data.groupe_par_defaut), locateDefaultGroup(parsed.source)));
  }
  for (const finding of shape.data ? configFindings(shape.data) : []) {
    diagnostics.push(error(finding.code, finding.message, locate(parsed.source, finding.path, finding.path.length === 2 ? 'key' : 'value')));
  }
  return { ...(shape.data && !hasErrors(diagnostics) ? { data: shape.data } : {}), diagnostics };
}

function locateDefaultGroup(source: YamlSource) {
  const index = source.text.search(/^groupe_par_defaut\s*:/m);
  const { line, col } = source.lineCounter.linePos(Math.max(index, 0));
  return { file: source.file, line, column: col };
}
