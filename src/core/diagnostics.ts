// Problems found in the user's files are values, collected and reported in one place
// (src/cli/report.ts); the core never prints and never throws for bad input.

export type Severity = 'error' | 'warning';

/** A place in a file; line and column start at 1. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable code shown in brackets, in French kebab-case: `sigle-inconnu`. */
  code: string;
  /** One French sentence, without the location. */
  message: string;
  location?: Location;
}

export const error = (code: string, message: string, location?: Location): Diagnostic => ({
  severity: 'error',
  code,
  message,
  ...(location ? { location } : {}),
});

export const warning = (code: string, message: string, location?: Location): Diagnostic => ({
  severity: 'warning',
  code,
  message,
  ...(location ? { location } : {}),
});

/** A finding read back from the cache: its checksum guards against damage, this against the unexpected. */
export function isDiagnostic(item: unknown): item is Diagnostic {
  if (typeof item !== 'object' || item === null) return false;
  const { severity, code, message } = item as Partial<Diagnostic>;
  return (severity === 'error' || severity === 'warning') && typeof code === 'string' && typeof message === 'string';
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((diagnostic) => diagnostic.severity === 'error');

/**
 * An expected failure that stops a command (no repository, invalid gtm.yaml, unknown meeting…):
 * its diagnostics are reported like any other, then the command exits with `exitCode`.
 */
export class GtmError extends Error {
  constructor(
    readonly diagnostics: Diagnostic[],
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
    this.name = 'GtmError';
  }
}
