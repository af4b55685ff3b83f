// gtm bilan <année> [--groupe G] [--format pdf|md|csv] [-o CHEMIN]: a group's year in review,
// or its attendance matrix for Excel.
import { yearRecap } from '../../core/chair/bilan.js';
import { error, GtmError } from '../../core/diagnostics.js';
import { messages, suggest } from '../../core/messages.js';
import { attendanceCsv, bilanFurniture, bilanMarkdown, bilanName } from '../../render/chair/bilan.js';
import { loadTemplates } from '../../render/markdown/index.js';
import { EXIT, type ExitCode } from '../exit.js';
import type { Io } from '../io.js';
import { chairWording } from '../messages.js';
import { validRepository, writeOutput } from './chair-common.js';

export interface BilanCliOptions {
  year: string;
  groupe?: string;
  format: 'pdf' | 'md' | 'docx' | 'csv';
  output?: string;
}

const usageError = (message: string) => new GtmError([error('usage', message)], 'usage');

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
  if (options.format === 'md') {
    await writeOutput(io, repository, options.output, `${name}.md`, markdown);
    return EXIT.ok;
  }
  if (options.format === 'docx') {
    const [{ minutesDocument }, { renderDocx }] = await Promise.all([import('../../document/index.js'), import('../../render/docx/index.js')]);
    await writeOutput(io, repository, options.output, `${name}.docx`, renderDocx(minutesDocument(markdown, bilanFurniture(recap))));
    return EXIT.ok;
  }
  const { renderPdf } = await import('../../render/pdf/index.js');
  await writeOutput(io, repository, options.output, `${name}.pdf`, await renderPdf(markdown, bilanFurniture(recap)));
  return EXIT.ok;
}
