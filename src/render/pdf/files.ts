// The PDF format for gtm render: the same Markdown as the .md, typeset, with the page furniture
// (footer version, « PROJET » watermark) decided from the file's state in git.
// Loaded only when a PDF is asked for: the typesetter and its fonts stay out of other commands.
import type { LoadedMeeting, Repository } from '../../core/model.js';
import type { RenderOptions } from '../formats.js';
import { renderMinutes } from '../minutes.js';
import { pageFurniture } from '../page-furniture.js';
import { renderPdf } from './index.js';

export async function renderPdfFiles(
  meetings: readonly LoadedMeeting[],
  repository: Repository,
  options: RenderOptions,
): Promise<Map<LoadedMeeting, Uint8Array>> {
  const rendered = new Map<LoadedMeeting, Uint8Array>();
  for (const { meeting, source, markdown } of await renderMinutes(meetings, repository, options.sources)) {
    const furniture = pageFurniture(meeting, repository.config, source);
    rendered.set(meeting, await renderPdf(markdown, { ...furniture, draft: furniture.draft || options.draft === true }));
  }
  return rendered;
}
