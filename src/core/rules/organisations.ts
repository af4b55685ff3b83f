// Every acronym a meeting names must be in gtm.yaml's directory, so that renderers can
// expand it and the ledger can group actions by organisation.
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { messages, suggest } from '../messages.js';
import { isReservedResponsible } from '../schema/responsibles.js';
import type { DataPath } from '../source.js';
import type { Rule } from './rule.js';

export const knownOrganisations: Rule = ({ config, meetings, locate }) => {
  const directory = Object.keys(config.organisations);
  const known = new Set(directory);
  const diagnostics: Diagnostic[] = [];
  for (const loaded of meetings) {
    const check = (acronym: string, path: DataPath) => {
      if (known.has(acronym) || isReservedResponsible(acronym)) return;
      diagnostics.push(
        error('sigle-inconnu', messages.unknownOrganisation(acronym, suggest(acronym, directory)), locate(loaded, path)),
      );
    };
    const { meeting } = loaded;
    const seen = new Set<string>();
    meeting.presence.forEach((acronym, index) => {
      check(acronym, ['presence', index]);
      if (seen.has(acronym)) {
        diagnostics.push(warning('presence-en-double', messages.duplicateAttendance(acronym), locate(loaded, ['presence', index])));
      }
      seen.add(acronym);
    });
    meeting.ordre_du_jour.forEach((item, itemIndex) => {
      if (item.presentateur !== undefined) check(item.presentateur, ['ordre_du_jour', itemIndex, 'presentateur']);
      item.actions?.forEach((action, actionIndex) => {
        const base = ['ordre_du_jour', itemIndex, 'actions', actionIndex, 'responsables'];
        if (typeof action.responsables === 'string') check(action.responsables, base);
        else action.responsables?.forEach((acronym, index) => check(acronym, [...base, index]));
      });
    });
  }
  return diagnostics;
};
