// Every acronym a meeting names must be in gtm.yaml's directory, so that renderers can
// expand it and the ledger can group actions by organisation.
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { messages, suggest } from '../messages.js';
import { attendanceOfEntry } from '../attendance.js';
import { isCollective } from '../collectives.js';
import { isReservedResponsible } from '../schema/responsibles.js';
import type { DataPath } from '../source.js';
import type { Rule } from './rule.js';

export const knownOrganisations: Rule = ({ config, meetings, locate }) => {
  const directory = Object.keys(config.organisations);
  const known = new Set(directory);
  const diagnostics: Diagnostic[] = [];
  for (const loaded of meetings) {
    const check = (acronym: string, path: DataPath, collectiveAllowed = false) => {
      if (known.has(acronym) || isReservedResponsible(acronym)) return;
      if (isCollective(config, acronym)) {
        if (!collectiveAllowed) diagnostics.push(error('collectif-present', messages.collectiveInAttendance(acronym), locate(loaded, path)));
        return;
      }
      diagnostics.push(
        error('sigle-inconnu', messages.unknownOrganisation(acronym, suggest(acronym, directory)), locate(loaded, path)),
      );
    };
    const { meeting } = loaded;
    const seen = new Set<string>();
    meeting.presence.forEach((entry, index) => {
      const attendance = attendanceOfEntry(entry);
      const acronym = attendance.organisation;
      const path = typeof entry === 'string' ? ['presence', index] : ['presence', index, 'organisation'];
      check(acronym, path);
      if (seen.has(acronym)) diagnostics.push(warning('presence-en-double', messages.duplicateAttendance(acronym), locate(loaded, path)));
      seen.add(acronym);
      if (attendance.status === 'represente' && attendance.representedBy === undefined) {
        diagnostics.push(error('representant-manquant', messages.representedWithoutWhom(acronym), locate(loaded, ['presence', index], 'key')));
      } else if (attendance.status !== 'represente' && attendance.representedBy !== undefined) {
        diagnostics.push(warning('representant-sans-statut', messages.representedByWithoutStatus(acronym), locate(loaded, ['presence', index, 'represente_par'])));
      }
    });
    meeting.ordre_du_jour.forEach((item, itemIndex) => {
      if (item.presentateur !== undefined) check(item.presentateur, ['ordre_du_jour', itemIndex, 'presentateur']);
      item.actions?.forEach((action, actionIndex) => {
        const base = ['ordre_du_jour', itemIndex, 'actions', actionIndex, 'responsables'];
        if (typeof action.responsables === 'string') check(action.responsables, base, true);
        else action.responsables?.forEach((acronym, index) => check(acronym, [...base, index], true));
      });
    });
  }
  return diagnostics;
};
