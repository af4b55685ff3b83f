// Action ids are unique across the repository (case-insensitively, since they are typed by
// hand), and a follow-up names an action decided at an earlier meeting.
import { error, type Diagnostic, type Location } from '../diagnostics.js';
import { messages, suggest } from '../messages.js';
import { locate } from '../source.js';
import type { LoadedMeeting } from '../repository.js';
import type { Rule } from './rule.js';

interface Decided {
  id: string;
  meeting: LoadedMeeting;
  /** Located only when reported: locating may have to parse the file again. */
  location(): Location;
}

export const uniqueActionIds: Rule = ({ meetings }) => {
  const diagnostics: Diagnostic[] = [];
  const first = new Map<string, Decided>();
  for (const decided of decidedActions(meetings)) {
    const key = decided.id.toUpperCase();
    const earlier = first.get(key);
    if (earlier) {
      const at = earlier.location();
      const place = `${at.file}:${at.line}:${at.column}`;
      diagnostics.push(error('id-en-double', messages.duplicateActionId(decided.id, place), decided.location()));
    } else {
      first.set(key, decided);
    }
  }
  return diagnostics;
};

export const followUpsOfEarlierActions: Rule = ({ meetings }) => {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, Decided>();
  for (const decided of decidedActions(meetings)) if (!byId.has(decided.id.toUpperCase())) byId.set(decided.id.toUpperCase(), decided);
  const ids = [...byId.values()].map((decided) => decided.id);
  for (const loaded of meetings) {
    loaded.meeting.suivi_actions?.forEach((followUp, index) => {
      const location = () => locate(loaded.source, ['suivi_actions', index, 'action']);
      const decided = byId.get(followUp.action.toUpperCase());
      if (!decided) {
        diagnostics.push(error('suivi-inconnu', messages.unknownFollowedAction(followUp.action, suggest(followUp.action, ids)), location()));
      } else if (decided.meeting === loaded) {
        diagnostics.push(error('suivi-meme-reunion', messages.followUpInSameMeeting(followUp.action), location()));
      } else if (decided.meeting.meeting.date > loaded.meeting.date) {
        diagnostics.push(error('suivi-anterieur', messages.followUpOfLaterAction(followUp.action, decided.meeting.id), location()));
      }
    });
  }
  return diagnostics;
};

function* decidedActions(meetings: readonly LoadedMeeting[]): Generator<Decided> {
  for (const meeting of meetings) {
    for (const [itemIndex, item] of meeting.meeting.ordre_du_jour.entries()) {
      for (const [actionIndex, action] of (item.actions ?? []).entries()) {
        yield { id: action.id, meeting, location: () => locate(meeting.source, ['ordre_du_jour', itemIndex, 'actions', actionIndex, 'id']) };
      }
    }
  }
}
