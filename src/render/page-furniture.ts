// What a meeting's pages carry besides its Markdown: footer reference, running header, draft
// watermark, metadata. Decided from the meeting, its group and the state of its file in git.
import { parseIsoDate, type Day } from '../core/calendar.js';
import { formatDay } from '../core/french/index.js';
import type { LoadedMeeting } from '../core/model.js';
import type { Config } from '../core/schema/config.js';
import type { SourceState } from './minutes.js';
import type { PageFurniture } from '../document/index.js';

export function pageFurniture(loaded: LoadedMeeting, config: Config, source: SourceState): PageFurniture {
  const group = Object.hasOwn(config.groupes, loaded.group) ? config.groupes[loaded.group] : undefined;
  // Validation refuses an unknown group before rendering; this guards direct callers.
  if (!group) throw new Error(`unknown group ${loaded.group}`);
  const meetingDay = parseIsoDate(loaded.meeting.date)!;
  const date = formatDay(meetingDay);
  const committedDay = source.version && !source.uncommitted ? parseIsoDate(source.version.date) : undefined;
  return {
    reference: `${group.sigle} – Compte-rendu du ${date}`,
    runningHeader: group.titre_court ?? shortTitle(group.titre),
    draft: loaded.meeting.statut === 'brouillon' || source.uncommitted,
    metadata: {
      title: `${group.titre} – ${date}`,
      author: `${group.nom} (${group.sigle})`,
      subject: `Compte-rendu de la réunion du ${date}`,
      keywords: [group.sigle, 'compte-rendu', 'migration', 'Niger', loaded.id],
      language: 'fr-FR',
      // The date of the version printed (the last commit of a clean file), else the meeting's:
      // the document's own dates, never the clock, so the same source gives the same bytes.
      creationDate: noonUtc(committedDay ?? meetingDay),
    },
  };
}

/** The title before its first dash: « Compte-rendu de la réunion du Groupe Technique sur la Migration ». */
function shortTitle(title: string): string {
  return title.split(/\s+[–—-]\s+/)[0]!.trim();
}

/** Midday, so that the day reads the same in every time zone a reader may be in. */
function noonUtc(day: Day): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day, 12));
}
