// Full-text search of the compte-rendus, the same in `gtm search` and in the site's page (this
// module and its dependencies are bundled into the page's script): one document per section of
// a compte-rendu (see document/sections.ts), indexed by MiniSearch with gtm's French
// normalisation (normalize.ts), every query term required, the last one also as a beginning
// (« carto » finds « cartographie »), the titles weighing double. Pure.
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import { excerpt, termMatcher, type Excerpt } from './excerpt.js';
import { normalizeTerm, queryTerms, tokenize } from './normalize.js';

export { excerpt, type Excerpt, type ExcerptPart } from './excerpt.js';
export { foldText, normalizeTerm, queryTerms } from './normalize.js';

/** One section of one compte-rendu. Field names are French: they are the index file's format. */
export interface SearchDocument {
  /** « 2023-06-20-national#point-3 ». */
  id: string;
  reunion: string;
  /** AAAA-MM-JJ. */
  date: string;
  groupe: string;
  /** The meeting as a reader names it: « GTM – mardi 20 juin 2023 ». */
  intitule: string;
  ancre: string;
  titre: string;
  texte: string;
}

export interface SearchFilters {
  groupe?: string;
  /** AAAA-MM: meetings of this month and later. */
  depuis?: string;
}

export interface SearchHit {
  reunion: string;
  date: string;
  groupe: string;
  intitule: string;
  ancre: string;
  titre: string;
  score: number;
  extrait: Excerpt;
}

const STORED = ['reunion', 'date', 'groupe', 'intitule', 'ancre', 'titre', 'texte'] as const;

const OPTIONS: Options<SearchDocument> = {
  fields: ['titre', 'texte'],
  storeFields: [...STORED],
  tokenize: (text) => tokenize(text),
  processTerm: (term) => normalizeTerm(term) ?? null,
};

export type SearchIndex = MiniSearch<SearchDocument>;
export type SerializedIndex = AsPlainObject;

export function buildIndex(documents: readonly SearchDocument[]): SearchIndex {
  const index = new MiniSearch<SearchDocument>(OPTIONS);
  index.addAll(documents);
  return index;
}

/** The index as plain data (for the page's script file, and gtm's cache) and back. */
export function serializeIndex(index: SearchIndex): SerializedIndex {
  return index.toJSON();
}

export function loadIndex(data: SerializedIndex): SearchIndex {
  return MiniSearch.loadJS<SearchDocument>(data, OPTIONS);
}

/** Every hit, best first, then the latest meeting first: the same order on every machine. */
export function search(index: SearchIndex, query: string, filters: SearchFilters = {}): SearchHit[] {
  return searchFirst(index, query, filters, Number.POSITIVE_INFINITY).hits;
}

/**
 * The first `limit` hits in that order, and how many there are in all: excerpts, the costly
 * part of a hit, are made only for the hits shown.
 */
export function searchFirst(index: SearchIndex, query: string, filters: SearchFilters, limit: number): { total: number; hits: SearchHit[] } {
  const terms = queryTerms(query);
  if (terms.length === 0) return { total: 0, hits: [] };
  const matches = termMatcher(terms, true);
  const results = index.search(terms.join(' '), {
    combineWith: 'AND',
    boost: { titre: 2 },
    prefix: (term, position, all) => position === all.length - 1 && term.length >= 3,
    // The query is already normalised: its terms go to the index as they are.
    processTerm: (term) => term,
    tokenize: (text) => text.split(' '),
    filter: (result) => keep(result, filters),
  });
  const score = (result: SearchResult) => Math.round(result.score * 1000) / 1000;
  results.sort(
    (a, b) =>
      score(b) - score(a) ||
      compare(b.date as string, a.date as string) ||
      compare(a.reunion as string, b.reunion as string) ||
      compare(a.ancre as string, b.ancre as string),
  );
  const hits = results.slice(0, limit).map(
    (result): SearchHit => ({
      reunion: result.reunion as string,
      date: result.date as string,
      groupe: result.groupe as string,
      intitule: result.intitule as string,
      ancre: result.ancre as string,
      titre: result.titre as string,
      score: score(result),
      extrait: excerpt(result.texte as string, matches),
    }),
  );
  return { total: results.length, hits };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function keep(result: SearchResult, filters: SearchFilters): boolean {
  if (filters.groupe !== undefined && result.groupe !== filters.groupe) return false;
  if (filters.depuis !== undefined && (result.date as string).slice(0, 7) < filters.depuis) return false;
  return true;
}
