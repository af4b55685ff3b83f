// Text that passes but should not (issue 14): every C0 and C1 control, typed raw and written as
// each YAML escape, is refused alike, named, at its place; invisible and look-alike characters
// are named in the messages that quote them; bidirectional controls are warned about; and what
// a meeting may not say twice (a follow-up, a responsible) or gtm.yaml (a group code) is reported.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_CONFIG, createFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runBin, runInProcess } from '../helpers/run-cli.js';
import { looksLikeCrash, parseReport } from './report-lines.js';

const VALID = readFileSync(path.join(import.meta.dirname, 'fixtures', 'valide.yaml'), 'utf8');
const MEETING = 'meetings/2023-06-20-national.yaml';
const hex = (point: number, width = 4) => point.toString(16).toUpperCase().padStart(width, '0');

const repos: FixtureRepo[] = [];
afterAll(async () => Promise.all(repos.map((repo) => repo.cleanup())));

async function validate(meeting: string, extra: Record<string, string> = {}, config = BUNDLED_CONFIG) {
  const repo = await createFixtureRepo({ config, meetings: { '2023-06-20-national.yaml': meeting, ...extra } });
  repos.push(repo);
  const result = await runInProcess(['validate'], { cwd: repo.root });
  expect(looksLikeCrash(result.stdout + result.stderr), result.stdout).toBe(false);
  return { ...result, problems: parseReport(result.stdout + result.stderr), repo };
}

/** Every control character: C0 but tab and line feed, DEL, C1. */
const CONTROLS = [...Array.from({ length: 0x20 }, (_, point) => point).filter((point) => point !== 0x09 && point !== 0x0a), 0x7f, ...Array.from({ length: 0x20 }, (_, index) => 0x80 + index)];
/** YAML's named escapes of controls. */
const NAMED_ESCAPES: Record<number, string> = { 0x00: '\\0', 0x07: '\\a', 0x08: '\\b', 0x0b: '\\v', 0x0c: '\\f', 0x0d: '\\r', 0x1b: '\\e', 0x85: '\\N' };

describe('every control character, raw or escaped, is refused alike', () => {
  it.each(CONTROLS.filter((point) => point !== 0x0d).map((point) => [`U+${hex(point)}`, point] as const))('%s tapé tel quel', async (_, point) => {
    const { exitCode, problems } = await validate(VALID.replace('Ouverture', `Ouver${String.fromCodePoint(point)}ture`));
    expect(problems).toEqual([{ at: `${MEETING}:9:17`, severity: 'erreur', code: 'caractere-invisible', message: expect.stringMatching(new RegExp(`^caractère invisible interdit \\(U\\+${hex(point)}(, [^)]+)?\\) : `)) }]);
    expect(exitCode).toBe(1);
  });

  const escapes = CONTROLS.flatMap((point) => [
    [`\\x${hex(point, 2)}`, point],
    [`\\u${hex(point)}`, point],
    [`\\U${hex(point, 8)}`, point],
    ...(NAMED_ESCAPES[point] ? [[NAMED_ESCAPES[point], point]] : []),
  ]) as [string, number][];
  it.each(escapes)('« %s » entre guillemets doubles', async (escape, point) => {
    const { exitCode, problems } = await validate(VALID.replace('titre: Ouverture', `titre: "Ouver${escape}ture"`));
    expect(problems).toEqual([
      { at: `${MEETING}:9:12`, severity: 'erreur', code: 'caractere-invisible', message: expect.stringMatching(new RegExp(`^caractère de contrôle interdit \\(U\\+${hex(point)}(, [^)]+)?\\), écrit sous forme d’échappement`)) },
    ]);
    expect(exitCode).toBe(1);
  });

  it('a key written with an escape is refused at the key', async () => {
    const { problems } = await validate(VALID.replace('statut: diffuse', 'statut: diffuse\n"li\\eeu": Niamey'));
    expect(problems.map((problem) => [problem.code, problem.at])).toContainEqual(['caractere-invisible', `${MEETING}:3:1`]);
  });

  it('gtm.yaml too', async () => {
    const { exitCode, problems } = await validate(VALID, {}, BUNDLED_CONFIG.replace('    code: NIA\n', '    code: NIA\n    lieu: "Salle\\e[31m"\n'));
    expect(problems.map((problem) => problem.code)).toContain('caractere-invisible');
    expect(exitCode).toBe(1);
  });

  it('gtm actions never prints them to the terminal: it refuses the repository (the attack’s case)', async () => {
    const repo = await createFixtureRepo({ meetings: { '2023-06-20-national.yaml': VALID.replace('action: Partager le rapport', 'action: "\\e]0;pwned\\a\\e[31mROUGE"') } });
    repos.push(repo);
    const result = await runBin(['actions'], { cwd: repo.root });
    expect(result.exitCode).toBe(1);
    expect(result.stdout + result.stderr).not.toMatch(/[\u0007\u001b]/);
    expect(parseReport(result.stderr).map((problem) => problem.code)).toEqual(['caractere-invisible']);
  });
});

/** Invisible characters and their French names, as messages quote them. */
const INVISIBLE: [point: number, name: string][] = [
  [0x00ad, 'trait d’union conditionnel'],
  [0x061c, 'marque de lettre arabe'],
  [0x180e, 'séparateur de voyelles mongol'],
  [0x200b, 'espace sans chasse'],
  [0x200c, 'antiliant sans chasse'],
  [0x200d, 'liant sans chasse'],
  [0x200e, 'marque gauche-à-droite'],
  [0x200f, 'marque droite-à-gauche'],
  [0x2060, 'gluon de mots'],
  [0x2061, 'application de fonction invisible'],
  [0x2062, 'multiplication invisible'],
  [0x2063, 'séparateur invisible'],
  [0x2064, 'plus invisible'],
  [0xfeff, 'espace insécable sans chasse'],
];

describe('invisible characters are named in the message that quotes them', () => {
  it.each(INVISIBLE.map(([point, name]) => [`U+${hex(point)} ${name}`, point, name] as const))('%s dans un sigle', async (_, point, name) => {
    const { problems } = await validate(VALID.replace('  - OIM\n', `  - O${String.fromCodePoint(point)}IM\n`));
    // (What the fonts cannot draw, or right-to-left text, is also warned about, by rules of their own.)
    expect(problems.filter((problem) => problem.severity === 'erreur')).toEqual([{ at: `${MEETING}:6:5`, severity: 'erreur', code: 'sigle-inconnu', message: `organisation inconnue « O⟨U+${hex(point)}, ${name}⟩IM », vouliez-vous dire OIM ?` }]);
  });

  it('in an action id, a group, a follow-up: every quoted value shows it', async () => {
    const { problems } = await validate(VALID.replace('date: 2023-06-20', 'date: 2023-06-20\ngroupe: "natio\u200Bnal"'));
    expect(problems.map((problem) => problem.message)).toContainEqual(expect.stringContaining('« natio⟨U+200B, espace sans chasse⟩nal »'));
  });
});

/** Embeddings, overrides and isolates. */
const BIDI: [point: number, name: string][] = [
  [0x202a, 'enchâssement gauche-à-droite'],
  [0x202b, 'enchâssement droite-à-gauche'],
  [0x202c, 'fin d’enchâssement'],
  [0x202d, 'forçage gauche-à-droite'],
  [0x202e, 'forçage droite-à-gauche'],
  [0x2066, 'isolat gauche-à-droite'],
  [0x2067, 'isolat droite-à-gauche'],
  [0x2068, 'isolat à direction déterminée'],
  [0x2069, 'fin d’isolat'],
];

describe('bidirectional controls are warned about, raw or escaped', () => {
  it.each(BIDI.flatMap(([point, name]) => [[`U+${hex(point)} tapé`, String.fromCodePoint(point), point, name] as const, [`U+${hex(point)} en \\u`, `\\u${hex(point)}`, point, name] as const]))(
    '%s',
    async (_, written, point, name) => {
      const { exitCode, problems } = await validate(VALID.replace('titre: Ouverture', `titre: "Ouv${written}erture"`));
      expect(problems.filter((problem) => problem.code !== 'caractere-non-dessinable' && problem.code !== 'ecriture-droite-a-gauche')).toEqual([
        {
          at: `${MEETING}:9:12`,
          severity: 'avertissement',
          code: 'caractere-bidi',
          message: `caractère de contrôle bidirectionnel (U+${hex(point)}, ${name}) : il change l’ordre d’affichage du texte qui suit, qui ne se lirait plus comme il est écrit ; retirez-le`,
        },
      ]);
      expect(exitCode).toBe(0);
    },
  );
});

describe('what may not be said twice', () => {
  const EARLIER = 'statut: diffuse\ndate: 2023-05-10\npresence: [OIM]\nordre_du_jour:\n  - titre: Ouverture\n    actions:\n      - id: NIA-2305-1\n        action: Écrire\n        responsables: OIM\n';

  it('two follow-ups of one action in one meeting (contradictory or not): an error at the second, citing the first', async () => {
    const meeting = `${VALID}suivi_actions:\n  - action: NIA-2305-1\n    statut: realise\n  - action: nia-2305-1\n    statut: abandonne\n`;
    const { exitCode, problems } = await validate(meeting, { '2023-05-10-national.yaml': EARLIER });
    expect(problems).toEqual([
      {
        at: `${MEETING}:21:13`,
        severity: 'erreur',
        code: 'suivi-en-double',
        message: `l’action « nia-2305-1 » est suivie deux fois dans cette réunion (déjà en ${MEETING}:19:13) : gardez une seule entrée de suivi par action`,
      },
    ]);
    expect(exitCode).toBe(1);
  });
});

describe('misleading messages, put right', () => {
  it('gtm new --heure: no advice to type quotes on a command line', async () => {
    const repo = await createFixtureRepo({ meetings: { '2023-06-20-national.yaml': VALID } });
    repos.push(repo);
    const result = await runInProcess(['new', '--date', '2023-07-20', '--heure', '25:00'], { cwd: repo.root });
    expect(result.stderr).toBe('erreur  option --heure : heure mal écrite « 25:00 » : écrivez par exemple 9:30 ou 9h30  [heure-invalide]\n');
    expect(result.exitCode).toBe(2);
  });

  it.each([
    [['validate', '--formt', 'json'], 'option inconnue : --formt, vouliez-vous dire --format ?'],
    [['render', '--al'], 'option inconnue : --al, vouliez-vous dire --all ?'],
    [['vaildate'], 'commande inconnue : vaildate, vouliez-vous dire validate ?'],
    [['validate', '--zzzzzz'], 'option inconnue : --zzzzzz'],
  ])('a misspelt option or command gets a suggestion: %s', async (args, message) => {
    const repo = await createFixtureRepo({ meetings: { '2023-06-20-national.yaml': VALID } });
    repos.push(repo);
    const result = await runInProcess(args, { cwd: repo.root });
    expect(result.stderr).toBe(`erreur  ${message}\n`);
    expect(result.exitCode).toBe(2);
  });

  it('an unknown meeting is the same usage error in render and in actions --reunion (exit 2)', async () => {
    const repo = await createFixtureRepo({ meetings: { '2023-06-20-national.yaml': VALID } });
    repos.push(repo);
    const render = await runInProcess(['render', '2023-06-02-national', '--format', 'md'], { cwd: repo.root });
    const actions = await runInProcess(['actions', '--reunion', '2023-06-02-national'], { cwd: repo.root });
    expect(render.stderr).toContain('réunion introuvable « 2023-06-02-national », vouliez-vous dire 2023-06-20-national ?');
    expect(actions.stderr).toContain('vouliez-vous dire 2023-06-20-national ?');
    expect([render.exitCode, actions.exitCode]).toEqual([2, 2]);
  });
});
