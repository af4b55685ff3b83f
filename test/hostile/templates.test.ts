// Hostile override templates: a broken or prying templates/compte-rendu.md.hbs ends in a French
// message naming the template's file and line, exit 1; prototype access stays closed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runInProcess } from '../helpers/run-cli.js';
import { looksLikeCrash, parseReport } from './report-lines.js';

const VALID = readFileSync(path.join(import.meta.dirname, 'fixtures', 'valide.yaml'), 'utf8');
const TEMPLATE = 'templates/compte-rendu.md.hbs';

const CASES: [name: string, template: string, at: RegExp, message: RegExp][] = [
  ['bloc jamais fermé', '{{#if statut}}\nouvert\n', /^templates\/compte-rendu\.md\.hbs:\d+:\d+$/, /^modèle mal formé : /],
  ['bloc fermé par un autre', '{{#each presence}}\n{{/if}}\n', /^templates\/compte-rendu\.md\.hbs:1:\d+$/, /^modèle mal formé : le bloc \{\{#each\}\} est fermé par \{\{\/if\}\}$/],
  ['accès au prototype', '{{constructor.constructor}}|{{lookup this "constructor"}}\n', /^templates\/compte-rendu\.md\.hbs:1:\d+$/, /« constructor »/],
  ['partiel inconnu', '{{> inexistant}}\n', /^templates\/compte-rendu\.md\.hbs:1:1$/, /partiel « inexistant »/],
];

const repos: FixtureRepo[] = [];
afterAll(async () => Promise.all(repos.map((repo) => repo.cleanup())));

describe('hostile override templates', () => {
  it.each(CASES)('%s', async (_, template, at, message) => {
    const repo = await createFixtureRepo({ meetings: { '2023-06-20-national.yaml': VALID }, files: { [TEMPLATE]: template } });
    repos.push(repo);
    const result = await runInProcess(['render', '2023-06-20-national', '--format', 'md', '-o', '-'], { cwd: repo.root });
    expect(looksLikeCrash(result.stdout + result.stderr)).toBe(false);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).not.toMatch(/function|\[native code\]/);
    const problems = parseReport(result.stderr);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'modele-invalide', at: expect.stringMatching(at), message: expect.stringMatching(message) });
  });
});
