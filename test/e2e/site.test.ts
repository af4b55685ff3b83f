// gtm site and gtm render --format html, run as the built bin, the pages read back by Chromium
// from the folder (file://) and from a local web server: no console error, no failed request,
// no request outside the site; search from the box and from ?q= with French queries; the
// actions dashboard's filters; the document's structure (language, headings, table headers).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runBin } from '../helpers/run-cli.js';
import { launchBrowser, serveFolder, watchedPage, type TestBrowser } from '../helpers/browser.js';
import { AGADEZ, createSiteRepo, JULY, siteMeetings } from '../helpers/site-fixture.js';

let browser: TestBrowser;
let repo: FixtureRepo;
let siteDir: string;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  [browser, repo] = await Promise.all([launchBrowser(), createSiteRepo()]);
  const result = await runBin(['site'], { cwd: repo.root });
  expect(result).toMatchObject({ exitCode: 0, stderr: '' });
  expect(result.stdout).toMatch(/^site écrit dans site : \d+ fichiers, \d+ mis à jour ; ouvrez site\/index\.html\n$/);
  siteDir = repo.path('site');
  server = await serveFolder(siteDir);
}, 120_000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close(), repo?.cleanup()]);
});

const PAGES = ['index.html', `reunions/${JULY}.html`, `reunions/${AGADEZ}.html`, 'actions.html', 'organisations/index.html', 'organisations/oim.html', 'recherche.html?q=securite'];

/** Opens a page of the site, from the folder or the server, and checks that nothing went wrong. */
async function open(relative: string, from: 'file' | 'http') {
  const watched = await watchedPage(browser);
  const base = from === 'file' ? `${pathToFileURL(siteDir).href}/` : server.url;
  await watched.page.goto(base + relative, { waitUntil: 'load' });
  return {
    ...watched,
    check() {
      expect(watched.errors, `errors on ${relative}`).toEqual([]);
      expect(watched.failed, `failed requests on ${relative}`).toEqual([]);
      for (const url of watched.requests) expect(url.startsWith(base), `request outside the site: ${url}`).toBe(true);
    },
  };
}

describe('gtm site', () => {
  it('writes a home page, a page, a PDF and a Word file per meeting, the dashboard, organisations and search', () => {
    const meetings = readdirSync(path.join(siteDir, 'reunions')).sort();
    expect(meetings).toEqual(
      ['2021-01-28-national', '2021-09-21-national', AGADEZ, '2023-06-20-national', JULY].flatMap((id) => [`${id}.html`, `${id}.pdf`, `${id}.docx`]).sort(),
    );
    for (const file of ['index.html', 'actions.html', 'recherche.html', 'recherche.js', 'recherche-index.js', 'tableau-actions.js', '.gtm-site']) {
      expect(statSync(path.join(siteDir, file)).size).toBeGreaterThan(0);
    }
    expect(readFileSync(path.join(siteDir, 'reunions', `${JULY}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(path.join(siteDir, 'reunions', `${JULY}.docx`)).subarray(0, 2).toString()).toBe('PK');
  });

  for (const from of ['file', 'http'] as const) {
    it(`loads every kind of page from ${from === 'file' ? 'the folder (file://)' : 'a web server'} without an error or a request outside the site`, async () => {
      for (const relative of PAGES) {
        const opened = await open(relative, from);
        await opened.page.waitForLoadState('networkidle');
        opened.check();
        await opened.page.close();
      }
    });
  }

  it('lists meetings by group and year on the home page, with their PDF, and marks drafts', async () => {
    const { page, check } = await open('index.html', 'file');
    const groups = await page.locator('main h2').allTextContents();
    expect(groups).toEqual(['Groupe Technique sur la Migration', 'Groupe Technique sur la Migration d’Agadez']);
    const years = await page.locator('section').first().locator('h3').allTextContents();
    expect(years).toEqual(['2023', '2021']);
    const first = page.locator('ul.reunions li').first();
    expect(await first.locator('a').first().textContent()).toBe('jeudi 20 juillet 2023');
    expect(await first.locator('a', { hasText: 'PDF' }).getAttribute('href')).toBe(`reunions/${JULY}.pdf`);
    expect(await first.locator('a', { hasText: 'Word' }).getAttribute('href')).toBe(`reunions/${JULY}.docx`);
    expect(await page.locator('section').nth(1).locator('.etiquette.projet').count()).toBe(1);
    check();
    await page.close();
  });

  it('writes each compte-rendu as an accessible French page: headings in order, table headers, watermark on drafts', async () => {
    const { page, check } = await open(`reunions/${JULY}.html`, 'file');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const levels = await page.locator('main h1, main h2, main h3, main h4').evaluateAll((headings) => headings.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    expect(await page.locator('thead th:not([scope="col"])').count()).toBe(0);
    expect(await page.locator('tbody th[scope="row"]').allTextContents()).toEqual(['Date', 'Heure', 'Lieu', 'Présence']);
    expect(await page.locator('#point-2').textContent()).toBe('2. Sécurité sur les sites aurifères (OIM)');
    // French typography is kept: no-break space before the colon, typographic apostrophe.
    expect(await page.locator('article').textContent()).toMatch(/L’atelier de Tchibarakaten est prévu en septembre[\u00a0\u202f];/);
    expect(await page.locator('.filigrane').count()).toBe(0);
    expect(await page.locator('.telechargements a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([`${JULY}.pdf`, `${JULY}.docx`]);
    check();
    await page.close();
    const draft = await open(`reunions/${AGADEZ}.html`, 'file');
    expect(await draft.page.locator('.filigrane').textContent()).toBe('PROJET');
    await draft.page.close();
  });

  it('prints a compte-rendu on A4 pages with the running header and page numbers', async () => {
    const { page } = await open(`reunions/${JULY}.html`, 'file');
    const pdf = await page.pdf({ format: 'A4' });
    await page.close();
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
    const first = await document.getPage(1);
    const [width, height] = [first.view[2]!, first.view[3]!];
    // A4: 210 × 297 mm, 595.3 × 841.9 points.
    expect(Math.abs(width - 595.3)).toBeLessThan(1);
    expect(Math.abs(height - 841.9)).toBeLessThan(1);
    const text = (await first.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    expect(text).toMatch(/Page 1 \/ \d/);
    expect(text).toContain('GTM – Compte-rendu du 20 juillet 2023');
  });

  const queries: [string, string[]][] = [
    // Accents and case folded both ways.
    ['securite djado', [JULY]],
    ['SÉCURITÉ DJADO', [JULY]],
    // A plural finds the singular, after an elided article.
    ['d’orpailleurs', [JULY]],
    ["l'atelier tchibarakaten", [JULY]],
    ['aurifere', [JULY]],
    // The beginning of a word being typed.
    ['tchibara', [JULY]],
    ['tiguidit', [AGADEZ]],
    ['zzzz introuvable', []],
  ];

  it('finds meetings from ?q= with French queries, each hit linking to its agenda item', async () => {
    for (const [query, expected] of queries) {
      const { page, check } = await open(`recherche.html?q=${encodeURIComponent(query)}`, 'file');
      const meetings = await page.locator('#resultats li').evaluateAll((items) => [...new Set(items.map((item) => (item as HTMLElement).dataset.reunion))]);
      expect(meetings, query).toEqual(expected);
      if (expected.length > 0) {
        const href = await page.locator('#resultats li a').first().getAttribute('href');
        expect(href).toMatch(new RegExp(`^reunions/${expected[0]}\\.html#point-\\d+$`));
        expect(await page.locator('#resultats mark').count()).toBeGreaterThan(0);
      } else expect(await page.locator('#compte').textContent()).toBe(`Aucun résultat pour « ${query} ».`);
      check();
      await page.close();
    }
  });

  it('searches as one types in the box and keeps the query in the address; the hit opens the item', async () => {
    const { page, check } = await open('index.html', 'http');
    await page.fill('#recherche-rapide', 'cartographie');
    await page.press('#recherche-rapide', 'Enter');
    await page.waitForURL(/recherche\.html\?q=cartographie$/);
    const found = await page.locator('#resultats li').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.reunion));
    expect(found).toContain(AGADEZ);
    expect(found).toContain('2023-06-20-national');
    await page.fill('#recherche', 'Tiguidit');
    await expect.poll(() => page.url()).toMatch(/\?q=Tiguidit$/);
    expect(await page.locator('#resultats li').count()).toBe(1);
    await page.locator('#resultats li a').first().click();
    await page.waitForURL(new RegExp(`reunions/${AGADEZ}\\.html#point-2$`));
    expect(await page.locator('#point-2').isVisible()).toBe(true);
    check();
    await page.close();
  });

  it('filters the actions dashboard by state, lateness, organisation, group and words', async () => {
    const { page, check } = await open('actions.html?au=2023-08-01', 'file');
    const visible = () => page.locator('#actions tbody tr:not([hidden])').evaluateAll((rows) => rows.map((row) => row.id));
    // In the order of the meetings that decided them.
    expect(await visible()).toEqual(['NIA-2101-1', 'AGZ-2203-1', 'NIA-2307-1', 'NIA-2307-2']);
    expect(await page.locator('tr.en-retard').evaluateAll((rows) => rows.map((row) => row.id))).toEqual(['AGZ-2203-1', 'NIA-2307-1']);
    await page.selectOption('#filtre-etat', 'retard');
    expect(await visible()).toEqual(['AGZ-2203-1', 'NIA-2307-1']);
    await page.selectOption('#filtre-groupe', 'national');
    expect(await visible()).toEqual(['NIA-2307-1']);
    await page.selectOption('#filtre-etat', 'toutes');
    await page.selectOption('#filtre-groupe', '');
    await page.selectOption('#filtre-responsable', 'SP/CCM');
    expect(await visible()).toEqual(['NIA-2101-2', 'NIA-2307-2']);
    await page.selectOption('#filtre-etat', 'closes');
    expect(await visible()).toEqual(['NIA-2101-2']);
    await page.selectOption('#filtre-etat', 'toutes');
    await page.selectOption('#filtre-responsable', '');
    await page.fill('#filtre-mots', 'tchibarakaten');
    expect(await visible()).toEqual(['NIA-2307-2']);
    expect(await page.locator('#compte').textContent()).toBe('1 action affichée sur 5');
    expect(page.url()).toContain('mots=tchibarakaten');
    // The address carries the filters: a link to a view works.
    const linked = await open('actions.html?au=2023-08-01&etat=retard&responsable=UNHCR', 'file');
    expect(await linked.page.locator('#actions tbody tr:not([hidden])').evaluateAll((rows) => rows.map((row) => row.id))).toEqual(['AGZ-2203-1']);
    expect(await linked.page.locator('#par-organisation-tableau tr[data-organisation="OIM"] .retards').textContent()).toBe('1');
    linked.check();
    await linked.page.close();
    check();
    await page.close();
  });

  it('gives each organisation its attendance, presentations and actions', async () => {
    const { page, check } = await open('organisations/unhcr.html', 'file');
    const text = (await page.locator('main').textContent()) ?? '';
    const present = Object.values(siteMeetings()).filter((meeting) => {
      const presence = (typeof meeting === 'string' ? (parse(meeting) as { presence: string[] }) : (meeting as { presence: string[] })).presence;
      return presence.includes('UNHCR');
    }).length;
    expect(text).toContain(`Présente à ${present} réunions sur 5 tenues par ses groupes.`);
    expect(await page.locator('#presentations + ul a').getAttribute('href')).toBe(`../reunions/${AGADEZ}.html#point-2`);
    expect(text).toContain('AGZ-2203-1');
    check();
    await page.close();
  });
});

describe('gtm site, again', () => {
  it('rewrites only what changed, gives the same bytes each time, and removes the pages of a deleted meeting', async () => {
    const other = await createFixtureRepo({ meetings: siteMeetings() });
    try {
      const first = await runBin(['site', '--sans-telechargements', '-o', 'public'], { cwd: other.root });
      expect(first.exitCode).toBe(0);
      const again = await runBin(['site', '--sans-telechargements', '-o', 'public'], { cwd: other.root });
      expect(again.stdout).toMatch(/ 0 mis à jour ;/);
      // Same input, same bytes, whichever folder and run (the pages without downloads).
      for (const file of ['recherche-index.js', 'recherche.js', 'actions.html', 'organisations/oim.html']) {
        expect(readFileSync(other.path('public', file)).equals(readFileSync(path.join(siteDir, file))), file).toBe(true);
      }
      const untouched = statSync(other.path('public', 'reunions', '2021-01-28-national.html')).mtimeMs;
      const meetings = siteMeetings();
      const edited = { ...(meetings[`${AGADEZ}.yaml`] as Record<string, unknown>), lieu: 'Salle de la mairie d’Agadez' };
      writeFileSync(other.path('meetings', `${AGADEZ}.yaml`), stringify(edited));
      const afterEdit = await runBin(['site', '--sans-telechargements', '-o', 'public'], { cwd: other.root });
      expect(afterEdit.exitCode).toBe(0);
      expect(readFileSync(other.path('public', 'reunions', `${AGADEZ}.html`), 'utf8')).toContain('Salle de la mairie d’Agadez');
      expect(statSync(other.path('public', 'reunions', '2021-01-28-national.html')).mtimeMs).toBe(untouched);
      // Only its page: the place is not in the search index, nor on the home page.
      expect(afterEdit.stdout).toMatch(/ 1 mis à jour ;/);
      // An earlier action reworded: the pages whose follow-up table shows it are made again.
      const january = other.path('meetings', '2021-01-28-national.yaml');
      writeFileSync(january, readFileSync(january, 'utf8').replace('Prise de contact avec OCHA', 'Prise de contact renouvelée avec OCHA'));
      const afterReword = await runBin(['site', '--sans-telechargements', '-o', 'public'], { cwd: other.root });
      expect(afterReword.exitCode).toBe(0);
      expect(readFileSync(other.path('public', 'reunions', `${JULY}.html`), 'utf8')).toContain('Prise de contact renouvelée avec OCHA');
      // A meeting removed: its page goes too.
      await other.write(`meetings/${AGADEZ}.yaml`, '');
      const { rm } = await import('node:fs/promises');
      await rm(other.path('meetings', `${AGADEZ}.yaml`));
      const afterRemoval = await runBin(['site', '--sans-telechargements', '-o', 'public'], { cwd: other.root });
      expect(afterRemoval.stdout).toMatch(/, 1 supprimé ;/);
      expect(readdirSync(other.path('public', 'reunions'))).not.toContain(`${AGADEZ}.html`);
    } finally {
      await other.cleanup();
    }
  });

  it('refuses a folder of the user’s own, and writes nothing for an invalid repository', async () => {
    const other = await createFixtureRepo({ meetings: siteMeetings(), files: { 'documents/lettre.txt': 'à garder' } });
    try {
      const refused = await runBin(['site', '-o', 'documents'], { cwd: other.root });
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toContain('documents contient déjà des fichiers qui ne viennent pas de gtm site');
      const intoMeetings = await runBin(['site', '-o', 'meetings'], { cwd: other.root });
      expect(intoMeetings.exitCode).toBe(1);
      expect(intoMeetings.stderr).toContain('refus d’écrire le site dans meetings');
      await other.write(`meetings/${JULY}.yaml`, 'date: 2023-07-20\npresence: [OIMM]\nordre_du_jour: []\n');
      const invalid = await runBin(['site'], { cwd: other.root });
      expect(invalid.exitCode).toBe(1);
      expect(invalid.stderr).toContain(`meetings/${JULY}.yaml:`);
      expect(invalid.stderr).toContain('le site n’a pas été produit');
      expect(readdirSync(other.root)).not.toContain('site');
    } finally {
      await other.cleanup();
    }
  });
});

describe('gtm render --format html', () => {
  it('writes one self-contained page per meeting, the same as the site’s document', async () => {
    const result = await runBin(['render', JULY, '--format', 'html'], { cwd: repo.root });
    expect(result).toMatchObject({ exitCode: 0, stdout: `écrit : rendus/${JULY}.html\n`, stderr: '' });
    const html = readFileSync(repo.path('rendus', `${JULY}.html`), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html).not.toMatch(/<script|<link(?! rel="icon" href="data:,">)|src=/);
    // The site's page is the same document, with the menu and downloads around it.
    const article = (text: string) => text.slice(text.indexOf('<article>'), text.indexOf('</article>'));
    expect(article(html)).toBe(article(readFileSync(path.join(siteDir, 'reunions', `${JULY}.html`), 'utf8')));
    const stdout = await runBin(['render', JULY, '--format', 'html', '-o', '-'], { cwd: repo.root });
    expect(stdout.stdout).toBe(html);
  });
});
