// The search page and the index file it loads. The index is a script (window.GTM_RECHERCHE = …)
// rather than JSON fetched at run time: a page opened from a folder (file://) may not fetch.
import { searchDocuments } from '../search/documents.js';
import { buildIndex, serializeIndex, type SearchDocument } from '../search/index.js';
import { escapeAttribute, escapeText, safeScript } from '../render/html/index.js';
import { searchForm, sitePage } from './layout.js';
import type { SiteInput } from './model.js';

export const SEARCH_SCRIPT = 'recherche.js';
export const SEARCH_INDEX_SCRIPT = 'recherche-index.js';

/** The index of every meeting, as the script file the search page loads. */
export function searchIndexScript(input: Pick<SiteInput, 'config' | 'meetings'>): string {
  const groups = Object.fromEntries(Object.entries(input.config.groupes).map(([key, group]) => [key, group.sigle]));
  return indexScript(searchDocuments(input.meetings.map((meeting) => meeting.loaded), input.config), groups);
}

function indexScript(documents: readonly SearchDocument[], groups: Record<string, string>): string {
  const data = { groupes: groups, index: serializeIndex(buildIndex(documents)) };
  return safeScript(`window.GTM_RECHERCHE = ${JSON.stringify(data)};\n`);
}

export function searchPage(input: SiteInput): string {
  const groups = Object.entries(input.config.groupes)
    .map(([key, group]) => `<option value="${escapeAttribute(key)}">${escapeText(group.sigle)}</option>`)
    .join('');
  const body = [
    '<h1>Recherche</h1>',
    searchForm('', '', 'recherche'),
    `<p><label>Groupe <select id="recherche-groupe"><option value="">Tous</option>${groups}</select></label></p>`,
    '<p class="sans-script" id="sans-script">La recherche demande JavaScript.</p>',
    '<p class="compte" id="compte" aria-live="polite"></p>',
    '<ol class="resultats" id="resultats"></ol>',
  ].join('\n');
  return sitePage({ title: 'Recherche', root: '', section: 'recherche', body, scripts: [SEARCH_INDEX_SCRIPT, SEARCH_SCRIPT] });
}
