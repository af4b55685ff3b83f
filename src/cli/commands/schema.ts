// gtm schema [reunion|config]: the JSON Schema generated from the zod schema, for editors.
import { jsonSchemaOf } from '../../core/schema/json-schema.js';
import { EXIT, type ExitCode } from '../exit.js';
import type { Io } from '../io.js';

export async function run(options: { kind: 'reunion' | 'config' }, io: Io): Promise<ExitCode> {
  io.stdout(`${JSON.stringify(jsonSchemaOf(options.kind), null, 2)}\n`);
  return EXIT.ok;
}
