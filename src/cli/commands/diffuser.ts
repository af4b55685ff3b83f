// gtm diffuser [réunion] [--par-organisation] [-o CHEMIN]: prepares the circulation of a
// compte-rendu without sending anything: e-mail drafts (.eml) to the group's member contacts,
// the PDF attached exactly as gtm render writes it.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../core/repository/atomic-write.js';
import { circulationBody, circulationSubject, planCirculation } from '../../core/chair/circulation.js';
import { error, GtmError, usageError } from '../../core/diagnostics.js';
import { suggest } from '../../core/messages.js';
import type { LoadedMeeting, Repository } from '../../core/model.js';
import { findMeeting } from '../../core/repository/load.js';
import { renderMinutes } from '../../render/minutes.js';
import { nextMeetingSentence, placeOf } from '../../render/markdown/view-model.js';
import { pageFurniture } from '../../render/page-furniture.js';
import { sourceStates } from '../../core/repository/git.js';
import { RENDER_DIR } from '../../core/repository/output.js';
import { EXIT, type ExitCode } from '../exit.js';
import type { Io } from '../io.js';
import { chairWording, rendering } from '../messages.js';
import { outputChecker, outputFolder, shownPath } from '../output-target.js';
import { validRepository, writeOutput } from './chair-common.js';

export interface DiffuserCliOptions {
  meeting?: string;
  parOrganisation?: boolean;
  output?: string;
}

export async function run(options: DiffuserCliOptions, io: Io): Promise<ExitCode> {
  const repository = await validRepository(io, 'la diffusion');
  if (!repository) return EXIT.invalidData;
  const loaded = chooseMeeting(repository, io.cwd, options.meeting);
  const { config } = repository;

  const [rendered] = await renderMinutes([loaded], repository, await sourceStates(repository.root, [loaded.relativePath]));
  const furniture = pageFurniture(loaded, config, rendered!.source);
  const plan = planCirculation(config, repository.meetings, loaded, furniture.draft);
  if (!plan.sender) throw new GtmError([error('expediteur-manquant', chairWording.noSender(plan.chair, loaded.group))]);
  if (plan.circulation.recipients.length === 0) throw new GtmError([error('aucun-destinataire', chairWording.noRecipient(loaded.group))]);
  if (plan.circulation.withoutContact.length > 0) io.stderr(chairWording.withoutContactMail(plan.circulation.withoutContact));

  const { renderPdf } = await import('../../render/pdf/index.js');
  const { emailDraft } = await import('../../render/chair/email.js');
  const pdf = await renderPdf(rendered!.markdown, furniture);
  const group = config.groupes[loaded.group]!;
  const details = {
    place: placeOf(loaded.meeting, group),
    nextMeeting: loaded.meeting.prochaine_reunion ? nextMeetingSentence(loaded.meeting.prochaine_reunion) : null,
  };
  const common = {
    from: plan.sender,
    subject: circulationSubject(plan, config),
    attachment: { filename: `${loaded.id}.pdf`, content: pdf },
    date: furniture.metadata.creationDate,
  };

  if (!options.parOrganisation) {
    const sender = plan.sender.contact.email.toLowerCase();
    const to = plan.circulation.recipients.filter((recipient) => recipient.contact.email.toLowerCase() !== sender);
    const eml = await emailDraft({ ...common, to: to.length > 0 ? to : plan.circulation.recipients, text: circulationBody(plan, config, details), name: loaded.id });
    await writeOutput(io, repository, options.output, `diffusion-${loaded.id}.eml`, eml);
    return EXIT.ok;
  }

  if (options.output === '-') throw usageError(chairWording.stdoutPerOrganisation());
  const request = { root: repository.root, cwd: io.cwd, output: options.output, meetingFiles: repository.meetings.map((meeting) => meeting.file) };
  const folder = outputFolder({ ...request, folder: path.join(repository.root, RENDER_DIR, `diffusion-${loaded.id}`) });
  const check = outputChecker(request);
  await mkdir(folder, { recursive: true });
  const organisations = [...new Set(plan.circulation.recipients.map((recipient) => recipient.organisation))];
  for (const organisation of organisations) {
    const to = plan.circulation.recipients.filter((recipient) => recipient.organisation === organisation);
    const eml = await emailDraft({ ...common, to, text: circulationBody(plan, config, details, organisation), name: `${loaded.id}.${slug(organisation)}` });
    const target = path.join(folder, `${slug(organisation)}.eml`);
    check(target);
    await writeFileAtomic(target, eml);
    io.stdout(chairWording.written(shownPath(io.cwd, target)));
  }
  return EXIT.ok;
}

/** « SP/CCM » → « SP-CCM », « ONU Femmes » → « ONU-Femmes »: a file name on every system. */
function slug(organisation: string): string {
  return organisation.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'organisation';
}

/** The named meeting, or the latest one by date. */
function chooseMeeting(repository: Repository, cwd: string, reference: string | undefined): LoadedMeeting {
  if (reference === undefined) {
    const latest = repository.meetings.at(-1);
    if (!latest) throw new GtmError([error('aucune-reunion', rendering.noMeeting())]);
    return latest;
  }
  const found = findMeeting(repository, cwd, reference);
  if (found) return found;
  const candidates = repository.meetings.map((meeting) => meeting.id);
  throw new GtmError([error('reunion-introuvable', rendering.meetingNotFound(reference, suggest(reference, candidates)))], 'usage');
}
