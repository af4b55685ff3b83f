// The one normalisation of words for search, shared by `gtm search` and the site's page (the
// same module is bundled into its script): case and accents folded (« Sécurité » → securite),
// apostrophes split (« l’OIM » → l, oim), French stop words dropped, words stemmed (« migrants »
// → migr, like « migrant »). Pure, and free of Node APIs so that it runs in a browser.
import { stemFrench } from './french-stemmer.js';

/** A word of a text, where it stands, and the term it is indexed under (undefined: not indexed). */
export interface TextToken {
  start: number;
  end: number;
  term: string | undefined;
}

const WORD = /[\p{L}\p{N}]+/gu;
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** Lower case, without diacritics or ligatures: what both a text and a query are compared as. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œæß]/g, (ligature) => LIGATURES[ligature]!);
}

/** Articles, prepositions, pronouns and auxiliaries: in every compte-rendu, they find nothing. */
const STOP_WORDS = new Set(
  (
    'a au aux avec ce ces cet cette c d dans de des du elle elles en est et etait il ils j l la le les leur leurs lui ' +
    'm ma mais me meme mes n ne nos notre nous on ont ou par pas pour qu que qui s sa se ses son sont sur t ta te ' +
    'tes ton tu un une vos votre vous y ete etre avoir'
  ).split(' '),
);

/** Stems are looked up far more often than new words appear: a few thousand in all the minutes. */
const stems = new Map<string, string>();

/** The term a word is indexed and searched under; undefined for a stop word. */
export function normalizeTerm(word: string): string | undefined {
  const folded = foldText(word);
  if (folded === '' || STOP_WORDS.has(folded)) return undefined;
  let stem = stems.get(folded);
  if (stem === undefined) {
    stem = /\p{N}/u.test(folded) ? folded : stemFrench(folded);
    if (stems.size < 100_000) stems.set(folded, stem);
  }
  return stem;
}

/** The words of a text, in order. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The words of a text with their places, to highlight the ones that match. */
export function textTokens(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ start: match.index, end: match.index + match[0].length, term: normalizeTerm(match[0]) });
  }
  return tokens;
}

/** A query's distinct terms, in the order typed. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const word of tokenize(query)) {
    const term = normalizeTerm(word);
    if (term !== undefined && !terms.includes(term)) terms.push(term);
  }
  return terms;
}
