// What search indexes, the same for `gtm search` and the site: one document per agenda item
// (its title, presenter, discussion and action points) and per annex, with the anchor its page
// gives it (#point-N, #annexe-N, as the compte-rendu numbers them). Built from the meeting's
// data rather than from the rendered document, so that a search of a thousand meetings needs no
// typesetting: the words are the rapporteur's, and the headings' numbers the templates'. Pure.
import { parseIsoDate } from '../core/calendar.js';
import { formatDay } from '../core/french/index.js';
import type { LoadedMeeting } from '../core/model.js';
import type { Config } from '../core/schema/config.js';
import type { SearchDocument } from './index.js';

/** Every meeting's documents, in the meetings' order. */
export function searchDocuments(meetings: readonly LoadedMeeting[], config: Config): SearchDocument[] {
  return meetings.flatMap((loaded) => meetingSearchDocuments(loaded, meetingLabel(loaded, config)));
}

/** « GTM – jeudi 20 juillet 2023 »: a meeting as a reader names it. */
export function meetingLabel(loaded: LoadedMeeting, config: Config): string {
  const group = Object.hasOwn(config.groupes, loaded.group) ? config.groupes[loaded.group] : undefined;
  return `${group?.sigle ?? loaded.group} – ${formatDay(parseIsoDate(loaded.meeting.date)!, { weekday: true })}`;
}

export function meetingSearchDocuments(loaded: LoadedMeeting, label: string): SearchDocument[] {
  const { meeting } = loaded;
  const base = { reunion: loaded.id, date: meeting.date, groupe: loaded.group, intitule: label };
  const documents: SearchDocument[] = meeting.ordre_du_jour.map((item, index) => {
    const presenter = item.presentateur ?? item.intervenant;
    const lines = [
      ...(item.discussion ? [plainMarkdown(item.discussion)] : []),
      ...(item.actions ?? []).map((action) => `${action.id} – ${action.action}`),
    ];
    return {
      ...base,
      id: `${loaded.id}#point-${index + 1}`,
      ancre: `point-${index + 1}`,
      titre: `${index + 1}. ${item.titre}${presenter ? ` (${presenter})` : ''}`,
      texte: lines.join('\n'),
    };
  });
  (meeting.annexes ?? []).forEach((annex, index) => {
    documents.push({
      ...base,
      id: `${loaded.id}#annexe-${index + 1}`,
      ancre: `annexe-${index + 1}`,
      titre: `Annexe ${index + 1} : ${annex.titre}`,
      texte: plainMarkdown(annex.contenu),
    });
  });
  return documents;
}

/**
 * A rapporteur's Markdown as the words a reader sees, for excerpts: markers of headings, lists,
 * quotes, emphasis and code dropped, a link shown by its text, a bare URL kept.
 */
export function plainMarkdown(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)/gm, '')
    .replace(/^[ \t]*(?:```|~~~).*$/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<((?:https?|ftp|mailto):[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__|\*|_|`|~~)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
