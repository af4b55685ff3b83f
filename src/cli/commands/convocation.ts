// gtm convocation [--groupe G] [--point …] [--date] [--heure] [--lieu] [--format pdf|md|ics]:
// the invitation to a group's next meeting, from the last compte-rendu and the open actions.
import { error, GtmError, usageError } from '../../core/diagnostics.js';
import { planConvocation } from '../../core/chair/convocation.js';
import { chairContact } from '../../core/chair/members.js';
import { convocationFurniture, convocationMarkdown, convocationName, convocationView } from '../../render/chair/convocation.js';
import { loadTemplates } from '../../render/markdown/index.js';
import { EXIT, type ExitCode } from '../exit.js';
import type { Io } from '../io.js';
import { chairWording } from '../messages.js';
import { validRepository, writeDocument, writeOutput } from './chair-common.js';

export interface ConvocationCliOptions {
  groupe?: string;
  point?: string[];
  date?: string;
  heure?: string;
  lieu?: string;
  revision?: string;
  format: 'pdf' | 'md' | 'docx' | 'ics';
  output?: string;
}

export async function run(options: ConvocationCliOptions, io: Io): Promise<ExitCode> {
  const points = (options.point ?? []).map((point) => point.replace(/\s+/g, ' ').trim());
  if (points.some((point) => point === '')) throw usageError(chairWording.emptyPoint());
  const revision = options.revision === undefined ? 0 : Number(options.revision);
  if (!Number.isInteger(revision) || revision < 0 || !/^\d+$/.test(options.revision ?? '0')) throw usageError(chairWording.invalidRevision(options.revision!));

  const repository = await validRepository(io, 'la convocation');
  if (!repository) return EXIT.invalidData;
  const { config } = repository;
  const plan = planConvocation(config, repository.meetings, {
    ...(options.groupe !== undefined ? { groupe: options.groupe } : {}),
    ...(options.date !== undefined ? { date: options.date } : {}),
    ...(options.heure !== undefined ? { heure: options.heure } : {}),
    ...(options.lieu !== undefined ? { lieu: options.lieu } : {}),
    points,
  });
  const name = convocationName(plan);

  if (options.format === 'ics') {
    const organizer = chairContact(config, plan.chair);
    if (!organizer) throw new GtmError([error('organisateur-manquant', chairWording.noOrganizer(plan.chair, plan.next.groupKey))]);
    if (plan.circulation.withoutContact.length > 0) io.stderr(chairWording.withoutContact(plan.circulation.withoutContact));
    const { invitationIcs } = await import('../../render/chair/invitation.js');
    const ics = invitationIcs({ plan, view: convocationView(plan, config), organizer, revision });
    await writeOutput(io, repository, options.output, `${name}.ics`, ics);
    return EXIT.ok;
  }

  const markdown = convocationMarkdown(plan, config, await loadTemplates(repository.root));
  await writeDocument(io, repository, { output: options.output, name, format: options.format, markdown, furniture: convocationFurniture(plan) });
  return EXIT.ok;
}
