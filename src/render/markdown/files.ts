// The Markdown format for gtm render: the compte-rendu as the templates write it.
import type { LoadedMeeting, Repository } from '../../core/model.js';
import type { RenderOptions } from '../formats.js';
import { renderMinutes } from '../minutes.js';

export async function renderMarkdownFiles(
  meetings: readonly LoadedMeeting[],
  repository: Repository,
  options: RenderOptions,
): Promise<Map<LoadedMeeting, string>> {
  const rendered = await renderMinutes(meetings, repository, options.sources);
  return new Map(rendered.map(({ meeting, markdown }) => [meeting, markdown]));
}
