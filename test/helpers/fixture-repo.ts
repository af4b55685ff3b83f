// Builds a throwaway minutes repository in a temporary folder: gtm.yaml and meeting files from
// objects (serialised as YAML) or exact text, plus any other file. Shared by unit and e2e tests.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled gtm.yaml, as text: a realistic, valid configuration. */
export const BUNDLED_CONFIG = readFileSync(path.join(PROJECT_ROOT, 'gtm.yaml'), 'utf8');

/** The bundled meeting files (the three real GTM meetings), by file name. */
export function bundledMeetings(): Record<string, string> {
  const directory = path.join(PROJECT_ROOT, 'meetings');
  return Object.fromEntries(
    readdirSync(directory)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => [name, readFileSync(path.join(directory, name), 'utf8')]),
  );
}

/** A small valid meeting of the national group; override any key. */
export function minimalMeeting(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    statut: 'diffuse',
    date: '2023-06-20',
    presence: ['SP/CCM', 'OIM'],
    ordre_du_jour: [{ titre: 'Ouverture', presentateur: 'SP/CCM' }],
    ...overrides,
  };
}

export interface FixtureOptions {
  /** gtm.yaml as an object or text; the bundled one by default; null for none. */
  config?: Record<string, unknown> | string | null;
  /** Meeting files under meetings/, by file name (« .yaml » added when missing). */
  meetings?: Record<string, Record<string, unknown> | string>;
  /** Any other file, by path relative to the root. */
  files?: Record<string, string>;
}

export interface FixtureRepo {
  root: string;
  /** Absolute path of a file of the repository. */
  path(...parts: string[]): string;
  write(relative: string, content: string): Promise<void>;
  read(relative: string): Promise<string>;
  cleanup(): Promise<void>;
}

const asText = (value: Record<string, unknown> | string): string => (typeof value === 'string' ? value : stringify(value));

export async function createFixtureRepo(options: FixtureOptions = {}): Promise<FixtureRepo> {
  const root = await mkdtemp(path.join(tmpdir(), 'gtm-fixture-'));
  const write = async (relative: string, content: string) => {
    const file = path.join(root, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content, 'utf8');
  };
  if (options.config !== null) await write('gtm.yaml', asText(options.config ?? BUNDLED_CONFIG));
  await mkdir(path.join(root, 'meetings'), { recursive: true });
  for (const [name, meeting] of Object.entries(options.meetings ?? {})) {
    await write(path.join('meetings', /\.ya?ml$/.test(name) ? name : `${name}.yaml`), asText(meeting));
  }
  for (const [relative, content] of Object.entries(options.files ?? {})) await write(relative, content);
  return {
    root,
    path: (...parts) => path.join(root, ...parts),
    write,
    read: (relative) => readFile(path.join(root, relative), 'utf8'),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** A fixture repository holding `count` synthetic meetings (scripts/synthetic-repo.mjs). */
export async function syntheticRepo(count: number): Promise<FixtureRepo> {
  const repo = await createFixtureRepo();
  const script = pathToFileURL(path.join(PROJECT_ROOT, 'scripts/synthetic-repo.mjs')).href;
  const { generateRepository } = (await import(script)) as { generateRepository: (dir: string, count: number) => unknown };
  generateRepository(repo.root, count);
  return repo;
}
