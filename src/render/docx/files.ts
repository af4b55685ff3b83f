// The Word format for gtm render: the same Markdown as the .md and the same DocumentSpec as the
// PDF, written as a .docx, with the page furniture decided from the file's state in git.
// Loaded only when a Word file is asked for.
import type { LoadedMeeting, Repository } from '../../core/model.js';
import { minutesDocument } from '../../document/index.js';
import type { RenderOptions } from '../formats.js';
import { renderMinutes } from '../minutes.js';
import { pageFurniture } from '../page-furniture.js';
import { renderDocx } from './index.js';

export async function renderDocxFiles(
  meetings: readonly LoadedMeeting[],
  repository: Repository,
  options: RenderOptions,
): Promise<Map<LoadedMeeting, Uint8Array>> {
  const rendered = new Map<LoadedMeeting, Uint8Array>();
  for (const { meeting, source, markdown } of await renderMinutes(meetings, repository, options.sources)) {
    const furniture = pageFurniture(meeting, repository.config, source);
    rendered.set(meeting, renderDocx(minutesDocument(markdown, { ...furniture, draft: furniture.draft || options.draft === true })));
  }
  return rendered;
}
