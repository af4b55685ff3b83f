// Compiling a template set with Handlebars, safely: user text is only ever data (never compiled),
// prototype access stays disabled, strict mode catches misspelt fields, and every template
// error becomes a French diagnostic naming the template file, line and column.
import { createHash } from 'node:crypto';
import type { RuntimeOptions } from 'handlebars';
import runtimeModule from 'handlebars/runtime.js';
import { error, GtmError, type Location } from '../../core/diagnostics.js';
import { messages } from '../../core/messages.js';
import { BUILT_IN_TEMPLATES } from './built-in-templates.generated.js';
import { HELPER_NAMES, TemplateUsageError } from './helpers.js';
import { checkTemplates } from './template-checks.js';
import { MAIN_TEMPLATE, TEMPLATE_EXTENSION, type TemplateSet, type TemplateSource } from './templates.js';

type Render = (context: unknown, options?: RuntimeOptions) => string;

// handlebars/runtime is the full library minus the compiler; its typings only re-export the module.
const HandlebarsRuntime = runtimeModule as unknown as Pick<typeof import('handlebars'), 'create'>;

export interface CompiledTemplates {
  main: Render;
  partials: Record<string, Render>;
}

/**
 * No HTML escaping (this is Markdown: helpers escape), misspelt fields fail, partials keep their
 * indentation out; trackIds gives helpers the name of their argument for error messages.
 * scripts/precompile-templates.mjs compiles the built-in templates with the same options.
 */
export const COMPILE_OPTIONS = { noEscape: true, strict: true, preventIndent: true, trackIds: true } as const;

/** Proto access off (the Handlebars defaults, stated so no upgrade or caller can loosen them). */
export const RUNTIME_SECURITY = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;

/**
 * Turns every template into a function. Built-in templates come precompiled (build time), so
 * only the Handlebars runtime loads; the compiler is imported only for a repository's own
 * templates (or a built-in one edited since the last build).
 */
export async function compileTemplates(set: Pick<TemplateSet, 'sources'>): Promise<CompiledTemplates> {
  const environment = HandlebarsRuntime.create();
  const partials: Record<string, Render> = {};
  // Matched by content: an override identical to the built-in template needs no compiler either.
  const precompiledSpec = (source: TemplateSource) => {
    const precompiled = BUILT_IN_TEMPLATES[source.name];
    return precompiled && precompiled.hash === textHash(source.text) ? precompiled.spec : undefined;
  };
  let compiler: typeof import('handlebars') | undefined;
  if ([...set.sources.values()].some((source) => precompiledSpec(source) === undefined)) {
    compiler = (await import('handlebars')).default;
    // The whole set, built-in templates included: a cycle of partials may pass through them.
    checkTemplates(set.sources.values(), (text) => compiler!.parse(text), HELPER_NAMES);
  }
  for (const source of set.sources.values()) {
    const spec = precompiledSpec(source);
    let template: Render;
    if (spec !== undefined) {
      template = environment.template(spec as never) as Render;
    } else {
      compiler ??= (await import('handlebars')).default;
      try {
        // precompile parses and compiles eagerly, so a broken partial is reported at once, by name.
        compiler.precompile(source.text, { ...COMPILE_OPTIONS });
      } catch (problem) {
        throw templateError(source, problem);
      }
      template = compiler.compile(source.text, { ...COMPILE_OPTIONS }) as Render;
    }
    partials[source.name] = (context, options) => {
      try {
        return template(context, options);
      } catch (problem) {
        throw problem instanceof GtmError ? problem : templateError(source, problem);
      }
    };
  }
  const main = partials[MAIN_TEMPLATE];
  if (!main) throw new GtmError([error('modele-introuvable', messages.templateMissingMain(`${MAIN_TEMPLATE}${TEMPLATE_EXTENSION}`))]);
  return { main, partials };
}

/** Same digest as scripts/precompile-templates.mjs, to detect a stale precompiled template. */
function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** A Handlebars failure as a located French diagnostic. */
function templateError(source: TemplateSource, problem: unknown): GtmError {
  if (problem instanceof TemplateUsageError) {
    const location = { file: source.file, line: problem.lineNumber ?? 1, column: (problem.column ?? 0) + 1 };
    return new GtmError([error('modele-invalide', problem.message, location)]);
  }
  const raw = problem instanceof Error ? problem.message : String(problem);
  const exception = problem as { lineNumber?: number; column?: number };
  const stated = exception.lineNumber ?? /on line (\d+)/.exec(raw)?.[1] ?? /- (\d+):\d+$/.exec(raw)?.[1];
  let location: Location;
  if (stated !== undefined) {
    const line = Number(stated);
    const column = exception.column !== undefined ? exception.column + 1 : parseErrorColumn(source.text, line, raw);
    location = { file: source.file, line, column };
  } else {
    location = { file: source.file, ...runtimePlace(source.text, raw) };
  }
  return new GtmError([error('modele-invalide', translate(raw), location)]);
}

/**
 * The column of a Handlebars syntax error, which names only its line. Its message shows where
 * parsing stopped: up to 20 characters of the text before that point, line breaks removed (and
 * « ... » before them when there were more), then a caret. The column is where that text ends on
 * the line named; 1 when it cannot be found.
 */
export function parseErrorColumn(text: string, line: number, raw: string): number {
  const [, context, caret] = raw.split('\n');
  if (context === undefined || caret === undefined || !/^-*\^$/.test(caret)) return 1;
  const shown = context.slice(0, caret.length - 1);
  const cut = shown.startsWith('...');
  const before = cut ? shown.slice(3) : shown;
  let lineStart = 0;
  for (let at = 1; at < line; at++) {
    const next = text.indexOf('\n', lineStart);
    if (next === -1) return 1;
    lineStart = next + 1;
  }
  const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
  for (let offset = lineStart; offset <= lineEnd; offset++) {
    const past = cut ? text.slice(Math.max(0, offset - 20), offset) : text.slice(0, offset);
    if (past.replaceAll('\n', '') === before) return offset - lineStart + 1;
  }
  return 1;
}

/**
 * Where a run-time error without a position most likely comes from: the first tag that names the
 * property or helper the error quotes (« reading 'x' », « for 'x' », « #each »); else the first tag.
 */
export function runtimePlace(text: string, raw: string): { line: number; column: number } {
  const named = /'([^']+)'|#(\w+)/.exec(raw);
  const name = named?.[1] ?? named?.[2];
  let offset = -1;
  for (const tag of text.matchAll(/\{\{[\s\S]*?\}\}/g)) {
    if (offset === -1) offset = tag.index;
    if (name !== undefined && tag[0].includes(name)) {
      offset = tag.index;
      break;
    }
  }
  if (offset === -1) return { line: 1, column: 1 };
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Handlebars' English, in French; a message it may give that is not listed gets a French sentence too. */
function translate(raw: string): string {
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(raw);
  if (mismatch) return messages.templateSyntax(`le bloc {{#${mismatch[1]}}} est fermé par {{/${mismatch[2]}}}`);
  if (raw.startsWith('Parse error')) {
    const got = /got '([A-Z_]+)'/.exec(raw)?.[1];
    const hint = got === 'EOF' ? 'le modèle se termine avant la fin d’une balise ou d’un bloc' : 'balise {{ … }} incomplète ou mal fermée';
    return messages.templateSyntax(hint);
  }
  const partial = /^The partial (.+) could not be found/.exec(raw);
  if (partial) return messages.templateMissingPartial(partial[1]!);
  const missing = /^"([^"]+)" not defined in/.exec(raw);
  if (missing) return messages.templateMissingField(missing[1]!);
  if (/^Missing helper: "?([^"]+)"?/.test(raw)) return messages.templateRuntime(`helper inconnu « ${/^Missing helper: "?([^"]+)"?/.exec(raw)![1]} »`);
  if (/^Lexical error/.test(raw)) return messages.templateSyntax('texte inattendu dans une balise {{ … }}');
  if (/Maximum call stack size exceeded/.test(raw)) return messages.templateRuntimeDetail('le modèle s’appelle lui-même sans fin (un partiel qui s’inclut)');
  const arity = /^#?(\w+) requires exactly one argument/.exec(raw) ?? (/^Must pass iterator to #(each)/.exec(raw) as RegExpExecArray | null);
  if (arity) return messages.templateHelperArity(arity[1]!, 1, true);
  const reading = /^Cannot read properties of (?:undefined|null) \(reading '([^']+)'\)/.exec(raw);
  if (reading) return messages.templateRuntimeDetail(`une donnée absente est utilisée comme un ensemble de données (pour lire « ${reading[1]} »)`);
  const inText = /^Cannot use 'in' operator to search for '([^']+)'/.exec(raw);
  if (inText) return messages.templateRuntimeDetail(`« ${inText[1]} » est lu dans un simple texte ou nombre, qui n’a pas de champs`);
  if (/is not a function/.test(raw)) return messages.templateRuntimeDetail('une donnée est appelée comme un helper');
  return messages.templateRuntimeDetail('une balise {{ … }} utilise les données d’une manière impossible : vérifiez-la');
}
