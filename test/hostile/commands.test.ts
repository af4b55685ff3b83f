// Every command on hostile repositories goes through the one error path: a French message and
// exit 1 or 2, never the internal-error notice nor a stack; no command modifies a meeting file
// or writes outside the repository; an unexpected failure prints a short notice, the stack only
// under --debug.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { BUNDLED_CONFIG } from '../helpers/fixture-repo.js';
import { runInProcess } from '../helpers/run-cli.js';
import { looksLikeCrash } from './report-lines.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, `${name}.yaml`), 'utf8');
const VALID = fixture('valide');

/** Repositories each command meets: the meeting file's content, and gtm.yaml (null: none). */
const REPOSITORIES: [name: string, meeting: string | Buffer, config: string | null][] = [
  ['valide', VALID, BUNDLED_CONFIG],
  ['tabulation', fixture('tabulation'), BUNDLED_CONFIG],
  ['bombe d’alias', fixture('alias-bombe'), BUNDLED_CONFIG],
  ['__proto__', fixture('cle-proto'), BUNDLED_CONFIG],
  ['%YAML 1.1', fixture('directive-yaml-1-1'), BUNDLED_CONFIG],
  ['conflit git', fixture('conflit-git'), BUNDLED_CONFIG],
  ['vide', '', BUNDLED_CONFIG],
  ['Latin-1', Buffer.from(VALID.replace('Ouverture', 'Séance'), 'latin1'), BUNDLED_CONFIG],
  ['20 000 crochets', `${VALID}lieu: ${'['.repeat(20_000)}\n`, BUNDLED_CONFIG],
  ['gtm.yaml vide', VALID, ''],
  ['gtm.yaml sans groupes', VALID, BUNDLED_CONFIG.replace(/^groupes:[\s\S]*?(?=^organisations:)/m, '')],
  // Issue 14: text that once passed, and shapes that once made a scanner slow.
  ['échappements de terminal', VALID.replace('Ouverture', '"\\e]0;pwned\\a\\e[31mROUGE"'), BUNDLED_CONFIG],
  ['forçage droite-à-gauche', VALID.replace('Ouverture', 'Ouv\u202Eerture'), BUNDLED_CONFIG],
  ['espace insécable en début de ligne', VALID.replace('  - OIM\n', '\u00A0 - OIM\n'), BUNDLED_CONFIG],
  ['fins de ligne CR seules', VALID.replace(/\n/g, '\r'), BUNDLED_CONFIG],
  ['« > » imbriqués et lien javascript:', VALID.replace('    presentateur: SP/CCM\n', `    presentateur: SP/CCM\n    discussion: |\n      ${'> '.repeat(40)}[x](javascript:alert(1)) <iframe src="https://a.b">\n`), BUNDLED_CONFIG],
];

/** Each command as a user may type it; `render` writes under rendus/, `new` adds a meeting, `init` a folder. */
const COMMANDS: string[][] = [
  ['validate'],
  ['validate', '--format', 'json'],
  ['render', '--format', 'md'],
  ['render', '2023-06-20-national', '--format', 'md', '-o', '-'],
  ['render', '--all', '--format', 'md'],
  ['actions'],
  ['actions', '--open', '--format', 'json'],
  ['new', '--date', '2023-07-20'],
  ['init', 'autre-depot'],
  ['hook', 'install'],
  ['schema'],
  ['bilan', '2023', '--format', 'md', '-o', '-'],
  ['convocation', '--format', 'md', '-o', '-'],
];

interface FileState {
  bytes: string;
  mtimeMs: number;
}

function snapshot(directory: string): Map<string, FileState> {
  const state = new Map<string, FileState>();
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    state.set(path.relative(directory, file), { bytes: readFileSync(file).toString('base64'), mtimeMs: statSync(file).mtimeMs });
  }
  return state;
}

const sandboxes: string[] = [];
afterAll(async () => Promise.all(sandboxes.map((sandbox) => rm(sandbox, { recursive: true, force: true }))));

/** A repository inside a sandbox folder, so that anything written beside it is seen. */
async function sandboxRepository(meeting: string | Buffer, config: string | null): Promise<{ sandbox: string; root: string }> {
  const sandbox = await mkdtemp(path.join(tmpdir(), 'gtm-hostile-'));
  sandboxes.push(sandbox);
  const root = path.join(sandbox, 'depot');
  mkdirSync(path.join(root, 'meetings'), { recursive: true });
  if (config !== null) writeFileSync(path.join(root, 'gtm.yaml'), config);
  writeFileSync(path.join(root, 'meetings', '2023-06-20-national.yaml'), meeting);
  return { sandbox, root };
}

describe('every command on hostile repositories', () => {
  it.each(REPOSITORIES)('%s : messages en français, aucune trace, aucune réunion modifiée', async (_, meeting, config) => {
    const { sandbox, root } = await sandboxRepository(meeting, config);
    const before = snapshot(path.join(root, 'meetings'));
    for (const args of COMMANDS) {
      const result = await runInProcess(args, { cwd: root, env: { VISUAL: undefined, EDITOR: undefined } });
      const output = result.stdout + result.stderr;
      expect(looksLikeCrash(output), `gtm ${args.join(' ')}\n${output}`).toBe(false);
      expect([0, 1, 2], `gtm ${args.join(' ')}\n${output}`).toContain(result.exitCode);
      if (result.exitCode !== 0) expect(result.stderr + result.stdout, `gtm ${args.join(' ')}`).not.toBe('');
    }
    // Nothing beside the repository; inside meetings/, existing files untouched (gtm new may add one).
    expect(readdirSync(sandbox)).toEqual(['depot']);
    const after = snapshot(path.join(root, 'meetings'));
    for (const [file, state] of before) expect(after.get(file), file).toEqual(state);
    for (const file of after.keys()) if (!before.has(file)) expect(file).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.yaml$/);
  });
});

describe('an unexpected internal error', () => {
  const failingIo = (cwd: string) => {
    let stderr = '';
    return {
      io: {
        stdout: () => {
          throw new Error('disque plein');
        },
        stderr: (text: string) => void (stderr += text),
        cwd,
        env: { NO_COLOR: '1' },
        stdoutIsTTY: false,
        stderrIsTTY: false,
      },
      stderr: () => stderr,
    };
  };

  it('prints a short French notice and how to report it, exit 3, no stack', async () => {
    const { root } = await sandboxRepository(VALID, BUNDLED_CONFIG);
    const { io, stderr } = failingIo(root);
    expect(await main(['validate'], io)).toBe(3);
    expect(stderr()).toBe(
      'gtm : erreur interne inattendue (disque plein).\n' +
        'Vos fichiers n’ont pas été modifiés. Signalez ce problème au mainteneur de gtm en joignant la commande lancée\n' +
        'et le résultat de la même commande suivie de --debug.\n',
    );
  });

  it('adds the stack under --debug', async () => {
    const { root } = await sandboxRepository(VALID, BUNDLED_CONFIG);
    const { io, stderr } = failingIo(root);
    expect(await main(['--debug', 'validate'], io)).toBe(3);
    expect(stderr()).toMatch(/^gtm : erreur interne inattendue \(disque plein\)\.\n[\s\S]*\nError: disque plein\n\s+at /);
  });
});
