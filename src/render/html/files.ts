// The HTML format for gtm render: the same Markdown as the .md and the same DocumentSpec as the
// PDF and the .docx, written as one page.
import type { LoadedMeeting, Repository } from '../../core/model.js';
import { minutesDocument } from '../../document/index.js';
import type { RenderOptions } from '../formats.js';
import { renderMinutes } from '../minutes.js';
import { pageFurniture } from '../page-furniture.js';
import { renderHtml } from './index.js';

export async function renderHtmlFiles(
  meetings: readonly LoadedMeeting[],
  repository: Repository,
  options: RenderOptions,
): Promise<Map<LoadedMeeting, string>> {
  const rendered = new Map<LoadedMeeting, string>();
  for (const { meeting, source, markdown } of await renderMinutes(meetings, repository, options.sources)) {
    const furniture = pageFurniture(meeting, repository.config, source);
    rendered.set(meeting, renderHtml(minutesDocument(markdown, { ...furniture, draft: furniture.draft || options.draft === true })));
  }
  return rendered;
}
