// gtm bilan <année> [--groupe G] [--format pdf|md|csv] [-o CHEMIN]: a group's year in review,
// or its attendance matrix for Excel.
import { yearRecap } from '../../core/chair/bilan.js';
import { usageError } from '../../core/diagnostics.js';
import { messages, suggest } from '../../core/messages.js';
import { attendanceCsv, bilanFurniture, bilanMarkdown, bilanName } from '../../render/chair/bilan.js';
import { loadTemplates } from '../../render/markdown/index.js';
import { EXIT, type ExitCode } from '../exit.js';
import type { Io } from '../io.js';
import { chairWording } from '../messages.js';
import { validRepository, writeDocument, writeOutput } from './chair-common.js';

export interface BilanCliOptions {
  year: string;
  groupe?: string;
  format: 'pdf' | 'md' | 'docx' | 'csv';
  output?: string;
}

export async function run(options: BilanCliOptions, io: Io): Promise<ExitCode> {
  const year = Number(options.year);
  if (!/^\d{4}$/.test(options.year.trim()) || year < 1900 || year > 2999) throw usageError(chairWording.invalidYear(options.year));
  const repository = await validRepository(io, 'le bilan');
  if (!repository) return EXIT.invalidData;
  const { config } = repository;
  const groups = Object.keys(config.groupes);
  const groupKey = options.groupe === undefined ? config.groupe_par_defaut : groups.find((key) => key.toLowerCase() === options.groupe!.trim().toLowerCase());
  if (groupKey === undefined) throw usageError(messages.unknownGroup(options.groupe!, suggest(options.groupe!, groups)));

  const recap = yearRecap(config, repository.meetings, groupKey, year);
  if (recap.meetings.length === 0) io.stderr(chairWording.noMeetingInYear(year, groupKey));
  const name = bilanName(recap);
  if (options.format === 'csv') {
    await writeOutput(io, repository, options.output, `${name}.csv`, attendanceCsv(recap, config));
    return EXIT.ok;
  }
  const markdown = bilanMarkdown(recap, config, await loadTemplates(repository.root));
  await writeDocument(io, repository, { output: options.output, name, format: options.format, markdown, furniture: bilanFurniture(recap) });
  return EXIT.ok;
}
