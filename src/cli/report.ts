// The one place where diagnostics become text:
//   fichier:ligne:colonne  erreur  message  [code]
//      12 | presence: [OIMM]
//         |            ^
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { frenchOrder } from '../core/french/collation.js';
import type { Colors } from './colors.js';

const SEVERITY = { error: 'erreur', warning: 'avertissement' } as const;

export interface ReportOptions {
  colors: Colors;
  /** Where located files live, to show the offending line; none when the file cannot be read. */
  root?: string;
}

/** One order on every machine, whatever its locale: French. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      frenchOrder(a.location?.file ?? '', b.location?.file ?? '') ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      (a.location?.column ?? 0) - (b.location?.column ?? 0) ||
      frenchOrder(a.code, b.code),
  );
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: ReportOptions): string {
  const lines = new SourceLines(options.root);
  return sortDiagnostics(diagnostics)
    .map((diagnostic) => formatOne(diagnostic, options.colors, lines))
    .join('');
}

function formatOne(diagnostic: Diagnostic, colors: Colors, lines: SourceLines): string {
  const { location } = diagnostic;
  const severity = diagnostic.severity === 'error' ? colors.bold(colors.red(SEVERITY.error)) : colors.bold(colors.yellow(SEVERITY.warning));
  const where = location ? `${colors.cyan(`${location.file}:${location.line}:${location.column}`)}  ` : '';
  let text = `${where}${severity}  ${diagnostic.message}  ${colors.dim(`[${diagnostic.code}]`)}\n`;
  const line = location ? lines.get(location.file, location.line) : undefined;
  if (location && line !== undefined) {
    const number = String(location.line);
    const gutter = ' '.repeat(number.length);
    const shown = line.replace(/\t/g, ' ');
    text += `  ${colors.dim(`${number} |`)} ${shown}\n`;
    text += `  ${colors.dim(`${gutter} |`)} ${' '.repeat(Math.max(0, location.column - 1))}${colors.red('^')}\n`;
  }
  return text;
}

/** Reads the lines of located files on demand, once each. */
class SourceLines {
  private readonly cache = new Map<string, string[] | undefined>();
  constructor(private readonly root: string | undefined) {}

  get(file: string, line: number): string | undefined {
    if (!this.cache.has(file)) this.cache.set(file, this.read(file));
    const text = this.cache.get(file)?.[line - 1];
    // Very long lines (minified or generated text) are cut to keep the report readable.
    return text === undefined ? undefined : text.length > 200 ? `${text.slice(0, 200)}…` : text;
  }

  private read(file: string): string[] | undefined {
    try {
      const text = readFileSync(path.resolve(this.root ?? '.', file), 'utf8');
      // A binary file (a .docx left in meetings/) has no line worth showing.
      if (text.includes('\0')) return undefined;
      return text.replace(/^\uFEFF/, '').split(/\r?\n/);
    } catch {
      return undefined;
    }
  }
}

export function summary(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}
