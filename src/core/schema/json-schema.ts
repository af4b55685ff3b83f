// JSON Schemas for editors (VS Code's YAML extension), generated from the zod schemas so
// that they never drift from what `gtm validate` accepts.
import * as z from 'zod/mini';
import { configSchema } from './config.js';
import { meetingSchema } from './meeting.js';

export const SCHEMA_FILES = { reunion: 'schema/reunion.schema.json', config: 'schema/config.schema.json' } as const;

export function jsonSchemaOf(kind: 'reunion' | 'config'): object {
  const schema = kind === 'reunion' ? meetingSchema : configSchema;
  return z.toJSONSchema(schema, { io: 'input', target: 'draft-07', unrepresentable: 'any' });
}
