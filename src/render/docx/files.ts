// The Word format for gtm render: the meetings' documents, the same DocumentSpec as the PDF,
// written as .docx. Loaded only when a Word file is asked for.
import type { LoadedMeeting, Repository } from '../../core/model.js';
import { renderDocuments } from '../documents.js';
import type { RenderOptions } from '../formats.js';
import { renderDocx } from './index.js';

export function renderDocxFiles(meetings: readonly LoadedMeeting[], repository: Repository, options: RenderOptions): Promise<Map<LoadedMeeting, Uint8Array>> {
  return renderDocuments(meetings, repository, options, renderDocx);
}
