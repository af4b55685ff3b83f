// The HTML format for gtm render: the meetings' documents, the same DocumentSpec as the PDF and
// the .docx, written as one page each.
import type { LoadedMeeting, Repository } from '../../core/model.js';
import { renderDocuments } from '../documents.js';
import type { RenderOptions } from '../formats.js';
import { renderHtml } from './index.js';

export function renderHtmlFiles(meetings: readonly LoadedMeeting[], repository: Repository, options: RenderOptions): Promise<Map<LoadedMeeting, string>> {
  return renderDocuments(meetings, repository, options, (spec) => renderHtml(spec));
}
