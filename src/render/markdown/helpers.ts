// The Handlebars helpers templates use to put text into Markdown. Templates run with noEscape,
// so these helpers are the only escaping: {{texte x}} for a line of plain text, {{cellule x}} in
// a table, {{markdown x}} for the rapporteur's own Markdown, {{nom_complet sigle}} and
// {{sigle_et_nom sigle}} for an organisation's full name.
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { acronymDashName, acronymWithName } from '../../core/french/index.js';
import { messages } from '../../core/messages.js';
import type { Config } from '../../core/schema/config.js';
import { embedMarkdown } from './discussion.js';
import { escapeCell, escapeInline } from './escape.js';

function isOptions(value: unknown): value is HelperOptions {
  return typeof value === 'object' && value !== null && 'hash' in value && 'name' in value;
}

/** A mistake in a template's use of a helper, located where Handlebars reports its own errors. */
export class TemplateUsageError extends Error {
  constructor(
    message: string,
    readonly lineNumber: number | undefined,
    readonly column: number | undefined,
  ) {
    super(message);
  }
}

/**
 * The helper's one argument as text. Every field of the view is present (null when empty), so
 * undefined means a misspelt field, which strict mode does not catch in helper arguments.
 */
function textArgument(helper: string, args: unknown[]): string {
  const options = args[args.length - 1] as HelperOptions & { loc?: { start: { line: number; column: number } }; ids?: unknown[] };
  const fail = (message: string) => new TemplateUsageError(message, options.loc?.start.line, options.loc?.start.column);
  if (args.length < 2 || isOptions(args[0])) throw fail(`le helper « ${helper} » attend une valeur, par exemple {{${helper} titre}}`);
  const value = args[0];
  if (value === undefined) throw fail(messages.templateMissingField(String(options.ids?.[0] ?? '?')));
  if (typeof value === 'object' && value !== null) throw fail(messages.templateNotText(helper));
  return value === null ? '' : String(value);
}

/** The names of the helpers gtm gives templates (markdownHelpers' keys). */
export const HELPER_NAMES = ['texte', 'cellule', 'markdown', 'nom_complet', 'sigle_et_nom'] as const;

export function markdownHelpers(config: Config): Record<(typeof HELPER_NAMES)[number], HelperDelegate> {
  return {
    texte: (...args: unknown[]) => escapeInline(textArgument('texte', args)),
    cellule: (...args: unknown[]) => escapeCell(textArgument('cellule', args)),
    markdown: (...args: unknown[]) => {
      const options = args[args.length - 1] as HelperOptions;
      const level = Number(options.hash?.niveau ?? 4);
      return embedMarkdown(textArgument('markdown', args), { headingLevel: Number.isInteger(level) && level >= 1 && level <= 6 ? level : 4 });
    },
    nom_complet: (...args: unknown[]) => escapeInline(acronymWithName(textArgument('nom_complet', args), config)),
    sigle_et_nom: (...args: unknown[]) => escapeInline(acronymDashName(textArgument('sigle_et_nom', args), config)),
  };
}
