// What both formats of gtm render share: for each meeting, the state of its file in git (the
// version printed at the foot, uncommitted changes for the « PROJET » watermark) and its
// Markdown, from the templates. The PDF is typeset from that Markdown.
import { gitVersionOf, hasUncommittedChanges, type GitVersion } from '../core/repository/git.js';
import { buildLedger } from '../core/ledger/index.js';
import type { LoadedMeeting, Repository } from '../core/model.js';
import { loadTemplates, renderMarkdown } from './markdown/index.js';

/** The meeting file as git knows it. */
export interface SourceState {
  /** Last commit that touched the file; undefined outside git or before its first commit. */
  version: GitVersion | undefined;
  /** The file differs from that commit (or was never committed). */
  uncommitted: boolean;
}

export interface RenderedMinutes {
  meeting: LoadedMeeting;
  source: SourceState;
  markdown: string;
}

/** git runs as a child process; a few at a time keep --all fast without flooding the machine. */
const GIT_CONCURRENCY = 8;

export async function renderMinutes(meetings: readonly LoadedMeeting[], repository: Repository): Promise<RenderedMinutes[]> {
  const [templates, sources] = await Promise.all([loadTemplates(repository.root), sourceStates(meetings)]);
  return meetings.map((meeting, index) => {
    const source = sources[index]!;
    // The follow-up table shows each action as this meeting found it, whatever came later.
    const ledger = buildLedger(repository.meetings, { before: { date: meeting.meeting.date, id: meeting.id } });
    const version = versionLabel(source);
    const markdown = renderMarkdown(meeting, {
      config: repository.config,
      templates,
      actionById: (id) => ledger.byId(id),
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

async function sourceStates(meetings: readonly LoadedMeeting[]): Promise<SourceState[]> {
  const states: SourceState[] = new Array(meetings.length);
  let next = 0;
  const worker = async () => {
    while (next < meetings.length) {
      const index = next++;
      const file = meetings[index]!.file;
      const [version, uncommitted] = await Promise.all([gitVersionOf(file), hasUncommittedChanges(file)]);
      states[index] = { version, uncommitted };
    }
  };
  await Promise.all(Array.from({ length: Math.min(GIT_CONCURRENCY, meetings.length) }, worker));
  return states;
}
