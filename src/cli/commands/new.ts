// gtm new: creates the file of the group's next meeting in meetings/, prefilled, and prints its
// path. It never replaces a file: the target is created with link(), which fails if it exists.
import { spawn, type SpawnOptions } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createFileExclusive } from '../../core/repository/atomic-write.js';
import { ownFolder } from '../../core/repository/own-folder.js';
import { error, GtmError } from '../../core/diagnostics.js';
import { messages } from '../../core/messages.js';
import { MEETINGS_DIR } from '../../core/model.js';
import { loadRepository } from '../../core/repository/load.js';
import { nextMeetingText } from '../../core/scaffold/meeting-text.js';
import { planNextMeeting } from '../../core/scaffold/next-meeting.js';
import type { NewCliOptions } from '../main.js';
import { EXIT, type ExitCode } from '../exit.js';
import type { Io } from '../io.js';
import { scaffolding } from '../messages.js';

/** Starts a program: node's spawn, or a fake in tests. */
export type Spawner = (command: string, args: string[], options: SpawnOptions) => EventEmitter;

export async function run(options: NewCliOptions, io: Io, spawner: Spawner = spawn): Promise<ExitCode> {
  const repository = await loadRepository(io.cwd);
  // A meeting that cannot be read could hold the presence and the actions to carry over.
  const unreadable = repository.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (unreadable.length > 0) throw new GtmError(unreadable);
  const plan = planNextMeeting(repository.config, repository.meetings, options);
  const file = path.join(repository.root, MEETINGS_DIR, plan.fileName);
  const shown = path.relative(io.cwd, file);
  // Also refuse when the same meeting exists as .yml: it would be a second file for one meeting.
  const twin = file.replace(/\.yaml$/, '.yml');
  if (existsSync(twin)) throw new GtmError([error('reunion-existante', messages.meetingExists(path.relative(io.cwd, twin)))]);
  // The temporary goes to .gtm-cache/, never to meetings/: a crash leaves nothing there.
  if (!(await createFileExclusive(file, nextMeetingText(plan), ownFolder(repository.root)))) {
    throw new GtmError([error('reunion-existante', messages.meetingExists(shown))]);
  }
  io.stdout(`${shown}\n`);
  return options.edit ? openInEditor(file, io, spawner) : EXIT.ok;
}

/**
 * Opens `file` in $VISUAL or $EDITOR, as git does: through the shell, so that an editor
 * written with arguments (« code --wait ») works. The file is already safely written.
 */
export async function openInEditor(file: string, io: Io, spawner: Spawner): Promise<ExitCode> {
  const editor = [io.env.VISUAL, io.env.EDITOR].find((value) => value !== undefined && value.trim() !== '');
  if (editor === undefined) {
    io.stderr(scaffolding.noEditor(path.relative(io.cwd, file)));
    return EXIT.ok;
  }
  const [command, args]: [string, string[]] =
    process.platform === 'win32' ? [`${editor} "${file}"`, []] : ['sh', ['-c', `${editor} "$@"`, editor, file]];
  const outcome = await new Promise<{ code: number | null } | { failure: string }>((resolve) => {
    const child = spawner(command, args, { stdio: 'inherit', cwd: io.cwd, env: io.env, shell: process.platform === 'win32' });
    child.on('error', (problem: Error) => resolve({ failure: problem.message }));
    child.on('exit', (code: number | null) => resolve({ code }));
  });
  if ('failure' in outcome || outcome.code !== 0) {
    io.stderr(scaffolding.editorFailed(editor, 'failure' in outcome ? outcome.failure : `code ${outcome.code ?? '?'}`));
    return EXIT.invalidData;
  }
  return EXIT.ok;
}
