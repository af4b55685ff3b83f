// gtm site [-o DOSSIER] [--sans-telechargements]: the whole repository as a static site (site/ by default):
// home page, every compte-rendu as a page with its PDF and Word files beside it, the actions dashboard, a page
// per organisation, search. Only files whose content changed are written; pages of meetings
// that no longer exist are removed, in a folder gtm made (it holds .gtm-site).
import { createHash } from 'node:crypto';
import { open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../core/repository/atomic-write.js';
import { error, GtmError } from '../../core/diagnostics.js';
import { buildLedger } from '../../core/ledger/index.js';
import { CONFIG_FILE, type LoadedMeeting, type Repository } from '../../core/model.js';
import { loadRepository } from '../../core/repository/load.js';
import { diagnose } from '../../core/rules/index.js';
import { minutesDocument, type DocumentSpec, type PageFurniture } from '../../document/index.js';
import { loadTemplates, type TemplateSet } from '../../render/markdown/index.js';
import { renderMinutes } from '../../render/minutes.js';
import { sourceStates } from '../../core/repository/git.js';
import { actionsAsFollowedUp } from '../../core/ledger/index.js';
import type { SourceState } from '../../core/model.js';
import { outputRefusal, RENDER_DIR } from '../../core/repository/output.js';
import { pageFurniture } from '../../render/page-furniture.js';
import { BROWSER_SCRIPTS } from '../../site/browser-scripts.generated.js';
import { buildSite, FINGERPRINT_META, meetingPath, SITE_MARKER, type DownloadFormat, type SiteMeeting } from '../../site/index.js';
import { colorsFor } from '../colors.js';
import type { Io } from '../io.js';
import type { ExitCode } from '../exit.js';
import { site as messages } from '../messages.js';
import { formatDiagnostics } from '../report.js';

export interface SiteOptions {
  output?: string;
  /** PDF and Word files beside the pages (without: quicker, when rendus/ is not kept up to date). */
  downloads: boolean;
}

export const SITE_DIR = 'site';

/**
 * This build of gtm, as a digest of its code (the files beside this module): another build
 * rewrites every page, and the same build gives the same pages wherever it is installed.
 */
function buildDigest(): string {
  const directory = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha1');
  for (const name of readdirSync(directory).filter((file) => /\.(?:js|ts)$/.test(file)).sort()) hash.update(name).update(readFileSync(path.join(directory, name)));
  return hash.digest('hex');
}
/** Folders of the site that hold one file per meeting or organisation. */
const OWN_FOLDERS = ['reunions', 'organisations'];
const WRITE_CONCURRENCY = 8;

export async function run(options: SiteOptions, io: Io): Promise<ExitCode> {
  const repository = await loadRepository(io.cwd);
  const errors = diagnose(repository).filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    io.stderr(formatDiagnostics(errors, { colors: colorsFor(io, 'stderr'), root: repository.root }));
    io.stderr(messages.invalid());
    return 1;
  }
  const directory = options.output === undefined ? path.join(repository.root, SITE_DIR) : path.resolve(io.cwd, options.output);
  await checkOutput(directory, repository, io.cwd);

  const formats = options.downloads ? DOWNLOAD_FORMATS : [];
  const ledger = buildLedger(repository.meetings);
  const [templates, sourceMap] = await Promise.all([
    loadTemplates(repository.root),
    sourceStates(repository.root, repository.meetings.map((meeting) => meeting.relativePath)),
  ]);
  const sources = repository.meetings.map((meeting) => sourceMap.get(meeting.relativePath) ?? { version: undefined, uncommitted: false });
  const followedUp = actionsAsFollowedUp(repository.meetings);
  const base = fingerprintBase(repository, templates, formats);
  const newestShared = Math.max(await mtimeOf(path.join(repository.root, CONFIG_FILE)), await newestUnder(path.join(repository.root, 'templates')));

  // What each meeting needs: its page unless the one there was made from the same inputs, and
  // each download that is not up to date beside it (taken from rendus/, or made).
  const plans = await Promise.all(
    repository.meetings.map(async (meeting, index) => {
      const source = sources[index]!;
      const fingerprint = meetingFingerprint(base, meeting, source, followedUp.get(meeting));
      const pagePath = path.join(directory, ...meetingPath(meeting.id).split('/'));
      const pageKept = (await fingerprintOf(pagePath)) === fingerprint;
      const newestSource = Math.max(newestShared, await mtimeOf(meeting.file));
      const downloads = await Promise.all(formats.map((format) => downloadSource(repository.root, directory, meeting.id, format, newestSource)));
      return { meeting, source, fingerprint, pageKept, downloads };
    }),
  );
  const toRender = plans.filter((plan) => !plan.pageKept || plan.downloads.some((download) => download.from === 'make'));
  const rendered = new Map(
    (await renderMinutes(toRender.map((plan) => plan.meeting), repository, sourceMap)).map((entry) => [entry.meeting, entry] as const),
  );

  const files = new Map<string, string | Uint8Array>();
  const kept = new Set<string>();
  const meetings: SiteMeeting[] = [];
  for (const plan of plans) {
    const { meeting } = plan;
    const furniture = pageFurniture(meeting, repository.config, plan.source);
    const entry = rendered.get(meeting);
    const spec = entry ? minutesDocument(entry.markdown, furniture) : undefined;
    if (plan.pageKept) kept.add(meetingPath(meeting.id));
    for (const download of plan.downloads) {
      const file = `reunions/${meeting.id}.${download.format}`;
      if (download.from === 'site') kept.add(file);
      else if (download.from === 'rendus') files.set(file, await readFile(download.path));
      else files.set(file, await makeDownload(download.format, entry!.markdown, furniture, spec!));
    }
    meetings.push({
      loaded: meeting,
      ...(spec && !plan.pageKept ? { spec } : {}),
      draft: furniture.draft,
      downloads: formats,
      fingerprint: plan.fingerprint,
    });
  }
  for (const [file, content] of buildSite({ config: repository.config, meetings, ledger, scripts: BROWSER_SCRIPTS })) files.set(file, content);

  const changed = await writeChanged(directory, files);
  const removed = await removeStale(directory, new Set([...files.keys(), ...kept]));
  io.stdout(messages.written(shownPath(io.cwd, directory), files.size + kept.size, changed, removed));
  return 0;
}

/** Everything every page depends on: this build of gtm, gtm.yaml, the templates, the downloads offered. */
function fingerprintBase(repository: Repository, templates: TemplateSet, formats: readonly DownloadFormat[]): string {
  const hash = createHash('sha1').update(`${buildDigest()}\n${JSON.stringify(repository.config)}\n${formats.join(',')}\n`);
  for (const [name, source] of [...templates.sources].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${name}\n${source.text}\n`);
  return hash.digest('hex');
}

/**
 * A digest of everything a meeting's page is made of, beyond the base: its file, its state in
 * git (the footer's version, the watermark) and the earlier actions its follow-ups show.
 */
function meetingFingerprint(base: string, meeting: LoadedMeeting, source: SourceState, seen: ReadonlyMap<string, unknown> | undefined): string {
  const followed = (meeting.meeting.suivi_actions ?? []).map((followUp) => seen?.get(followUp.action.toUpperCase()) ?? null);
  return createHash('sha1').update(`${base}\n${meeting.id}\n${meeting.text}\n${JSON.stringify(source)}\n${JSON.stringify(followed)}`).digest('hex');
}

/** The fingerprint a page already written carries in its head, if any. */
async function fingerprintOf(page: string): Promise<string | undefined> {
  const handle = await open(page, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return new RegExp(`<meta name="${FINGERPRINT_META}" content="([0-9a-f]{40})">`).exec(head.subarray(0, bytesRead).toString('utf8'))?.[1];
  } finally {
    await handle.close();
  }
}

type DownloadPlan = { format: DownloadFormat; from: 'site' | 'make' } | { format: DownloadFormat; from: 'rendus'; path: string };

/**
 * Where a meeting's PDF or Word file comes from: kept when the site's copy is newer than
 * everything it is made of (the meeting file, gtm.yaml, the repository's templates), taken from
 * rendus/ when that one is, else made now from the same document, as `gtm render` would.
 */
async function downloadSource(root: string, directory: string, id: string, format: DownloadFormat, newestSource: number): Promise<DownloadPlan> {
  if ((await mtimeOf(path.join(directory, 'reunions', `${id}.${format}`))) >= newestSource) return { format, from: 'site' };
  const rendus = path.join(root, RENDER_DIR, `${id}.${format}`);
  if ((await mtimeOf(rendus)) >= newestSource) return { format, from: 'rendus', path: rendus };
  return { format, from: 'make' };
}

/** Lazy: the typesetter and the Word writer load only when a file has to be made. */
async function makeDownload(format: DownloadFormat, markdown: string, furniture: PageFurniture, spec: DocumentSpec): Promise<Uint8Array> {
  if (format === 'pdf') return (await import('../../render/pdf/index.js')).renderPdf(markdown, furniture);
  return (await import('../../render/docx/index.js')).renderDocx(spec);
}

async function checkOutput(directory: string, repository: Repository, cwd: string): Promise<void> {
  const refusal = outputRefusal(repository.root, repository.meetings.map((meeting) => meeting.file));
  const why = refusal(path.join(directory, 'index.html'));
  if (why === 'donnees' || why === 'git' || why === 'lien') {
    throw new GtmError([error('sortie-interdite', messages.refusedOutput(shownPath(cwd, directory)))]);
  }
  const info = await stat(directory).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory()) throw new GtmError([error('usage', messages.notDirectory(shownPath(cwd, directory)))], 'usage');
  // A folder of the user's own is never mixed with the site: empty, or made by gtm site.
  const entries = await readdir(directory);
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw new GtmError([error('sortie-interdite', messages.notGtmSite(shownPath(cwd, directory)))]);
  }
}

const DOWNLOAD_FORMATS: readonly DownloadFormat[] = ['pdf', 'docx'];

async function mtimeOf(file: string): Promise<number> {
  return (await stat(file).catch(() => undefined))?.mtimeMs ?? 0;
}

async function newestUnder(directory: string): Promise<number> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  let newest = 0;
  for (const entry of entries) if (entry.isFile()) newest = Math.max(newest, await mtimeOf(path.join(directory, entry.name)));
  return newest;
}

/** Writes the files whose content differs from what is there; returns how many. */
async function writeChanged(directory: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<number> {
  const queue = [...files];
  let changed = 0;
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [relative, content] = next;
      const target = path.join(directory, ...relative.split('/'));
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      const existing = await readFile(target).catch(() => undefined);
      if (existing && Buffer.compare(existing, bytes) === 0) continue;
      await writeFileAtomic(target, bytes);
      changed++;
    }
  };
  await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, worker));
  return changed;
}

/** Files of the site's own folders that the new site no longer has (a meeting removed or renamed). */
async function removeStale(directory: string, files: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  for (const folder of OWN_FOLDERS) {
    for (const name of await readdir(path.join(directory, folder)).catch(() => [] as string[])) {
      const relative = `${folder}/${name}`;
      if (files.has(relative) || !/\.(?:html|pdf|docx)$/.test(name)) continue;
      await unlink(path.join(directory, folder, name));
      removed++;
    }
  }
  return removed;
}

function shownPath(cwd: string, target: string): string {
  const relative = path.relative(cwd, target);
  return relative === '' ? '.' : relative;
}
