// A minutes repository: gtm.yaml at its root, one YAML file per meeting under meetings/.
// Loading reads and checks the shape of every file; rules across files live in rules/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { error, GtmError, hasErrors, type Diagnostic } from './diagnostics.js';
import { messages } from './messages.js';
import type { Config } from './schema/config.js';
import { mayExceedLayoutLimits } from '../document/limits.js';
import type { AgendaItem, Meeting } from './schema/meeting.js';
import { decodeUserText, readUserText } from './user-text.js';
import { CONFIG_FILE, contentHashes, findRoot, MEETINGS_DIR, readMeetingBytes, relativeTo, walkMeetings, type MeetingWalk } from './repository-files.js';
import { hashBytes, MeetingCache, type CachedFile } from './cache.js';
import type { ParseJob } from './parse-pool.js';

export { CONFIG_FILE, findRoot, MEETINGS_DIR } from './repository-files.js';

export interface LoadedMeeting {
  /** The file's name without extension, e.g. 2023-06-20-national: what users type. */
  id: string;
  /** Absolute path. */
  file: string;
  /** Path relative to the repository root, as shown in messages. */
  relativePath: string;
  /**
   * The file's text, to locate a rule's finding (locations.ts): read again, as it is now
   * (unchanged, or its hash would differ). Loading keeps the data, not the text, so a large
   * repository stays small in memory.
   */
  text(): string;
  meeting: Meeting;
  /** The group key, the default group's when the file does not say. */
  group: string;
}

export interface Repository {
  root: string;
  config: Config;
  /** Every meeting file found under meetings/, relative to the root, sorted. */
  files: string[];
  /** Files under meetings/ that are not read, their name not ending in .yaml or .yml (see walkMeetings). */
  ignoredFiles: string[];
  /** Meetings whose shape is valid, sorted by date then id. */
  meetings: LoadedMeeting[];
  /** Every problem found while reading (syntax and shape). */
  diagnostics: Diagnostic[];
  /**
   * Results computed from exactly these files by an earlier run (the rules' findings, the action
   * ledger), and where to keep this run's; absent when the cache is off.
   */
  memo?: RepositoryMemo;
}

/** Results kept in the cache under a name, for the repository's files as they are now. */
export interface RepositoryMemo {
  /** Hands each stored item to `take`; true when all were taken (see MeetingCache.readMemo). */
  read(name: string, take: (item: unknown) => boolean): boolean;
  /** Holds no meeting: it may be kept once the repository is dropped. */
  store(name: string, items: Iterable<unknown>): void;
}


export async function loadConfig(root: string): Promise<{ config?: Config; diagnostics: Diagnostic[] }> {
  const read = await readUserText(path.join(root, CONFIG_FILE), CONFIG_FILE);
  const text = read.text;
  if (text === undefined) return { diagnostics: read.diagnostics };
  // A valid file is read fast, without loading yaml's composer; one with a problem goes to it.
  const quick = read.diagnostics.length === 0 ? (await import('./quick-checks.js')).readValidConfig(text) : undefined;
  if (quick) return { config: quick, diagnostics: [] };
  const checked = (await import('./shape-checks.js')).checkConfigSource(CONFIG_FILE, text);
  const diagnostics = [...read.diagnostics, ...checked.diagnostics];
  return { ...(checked.config && !hasErrors(diagnostics) ? { config: checked.config } : {}), diagnostics };
}

/** gtm.yaml through the cache. */
async function loadConfigCached(root: string, cache: MeetingCache | undefined): Promise<{ config?: Config; diagnostics: Diagnostic[] }> {
  const bytes = cache ? readMeetingBytes(path.join(root, CONFIG_FILE)) : undefined;
  const hash = bytes ? hashBytes(bytes) : undefined;
  const cached = hash ? cache?.get<Config>(CONFIG_FILE, hash) : undefined;
  if (cached) return { ...(cached.data ? { config: cached.data } : {}), diagnostics: cached.diagnostics };
  const loaded = await loadConfig(root);
  if (hash) cache?.set<Config>(CONFIG_FILE, { hash, ...(loaded.config ? { data: loaded.config } : {}), diagnostics: loaded.diagnostics });
  return loaded;
}

export interface LoadOptions {
  /** false: no cache is read or written (tests, and anyone who distrusts it). */
  cache?: boolean;
  /**
   * false: the meetings are kept without their prose (the discussion of each agenda item),
   * which checking and the action ledger never read: a quarter of the data, and in real
   * minutes far more. Renderers need it, and load with it.
   */
  prose?: boolean;
  /**
   * Content hashes of the files, just computed by a scan for memos (scanForMemo): the cache is
   * looked up with them rather than by reading and hashing every file a second time.
   */
  hashes?: ReadonlyMap<string, string | undefined>;
  /** meetings/ as just walked (by a scan for memos, or to start the workers): not walked again. */
  walked?: MeetingWalk | undefined;
}

/**
 * The entry without the agenda items' discussions; the same entry when it has none. A discussion
 * that may hold a list or a table too large for a page is kept, for the rule that checks it.
 */
function withoutProse(entry: CachedFile): CachedFile {
  const meeting = entry.data as Partial<Meeting> | undefined;
  const items = meeting?.ordre_du_jour;
  if (!Array.isArray(items) || !items.some((item) => item.discussion !== undefined)) return entry;
  // Rebuilt rather than deleted from: objects that lose a property become slower and larger.
  const slim = (item: AgendaItem): AgendaItem => {
    if (item.discussion === undefined || mayExceedLayoutLimits(item.discussion)) return item;
    const { discussion: _, ...rest } = item;
    return rest;
  };
  return { ...entry, data: { ...meeting, ordre_du_jour: items.map(slim) } as Meeting };
}

/**
 * Loads the repository around `cwd`: gtm.yaml and every meeting under meetings/. Throws
 * GtmError when there is no repository or its gtm.yaml is invalid, since nothing else can be
 * checked then.
 */
export async function loadRepository(cwd: string, options: LoadOptions = {}): Promise<Repository> {
  const root = findRoot(cwd);
  if (!root) throw new GtmError([error('depot-introuvable', messages.noRepository(path.resolve(cwd)))], 2);
  const slim = options.prose === false ? withoutProse : (entry: CachedFile) => entry;
  const cache = options.cache === false ? undefined : MeetingCache.open(root, { slim });
  // An empty cache (a first run) answers nothing: the files are then read once, by the parsers.
  const lookUp = cache && cache.size > 0 ? cache : undefined;
  const { files, ignored } = options.walked ?? walkMeetings(path.join(root, MEETINGS_DIR));
  // Computed once: path.relative is not free at 10,000 files.
  const relativePaths = files.map((file) => relativeTo(root, file));
  // Looking files up needs their hashes: from the scan that just read them, else read here.
  const hashes = lookUp ? (options.hashes ?? contentHashes(root, relativePaths)) : undefined;
  // The meetings before gtm.yaml: on a first run, this thread reads meetings while a worker
  // boots (large repositories), and gtm.yaml last, with js-yaml and the schema warm.
  const checked = await checkMeetingFiles(files, relativePaths, { lookUp, hashes, store: cache }, slim);
  const { config, diagnostics: configDiagnostics } = await loadConfigCached(root, cache);
  const present = new Set([CONFIG_FILE, ...relativePaths]);
  cache?.save(present);
  // The meetings' results stay cached: once gtm.yaml is fixed, the next run is quick.
  if (!config) throw new GtmError(configDiagnostics, 1);
  const digest = cache?.digest(present);
  const loaded = checked.map((result, index) => loadedResult(files[index]!, relativePaths[index]!, result, config));
  const meetings = loaded.flatMap((result) => (result.meeting ? [result.meeting] : []));
  meetings.sort(compareMeetings);
  return {
    root,
    config,
    files: relativePaths,
    ignoredFiles: ignored.map((file) => relativeTo(root, file)),
    meetings,
    diagnostics: [...configDiagnostics, ...loaded.flatMap((result) => result.diagnostics)],
    ...(cache && digest
      ? { memo: { read: (name, take) => cache.readMemo(name, digest, take), store: cache.memoWriter(digest) } }
      : {}),
  };
}

/**
 * Meetings in the order of the repository and of the ledger: by date, then by id, compared as
 * plain text (the same on every machine, unlike an order that follows the locale).
 */
export function compareMeetings(a: LoadedMeeting, b: LoadedMeeting): number {
  return a.meeting.date < b.meeting.date ? -1 : a.meeting.date > b.meeting.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The meeting files, through the cache (`lookUp`, by their `hashes`) when their bytes are
 * unchanged; the others are read, parsed and checked by the parse pool (on every core when
 * there are many), which reads them itself: their bytes are never all held at once. Their
 * results are kept in `store`; files that cannot be read are never cached.
 */
async function checkMeetingFiles(
  files: readonly string[],
  relativePaths: readonly string[],
  cache: { lookUp?: MeetingCache | undefined; hashes?: ReadonlyMap<string, string | undefined> | undefined; store?: MeetingCache | undefined },
  slim: (entry: CachedFile) => CachedFile,
): Promise<Array<CachedFile<Meeting> | { diagnostics: Diagnostic[] }>> {
  const results: Array<CachedFile<Meeting> | { diagnostics: Diagnostic[] }> = new Array(files.length);
  const jobs: ParseJob[] = [];
  const jobIndexes: number[] = [];
  for (const [index, file] of files.entries()) {
    const relativePath = relativePaths[index]!;
    const hash = cache.hashes?.get(relativePath);
    const cached = hash && cache.lookUp?.get<Meeting>(relativePath, hash);
    if (cached) results[index] = cached;
    else {
      jobs.push({ relativePath, file });
      jobIndexes.push(index);
    }
  }
  const unreadable: number[] = [];
  if (jobs.length > 0) {
    await (
      await import('./parse-pool.js')
    ).checkMeetingFiles(jobs, (at, checked) => {
      const index = jobIndexes[at]!;
      if (!checked) return void unreadable.push(index);
      const entry = slim(checked.entry);
      results[index] = entry;
      cache.store?.add(relativePaths[index]!, checked.json, entry);
    });
  }
  // Missing, too large, a folder, no permission: rare, and readUserText words it.
  for (const index of unreadable) results[index] = { diagnostics: (await readUserText(files[index]!, relativePaths[index]!)).diagnostics };
  return results;
}

function loadedResult(
  file: string,
  relativePath: string,
  result: CachedFile<Meeting> | { diagnostics: Diagnostic[] },
  config: Config,
): { meeting?: LoadedMeeting; diagnostics: Diagnostic[] } {
  const data = 'data' in result ? result.data : undefined;
  return { ...(data ? { meeting: loadedMeeting(file, relativePath, data, config) } : {}), diagnostics: result.diagnostics };
}

/** A loaded meeting; its text is read again only if a rule needs a position (see LoadedMeeting.text). */
function loadedMeeting(file: string, relativePath: string, meeting: Meeting, config: Config): LoadedMeeting {
  return new MeetingFile(file, relativePath, meeting, meeting.groupe ?? config.groupe_par_defaut);
}

/** A class, not an object literal with a method: V8 builds such literals slowly, one per file. */
class MeetingFile implements LoadedMeeting {
  readonly id: string;

  constructor(
    readonly file: string,
    readonly relativePath: string,
    readonly meeting: Meeting,
    readonly group: string,
  ) {
    this.id = path.basename(file, path.extname(file));
  }

  text(): string {
    return decodeUserText(readFileSync(this.file), this.relativePath).text ?? '';
  }
}

/** Finds a meeting by id (file stem) or by path. */
export function findMeeting(repository: Repository, cwd: string, reference: string): LoadedMeeting | undefined {
  const absolute = path.resolve(cwd, reference);
  return repository.meetings.find((loaded) => loaded.id === reference || loaded.file === absolute);
}
