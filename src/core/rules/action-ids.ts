// Action ids are unique across the repository (case-insensitively, since they are typed by
// hand), and a follow-up names an action decided at an earlier meeting.
import { error, type Diagnostic, type Location } from '../diagnostics.js';
import { messages, suggest } from '../messages.js';
import type { LoadedMeeting } from '../repository.js';
import type { Locate } from '../locations.js';
import type { Rule } from './rule.js';

interface Decided {
  id: string;
  meeting: LoadedMeeting;
  itemIndex: number;
  actionIndex: number;
}

/** Located only when reported. */
const decidedAt = (locate: Locate, decided: Decided): Location =>
  locate(decided.meeting, ['ordre_du_jour', decided.itemIndex, 'actions', decided.actionIndex, 'id']);

interface DecidedIndex {
  /** The first action decided under each id, upper-cased (ids are typed by hand). */
  byId: Map<string, Decided>;
  /** Every later action with an id already taken, with the first one. */
  duplicates: Array<{ decided: Decided; earlier: Decided }>;
}

/** Built once per list of meetings: both rules below need it (50,000 actions at scale). */
const indexes = new WeakMap<readonly LoadedMeeting[], DecidedIndex>();

function decidedIndex(meetings: readonly LoadedMeeting[]): DecidedIndex {
  let index = indexes.get(meetings);
  if (index) return index;
  index = { byId: new Map(), duplicates: [] };
  for (const meeting of meetings) {
    meeting.meeting.ordre_du_jour.forEach((item, itemIndex) =>
      item.actions?.forEach((action, actionIndex) => {
        const decided = { id: action.id, meeting, itemIndex, actionIndex };
        const key = action.id.toUpperCase();
        const earlier = index!.byId.get(key);
        if (earlier) index!.duplicates.push({ decided, earlier });
        else index!.byId.set(key, decided);
      }),
    );
  }
  indexes.set(meetings, index);
  return index;
}

export const uniqueActionIds: Rule = ({ meetings, locate }) =>
  decidedIndex(meetings).duplicates.map(({ decided, earlier }) => {
    const first = decidedAt(locate, earlier);
    const duplicate = error('id-en-double', '', decidedAt(locate, decided));
    // The message quotes where the id was first used: a line and column known once the rules' locations are resolved.
    return Object.defineProperty(duplicate, 'message', {
      enumerable: true,
      get: () => messages.duplicateActionId(decided.id, `${first.file}:${first.line}:${first.column}`),
    });
  });

export const followUpsOfEarlierActions: Rule = ({ meetings, locate }) => {
  const diagnostics: Diagnostic[] = [];
  const { byId } = decidedIndex(meetings);
  let ids: string[] | undefined;
  for (const loaded of meetings) {
    loaded.meeting.suivi_actions?.forEach((followUp, index) => {
      const location = () => locate(loaded, ['suivi_actions', index, 'action']);
      const decided = byId.get(followUp.action.toUpperCase());
      if (!decided) {
        ids ??= [...byId.values()].map((known) => known.id);
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
