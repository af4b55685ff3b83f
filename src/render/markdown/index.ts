// The compte-rendu in Markdown: a meeting and its context in, Markdown out. Pure given its
// inputs (templates are loaded beforehand by loadTemplates), so the same files give the same bytes.
import { frenchTypographyMarkdown, splitFences } from '../../core/french/index.js';
import type { LoadedMeeting } from '../../core/model.js';
import { RUNTIME_SECURITY } from './compile.js';
import { markdownHelpers } from './helpers.js';
import type { TemplateSet } from './templates.js';
import { buildView, type ViewContext } from './view-model.js';

export { loadTemplates, MAIN_TEMPLATE, TEMPLATE_EXTENSION, TEMPLATES_DIR, type TemplateSet } from './templates.js';
export type { ActionReference, MinutesView } from './view-model.js';

export interface MarkdownContext extends ViewContext {
  templates: TemplateSet;
}

export function renderMarkdown(meeting: LoadedMeeting, context: MarkdownContext): string {
  const view = buildView(meeting, context);
  const { main, partials } = context.templates.compiled;
  const raw = main(view, { ...RUNTIME_SECURITY, helpers: markdownHelpers(context.config), partials });
  return frenchTypographyMarkdown(tidyDocument(raw));
}

/** Templates leave stray blank lines and spaces; code blocks are kept as written. */
function tidyDocument(markdown: string): string {
  const text = splitFences(markdown.replace(/\r\n?/g, '\n'))
    .map((chunk) =>
      chunk.code
        ? chunk.text
        : chunk.text
            .split('\n')
            .map((line) => (/\S {2}$/.test(line) ? line : line.trimEnd()))
            .join('\n')
            .replace(/\n{3,}/g, '\n\n'),
    )
    .join('');
  return `${text.trim()}\n`;
}
