// The frame of the site's own pages (home, actions, organisations, search): the site's name, a
// menu, a search box that opens recherche.html?q=…, and the stylesheet. Links are relative, so
// the site works from a folder (file://) as well as from any web server.
import { escapeAttribute, escapeText, htmlPage } from '../render/html/index.js';

export const SITE_NAME = 'Archives du GTM';

export type Section = 'accueil' | 'actions' | 'organisations' | 'recherche';

const MENU: readonly { section: Section; href: string; label: string }[] = [
  { section: 'accueil', href: 'index.html', label: 'Comptes-rendus' },
  { section: 'actions', href: 'actions.html', label: 'Points d’action' },
  { section: 'organisations', href: 'organisations/index.html', label: 'Organisations' },
  { section: 'recherche', href: 'recherche.html', label: 'Recherche' },
];

export interface SitePage {
  title: string;
  /** « ../ » from a page in a subfolder. */
  root: string;
  section?: Section;
  body: string;
  scripts?: readonly string[];
  /** The query shown in the search box (the search page's own). */
  query?: string;
}

/** The site's menu, also above each compte-rendu. */
export function menu(root: string, current?: Section): string {
  const links = MENU.map(
    (entry) =>
      `<a href="${escapeAttribute(root + entry.href)}"${entry.section === current ? ' aria-current="page"' : ''}>${escapeText(entry.label)}</a>`,
  );
  return `<a class="nom-du-site" href="${escapeAttribute(`${root}index.html`)}">${escapeText(SITE_NAME)}</a> ${links.join(' ')}`;
}

export function sitePage(page: SitePage): string {
  const search = page.section === 'recherche' ? '' : searchForm(page.root, page.query ?? '', 'recherche-rapide');
  return htmlPage({
    title: `${page.title} – ${SITE_NAME}`,
    meta: [['generator', 'gtm']],
    css: SITE_CSS,
    body: [
      `<header class="bandeau"><nav aria-label="Menu">${menu(page.root, page.section)}</nav>${search}</header>`,
      `<main id="contenu">`,
      page.body,
      '</main>',
    ].join('\n'),
    ...(page.scripts ? { scripts: page.scripts.map((src) => page.root + src) } : {}),
  });
}

export function searchForm(root: string, query: string, id: string): string {
  return [
    `<form class="recherche" role="search" action="${escapeAttribute(`${root}recherche.html`)}" method="get">`,
    `<label for="${id}">Rechercher dans les comptes-rendus</label>`,
    `<input type="search" id="${id}" name="q" value="${escapeAttribute(query)}" placeholder="cartographie, sécurité, OIM…">`,
    '<button type="submit">Rechercher</button>',
    '</form>',
  ].join('');
}

export const SITE_CSS = `
:root { color-scheme: light; --encre: #1b1b1b; --trait: #b5b5b5; --accent: #0b4f8a; --retard: #a4161a; --fond: #f6f6f3; }
* { box-sizing: border-box; }
html { font-family: system-ui, "DejaVu Sans", Arial, sans-serif; color: var(--encre); background: var(--fond); line-height: 1.45; }
body { margin: 0; }
a { color: var(--accent); }
.bandeau { background: #123a5c; color: #fff; padding: .6rem 1.2rem; display: flex; flex-wrap: wrap; gap: .6rem 2rem; align-items: center; justify-content: space-between; }
.bandeau a { color: #fff; margin-right: 1rem; text-decoration: none; }
.bandeau a[aria-current] { text-decoration: underline; }
.bandeau .nom-du-site { font-weight: bold; margin-right: 2rem; }
.recherche label { position: absolute; left: -10000px; }
.bandeau input { padding: .3rem .5rem; min-width: 14rem; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
h1 { font-size: 1.6rem; margin: 1rem 0; }
h2 { font-size: 1.3rem; margin: 1.6rem 0 .6rem; border-bottom: 1px solid var(--trait); }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid var(--trait); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e8ecf1; }
ul.reunions { list-style: none; padding: 0; }
ul.reunions li { padding: .35rem 0; border-bottom: 1px solid #e2e2e2; }
.liens a { margin-left: .8rem; font-size: .92rem; }
.etiquette { font-size: .8rem; padding: .05rem .4rem; border-radius: .3rem; background: #eee; margin-left: .5rem; }
.etiquette.projet { background: #fff1c2; }
.en-retard td { background: #fdecec; }
.en-retard .echeance { color: var(--retard); font-weight: bold; }
.filtres { display: flex; flex-wrap: wrap; gap: .8rem 1.5rem; align-items: end; margin: 1rem 0; padding: .8rem; background: #fff; border: 1px solid var(--trait); }
.filtres label { display: flex; flex-direction: column; font-size: .9rem; }
.filtres select, .filtres input { padding: .3rem; min-width: 10rem; }
.compte { font-weight: bold; }
.resultats { list-style: none; padding: 0; }
.resultats li { background: #fff; border: 1px solid var(--trait); padding: .6rem .8rem; margin: .6rem 0; }
.resultats .extrait { margin: .3rem 0 0; color: #333; }
mark { background: #ffe27a; padding: 0 .1rem; }
.sans-script { padding: .6rem; background: #fff1c2; }
.colonnes { columns: 3 14rem; }
`;

/** Above a compte-rendu, whose page keeps the document's own stylesheet. */
export const SITE_CSS_FOR_DOCUMENTS = `
.navigation { font-family: system-ui, "DejaVu Sans", Arial, sans-serif; }
.navigation .nom-du-site { font-weight: bold; }
`;
