// Checks across the sections of gtm.yaml that its schema cannot make: the organisations that a
// group's members, its chair and the collectives name must be in the directory, and a
// collective must not take an organisation's name. Each finding names its place by data path.
import { messages, suggest } from '../messages.js';
import type { Config } from '../schema/config.js';
import type { DataPath } from '../diagnostics.js';

export interface ConfigFinding {
  code: string;
  message: string;
  path: DataPath;
}

export function configFindings(config: Config): ConfigFinding[] {
  const directory = Object.keys(config.organisations);
  const known = (acronym: string) => Object.hasOwn(config.organisations, acronym);
  const findings: ConfigFinding[] = [];
  for (const [key, group] of Object.entries(config.groupes)) {
    const seen = new Set<string>();
    group.membres?.forEach((acronym, index) => {
      const path = ['groupes', key, 'membres', index];
      if (!known(acronym)) findings.push({ code: 'membre-inconnu', message: messages.unknownMember(acronym, key, suggest(acronym, directory)), path });
      else if (seen.has(acronym)) findings.push({ code: 'membre-en-double', message: messages.duplicateMember(acronym, key), path });
      seen.add(acronym);
    });
    if (group.presidence !== undefined && !known(group.presidence)) {
      findings.push({
        code: 'presidence-inconnue',
        message: messages.unknownChair(group.presidence, key, suggest(group.presidence, directory)),
        path: ['groupes', key, 'presidence'],
      });
    }
  }
  const codes = new Map<string, string>();
  for (const [key, group] of Object.entries(config.groupes)) {
    const other = codes.get(group.code);
    if (other !== undefined) findings.push({ code: 'code-en-double', message: messages.duplicateGroupCode(group.code, other), path: ['groupes', key, 'code'] });
    else codes.set(group.code, key);
  }
  for (const [name, collective] of Object.entries(config.collectifs ?? {})) {
    if (known(name)) findings.push({ code: 'collectif-homonyme', message: messages.collectiveNamedLikeOrganisation(name), path: ['collectifs', name] });
    collective.membres?.forEach((acronym, index) => {
      if (!known(acronym)) {
        findings.push({
          code: 'membre-inconnu',
          message: messages.unknownCollectiveMember(acronym, name, suggest(acronym, directory)),
          path: ['collectifs', name, 'membres', index],
        });
      }
    });
  }
  return findings;
}
