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

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((diagnostic) => diagnostic.severity === 'error');

/** A place in a file named by the path of a value in its data: `['presence', 2]`. */
export type DataPath = ReadonlyArray<string | number>;

export interface Place {
  /** The file, relative to the repository root. */
  file: string;
  path: DataPath;
  /** The key rather than its value (an unknown key); the value by default. */
  target?: 'key' | 'value';
}

/**
 * What a rule finds, placed by data path: locate.ts turns findings into located diagnostics in
 * one step, once the rules are done. A message that quotes another place (where an id was first
 * used) is worded from that place's location, given as « fichier:ligne:colonne ».
 */
export type Finding = {
  severity: Severity;
  code: string;
  at: Place;
} & ({ message: string; cites?: undefined } | { cites: Place; message: (cited: string) => string });

/**
 * An expected failure that stops a command, with its diagnostics. A usage error (a wrong
 * option, no repository) and a data error (invalid files, unknown meeting) are told apart by
 * type; main maps each kind to its exit code.
 */
export class GtmError extends Error {
  constructor(
    readonly diagnostics: Diagnostic[],
    readonly kind: 'usage' | 'data' = 'data',
  ) {
    super(diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
    this.name = 'GtmError';
  }
}

/** A usage error: one French sentence about how the command was called. */
export const usageError = (message: string, code = 'usage'): GtmError => new GtmError([error(code, message)], 'usage');

/** A file that could not be written, with the system's reason (ENOSPC, EACCES…). */
export class WriteError extends Error {
  constructor(
    /** The file gtm was writing (or the folder it could not create). */
    readonly target: string,
    /** The errno code: ENOSPC, EDQUOT, EACCES, EPERM, EROFS, ENOTDIR, EISDIR… */
    readonly reason: string,
    /** The folder whose rights or disk were at fault. */
    readonly folder: string,
  ) {
    super(`${reason}: ${target}`);
    this.name = 'WriteError';
  }
}
