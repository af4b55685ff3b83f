// gtm serve [réunion] [--port N]: a preview of the compte-rendu being edited, on 127.0.0.1 only.
// The page is rendered afresh on each request; a save under meetings/ or templates/, or of
// gtm.yaml, tells the open pages to reload (server-sent events). Without a named meeting, the
// preview follows the meeting file saved last (the latest by date to begin with). A file with
// errors shows its French diagnostics, at their lines, instead of the document. Ctrl+C stops it.
import { watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { GtmError, type Diagnostic } from '../../core/diagnostics.js';
import { CONFIG_FILE, MEETINGS_DIR, type Repository } from '../../core/model.js';
import { findRoot } from '../../core/repository/files.js';
import { sourceStates } from '../../core/repository/git.js';
import { findMeetingFile, loadRepository } from '../../core/repository/load.js';
import { diagnose } from '../../core/rules/index.js';
import { minutesDocument } from '../../document/index.js';
import { escapeText, htmlPage, renderHtml } from '../../render/html/index.js';
import { renderMinutes } from '../../render/minutes.js';
import { pageFurniture } from '../../render/page-furniture.js';
import type { Colors } from '../colors.js';
import type { Io } from '../io.js';
import type { ExitCode } from '../exit.js';
import { serving as text } from '../messages.js';
import { formatDiagnostics } from '../report.js';

export interface ServeOptions {
  meeting?: string;
  port: number;
}

const EVENTS = '/evenements';
/** Editors save in several writes (a temporary file, a rename): one reload for them all. */
const SETTLE_MS = 80;
const RELOAD_SCRIPT = `new EventSource(${JSON.stringify(EVENTS)}).onmessage = () => location.reload();`;
const PLAIN: Colors = { bold: (t) => t, dim: (t) => t, red: (t) => t, yellow: (t) => t, green: (t) => t, cyan: (t) => t };

export async function run(options: ServeOptions, io: Io): Promise<ExitCode> {
  // The repository as it is now: refuses to start outside one, or on an unknown meeting.
  const first = await loadRepository(io.cwd);
  const root = first.root;
  let target = options.meeting === undefined ? latestFile(first) : findMeetingFile(first, io.cwd, options.meeting);
  if (options.meeting !== undefined && target === undefined) throw new GtmError([{ severity: 'error', code: 'reunion-introuvable', message: text.unknownMeeting(options.meeting) }]);

  const clients = new Set<ServerResponse>();
  const server = createServer((request, response) => void respond(request, response));
  async function respond(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === EVENTS) {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': gtm\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (url.pathname !== '/' || request.method !== 'GET') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(text.notFound());
      return;
    }
    const page = await preview(io.cwd, target).catch((problem: unknown) => internalErrorPage(problem));
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
  }

  let settle: NodeJS.Timeout | undefined;
  const changed = (file: string | undefined) => {
    if (options.meeting === undefined && file !== undefined && /\.ya?ml$/i.test(file) && file.startsWith(path.join(root, MEETINGS_DIR) + path.sep)) {
      target = path.relative(root, file).split(path.sep).join('/');
    }
    clearTimeout(settle);
    settle = setTimeout(() => {
      for (const client of clients) client.write('data: recharger\n\n');
    }, SETTLE_MS);
  };
  const watchers = startWatching(root, changed);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  }).catch((problem: NodeJS.ErrnoException) => {
    for (const watcher of watchers) watcher.close();
    throw new GtmError([{ severity: 'error', code: 'port-indisponible', message: text.portUnavailable(options.port, problem.code ?? problem.message) }], 'usage');
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  io.stdout(text.listening(`http://127.0.0.1:${port}/`));

  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  clearTimeout(settle);
  for (const watcher of watchers) watcher.close();
  for (const client of clients) client.end();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  io.stdout(text.stopped());
  return 0;
}

/** The latest meeting by date, or the last file when none is valid yet. */
function latestFile(repository: Repository): string | undefined {
  return repository.meetings[repository.meetings.length - 1]?.relativePath ?? repository.files[repository.files.length - 1];
}

/** meetings/ (and its sub-folders), templates/ and gtm.yaml. */
function startWatching(root: string, changed: (file: string | undefined) => void): FSWatcher[] {
  const watchers: FSWatcher[] = [];
  const add = (directory: string, recursive: boolean, accept: (name: string) => boolean) => {
    try {
      const watcher = watch(directory, { recursive }, (_event, name) => {
        if (name === null || accept(name)) changed(name === null ? undefined : path.join(directory, name));
      });
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
    } catch {
      // A folder that is not there (no templates/) is not watched.
    }
  };
  add(path.join(root, MEETINGS_DIR), true, (name) => !path.basename(name).startsWith('.'));
  add(path.join(root, 'templates'), true, () => true);
  add(root, false, (name) => name === CONFIG_FILE);
  return watchers;
}

/** The page for the meeting file `target`: its document, or what stops it from being made. */
async function preview(cwd: string, target: string | undefined): Promise<string> {
  let repository: Repository;
  try {
    repository = await loadRepository(cwd);
  } catch (problem) {
    if (problem instanceof GtmError) return diagnosticsPage(problem.diagnostics, findRoot(cwd) ?? cwd, undefined);
    throw problem;
  }
  if (target === undefined) return messagePage(text.noMeeting());
  const meeting = repository.meetings.find((loaded) => loaded.relativePath === target);
  const concerned = new Set([CONFIG_FILE, target]);
  const problems = diagnose(repository).filter(
    (diagnostic) => diagnostic.severity === 'error' && (!diagnostic.location || concerned.has(diagnostic.location.file)),
  );
  if (problems.length > 0 || !meeting) {
    if (problems.length === 0) return messagePage(text.missingFile(target));
    return diagnosticsPage(problems, repository.root, target);
  }
  try {
    const [rendered] = await renderMinutes([meeting], repository, await sourceStates(repository.root, [meeting.relativePath]));
    const spec = minutesDocument(rendered!.markdown, pageFurniture(meeting, repository.config, rendered!.source));
    return renderHtml(spec, { navigation: `<span>${escapeText(text.banner(target))}</span>`, inlineScript: RELOAD_SCRIPT });
  } catch (problem) {
    // A template of the repository's own that does not compile is shown like any other error.
    if (problem instanceof GtmError) return diagnosticsPage(problem.diagnostics, repository.root, target);
    throw problem;
  }
}

function diagnosticsPage(diagnostics: readonly Diagnostic[], root: string, target: string | undefined): string {
  const report = formatDiagnostics(diagnostics, { colors: PLAIN, root });
  const count = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  return previewPage(
    text.errorsTitle(count),
    [
      `<h1>${escapeText(text.errorsTitle(count))}</h1>`,
      `<p>${escapeText(text.errorsHelp(target))}</p>`,
      `<pre class="diagnostics" role="alert">${escapeText(report)}</pre>`,
    ].join('\n'),
  );
}

function messagePage(message: string): string {
  return previewPage(message, `<h1>${escapeText(message)}</h1>`);
}

function internalErrorPage(problem: unknown): string {
  const detail = problem instanceof Error ? problem.message.split('\n')[0]! : String(problem);
  return previewPage(text.internal(), `<h1>${escapeText(text.internal())}</h1><pre>${escapeText(detail)}</pre>`);
}

function previewPage(title: string, body: string): string {
  return htmlPage({
    title: `${title} – aperçu gtm`,
    css: `html { font-family: system-ui, "DejaVu Sans", sans-serif; background: #fff7f5; color: #1b1b1b; } main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { color: #a4161a; font-size: 1.4rem; } pre { background: #fff; border: 1px solid #e0b4b4; padding: 1rem; overflow-x: auto; font-size: .95rem; line-height: 1.4; }`,
    body: `<main>\n${body}\n</main>`,
    inlineScript: RELOAD_SCRIPT,
  });
}
