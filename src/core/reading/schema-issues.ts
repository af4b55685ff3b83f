// zod issues → French diagnostics placed on the YAML node they concern.
import type * as z from 'zod/mini';
import { error, type Diagnostic } from '../diagnostics.js';
import { messages, suggest } from '../messages.js';
import { locate, type YamlSource } from './yaml.js';

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

/** Validates `value` against `schema`; issues become diagnostics located in `source`. */
export function checkShape<T>(
  schema: z.ZodMiniType<T>,
  value: unknown,
  source: YamlSource,
): { data?: T; diagnostics: Diagnostic[] } {
  // Most files are valid: the inputs the messages quote are asked for only when there are issues.
  const first = schema.safeParse(value);
  if (first.success) return { data: first.data, diagnostics: [] };
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { data: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue) => toDiagnostics(issue, schema, source));
  return { diagnostics: dedupe(diagnostics) };
}

function toDiagnostics(issue: Issue, schema: z.ZodMiniType, source: YamlSource): Diagnostic[] {
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)) as Path;
  // A value that is not there, whatever it should have been (a text, one of a list of words): missing.
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
    const key = String(path.at(-1) ?? '');
    return [error('champ-manquant', messages.missingField(key), locate(source, path.slice(0, -1), 'value'))];
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = keysAt(schema, path);
      return issue.keys.map((key) =>
        error('cle-inconnue', messages.unknownKey(shorten(key), suggest(key, known)), locate(source, [...path, key], 'key')),
      );
    }
    case 'invalid_type': {
      const found = describe(issue.input);
      const message = issue.expected === 'string' ? messages.expectedText(found) : messages.expectedType(expectedName(issue.expected), found);
      return [error('type-invalide', message, locate(source, path))];
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      if (typeof issue.input === 'object' && issue.input !== null) {
        return [error('type-invalide', messages.expectedType(`un texte parmi ${allowed.join(', ')}`, describe(issue.input)), locate(source, path))];
      }
      const written = shorten(String(issue.input));
      return [
        error('valeur-inconnue', messages.expectedOneOf(written, allowed, suggest(written, allowed)), locate(source, path)),
      ];
    }
    case 'too_small':
      return [
        error(
          'valeur-vide',
          issue.origin === 'array' ? messages.tooShortList(Number(issue.minimum)) : messages.emptyText(),
          locate(source, path),
        ),
      ];
    case 'invalid_union': {
      // The branch whose type matched (an object with a wrong field) says what is wrong in it.
      const matched = issue.errors.find((branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
      if (matched) return matched.flatMap((inner) => toDiagnostics({ ...inner, path: [...path, ...inner.path] } as Issue, schema, source));
      const expected = issue.errors.flatMap((branch) => branch.map((inner) => (inner.code === 'invalid_type' ? inner.expected : '')));
      const wording =
        expected.join() === 'string,array'
          ? 'un texte ou une liste de textes'
          : expected.join() === 'string,object'
            ? 'un sigle, ou des paires « clé: valeur » (organisation, statut…)'
            : expected.map(expectedName).join(' ou ');
      return [error('type-invalide', messages.expectedType(wording, describe(issue.input)), locate(source, path))];
    }
    case 'custom':
    case 'invalid_format':
    case 'too_big':
      // Custom checks carry their French message (see schema/values.ts).
      return [error('valeur-invalide', issue.message, locate(source, path))];
    default:
      return [error('valeur-invalide', messages.invalidValue(), locate(source, path))];
  }
}

function expectedName(expected: string): string {
  switch (expected) {
    case 'array':
      return 'une liste (lignes commençant par « - »)';
    case 'object':
      return 'des paires « clé: valeur »';
    case 'number':
      return 'un nombre';
    default:
      return 'une valeur';
  }
}

function describe(input: unknown): string {
  if (input === null) return 'valeur vide';
  if (typeof input === 'number') return `lu le nombre ${input}`;
  if (typeof input === 'boolean') return `lu le booléen ${input ? 'vrai' : 'faux'}`;
  if (Array.isArray(input)) return 'trouvé une liste';
  if (typeof input === 'object') return 'trouvé des paires « clé: valeur »';
  return `trouvé « ${shorten(String(input))} »`;
}

/** Values are quoted back to the user; a whole pasted paragraph would drown the message. */
function shorten(value: string, limit = 60): string {
  const line = value.split('\n')[0]!;
  return line.length > limit || line !== value ? `${line.slice(0, limit).trimEnd()}…` : value;
}

/** The keys an object schema allows at `path`, for « vouliez-vous dire … ? ». */
function keysAt(schema: z.ZodMiniType, path: Path): string[] {
  let current: unknown = schema;
  for (const segment of path) {
    current = unwrap(current);
    const def = defOf(current);
    if (def?.type === 'array') current = def.element;
    else if (def?.type === 'record') current = def.valueType;
    else if (def?.type === 'object') current = (def.shape as Record<string, unknown>)[String(segment)];
    else return [];
    if (typeof segment === 'number' && def?.type !== 'array') return [];
  }
  const def = defOf(unwrap(current));
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (!def) return current;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else if (def.type === 'union') {
      const options = def.options as unknown[];
      const structured = options.find((option) => ['object', 'array'].includes(String(defOf(unwrap(option))?.type)));
      if (!structured) return current;
      current = structured;
    } else return current;
  }
}

function defOf(schema: unknown): Record<string, unknown> | undefined {
  return (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = `${diagnostic.location?.line}:${diagnostic.location?.column}:${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
