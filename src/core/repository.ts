// A minutes repository: gtm.yaml at its root, one YAML file per meeting under meetings/.
// Loading reads and checks the shape of every file; rules across files live in rules/.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { globby } from 'globby';
import { error, GtmError, hasErrors, type Diagnostic } from './diagnostics.js';
import { messages } from './messages.js';
import { checkShape } from './schema-issues.js';
import { configSchema, type Config } from './schema/config.js';
import { meetingSchema, type Meeting } from './schema/meeting.js';
import { parseYaml, type YamlSource } from './source.js';
import { readUserText } from './user-text.js';

export const CONFIG_FILE = 'gtm.yaml';
export const MEETINGS_DIR = 'meetings';
export const MEETING_EXTENSIONS = ['.yaml', '.yml'];

export interface LoadedMeeting {
  /** The file's name without extension, e.g. 2023-06-20-national: what users type. */
  id: string;
  /** Absolute path. */
  file: string;
  /** Path relative to the repository root, as shown in messages. */
  relativePath: string;
  source: YamlSource;
  meeting: Meeting;
  /** The group key, the default group's when the file does not say. */
  group: string;
}

export interface Repository {
  root: string;
  config: Config;
  configSource: YamlSource;
  /** Every meeting file found under meetings/, relative to the root, sorted. */
  files: string[];
  /** Meetings whose shape is valid, sorted by date then id. */
  meetings: LoadedMeeting[];
  /** Every problem found while reading (syntax and shape). */
  diagnostics: Diagnostic[];
}

/** The nearest directory at or above `start` holding gtm.yaml. */
export function findRoot(start: string): string | undefined {
  let current = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(current, CONFIG_FILE))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export async function loadConfig(root: string): Promise<{ config?: Config; source: YamlSource; diagnostics: Diagnostic[] }> {
  const file = path.join(root, CONFIG_FILE);
  const read = await readUserText(file, CONFIG_FILE);
  if (read.text === undefined) return { source: parseYaml(CONFIG_FILE, '').source, diagnostics: read.diagnostics };
  const parsed = parseYaml(CONFIG_FILE, read.text, messages.emptyConfig());
  if (parsed.value === undefined) return { source: parsed.source, diagnostics: [...read.diagnostics, ...parsed.diagnostics] };
  const shape = checkShape(configSchema, parsed.value, parsed.source);
  const diagnostics = [...read.diagnostics, ...shape.diagnostics];
  if (shape.data && !(shape.data.groupe_par_defaut in shape.data.groupes)) {
    diagnostics.push(
      error('groupe-inconnu', messages.defaultGroupUnknown(shape.data.groupe_par_defaut), locateDefaultGroup(parsed.source)),
    );
  }
  return { config: hasErrors(diagnostics) ? undefined : shape.data, source: parsed.source, diagnostics };
}

function locateDefaultGroup(source: YamlSource) {
  return { file: source.file, ...lineColumnOf(source, 'groupe_par_defaut') };
}

function lineColumnOf(source: YamlSource, key: string) {
  const index = source.text.search(new RegExp(`^${key}\\s*:`, 'm'));
  const { line, col } = source.lineCounter.linePos(Math.max(index, 0));
  return { line, column: col };
}

/**
 * Loads the repository around `cwd`: gtm.yaml and every meeting under meetings/. Throws
 * GtmError when there is no repository or its gtm.yaml is invalid, since nothing else can be
 * checked then.
 */
export async function loadRepository(cwd: string): Promise<Repository> {
  const root = findRoot(cwd);
  if (!root) throw new GtmError([error('depot-introuvable', messages.noRepository(path.resolve(cwd)))], 2);
  const { config, source: configSource, diagnostics: configDiagnostics } = await loadConfig(root);
  if (!config) throw new GtmError(configDiagnostics, 1);

  const files = await globby(`${MEETINGS_DIR}/**/*{${MEETING_EXTENSIONS.join(',')}}`, { cwd: root, absolute: true });
  files.sort();
  const loaded = await Promise.all(files.map((file) => loadMeeting(root, file, config)));
  const meetings = loaded.flatMap((result) => (result.meeting ? [result.meeting] : []));
  meetings.sort((a, b) => a.meeting.date.localeCompare(b.meeting.date) || a.id.localeCompare(b.id));
  return {
    root,
    config,
    configSource,
    files: files.map((file) => path.relative(root, file)),
    meetings,
    diagnostics: [...configDiagnostics, ...loaded.flatMap((result) => result.diagnostics)],
  };
}

/**
 * The meeting files named by `paths` (files or folders, relative to cwd), as paths relative to
 * the root; a path that is missing, outside meetings/ or not a .yaml file is reported.
 */
export async function resolveMeetingPaths(
  root: string,
  cwd: string,
  paths: readonly string[],
): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const pattern = `**/*{${MEETING_EXTENSIONS.join(',')}}`;
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    const shown = path.relative(root, absolute) || given;
    if (!info) {
      diagnostics.push(error('fichier-introuvable', messages.fileNotFound(given)));
    } else if (info.isDirectory()) {
      for (const file of await globby(pattern, { cwd: absolute, absolute: true })) files.add(path.relative(root, file));
    } else if (!MEETING_EXTENSIONS.includes(path.extname(absolute).toLowerCase())) {
      diagnostics.push(error('extension-inattendue', messages.unexpectedExtension(shown), { file: shown, line: 1, column: 1 }));
    } else if (!isInside(path.join(root, MEETINGS_DIR), absolute)) {
      diagnostics.push(error('hors-meetings', messages.outsideMeetings(shown), { file: shown, line: 1, column: 1 }));
    } else {
      files.add(shown);
    }
  }
  return { files: [...files].sort(), diagnostics };
}

function isInside(directory: string, file: string): boolean {
  const relative = path.relative(directory, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export async function loadMeeting(
  root: string,
  file: string,
  config: Config,
): Promise<{ meeting?: LoadedMeeting; diagnostics: Diagnostic[] }> {
  const relativePath = path.relative(root, file);
  const read = await readUserText(file, relativePath);
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  const parsed = parseYaml(relativePath, read.text);
  if (parsed.value === undefined) return { diagnostics: [...read.diagnostics, ...parsed.diagnostics] };
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return { diagnostics: [...read.diagnostics, error('pas-une-reunion', messages.notAMapping(), { file: relativePath, line: 1, column: 1 })] };
  }
  const shape = checkShape(meetingSchema, parsed.value, parsed.source);
  const diagnostics = [...read.diagnostics, ...shape.diagnostics];
  if (!shape.data) return { diagnostics };
  const meeting: LoadedMeeting = {
    id: path.basename(file, path.extname(file)),
    file,
    relativePath,
    source: parsed.source,
    meeting: shape.data,
    group: shape.data.groupe ?? config.groupe_par_defaut,
  };
  return { meeting, diagnostics };
}

/** Finds a meeting by id (file stem) or by path. */
export function findMeeting(repository: Repository, cwd: string, reference: string): LoadedMeeting | undefined {
  const absolute = path.resolve(cwd, reference);
  return repository.meetings.find((loaded) => loaded.id === reference || loaded.file === absolute);
}
