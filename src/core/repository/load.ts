// Loading a minutes repository: gtm.yaml at its root, one YAML file per meeting under
// meetings/. Each file is read once; its checked data and diagnostics come from the cache when
// its bytes are unchanged, else from the checks of reading/ (and go into the cache).
import path from 'node:path';
import { error, GtmError, hasErrors, type Diagnostic } from '../diagnostics.js';
import { messages } from '../messages.js';
import { CONFIG_FILE, compareMeetings, MEETINGS_DIR, meetingIdOf, type LoadedMeeting, type Repository } from '../model.js';
import { checkConfigBytes, checkMeetingBytes, type Checked } from '../reading/check.js';
import type { Config } from '../schema/config.js';
import type { Meeting } from '../schema/meeting.js';
import { FileCache, hashBytes } from './cache.js';
import { fileBuffer, findRoot, readFileBytes, relativeTo, walkMeetings } from './files.js';

export interface LoadOptions {
  /** false: no cache is read or written (tests, and anyone who distrusts it). */
  cache?: boolean;
}

/**
 * Loads the repository around `cwd`: gtm.yaml and every meeting under meetings/, each valid
 * meeting with its data and its text, and every problem found reading them. Throws GtmError
 * when there is no repository (usage) or its gtm.yaml is invalid (data), since nothing else
 * can be checked then.
 */
export async function loadRepository(cwd: string, options: LoadOptions = {}): Promise<Repository> {
  const root = findRoot(cwd);
  if (!root) throw new GtmError([error('depot-introuvable', messages.noRepository(path.resolve(cwd)))], 'usage');
  const cache = options.cache === false ? undefined : FileCache.open(root);
  const buffer = fileBuffer();
  const read = <T>(file: string, relativePath: string, check: (bytes: Uint8Array) => Checked<T>): Checked<T> => {
    const got = readFileBytes(file, relativePath, buffer);
    // Unreadable files are never cached: what is said of them (their size, why) is not in their bytes.
    if (!('bytes' in got)) return got;
    const hash = hashBytes(got.bytes);
    const cached = cache?.get(relativePath, hash);
    if (cached) {
      // Stored only for bytes that decoded; the same bytes decode to the same text.
      const text = cached.data === undefined ? undefined : textOf(got.bytes);
      return { ...(text === undefined ? {} : { text }), ...(cached as { data?: T; diagnostics: Diagnostic[] }) };
    }
    const checked = check(got.bytes);
    cache?.set(relativePath, { hash, ...(checked.data === undefined ? {} : { data: checked.data }), diagnostics: checked.diagnostics });
    return checked;
  };

  const config = read<Config>(path.join(root, CONFIG_FILE), CONFIG_FILE, checkConfigBytes);
  const { files, ignored } = walkMeetings(path.join(root, MEETINGS_DIR));
  const relativePaths = files.map((file) => relativeTo(root, file));
  const checked = files.map((file, index) => read<Meeting>(file, relativePaths[index]!, (bytes) => checkMeetingBytes(relativePaths[index]!, bytes)));
  cache?.save(new Set([CONFIG_FILE, ...relativePaths]));
  // The meetings' results stay cached: once gtm.yaml is fixed, the next run is quick.
  if (!config.data || hasErrors(config.diagnostics)) throw new GtmError(config.diagnostics);

  const defaultGroup = config.data.groupe_par_defaut;
  const meetings: LoadedMeeting[] = [];
  checked.forEach((result, index) => {
    if (result.data === undefined || result.text === undefined) return;
    meetings.push({
      id: meetingIdOf(files[index]!),
      file: files[index]!,
      relativePath: relativePaths[index]!,
      text: result.text,
      meeting: result.data,
      group: result.data.groupe ?? defaultGroup,
    });
  });
  meetings.sort(compareMeetings);
  return {
    root,
    config: config.data,
    files: relativePaths,
    ignoredFiles: ignored.map((file) => relativeTo(root, file)),
    meetings,
    diagnostics: [...config.diagnostics, ...checked.flatMap((result) => result.diagnostics)],
  };
}

const decoder = new TextDecoder();
const textOf = (bytes: Uint8Array): string => decoder.decode(bytes);

/** Finds a loaded meeting by id (file stem) or by path. */
export function findMeeting(repository: Repository, cwd: string, reference: string): LoadedMeeting | undefined {
  const absolute = path.resolve(cwd, reference);
  return repository.meetings.find((loaded) => loaded.id === reference || loaded.file === absolute);
}

/** The meeting file, loaded or not (it may hold errors), that `reference` names by id or path. */
export function findMeetingFile(repository: Repository, cwd: string, reference: string): string | undefined {
  const absolute = path.resolve(cwd, reference);
  return repository.files.find((file) => meetingIdOf(file) === reference || path.join(repository.root, file) === absolute);
}
