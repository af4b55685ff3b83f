// Collective responsibles (« les PTF », « les OSC », « DRECM/R et partenaires »): names that
// gtm.yaml's `collectifs` defines by directory types and/or a list, written in `responsables`
// like an acronym. Pure.
import type { Config } from './schema/config.js';

/** Whether `name` is a collective of the configuration (exactly as written there). */
export function isCollective(config: Pick<Config, 'collectifs'>, name: string): boolean {
  return config.collectifs !== undefined && Object.hasOwn(config.collectifs, name);
}

/** The organisations of a collective: its listed members, then those of its types, each once. */
export function collectiveMembers(config: Pick<Config, 'collectifs' | 'organisations'>, name: string): string[] {
  const collective = isCollective(config, name) ? config.collectifs![name]! : undefined;
  if (!collective) return [];
  const members = new Set(collective.membres ?? []);
  const types = new Set<string>(collective.types ?? []);
  if (types.size > 0) for (const [acronym, organisation] of Object.entries(config.organisations)) if (types.has(organisation.type)) members.add(acronym);
  return [...members];
}

/** The collectives `acronym` belongs to. */
export function collectivesOf(config: Pick<Config, 'collectifs' | 'organisations'>, acronym: string): string[] {
  return Object.keys(config.collectifs ?? {}).filter((name) => collectiveMembers(config, name).includes(acronym));
}

/** The collective's display name (« Les partenaires techniques et financiers »), else the name as written. */
export function collectiveLabel(config: Pick<Config, 'collectifs'>, name: string): string {
  return isCollective(config, name) ? config.collectifs![name]!.nom : name;
}
