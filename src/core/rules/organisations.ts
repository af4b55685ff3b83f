// Every acronym a meeting names must be in gtm.yaml's directory, so that renderers can
// expand it and the ledger can group actions by organisation.
import type { DataPath, Finding } from '../diagnostics.js';
import { messages, suggest } from '../messages.js';
import { attendanceOfEntry } from '../attendance.js';
import { isCollective } from '../collectives.js';
import { isReservedResponsible } from '../schema/responsibles.js';
import { errorAt, placeIn, warningAt, type Rule } from './rule.js';

export const knownOrganisations: Rule = ({ config, meetings }) => {
  const directory = Object.keys(config.organisations);
  const known = new Set(directory);
  const diagnostics: Finding[] = [];
  for (const loaded of meetings) {
    const check = (acronym: string, path: DataPath, collectiveAllowed = false) => {
      if (known.has(acronym) || isReservedResponsible(acronym)) return;
      if (isCollective(config, acronym)) {
        if (!collectiveAllowed) diagnostics.push(errorAt('collectif-present', messages.collectiveInAttendance(acronym), placeIn(loaded, path)));
        return;
      }
      diagnostics.push(
        errorAt('sigle-inconnu', messages.unknownOrganisation(acronym, suggest(acronym, directory)), placeIn(loaded, path)),
      );
    };
    const { meeting } = loaded;
    const seen = new Set<string>();
    meeting.presence.forEach((entry, index) => {
      const attendance = attendanceOfEntry(entry);
      const acronym = attendance.organisation;
      const path = typeof entry === 'string' ? ['presence', index] : ['presence', index, 'organisation'];
      check(acronym, path);
      if (seen.has(acronym)) diagnostics.push(warningAt('presence-en-double', messages.duplicateAttendance(acronym), placeIn(loaded, path)));
      seen.add(acronym);
      if (attendance.status === 'represente' && attendance.representedBy === undefined) {
        diagnostics.push(errorAt('representant-manquant', messages.representedWithoutWhom(acronym), placeIn(loaded, ['presence', index], 'key')));
      } else if (attendance.status !== 'represente' && attendance.representedBy !== undefined) {
        diagnostics.push(warningAt('representant-sans-statut', messages.representedByWithoutStatus(acronym), placeIn(loaded, ['presence', index, 'represente_par'])));
      }
    });
    meeting.ordre_du_jour.forEach((item, itemIndex) => {
      if (item.presentateur !== undefined) check(item.presentateur, ['ordre_du_jour', itemIndex, 'presentateur']);
      item.actions?.forEach((action, actionIndex) => {
        const base = ['ordre_du_jour', itemIndex, 'actions', actionIndex, 'responsables'];
        if (typeof action.responsables === 'string') check(action.responsables, base, true);
        else {
          const named = new Set<string>();
          action.responsables?.forEach((acronym, index) => {
            check(acronym, [...base, index], true);
            if (named.has(acronym)) diagnostics.push(warningAt('responsable-en-double', messages.duplicateResponsible(acronym), placeIn(loaded, [...base, index])));
            named.add(acronym);
          });
        }
      });
    });
  }
  return diagnostics;
};
