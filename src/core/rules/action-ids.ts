// Action ids are unique across the repository (case-insensitively, since they are typed by
// hand), and a follow-up names an action decided at an earlier meeting.
import type { Finding, Place } from '../diagnostics.js';
import { messages, suggest } from '../messages.js';
import type { LoadedMeeting } from '../model.js';
import { errorAt, placeIn, type Rule } from './rule.js';

interface Decided {
  id: string;
  meeting: LoadedMeeting;
  itemIndex: number;
  actionIndex: number;
}

const decidedAt = (decided: Decided): Place =>
  placeIn(decided.meeting, ['ordre_du_jour', decided.itemIndex, 'actions', decided.actionIndex, 'id']);

/** The first action decided under each id, upper-cased (ids are typed by hand), and every later one with an id already taken. */
function decidedIndex(meetings: readonly LoadedMeeting[]) {
  const byId = new Map<string, Decided>();
  const duplicates: Array<{ decided: Decided; earlier: Decided }> = [];
  for (const meeting of meetings) {
    meeting.meeting.ordre_du_jour.forEach((item, itemIndex) =>
      item.actions?.forEach((action, actionIndex) => {
        const decided = { id: action.id, meeting, itemIndex, actionIndex };
        const key = action.id.toUpperCase();
        const earlier = byId.get(key);
        if (earlier) duplicates.push({ decided, earlier });
        else byId.set(key, decided);
      }),
    );
  }
  return { byId, duplicates };
}

/** Both checks need the same index of decided actions: one rule, built once. */
export const actionIds: Rule = ({ meetings }) => {
  const { byId, duplicates } = decidedIndex(meetings);
  const findings: Finding[] = duplicates.map(({ decided, earlier }) => ({
    severity: 'error',
    code: 'id-en-double',
    at: decidedAt(decided),
    // The message quotes where the id was first used.
    cites: decidedAt(earlier),
    message: (first: string) => messages.duplicateActionId(decided.id, first),
  }));
  let ids: string[] | undefined;
  for (const loaded of meetings) {
    const followed = new Map<string, Place>();
    loaded.meeting.suivi_actions?.forEach((followUp, index) => {
      const at = placeIn(loaded, ['suivi_actions', index, 'action']);
      const earlier = followed.get(followUp.action.toUpperCase());
      if (earlier) {
        findings.push({ severity: 'error', code: 'suivi-en-double', at, cites: earlier, message: (first: string) => messages.duplicateFollowUp(followUp.action, first) });
        return;
      }
      followed.set(followUp.action.toUpperCase(), at);
      const decided = byId.get(followUp.action.toUpperCase());
      if (!decided) {
        ids ??= [...byId.values()].map((known) => known.id);
        findings.push(errorAt('suivi-inconnu', messages.unknownFollowedAction(followUp.action, suggest(followUp.action, ids)), at));
      } else if (decided.meeting === loaded) {
        findings.push(errorAt('suivi-meme-reunion', messages.followUpInSameMeeting(followUp.action), at));
      } else if (decided.meeting.meeting.date > loaded.meeting.date) {
        findings.push(errorAt('suivi-anterieur', messages.followUpOfLaterAction(followUp.action, decided.meeting.id), at));
      }
    });
  }
  return findings;
};
