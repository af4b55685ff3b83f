// gtm validate [chemins…]: every problem of the meeting files, one line each, then a summary.
import { hasErrors, warning, type Diagnostic } from '../../core/diagnostics.js';
import { messages } from '../../core/messages.js';
import { resolveMeetingPaths } from '../../core/repository/files.js';
import { loadRepository } from '../../core/repository/load.js';
import { diagnose } from '../../core/rules/index.js';
import { colorsFor } from '../colors.js';
import { EXIT, type ExitCode } from '../exit.js';
import type { Io } from '../io.js';
import { summaryLine } from '../messages.js';
import { formatDiagnostics, sortDiagnostics, summary } from '../report.js';

export interface ValidateOptions {
  paths: string[];
  format: 'texte' | 'json';
}

export async function run(options: ValidateOptions, io: Io): Promise<ExitCode> {
  const repository = await loadRepository(io.cwd);
  // Skipped files are worth a word here only: `validate` is where the user checks the folder.
  let diagnostics = [...diagnose(repository), ...ignoredFileWarnings(repository.ignoredFiles)];
  let checked = repository.files.length;

  if (options.paths.length > 0) {
    // Rules still see every meeting (ids, follow-ups), but only the named files are reported.
    const requested = await resolveMeetingPaths(repository.root, io.cwd, options.paths);
    const files = new Set(requested.files);
    // Files skipped in the named folders count as named (only those under meetings/ matter).
    for (const file of requested.ignored) files.add(file);
    diagnostics = [...requested.diagnostics, ...diagnostics.filter((diagnostic) => diagnostic.location && files.has(diagnostic.location.file))];
    checked = requested.files.length;
  }

  if (options.format === 'json') io.stdout(`${JSON.stringify(toJson(diagnostics, checked), null, 2)}\n`);
  else io.stdout(toText(diagnostics, checked, io, repository.root));
  return hasErrors(diagnostics) ? EXIT.invalidData : EXIT.ok;
}

function toText(diagnostics: Diagnostic[], checked: number, io: Io, root: string): string {
  const colors = colorsFor(io, 'stdout');
  const { errors, warnings } = summary(diagnostics);
  const files = `${checked} fichier${checked > 1 ? 's' : ''} de réunion vérifié${checked > 1 ? 's' : ''}`;
  const verdict =
    errors === 0
      ? colors.green(`✓ ${files} : ${warnings === 0 ? 'aucun problème' : summaryLine(0, warnings)}`)
      : colors.red(`✗ ${files} : ${summaryLine(errors, warnings)}`);
  const report = formatDiagnostics(diagnostics, { colors, root });
  return `${report}${report ? '\n' : ''}${verdict}\n`;
}

function toJson(diagnostics: Diagnostic[], checked: number) {
  const { errors, warnings } = summary(diagnostics);
  return {
    valide: errors === 0,
    fichiers: checked,
    erreurs: errors,
    avertissements: warnings,
    problemes: sortDiagnostics(diagnostics).map((diagnostic) => ({
      fichier: diagnostic.location?.file ?? null,
      ligne: diagnostic.location?.line ?? null,
      colonne: diagnostic.location?.column ?? null,
      gravite: diagnostic.severity === 'error' ? 'erreur' : 'avertissement',
      code: diagnostic.code,
      message: diagnostic.message,
    })),
  };
}

/**
 * One warning per file of meetings/ that loading skipped for its extension: a meeting saved as
 * .txt or left as a .bak would otherwise be missing from every document without a word.
 */
function ignoredFileWarnings(files: readonly string[]): Diagnostic[] {
  return files.map((file) => warning('fichier-ignore', messages.ignoredFile(file), { file, line: 1, column: 1 }));
}
