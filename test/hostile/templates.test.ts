// Hostile override templates: a broken or prying templates/compte-rendu.md.hbs ends in a French
// message naming the template's file and line, exit 1; prototype access stays closed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runInProcess } from '../helpers/run-cli.js';
import { isInside, looksLikeCrash, parseReport } from './report-lines.js';

const VALID = readFileSync(path.join(import.meta.dirname, 'fixtures', 'valide.yaml'), 'utf8');
const TEMPLATE = 'templates/compte-rendu.md.hbs';

const CASES: [name: string, template: string, at: RegExp, message: RegExp][] = [
  ['bloc jamais fermé', '{{#if statut}}\nouvert\n', /^templates\/compte-rendu\.md\.hbs:\d+:\d+$/, /^modèle mal formé : /],
  ['bloc fermé par un autre', '{{#each presence}}\n{{/if}}\n', /^templates\/compte-rendu\.md\.hbs:1:\d+$/, /^modèle mal formé : le bloc \{\{#each\}\} est fermé par \{\{\/if\}\}$/],
  ['accès au prototype', 'x {{lookup this "constructor"}}\n', /^templates\/compte-rendu\.md\.hbs:1:\d+$/, /« constructor »/],
  ['partiel inconnu', '{{> inexistant}}\n', /^templates\/compte-rendu\.md\.hbs:1:1$/, /partiel « inexistant »/],
  // The attack's three English messages, now French and placed.
  ['partiel qui s’inclut lui-même', 'Titre\n\n{{> compte-rendu}}\n', /^templates\/compte-rendu\.md\.hbs:3:1$/, /^le partiel « compte-rendu » s’appelle lui-même \(compte-rendu → compte-rendu\) : la mise en page ne finirait jamais$/],
  ['__proto__.constructor.name', 'a {{__proto__.constructor.name}}\n', /^templates\/compte-rendu\.md\.hbs:1:5$/, /^« __proto__ » est un nom réservé de JavaScript, pas une donnée du compte-rendu : retirez-le \(voir la liste des données en tête de compte-rendu\.md\.hbs\)$/],
  ['commentaire {{!-- jamais refermé', 'a\n  {{!-- note\n', /^templates\/compte-rendu\.md\.hbs:2:3$/, /^commentaire \{\{!-- ouvert ici et jamais refermé : ajoutez --\}\} à sa fin$/],
];

/** Templates that break every way we know of; each must end in one located French message. */
const BROKEN: string[] = [
  '{{> compte-rendu}}',
  '{{#if statut}}{{> compte-rendu}}{{/if}}',
  '{{__proto__.constructor.name}}',
  '{{[constructor]}}',
  '{{this.__defineGetter__}}',
  '{{date.toString}}',
  '{{lookup this "__proto__"}}',
  '{{!-- jamais fermé',
  '{{lookup}}',
  '{{lookup date}}',
  '{{#with}}x{{/with}}',
  '{{#each}}x{{/each}}',
  '{{#if}}x{{/if}}',
  '{{#unless}}x{{/unless}}',
  '{{blockHelperMissing}}',
  '{{helperMissing x}}',
  '{{inconnu titre}}',
  '{{#inconnu titre}}x{{/inconnu}}',
  '{{> (lookup . "x")}}',
  '{{date.length.foo}}',
  '{{nom_complet @root}}',
  '{{texte}}',
  '{{texte titre_inexistant}}',
  '{{{texte titre}}',
  '{{#each presence}}',
  '{{/each}}',
  '{{#each presence}}{{/with}}',
  '{{ titre',
  '{{titre}',
  '{{# }}',
  '{{> }}',
  '{{@}}',
  '{{"x" y}}',
  '{{../../../x}}',
  '{{constructor.constructor}}|{{lookup this "constructor"}}',
];

/** Words of Handlebars' or JavaScript's English messages. */
const ENGLISH = /\b(?:the|of|is|not|undefined|null|cannot|maximum|error|expecting|line|got|requires|must|properties|reading|operator|missing|lexical|parse|unrecognized|exceeded|defined|found|could|call stack)\b/i;

const repos: FixtureRepo[] = [];
afterAll(async () => Promise.all(repos.map((repo) => repo.cleanup())));

describe('every template error is in French and placed', () => {
  it.each(BROKEN.map((template) => [template]))('%s', async (template) => {
    const repo = await createFixtureRepo({ meetings: { '2023-06-20-national.yaml': VALID }, files: { [TEMPLATE]: `${template}\n` } });
    repos.push(repo);
    const result = await runInProcess(['render', '2023-06-20-national', '--format', 'md', '-o', '-'], { cwd: repo.root });
    expect(looksLikeCrash(result.stdout + result.stderr), result.stderr).toBe(false);
    expect(result.exitCode, result.stderr).toBe(1);
    const problems = parseReport(result.stderr);
    expect(problems.length, result.stderr).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.message, problem.message).not.toMatch(ENGLISH);
      expect(problem.at, result.stderr).toMatch(/^templates\/compte-rendu\.md\.hbs:\d+:\d+$/);
      expect(isInside(problem.at, `${template}\n`), problem.at).toBe(true);
    }
  });
});

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
