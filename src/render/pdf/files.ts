// The PDF format for gtm render: the meetings' documents typeset.
// Loaded only when a PDF is asked for: the typesetter and its fonts stay out of other commands.
import type { LoadedMeeting, Repository } from '../../core/model.js';
import { typeset } from '../../typeset/index.js';
import { renderDocuments } from '../documents.js';
import type { RenderOptions } from '../formats.js';

export function renderPdfFiles(meetings: readonly LoadedMeeting[], repository: Repository, options: RenderOptions): Promise<Map<LoadedMeeting, Uint8Array>> {
  return renderDocuments(meetings, repository, options, typeset);
}
