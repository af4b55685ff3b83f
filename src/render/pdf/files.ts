// The PDF format for gtm render: for each meeting, the state of its file in git (version for the
// footer, uncommitted changes for the « PROJET » watermark), its Markdown, then the PDF.
// Loaded only when a PDF is asked for: the typesetter and its fonts stay out of other commands.
import { buildLedger } from '../../core/ledger/index.js';
import { gitVersionOf, hasUncommittedChanges } from '../../core/git.js';
import type { LoadedMeeting, Repository } from '../../core/repository.js';
import { loadTemplates, renderMarkdown } from '../markdown/index.js';
import { versionLabel, type SourceState } from './context.js';
import { minutesPdfContext, renderPdf } from './index.js';

/** git runs as a child process; a few at a time keep --all fast without flooding the machine. */
const GIT_CONCURRENCY = 8;

export async function renderPdfFiles(meetings: readonly LoadedMeeting[], repository: Repository): Promise<Map<LoadedMeeting, Uint8Array>> {
  const [templates, sources] = await Promise.all([loadTemplates(repository.root), sourceStates(meetings)]);
  const rendered = new Map<LoadedMeeting, Uint8Array>();
  for (const [index, meeting] of meetings.entries()) {
    const source = sources[index]!;
    // The follow-up table shows each action as this meeting found it, whatever came later.
    const ledger = buildLedger(repository.meetings, repository.config, { before: { date: meeting.meeting.date, id: meeting.id } });
    const version = versionLabel(source);
    const markdown = renderMarkdown(meeting, {
      config: repository.config,
      templates,
      actionById: (id) => ledger.byId(id),
      ...(version ? { version } : {}),
    });
    rendered.set(meeting, await renderPdf(markdown, minutesPdfContext(meeting, repository.config, source)));
  }
  return rendered;
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
