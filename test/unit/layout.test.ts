// The folder layout is the architecture: every module of src/core outside repository/ is pure
// (no node:* module, no import of repository/), so that only repository/ reads the disk, runs
// git or starts a process. This test reads the imports of every file and fails on a breach.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = path.join(import.meta.dirname, '..', '..', 'src', 'core');
const REPOSITORY = path.join(CORE, 'repository');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module a file imports, statically or dynamically, and `process` used as a global. */
function importsOf(text: string): string[] {
  const found = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((match) => match[1]!);
  if (/\bprocess\s*\./.test(text)) found.push('process (global)');
  return found;
}

/** What a pure module of core may not use: node's modules, node's process, and the loader. */
function breaches(file: string, text: string): string[] {
  return importsOf(text).filter((specifier) => {
    if (specifier.startsWith('node:') || specifier === 'process (global)') return true;
    if (!specifier.startsWith('.')) return false;
    const target = path.resolve(path.dirname(file), specifier);
    return target === REPOSITORY || target.startsWith(`${REPOSITORY}${path.sep}`);
  });
}

describe('the layout of src/core', () => {
  const pure = sourceFiles(CORE).filter((file) => !file.startsWith(`${REPOSITORY}${path.sep}`));

  it('has pure folders that import no node:* module and nothing from repository/', () => {
    expect(pure.length).toBeGreaterThan(30);
    const found = pure.flatMap((file) => breaches(file, readFileSync(file, 'utf8')).map((specifier) => `${path.relative(CORE, file)} → ${specifier}`));
    expect(found).toEqual([]);
  });

  it('has a check that catches every kind of breach', () => {
    const file = path.join(CORE, 'rules', 'example.ts');
    expect(breaches(file, "import path from 'node:path';")).toEqual(['node:path']);
    expect(breaches(file, "import { readFileSync } from \"node:fs\";\nconst x = 1;")).toEqual(['node:fs']);
    expect(breaches(file, "const { spawn } = await import('node:child_process');")).toEqual(['node:child_process']);
    expect(breaches(file, "import { loadRepository } from '../repository/load.js';")).toEqual(['../repository/load.js']);
    expect(breaches(file, "import '../repository/cache.js';")).toEqual(['../repository/cache.js']);
    expect(breaches(file, 'const home = process.env.HOME;')).toEqual(['process (global)']);
    expect(breaches(file, "import { error } from '../diagnostics.js';\nimport { parse } from 'yaml';")).toEqual([]);
  });

  it('keeps the disk, git and processes inside repository/', () => {
    const impure = sourceFiles(REPOSITORY).filter((file) => /from 'node:(fs|child_process)/.test(readFileSync(file, 'utf8')));
    expect(impure.map((file) => path.basename(file)).sort()).toEqual(expect.arrayContaining(['cache.ts', 'files.ts', 'git.ts']));
  });
});
