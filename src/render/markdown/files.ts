// The Markdown format for gtm render: loads the templates once (with the repository's
// overrides) and the action ledger, then renders each meeting.
import { buildLedger } from '../../core/ledger/index.js';
import type { LoadedMeeting, Repository } from '../../core/repository.js';
import { loadTemplates, renderMarkdown } from './index.js';

export async function renderMarkdownFiles(meetings: readonly LoadedMeeting[], repository: Repository): Promise<Map<LoadedMeeting, string>> {
  const templates = await loadTemplates(repository.root);
  const rendered = new Map<LoadedMeeting, string>();
  for (const meeting of meetings) {
    // The follow-up table shows each action as this meeting found it, whatever came later.
    const ledger = buildLedger(repository.meetings, repository.config, { before: { date: meeting.meeting.date, id: meeting.id } });
    rendered.set(meeting, renderMarkdown(meeting, { config: repository.config, templates, actionById: (id) => ledger.byId(id) }));
  }
  return rendered;
}
