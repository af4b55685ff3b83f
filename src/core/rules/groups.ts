// A meeting belongs to a declared group, and its file is named after its date and group
// (AAAA-MM-JJ-groupe.yaml), which is also the meeting id users type.
import path from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import { messages, suggest } from '../messages.js';
import type { Rule } from './rule.js';

export const meetingFileName = (date: string, group: string): string => `${date}-${group}.yaml`;

export const knownGroupAndFileName: Rule = ({ config, meetings, locate }) => {
  const groups = Object.keys(config.groupes);
  const diagnostics: Diagnostic[] = [];
  for (const loaded of meetings) {
    // Own keys only: `in` would also accept « constructor » or « __proto__ » from Object.prototype.
    if (!Object.hasOwn(config.groupes, loaded.group)) {
      diagnostics.push(
        error('groupe-inconnu', messages.unknownGroup(loaded.group, suggest(loaded.group, groups)), locate(loaded, ['groupe'])),
      );
      continue;
    }
    const expected = meetingFileName(loaded.meeting.date, loaded.group);
    const actual = path.basename(loaded.file);
    if (actual.replace(/\.yml$/, '.yaml') !== expected) {
      diagnostics.push(error('nom-de-fichier', messages.fileNameMismatch(expected), locate(loaded, ['date'])));
    }
  }
  return diagnostics;
};
