// gtm init [dossier]: a new minutes repository that works at once: gtm.yaml, meetings/,
// JSON schemas, .gitignore, CI, git and its pre-commit hook. Nothing existing is ever replaced:
// every target is checked first, and any conflict stops the command before it writes anything.
import { lstat, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createFileExclusive } from '../../core/repository/atomic-write.js';
import { ownFolder } from '../../core/repository/own-folder.js';
import { error, GtmError, type Diagnostic } from '../../core/diagnostics.js';
import { gitInit } from '../../core/repository/git.js';
import { initFiles } from '../../core/scaffold/init-files.js';
import { planHook, writeHook, type HookPlan } from '../../core/repository/install-hook.js';
import { formatDiagnostics } from '../report.js';
import { colorsFor } from '../colors.js';
import { EXIT, type ExitCode } from '../exit.js';
import type { Io } from '../io.js';
import { scaffolding } from '../messages.js';
import { runningGtm } from './hook.js';

export interface InitOptions {
  directory?: string;
}

export async function run(options: InitOptions, io: Io): Promise<ExitCode> {
  const target = path.resolve(io.cwd, options.directory ?? '.');
  const shown = (file: string): string => path.relative(io.cwd, file) || '.';
  const info = await stat(target).catch(() => undefined);
  if (info && !info.isDirectory()) throw new GtmError([error('pas-un-dossier', scaffolding.notADirectory(shown(target)))]);

  const files = initFiles();
  const gtm = runningGtm();
  const existingHook = await planHook(target, gtm);
  const conflicts: Diagnostic[] = [];
  for (const file of files) {
    const absolute = path.join(target, file.path);
    if (await lstat(absolute).catch(() => undefined)) conflicts.push(error('fichier-existant', scaffolding.existingFile(shown(absolute))));
  }
  if (existingHook?.state === 'foreign') conflicts.push(error('hook-existant', scaffolding.foreignHook(shown(existingHook.file))));
  if (conflicts.length > 0) throw new GtmError([...conflicts, error('rien-ecrit', scaffolding.nothingWritten())]);

  const problems: Diagnostic[] = [];
  const written: string[] = [];
  await mkdir(target, { recursive: true }).catch(() => {});
  // Temporaries in the new repository's own folder: a crash leaves none in meetings/.
  const scratch = ownFolder(target);
  for (const file of files) {
    const absolute = path.join(target, file.path);
    if (await createFileExclusive(absolute, file.content, scratch)) written.push(shown(absolute));
    else problems.push(error('fichier-existant', scaffolding.fileAppeared(shown(absolute))));
  }

  // A repository of its own unless the folder already lies inside one.
  let gitCreated = false;
  let hook: HookPlan | undefined = existingHook;
  if (!hook) {
    gitCreated = await gitInit(target);
    if (gitCreated) hook = await planHook(target, gtm);
    else problems.push(error('git-introuvable', scaffolding.gitMissing()));
  }
  let hookShown: string | undefined;
  if (hook?.state === 'foreign') {
    // Only possible when a global core.hooksPath holds someone else's hook.
    problems.push(error('hook-existant', scaffolding.foreignHook(shown(hook.file))));
  } else if (hook) {
    if (await writeHook(hook)) hookShown = shown(hook.file);
    else problems.push(error('hook-existant', scaffolding.hookAppeared(shown(hook.file))));
  }

  io.stdout(scaffolding.initDone(shown(target) === '.' ? target : shown(target), written, gitCreated, hookShown));
  if (problems.length > 0) io.stderr(formatDiagnostics(problems, { colors: colorsFor(io, 'stderr') }));
  return problems.some((problem) => problem.code !== 'git-introuvable') ? EXIT.invalidData : EXIT.ok;
}
