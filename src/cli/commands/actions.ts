// Placeholder until this command lands (being built in this session).
import type { Io } from '../io.js';

export async function run(_options: unknown, io: Io): Promise<number> {
  io.stderr('gtm : cette commande n’est pas encore disponible.\n');
  return 2;
}
