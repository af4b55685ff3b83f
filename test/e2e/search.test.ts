// gtm search, run as the built bin: results with meeting, agenda item and highlighted excerpt,
// filters, the index kept between runs and refreshed by an edit; and the same answers as the
// site's search page in Chromium, since both run the same modules on the same index.
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { FixtureRepo } from '../helpers/fixture-repo.js';
import { runBin } from '../helpers/run-cli.js';
import { launchBrowser, watchedPage, type TestBrowser } from '../helpers/browser.js';
import { AGADEZ, createSiteRepo, JULY, siteMeetings } from '../helpers/site-fixture.js';

let repo: FixtureRepo;
beforeAll(async () => {
  repo = await createSiteRepo();
});
afterAll(() => repo?.cleanup());

interface JsonResult {
  requete: string;
  total: number;
  resultats: { reunion: string; point: string; titre: string; intitule: string; extrait: string; surligne: string[]; date: string; groupe: string }[];
}

async function searchJson(...args: string[]): Promise<JsonResult> {
  const result = await runBin(['search', ...args, '--format', 'json', '--limite', '0'], { cwd: repo.root });
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  return JSON.parse(result.stdout) as JsonResult;
}

describe('gtm search', () => {
  it('prints each hit with its meeting, agenda item and excerpt, the matching words marked', async () => {
    const result = await runBin(['search', 'securite', 'djado'], { cwd: repo.root });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toBe(
      [
        `GTM – jeudi 20 juillet 2023  ${JULY}#point-2`,
        '  2. Sécurité sur les sites aurifères (OIM)',
        '  La [sécurité] de l’orpailleur sur les sites aurifères de [Djado] a été discutée. L’atelier de Tchibarakaten est prévu en septembre ; les « points focaux » seront désignés. NIA-2307-1 …',
        '',
        '1 résultat dans 1 réunion pour « securite djado ».',
        '',
      ].join('\n'),
    );
  });

  it('folds accents, case, plurals and elisions like the site', async () => {
    const found = async (...words: string[]) => [...new Set((await searchJson(...words)).resultats.map((hit) => hit.reunion))];
    expect(await found('SÉCURITÉ', 'DJADO')).toEqual([JULY]);
    expect(await found('d’orpailleurs')).toEqual([JULY]);
    expect(await found("l'atelier", 'tchibarakaten')).toEqual([JULY]);
    expect(await found('tiguidit')).toEqual([AGADEZ]);
    const json = await searchJson('orpailleurs');
    expect(json.resultats[0]).toMatchObject({ reunion: JULY, point: 'point-2', date: '2023-07-20', groupe: 'national', surligne: ['orpailleur'] });
  });

  it('filters by group and by month, and words its errors in French', async () => {
    const all = await searchJson('cartographie');
    expect(new Set(all.resultats.map((hit) => hit.groupe))).toEqual(new Set(['national', 'agadez']));
    expect((await searchJson('cartographie', '--groupe', 'Agadez')).resultats.map((hit) => hit.reunion)).toEqual([AGADEZ]);
    expect(new Set((await searchJson('cartographie', '--depuis', '2023-01')).resultats.map((hit) => hit.reunion))).toEqual(new Set(['2023-06-20-national']));
    const month = await runBin(['search', 'cartographie', '--depuis', '2023-13'], { cwd: repo.root });
    expect(month.exitCode).toBe(2);
    expect(month.stderr).toContain('--depuis attend un mois AAAA-MM (par exemple 2023-01), pas « 2023-13 »');
    const group = await runBin(['search', 'cartographie', '--groupe', 'niamey'], { cwd: repo.root });
    expect(group.exitCode).toBe(2);
    expect(group.stderr).toContain('groupe inconnu « niamey » ; groupes de gtm.yaml : national, agadez, tahoua, zinder');
    const first = await runBin(['search', 'cartographie', '--limite', '1'], { cwd: repo.root });
    expect(first.stdout.split('\n').filter((line) => line.startsWith('GTM'))).toHaveLength(1);
    expect(first.stdout).toContain(`${all.total} résultats pour « cartographie » ; voici le premier (--limite 0 pour tous).`);
    const limit = await runBin(['search', 'cartographie', '--limite', 'tous'], { cwd: repo.root });
    expect(limit.exitCode).toBe(2);
    expect(limit.stderr).toContain('--limite attend un nombre entier (0 ou plus), pas « tous »');
    const none = await runBin(['search', 'zzzz'], { cwd: repo.root });
    expect(none).toMatchObject({ exitCode: 0, stdout: 'Aucun résultat pour « zzzz ».\n' });
  });

  it('keeps its index until a file changes, then finds the new words', async () => {
    await searchJson('djado');
    const cache = await repo.read('.gtm-cache/recherche.json');
    expect((await searchJson('djado')).resultats.length).toBeGreaterThan(0);
    expect(await repo.read('.gtm-cache/recherche.json')).toBe(cache);
    expect((await searchJson('zanzibar')).resultats).toEqual([]);
    const meeting = siteMeetings()[`${AGADEZ}.yaml`] as Record<string, unknown>;
    await repo.write(`meetings/${AGADEZ}.yaml`, stringify({ ...meeting, annexes: [{ titre: 'Liste', contenu: 'Mission à Zanzibar.' }] }));
    const after = await searchJson('zanzibar');
    expect(after.resultats.map((hit) => `${hit.reunion}#${hit.point}`)).toEqual([`${AGADEZ}#annexe-1`]);
    await repo.write(`meetings/${AGADEZ}.yaml`, stringify(meeting));
    expect((await searchJson('zanzibar')).resultats).toEqual([]);
  });

  it('searches the valid meetings when a file has errors, and says which were left out', async () => {
    await repo.write('meetings/2023-09-01-national.yaml', 'date: 2023-09-01\npresence: [\n');
    try {
      const result = await runBin(['search', 'djado'], { cwd: repo.root });
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe('1 fichier de réunion avec des erreurs n’est pas cherché (voir gtm validate)\n');
      expect(result.stdout).toContain(`${JULY}#point-2`);
    } finally {
      const { rm } = await import('node:fs/promises');
      await rm(repo.path('meetings/2023-09-01-national.yaml'));
    }
  });
});

describe('gtm search and the site’s search page', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('give the same hits, in the same order, for the same queries', async () => {
    expect((await runBin(['site', '--sans-telechargements', '-o', 'public'], { cwd: repo.root })).exitCode).toBe(0);
    const watched = await watchedPage(browser);
    await watched.page.goto(`${pathToFileURL(repo.path('public')).href}/recherche.html`);
    for (const query of ['cartographie', 'securite', 'migrants', 'l’atelier', 'retours libye', 'oim', 'carto', 'points focaux']) {
      const cli = (await searchJson(query)).resultats.map((hit) => `${hit.reunion}#${hit.point}`);
      const count = await watched.page.evaluate((q) => (window as unknown as { gtmRecherche: (q: string) => number }).gtmRecherche(q), query);
      const page = await watched.page.locator('#resultats li').evaluateAll((items) => items.map((item) => `${(item as HTMLElement).dataset.reunion}#${(item as HTMLElement).dataset.ancre}`));
      expect(page, query).toEqual(cli.slice(0, 100));
      expect(count, query).toBe(cli.length);
    }
    expect(watched.errors).toEqual([]);
    await watched.page.close();
  });
});
