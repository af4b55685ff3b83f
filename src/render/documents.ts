// What every paged format of gtm render does per meeting: its Markdown (renderMinutes) read
// into the one DocumentSpec with its page furniture, then written by the format's own writer.
import type { LoadedMeeting, Repository } from '../core/model.js';
import { minutesDocument, type DocumentSpec } from '../document/index.js';
import type { RenderOptions } from './formats.js';
import { renderMinutes } from './minutes.js';
import { pageFurniture } from './page-furniture.js';

export async function renderDocuments<Output extends string | Uint8Array>(
  meetings: readonly LoadedMeeting[],
  repository: Repository,
  options: RenderOptions,
  write: (spec: DocumentSpec) => Output | Promise<Output>,
): Promise<Map<LoadedMeeting, Output>> {
  const rendered = new Map<LoadedMeeting, Output>();
  for (const { meeting, source, markdown } of await renderMinutes(meetings, repository, options.sources)) {
    const furniture = pageFurniture(meeting, repository.config, source);
    rendered.set(meeting, await write(minutesDocument(markdown, { ...furniture, draft: furniture.draft || options.draft === true })));
  }
  return rendered;
}
