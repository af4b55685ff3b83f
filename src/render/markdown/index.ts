// The compte-rendu in Markdown: a meeting and its context in, Markdown out. Pure given its
// inputs (templates are loaded beforehand by loadTemplates), so the same files give the same bytes.
import type { LoadedMeeting } from '../../core/model.js';
import { renderDocumentMarkdown } from './document.js';
import { markdownHelpers } from './helpers.js';
import { MAIN_TEMPLATE, type TemplateSet } from './templates.js';
import { buildView, type ViewContext } from './view-model.js';

export { loadTemplates, MAIN_TEMPLATE, TEMPLATE_EXTENSION, TEMPLATES_DIR, type TemplateSet } from './templates.js';
export type { ActionReference, MinutesView } from './view-model.js';

export interface MarkdownContext extends ViewContext {
  templates: TemplateSet;
}

export function renderMarkdown(meeting: LoadedMeeting, context: MarkdownContext): string {
  return renderDocumentMarkdown(context.templates, MAIN_TEMPLATE, buildView(meeting, context), markdownHelpers(context.config));
}
