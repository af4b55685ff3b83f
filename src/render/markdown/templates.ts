// Loading the Handlebars templates: the built-in set shipped in templates/, then any file of the
// same name in the repository's own templates/ folder, which replaces it (or adds a partial).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTemplates, type CompiledTemplates } from './compile.js';

export const MAIN_TEMPLATE = 'compte-rendu';
export const TEMPLATE_EXTENSION = '.md.hbs';
export const TEMPLATES_DIR = 'templates';

export interface TemplateSource {
  /** Partial name: the file name without .md.hbs (« point » for point.md.hbs). */
  name: string;
  /** Path shown in messages: relative to the repository for an override. */
  file: string;
  text: string;
  overridden: boolean;
}

export interface TemplateSet {
  sources: ReadonlyMap<string, TemplateSource>;
  compiled: CompiledTemplates;
}

/**
 * The built-in templates folder. From the bundle (dist/*.js) it is ../templates; from the
 * sources (src/render/markdown/*.ts, in tests) it is ../../../templates.
 */
export function builtInTemplatesDir(): string {
  const candidates = ['../templates/', '../../../templates/'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  const found = candidates.find((directory) => existsSync(path.join(directory, `${MAIN_TEMPLATE}${TEMPLATE_EXTENSION}`)));
  if (!found) throw new Error(`built-in templates not found near ${fileURLToPath(import.meta.url)}`);
  return found;
}

async function readTemplates(directory: string, shownAs: (name: string) => string, overridden: boolean): Promise<TemplateSource[]> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(TEMPLATE_EXTENSION))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (fileName) => ({
      name: fileName.slice(0, -TEMPLATE_EXTENSION.length),
      file: shownAs(fileName),
      text: (await readFile(path.join(directory, fileName), 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'),
      overridden,
    })),
  );
}

/** The built-in templates, overridden by those in `<repositoryRoot>/templates/` when given. */
export async function loadTemplates(repositoryRoot?: string): Promise<TemplateSet> {
  const sources = new Map<string, TemplateSource>();
  const builtIn = builtInTemplatesDir();
  for (const source of await readTemplates(builtIn, (name) => path.join(builtIn, name), false)) sources.set(source.name, source);
  if (repositoryRoot !== undefined) {
    const local = path.join(repositoryRoot, TEMPLATES_DIR);
    for (const source of await readTemplates(local, (name) => `${TEMPLATES_DIR}/${name}`, true)) sources.set(source.name, source);
  }
  return { sources, compiled: await compileTemplates({ sources }) };
}
