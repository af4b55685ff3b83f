// The state of every action of a repository, as `gtm actions` lists it. When the files are
// exactly those of an earlier run (read and hashed, never parsed), the states come from the
// cache; otherwise the repository is loaded, validated and folded by the ledger, and the
// result kept for the next run. Either way the answer is the same: the cache is keyed by content.
import type { MeetingCache } from './cache.js';
import type { Diagnostic } from './diagnostics.js';
import { collectGarbage } from './memory.js';
import { actionReader, actionStatesOf, meetingRefOf, storedAction, type ActionState, type MeetingRef } from './ledger/states.js';
import { scanForMemo, startWorkersIfAllParsed, type FileScan } from './repository-files.js';
import type { LoadOptions } from './repository.js';
import type { Config } from './schema/config.js';

export interface ActionStates {
  root: string;
  config: Config;
  /** Every meeting, by date then id. */
  meetings: MeetingRef[];
  /** In the order of the meetings that decided them, then as written. */
  actions: ActionState[];
}

/** The states, or the errors that prevent folding the ledger (the repository must be valid). */
export type ActionStatesResult = { states: ActionStates; errors?: undefined } | { root: string; errors: Diagnostic[] };

/** Kept as lines: gtm.yaml's configuration, the list of meetings, then the actions (storedLines). */
const MEMO = 'actions';

/** Throws GtmError as loadRepository does (no repository, invalid gtm.yaml). */
export async function loadActionStates(cwd: string, options: Pick<LoadOptions, 'cache'> = {}): Promise<ActionStatesResult> {
  const scan = options.cache === false ? undefined : scanForMemo(cwd, MEMO);
  const stored = scan && readStates(scan.cache, scan.digest);
  if (stored) return { states: { root: scan.root, ...stored } };
  const { result, keep } = await statesFromFiles(cwd, options, scan);
  // The meetings and the ledger are garbage now: the memo and the listing reuse their room.
  await collectGarbage();
  keep?.();
  return result;
}

/**
 * Loading, the rules and the ledger, imported only when the cache cannot answer; `keep` stores
 * the states for the next run, holding nothing of the repository.
 */
async function statesFromFiles(
  cwd: string,
  options: Pick<LoadOptions, 'cache'>,
  scan: FileScan | undefined,
): Promise<{ result: ActionStatesResult; keep?: () => void }> {
  const walked = scan?.walked ?? (await startWorkersIfAllParsed(cwd, options.cache !== false));
  const [{ loadRepository }, { validateRepository }, { buildLedger }] = await Promise.all([
    import('./repository.js'),
    import('./validate.js'),
    import('./ledger/index.js'),
  ]);
  // Neither the rules nor the ledger read the prose.
  const repository = await loadRepository(cwd, { ...options, prose: false, walked, ...(scan ? { hashes: scan.hashes } : {}) });
  // The parse's garbage goes before the rules and the ledger build on top of it.
  await collectGarbage();
  const errors = (await validateRepository(repository)).filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) return { result: { root: repository.root, errors } };
  const refs = new Map(repository.meetings.map((loaded) => [loaded, meetingRefOf(loaded)]));
  const meetings = [...refs.values()];
  const actions = actionStatesOf(buildLedger(repository.meetings, repository.config).actions, (loaded) => refs.get(loaded)!);
  const { root, config } = repository;
  const store = repository.memo?.store;
  return {
    result: { states: { root, config, meetings, actions } },
    ...(store ? { keep: () => store(MEMO, storedLines(config, meetings, actions)) } : {}),
  };
}

/**
 * Actions per line: one JSON.parse per action would cost more than the parsing itself, and a
 * line of 500 (150 KB, twice that as text with accents) is born in V8's large-object space,
 * which only a full collection frees: at 10,000 meetings those lines added 20 MB to the peak.
 * Lines of 100 (30 to 60 KB) die young.
 */
const ACTIONS_PER_LINE = 100;

function* storedLines(config: Config, meetings: readonly MeetingRef[], actions: readonly ActionState[]): Generator<unknown> {
  yield config;
  yield meetings;
  const indexes = new Map(meetings.map((meeting, index) => [meeting, index]));
  const indexOf = (meeting: MeetingRef) => indexes.get(meeting)!;
  for (let start = 0; start < actions.length; start += ACTIONS_PER_LINE) {
    yield actions.slice(start, start + ACTIONS_PER_LINE).map((action) => storedAction(action, indexOf));
  }
}

function readStates(cache: MeetingCache, digest: string): Omit<ActionStates, 'root'> | undefined {
  let config: Config | undefined;
  let meetings: MeetingRef[] | undefined;
  let read: ((value: unknown) => ActionState | undefined) | undefined;
  const actions: ActionState[] = [];
  const complete = cache.readMemo(MEMO, digest, (item) => {
    if (!config) {
      config = item as Config;
      return typeof item === 'object' && item !== null;
    }
    if (!meetings) {
      meetings = item as MeetingRef[];
      read = actionReader(meetings);
      return Array.isArray(item) && item.every(isMeetingRef);
    }
    if (!Array.isArray(item)) return false;
    for (const value of item) {
      const action = read!(value);
      if (!action) return false;
      actions.push(action);
    }
    return true;
  });
  return complete && config && meetings ? { config, meetings, actions } : undefined;
}

function isMeetingRef(value: unknown): value is MeetingRef {
  const meeting = value as Partial<MeetingRef> | null;
  return typeof meeting === 'object' && meeting !== null && [meeting.id, meeting.file, meeting.date, meeting.group].every((field) => typeof field === 'string');
}
