// What the chair's commands (convocation, diffuser, bilan) share: a valid repository to work
// from, and writing their result where -o says.
import type { PageFurniture } from '../../document/index.js';
import { writeFileAtomic } from '../../core/repository/atomic-write.js';
import type { Repository } from '../../core/model.js';
import { loadRepository } from '../../core/repository/load.js';
import { diagnose } from '../../core/rules/index.js';
import { colorsFor } from '../colors.js';
import type { Io } from '../io.js';
import { chairWording } from '../messages.js';
import { outputTarget, shownPath } from '../output-target.js';
import { formatDiagnostics } from '../report.js';

/** The repository when it has no error; else its errors are shown and undefined returned. */
export async function validRepository(io: Io, what: string): Promise<Repository | undefined> {
  const repository = await loadRepository(io.cwd);
  const errors = diagnose(repository).filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length === 0) return repository;
  io.stderr(formatDiagnostics(errors, { colors: colorsFor(io, 'stderr'), root: repository.root }));
  io.stderr(`\n${chairWording.invalidRepository(what)}`);
  return undefined;
}

/** Writes `content` to -o (a file, a folder, « - ») or rendus/<fileName>, and says where. */
export async function writeOutput(io: Io, repository: Repository, output: string | undefined, fileName: string, content: string | Uint8Array): Promise<void> {
  const target = outputTarget({
    root: repository.root,
    cwd: io.cwd,
    output,
    fileName,
    meetingFiles: repository.meetings.map((meeting) => meeting.file),
    warn: (diagnostic) => io.stderr(formatDiagnostics([diagnostic], { colors: colorsFor(io, 'stderr'), root: repository.root })),
  });
  if (target === '-') {
    await io.stdout(content);
    return;
  }
  await writeFileAtomic(target, content);
  io.stdout(chairWording.written(shownPath(io.cwd, target)));
}

/** A document of the chair (convocation, bilan) in the format asked for, from its one Markdown. */
export async function writeDocument(
  io: Io,
  repository: Repository,
  request: { output: string | undefined; name: string; format: 'md' | 'docx' | 'pdf'; markdown: string; furniture: PageFurniture },
): Promise<void> {
  const { output, name, format, markdown, furniture } = request;
  if (format === 'md') return writeOutput(io, repository, output, `${name}.md`, markdown);
  if (format === 'docx') {
    const [{ minutesDocument }, { renderDocx }] = await Promise.all([import('../../document/index.js'), import('../../render/docx/index.js')]);
    return writeOutput(io, repository, output, `${name}.docx`, renderDocx(minutesDocument(markdown, furniture)));
  }
  // Lazy, like gtm render: the typesetter and its fonts load only for a PDF.
  const { renderPdf } = await import('../../render/pdf/index.js');
  return writeOutput(io, repository, output, `${name}.pdf`, await renderPdf(markdown, furniture));
}
