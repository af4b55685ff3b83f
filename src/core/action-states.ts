// The state of every action of a repository, as `gtm actions` lists it. When the files are
// exactly those of an earlier run (read and hashed, never parsed), the states come from the
// cache; otherwise the repository is loaded, validated and folded by the ledger, and the
// result kept for the next run. Either way the answer is the same: the cache is keyed by content.
import path from 'node:path';
import { MeetingCache } from './cache.js';
import type { Diagnostic } from './diagnostics.js';
import { actionStateOf, isActionStateList, type ActionState } from './ledger/states.js';
import { filesDigest, findRoot, MEETINGS_DIR, walkMeetings } from './repository-files.js';
import type { Config } from './schema/config.js';

export interface ActionStates {
  root: string;
  config: Config;
  /** Every meeting file, by id and by path relative to the root, sorted by path. */
  meetings: MeetingFile[];
  /** In the order of the meetings that decided them, then as written. */
  actions: ActionState[];
}

export interface MeetingFile {
  id: string;
  relativePath: string;
}

/** The states, or the errors that prevent folding the ledger (the repository must be valid). */
export type ActionStatesResult = { states: ActionStates; errors?: undefined } | { root: string; errors: Diagnostic[] };

const MEMO = 'actions';

interface Stored {
  config: Config;
  actions: ActionState[];
}

const isStored = (value: unknown): value is Stored =>
  typeof value === 'object' && value !== null && typeof (value as Stored).config === 'object' && isActionStateList((value as Stored).actions);

/**
 * Throws GtmError as loadRepository does (no repository, invalid gtm.yaml). Loading, the rules
 * and the ledger are imported only when the cache cannot answer.
 */
export async function loadActionStates(cwd: string, options: { cache?: boolean } = {}): Promise<ActionStatesResult> {
  const root = findRoot(cwd);
  if (root && options.cache !== false) {
    const cache = MeetingCache.open(root);
    if (cache.hasMemo(MEMO)) {
      const relativePaths = walkMeetings(path.join(root, MEETINGS_DIR)).files.map((file) => path.relative(root, file));
      const stored = cache.memo(MEMO, filesDigest(root, relativePaths), isStored);
      if (stored) return { states: { root, config: stored.config, meetings: meetingFiles(relativePaths), actions: stored.actions } };
    }
  }

  const [{ loadRepository }, { validateRepository }, { buildLedger }] = await Promise.all([
    import('./repository.js'),
    import('./validate.js'),
    import('./ledger/index.js'),
  ]);
  const repository = await loadRepository(cwd, options);
  const errors = validateRepository(repository).filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) return { root: repository.root, errors };
  const actions = buildLedger(repository.meetings, repository.config).actions.map(actionStateOf);
  repository.memo?.store(MEMO, { config: repository.config, actions } satisfies Stored);
  return { states: { root: repository.root, config: repository.config, meetings: meetingFiles(repository.files), actions } };
}

function meetingFiles(relativePaths: readonly string[]): MeetingFile[] {
  return relativePaths.map((relativePath) => ({ id: path.basename(relativePath, path.extname(relativePath)), relativePath }));
}
