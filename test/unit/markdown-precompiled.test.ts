// The built-in templates ship precompiled: the generated module must match templates/ and the
// compile options of the run-time compiler, or renders would silently differ from overrides.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILE_OPTIONS, compileTemplates } from '../../src/render/markdown/compile.js';
import { loadRepository } from '../../src/core/repository/load.js';
import { COMPILE_OPTIONS_USED } from '../../src/render/markdown/built-in-templates.generated.js';
import { loadTemplates, renderMarkdown } from '../../src/render/markdown/index.js';

const PROJECT = path.resolve(import.meta.dirname, '../..');

describe('precompiled built-in templates', () => {
  it('are up to date with templates/', () => {
    expect(() => execFileSync(process.execPath, ['scripts/precompile-templates.mjs', '--check'], { cwd: PROJECT, stdio: 'pipe' })).not.toThrow();
  });

  it('were compiled with the run-time options', () => {
    expect(COMPILE_OPTIONS_USED).toEqual(COMPILE_OPTIONS);
  });

  it('render exactly like templates compiled at run time', async () => {
    const repository = await loadRepository(PROJECT, { cache: false });
    const precompiled = await loadTemplates();
    // Any change to a text forces the run-time compiler; a trailing comment renders nothing.
    const sources = new Map([...precompiled.sources].map(([name, source]) => [name, { ...source, text: `${source.text}{{!-- --}}` }]));
    const compiledAtRunTime = { sources, compiled: await compileTemplates({ sources }) };
    for (const meeting of repository.meetings) {
      const context = { config: repository.config, actionById: () => undefined };
      expect(renderMarkdown(meeting, { ...context, templates: compiledAtRunTime })).toBe(
        renderMarkdown(meeting, { ...context, templates: precompiled }),
      );
    }
  });
});
