// One template of the set run on its view: the compte-rendu, the convocation and the bilan are
// each a template, with the same helpers and partials, tidied and set in French typography.
import type { HelperDelegate } from 'handlebars';
import { error, GtmError } from '../../core/diagnostics.js';
import { frenchTypographyMarkdown, splitFences } from '../../core/french/index.js';
import { messages } from '../../core/messages.js';
import { RUNTIME_SECURITY } from './compile.js';
import { TEMPLATE_EXTENSION, type TemplateSet } from './templates.js';

export function renderDocumentMarkdown(templates: TemplateSet, name: string, view: object, helpers: Record<string, HelperDelegate>): string {
  const { partials } = templates.compiled;
  const template = Object.hasOwn(partials, name) ? partials[name] : undefined;
  if (!template) throw new GtmError([error('modele-introuvable', messages.templateMissingMain(`${name}${TEMPLATE_EXTENSION}`))]);
  const raw = template(view, { ...RUNTIME_SECURITY, helpers, partials });
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
