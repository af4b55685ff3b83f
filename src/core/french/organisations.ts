// Organisations are written by acronym in the meeting files; the directory in gtm.yaml gives
// their full names, which the minutes show where a reader may not know the acronym.
import { collectiveLabel } from '../collectives.js';
import type { Config } from '../schema/config.js';

/**
 * Responsible organisations as one line: « SP/CCM, DRC/MMC », « Tous les acteurs », « À
 * désigner »; a collective by its name (« Les partenaires techniques et financiers ») when the
 * configuration is given.
 */
export function formatResponsibles(names: readonly string[], config?: Pick<Config, 'collectifs'>): string {
  const named = names.filter((name) => name !== '?');
  if (named.length === 0) return 'À désigner';
  return named.map((name) => (name.toLowerCase() === 'tous' ? 'Tous les acteurs' : config ? collectiveLabel(config, name) : name)).join(', ');
}

/** The directory's full name, when it says more than the acronym itself. */
function informativeName(acronym: string, config: Config): string | undefined {
  const name = Object.hasOwn(config.organisations, acronym) ? config.organisations[acronym]?.nom : undefined;
  if (name === undefined) return undefined;
  const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return plain(name) === plain(acronym) ? undefined : name;
}

/** « OIM (Organisation Internationale pour les Migrations) »; the acronym alone when unknown. */
export function acronymWithName(acronym: string, config: Config): string {
  const name = informativeName(acronym, config);
  return name ? `${acronym} (${name})` : acronym;
}

/** « OIM – Organisation Internationale pour les Migrations », as in the attendance list. */
export function acronymDashName(acronym: string, config: Config): string {
  const name = informativeName(acronym, config);
  return name ? `${acronym} – ${name}` : acronym;
}
