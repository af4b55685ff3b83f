// A meeting belongs to a declared group, and its file is named after its date and group
// (AAAA-MM-JJ-groupe.yaml), which is also the meeting id users type.
import type { Finding } from '../diagnostics.js';
import { messages, suggest } from '../messages.js';
import { fileNameOf } from '../model.js';
import { errorAt, placeIn, type Rule } from './rule.js';

export const meetingFileName = (date: string, group: string): string => `${date}-${group}.yaml`;

export const knownGroupAndFileName: Rule = ({ config, meetings }) => {
  const groups = Object.keys(config.groupes);
  const diagnostics: Finding[] = [];
  for (const loaded of meetings) {
    // Own keys only: `in` would also accept « constructor » or « __proto__ » from Object.prototype.
    if (!Object.hasOwn(config.groupes, loaded.group)) {
      diagnostics.push(
        errorAt('groupe-inconnu', messages.unknownGroup(loaded.group, suggest(loaded.group, groups)), placeIn(loaded, ['groupe'])),
      );
      continue;
    }
    const expected = meetingFileName(loaded.meeting.date, loaded.group);
    const actual = fileNameOf(loaded.relativePath);
    if (actual.replace(/\.yml$/, '.yaml') !== expected) {
      diagnostics.push(errorAt('nom-de-fichier', messages.fileNameMismatch(expected), placeIn(loaded, ['date'])));
    }
  }
  return diagnostics;
};
