// The search page's script (bundled by scripts/build.mjs with the search engine it shares with
// `gtm search`): reads ?q= and the box, shows the hits with their excerpts, keeps the address
// in step so that a search can be bookmarked or sent. Exposes window.gtmRecherche for tests.
import { loadIndex, searchFirst, type SearchHit, type SerializedIndex } from '../../search/index.js';

interface SearchData {
  groupes: Record<string, string>;
  index: SerializedIndex;
}

const data = (window as unknown as { GTM_RECHERCHE?: SearchData }).GTM_RECHERCHE;
const input = document.getElementById('recherche') as HTMLInputElement | null;
const groupSelect = document.getElementById('recherche-groupe') as HTMLSelectElement | null;
const list = document.getElementById('resultats');
const count = document.getElementById('compte');
const SHOWN = 100;

if (data && input && list && count) {
  document.getElementById('sans-script')?.remove();
  const index = loadIndex(data.index);
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  if (groupSelect) groupSelect.value = params.get('groupe') ?? '';

  const run = (): number => {
    const query = input.value;
    const groupe = groupSelect?.value || undefined;
    const { total, hits } = searchFirst(index, query, groupe ? { groupe } : {}, SHOWN);
    show(query, hits, total);
    const next = new URLSearchParams();
    if (query.trim() !== '') next.set('q', query);
    if (groupe) next.set('groupe', groupe);
    const address = next.toString();
    history.replaceState(null, '', address === '' ? location.pathname : `?${address}`);
    return total;
  };

  const show = (query: string, hits: readonly SearchHit[], total: number) => {
    list.replaceChildren(...hits.map(hitItem));
    if (query.trim() === '') count.textContent = '';
    else if (total === 0) count.textContent = `Aucun résultat pour « ${query.trim()} ».`;
    else count.textContent = `${total} résultat${total > 1 ? 's' : ''} pour « ${query.trim()} »${total > SHOWN ? ` (les ${SHOWN} premiers)` : ''}.`;
  };

  input.addEventListener('input', () => void run());
  groupSelect?.addEventListener('change', () => void run());
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  run();
  (window as unknown as { gtmRecherche: (query: string) => number }).gtmRecherche = (query) => {
    input.value = query;
    return run();
  };
}

function hitItem(hit: SearchHit): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset.reunion = hit.reunion;
  item.dataset.ancre = hit.ancre;
  const link = document.createElement('a');
  link.href = `reunions/${hit.reunion}.html#${hit.ancre}`;
  link.textContent = `${hit.intitule} – ${hit.titre}`;
  const excerpt = document.createElement('p');
  excerpt.className = 'extrait';
  if (hit.extrait.cutBefore) excerpt.append('… ');
  for (const part of hit.extrait.parts) {
    if (part.hit) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    } else excerpt.append(part.text);
  }
  if (hit.extrait.cutAfter) excerpt.append(' …');
  item.append(link, excerpt);
  return item;
}
