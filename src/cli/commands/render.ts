// gtm render [réunion] [--format md|pdf|docx] [-o CHEMIN] [--all] [--projet]: lays out compte-rendus. Without a
// meeting, the latest one by date (all groups); without -o, rendus/<id>.<ext> under the root;
// « -o - » writes to stdout. A meeting with validation errors is never rendered.
import path from 'node:path';
import { error, GtmError, usageError, type Diagnostic } from '../../core/diagnostics.js';
import { suggest } from '../../core/messages.js';
import { CONFIG_FILE, type LoadedMeeting, type Repository } from '../../core/model.js';
import { diagnose } from '../../core/rules/index.js';
import { writeFileAtomic } from '../../core/repository/atomic-write.js';
import { findMeeting, findMeetingFile, loadRepository } from '../../core/repository/load.js';
import { sourceStates } from '../../core/repository/git.js';
import { RENDER_DIR, resolveOutput } from '../../core/repository/output.js';
import { RENDER_FORMATS, type RenderFormatName } from '../../render/formats.js';
import { outputChecker, outputFolder, outputTarget, shownPath } from '../output-target.js';
import { colorsFor } from '../colors.js';
import { EXIT, type ExitCode } from '../exit.js';
import type { Io } from '../io.js';
import { rendering } from '../messages.js';
import { formatDiagnostics } from '../report.js';

export interface RenderCommandOptions {
  meeting?: string;
  format: RenderFormatName;
  output?: string;
  all: boolean;
  /** Marks the document as a draft (« PROJET ») whatever its status. */
  draft?: boolean;
}

export async function run(options: RenderCommandOptions, io: Io): Promise<ExitCode> {
  if (options.all && options.meeting !== undefined) throw usageError(rendering.meetingAndAll());
  if (options.all && options.output !== undefined && resolveOutput(io.cwd, options.output) === '-') throw usageError(rendering.stdoutWithAll());
  const format = RENDER_FORMATS[options.format];
  if (options.draft && !format.pages) throw usageError(rendering.draftNeedsPages());

  const repository = await loadRepository(io.cwd);
  // A file that cannot be read is never taken for an absent meeting: nothing is rendered.
  const unreadable = errorsOf(repository.diagnostics);
  if (unreadable.length > 0) return refuse(unreadable, repository, io, brokenFile(repository, io.cwd, options.meeting));
  const meetings = options.all ? repository.meetings : [chooseMeeting(repository, io.cwd, options.meeting)];
  if (meetings.length === 0) throw noMeeting();

  const problems = blockingProblems(repository, meetings);
  if (problems.length > 0) return refuse(problems, repository, io, options.all ? undefined : meetings[0]!.relativePath);

  const targets = outputTargets(options, format.extension, repository, meetings, io);
  const [renderer, sources] = await Promise.all([format.load(), sourceStates(repository.root, meetings.map((meeting) => meeting.relativePath))]);
  const contents = await renderer(meetings, repository, { draft: options.draft === true, sources });
  for (const meeting of meetings) {
    const content = contents.get(meeting)!;
    const target = targets.get(meeting)!;
    if (target === '-') {
      await io.stdout(content);
      continue;
    }
    await writeFileAtomic(target, content);
    io.stdout(rendering.written(shownPath(io.cwd, target)));
  }
  return EXIT.ok;
}

const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.severity === 'error');

/** No meeting: meetings/ is empty. */
function noMeeting(): GtmError {
  return new GtmError([error('aucune-reunion', rendering.noMeeting())]);
}

function refuse(problems: readonly Diagnostic[], repository: Repository, io: Io, file: string | undefined): ExitCode {
  io.stderr(formatDiagnostics(problems, { colors: colorsFor(io, 'stderr'), root: repository.root }));
  io.stderr(rendering.invalidMeeting(file));
  return EXIT.invalidData;
}

/** The file named by `reference` when it is one that could not be loaded. */
function brokenFile(repository: Repository, cwd: string, reference: string | undefined): string | undefined {
  if (reference === undefined || findMeeting(repository, cwd, reference)) return undefined;
  return findMeetingFile(repository, cwd, reference);
}

/** The named meeting, or the latest one by date across every group. */
function chooseMeeting(repository: Repository, cwd: string, reference: string | undefined): LoadedMeeting {
  if (reference === undefined) {
    const latest = repository.meetings[repository.meetings.length - 1];
    if (!latest) throw noMeeting();
    return latest;
  }
  const found = findMeeting(repository, cwd, reference);
  if (found) return found;
  const candidates = repository.meetings.map((meeting) => meeting.id);
  throw new GtmError([error('reunion-introuvable', rendering.meetingNotFound(reference, suggest(reference, candidates)))], 'usage');
}

/** Errors the rules find in gtm.yaml or in the files of the meetings being rendered. */
function blockingProblems(repository: Repository, meetings: readonly LoadedMeeting[]): Diagnostic[] {
  const files = new Set([CONFIG_FILE, ...meetings.map((meeting) => meeting.relativePath)]);
  return diagnose(repository).filter(
    (diagnostic) => diagnostic.severity === 'error' && (!diagnostic.location || files.has(diagnostic.location.file)),
  );
}

function outputTargets(
  options: RenderCommandOptions,
  extension: string,
  repository: Repository,
  meetings: readonly LoadedMeeting[],
  io: Io,
): Map<LoadedMeeting, string> {
  const request = {
    root: repository.root,
    cwd: io.cwd,
    output: options.output,
    meetingFiles: repository.meetings.map((meeting) => meeting.file),
    warn: (diagnostic: Diagnostic) => io.stderr(formatDiagnostics([diagnostic], { colors: colorsFor(io, 'stderr'), root: repository.root })),
  };
  const targets = new Map<LoadedMeeting, string>();
  if (!options.all) {
    targets.set(meetings[0]!, outputTarget({ ...request, fileName: `${meetings[0]!.id}${extension}` }));
    return targets;
  }
  const folder = outputFolder({ ...request, folder: path.join(repository.root, RENDER_DIR) });
  const check = outputChecker(request);
  for (const meeting of meetings) {
    const target = path.join(folder, `${meeting.id}${extension}`);
    check(target);
    targets.set(meeting, target);
  }
  return targets;
}
