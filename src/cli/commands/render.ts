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
import { RENDER_DIR, resolveOutput } from '../../render/output.js';
import { outputChecker, outputFolder, outputTarget, shownPath } from '../output-target.js';
import { colorsFor } from '../colors.js';
import type { Io } from '../io.js';
import { rendering } from '../messages.js';
import { formatDiagnostics } from '../report.js';

export interface RenderOptions {
  meeting?: string;
  format: 'pdf' | 'md' | 'docx';
  output?: string;
  all: boolean;
  /** Marks the document as a draft (« PROJET ») whatever its status. */
  draft?: boolean;
}

/** A format turns the chosen meetings into files' contents. */
type Renderer = (
  meetings: readonly LoadedMeeting[],
  repository: Repository,
  options: { draft?: boolean },
) => Promise<Map<LoadedMeeting, string | Uint8Array>>;

const EXTENSIONS = { md: '.md', pdf: '.pdf', docx: '.docx' } as const;

export async function run(options: RenderOptions, io: Io): Promise<number> {
  if (options.all && options.meeting !== undefined) throw usageError(rendering.meetingAndAll());
  if (options.all && options.output !== undefined && resolveOutput(io.cwd, options.output) === '-') throw usageError(rendering.stdoutWithAll());
  if (options.draft && options.format === 'md') throw usageError(rendering.draftNeedsPages());

  const repository = await loadRepository(io.cwd);
  // A file that cannot be read is never taken for an absent meeting: nothing is rendered.
  const unreadable = errorsOf(repository.diagnostics);
  if (unreadable.length > 0) return refuse(unreadable, repository, io, brokenFile(repository, io.cwd, options.meeting));
  const meetings = options.all ? repository.meetings : [chooseMeeting(repository, io.cwd, options.meeting)];
  if (meetings.length === 0) throw noMeeting();

  const problems = blockingProblems(repository, meetings);
  if (problems.length > 0) return refuse(problems, repository, io, options.all ? undefined : meetings[0]!.relativePath);

  const renderer = await rendererFor(options.format);
  const targets = outputTargets(options, repository, meetings, io);
  const contents = await renderer(meetings, repository, { draft: options.draft === true });
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
  return 0;
}

const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.severity === 'error');

/** No meeting: meetings/ is empty. */
function noMeeting(): GtmError {
  return new GtmError([error('aucune-reunion', rendering.noMeeting())]);
}

function refuse(problems: readonly Diagnostic[], repository: Repository, io: Io, file: string | undefined): number {
  io.stderr(formatDiagnostics(problems, { colors: colorsFor(io, 'stderr'), root: repository.root }));
  io.stderr(rendering.invalidMeeting(file));
  return 1;
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
  throw new GtmError([error('reunion-introuvable', rendering.meetingNotFound(reference, suggest(reference, candidates)))]);
}

/** Errors the rules find in gtm.yaml or in the files of the meetings being rendered. */
function blockingProblems(repository: Repository, meetings: readonly LoadedMeeting[]): Diagnostic[] {
  const files = new Set([CONFIG_FILE, ...meetings.map((meeting) => meeting.relativePath)]);
  return diagnose(repository).filter(
    (diagnostic) => diagnostic.severity === 'error' && (!diagnostic.location || files.has(diagnostic.location.file)),
  );
}

async function rendererFor(format: RenderOptions['format']): Promise<Renderer> {
  if (format === 'md') {
    const { renderMarkdownFiles } = await import('../../render/markdown/files.js');
    return renderMarkdownFiles;
  }
  if (format === 'docx') {
    const { renderDocxFiles } = await import('../../render/docx/files.js');
    return renderDocxFiles;
  }
  // Lazy, so that esbuild puts the PDF stack (typesetter, fonts) in a chunk of its own.
  const { renderPdfFiles } = await import('../../render/pdf/files.js');
  return renderPdfFiles;
}

function outputTargets(options: RenderOptions, repository: Repository, meetings: readonly LoadedMeeting[], io: Io): Map<LoadedMeeting, string> {
  const extension = EXTENSIONS[options.format];
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
