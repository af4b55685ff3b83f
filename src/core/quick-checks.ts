// Valid files read fast: js-yaml's data (fast-yaml.ts) checked by the schema, with no source
// positions and without loading yaml. Undefined for a file with any problem, which
// shape-checks.ts then composes with yaml to word and place every problem.
import { readYamlData } from './fast-yaml.js';
import { configFindings } from './rules/config.js';
import { configSchema, type Config } from './schema/config.js';
import { meetingSchema, type Meeting } from './schema/meeting.js';

/** A meeting's data when js-yaml reads its text and the schema finds it valid. */
export function readValidMeeting(text: string): Meeting | undefined {
  const quick = readYamlData(text);
  if (!isPlainRecord(quick)) return undefined;
  const valid = meetingSchema.safeParse(quick);
  return valid.success ? valid.data : undefined;
}

/**
 * gtm.yaml's configuration when js-yaml reads it and it is valid, else undefined (see
 * readValidMeeting). Its directories are records, whose keys the schema does not list: one that
 * js-yaml reads where yaml refuses it (a null or empty key, __proto__) also goes to yaml.
 */
export function readValidConfig(text: string): Config | undefined {
  const quick = readYamlData(text);
  if (!isPlainRecord(quick) || !Object.values(quick).every(hasNamedKeys)) return undefined;
  const valid = configSchema.safeParse(quick);
  if (!valid.success || !Object.hasOwn(valid.data.groupes, valid.data.groupe_par_defaut)) return undefined;
  return configFindings(valid.data).length === 0 ? valid.data : undefined;
}

const isPlainRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function hasNamedKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(hasNamedKeys);
  if (!isPlainRecord(value)) return true;
  return Object.entries(value).every(([key, inner]) => key !== '' && key !== 'null' && key !== '__proto__' && hasNamedKeys(inner));
}

