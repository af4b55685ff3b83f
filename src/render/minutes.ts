// What every format of gtm render shares: for each meeting, its Markdown from the templates,
// with the version of its file in git at the foot (the states are asked of git once, by the
// command, through core/repository/git.ts) and its follow-up table as it stood at that meeting
// (one fold of the ledger for all the meetings rendered). The PDF and Word files are built
// from that Markdown.
import { actionsAsFollowedUp } from '../core/ledger/index.js';
import type { LoadedMeeting, Repository, SourceState } from '../core/model.js';
import { loadTemplates, renderMarkdown } from './markdown/index.js';

export type { SourceState } from '../core/model.js';

export interface RenderedMinutes {
  meeting: LoadedMeeting;
  source: SourceState;
  markdown: string;
}

const NOT_IN_GIT: SourceState = { version: undefined, uncommitted: false };

export async function renderMinutes(
  meetings: readonly LoadedMeeting[],
  repository: Repository,
  sources: ReadonlyMap<string, SourceState>,
): Promise<RenderedMinutes[]> {
  const templates = await loadTemplates(repository.root);
  // The follow-up table shows each action as this meeting found it, whatever came later.
  const followedUp = actionsAsFollowedUp(repository.meetings);
  return meetings.map((meeting) => {
    const source = sources.get(meeting.relativePath) ?? NOT_IN_GIT;
    const seen = followedUp.get(meeting);
    const version = versionLabel(source);
    const markdown = renderMarkdown(meeting, {
      config: repository.config,
      templates,
      actionById: (id) => seen?.get(id.toUpperCase()),
      ...(version ? { version } : {}),
    });
    return { meeting, source, markdown };
  });
}

/**
 * « 3f2a9c1 du 02/02/2021 », what the templates print as the source's version (short: it ends
 * the footer line); « 3f2a9c1 modifiée » when the file has changed since that commit.
 */
export function versionLabel(source: SourceState): string | undefined {
  if (!source.version) return undefined;
  if (source.uncommitted) return `${source.version.commit} modifiée`;
  const [year, month, day] = source.version.date.split('-');
  return `${source.version.commit} du ${day}/${month}/${year}`;
}
