// Search's French normalisation, its stemmer and the engine: what `gtm search` and the site's
// page share (the page's script bundles these very modules).
import { describe, expect, it } from 'vitest';
import { stemFrench } from '../../src/search/french-stemmer.js';
import { buildIndex, excerpt, foldText, loadIndex, queryTerms, search, serializeIndex, type SearchDocument } from '../../src/search/index.js';
import { termMatcher } from '../../src/search/excerpt.js';
import { normalizeTerm } from '../../src/search/normalize.js';

describe('the French stemmer (Snowball, on folded words)', () => {
  // Outputs of the Snowball French stemmer on these words, accents folded first.
  const cases: [string, string][] = [
    ['continuellement', 'continuel'],
    ['heureusement', 'heureux'],
    ['rapidement', 'rapid'],
    ['frontieres', 'frontier'],
    ['donnees', 'don'],
    ['cartographie', 'cartograph'],
    ['cartographies', 'cartograph'],
    ['mobilites', 'mobil'],
    ['securite', 'secur'],
    ['migrants', 'migr'],
    ['migrant', 'migr'],
    ['migrations', 'migrat'],
    ['migration', 'migrat'],
    ['nationaux', 'national'],
    ['acteurs', 'acteur'],
    ['finaliser', 'finalis'],
    ['voyageait', 'voyag'],
    ['rapatriements', 'rapatri'],
    ['jeunes', 'jeun'],
  ];
  it.each(cases)('%s → %s', (word, stem) => expect(stemFrench(word)).toBe(stem));

  it('gives singular and plural, masculine and feminine the same stem', () => {
    for (const [a, b] of [
      ['migrant', 'migrants'],
      ['réfugié', 'réfugiés'],
      ['nationale', 'nationaux'],
      ['présentation', 'présentations'],
      ['orpailleur', 'orpailleurs'],
      ['donnée', 'données'],
    ]) {
      expect(normalizeTerm(a!), `${a} ~ ${b}`).toBe(normalizeTerm(b!));
    }
  });

  it('leaves short words, numbers and unknown shapes alone', () => {
    expect(stemFrench('oim')).toBe('oim');
    expect(normalizeTerm('2023')).toBe('2023');
    expect(normalizeTerm('A2')).toBe('a2');
  });
});

describe('normalisation', () => {
  it('folds case, accents and ligatures', () => {
    expect(foldText('Sécurité À ÉLÈVES Œuvre cœur')).toBe('securite a eleves oeuvre coeur');
  });

  it('splits elisions at either apostrophe and drops stop words', () => {
    expect(queryTerms('l’atelier d\'orpailleurs et la Sécurité')).toEqual(['ateli', 'orpailleur', 'secur']);
    expect(queryTerms('de la et les')).toEqual([]);
  });

  it('matches a query typed without accents to the accented text and back', () => {
    expect(queryTerms('securite migrants')).toEqual(queryTerms('SÉCURITÉ migrant'));
  });
});

const documents: SearchDocument[] = [
  { id: 'a#point-2', reunion: 'a', date: '2023-07-20', groupe: 'national', intitule: 'GTM – 20 juillet 2023', ancre: 'point-2', titre: '2. Sécurité des sites', texte: 'La sécurité de l’orpailleur à Djado.' },
  { id: 'a#point-3', reunion: 'a', date: '2023-07-20', groupe: 'national', intitule: 'GTM – 20 juillet 2023', ancre: 'point-3', titre: '3. Divers', texte: 'La cartographie des acteurs.' },
  { id: 'b#point-2', reunion: 'b', date: '2022-03-10', groupe: 'agadez', intitule: 'GTM Agadez – 10 mars 2022', ancre: 'point-2', titre: '2. Retours', texte: 'Retours de migrants ; cartographie des points d’eau.' },
];

describe('the engine', () => {
  const index = buildIndex(documents);

  it('requires every term, the last one also as a beginning, titles first', () => {
    expect(search(index, 'securite djado').map((hit) => hit.reunion + hit.ancre)).toEqual(['apoint-2']);
    expect(search(index, 'migrant').map((hit) => hit.reunion)).toEqual(['b']);
    expect(search(index, 'carto').map((hit) => hit.reunion + hit.ancre)).toEqual(['apoint-3', 'bpoint-2']);
    expect(search(index, 'orpailleurs sécu')).toHaveLength(1);
    expect(search(index, 'de la')).toEqual([]);
  });

  it('filters by group and by month', () => {
    expect(search(index, 'cartographie', { groupe: 'agadez' }).map((hit) => hit.reunion)).toEqual(['b']);
    expect(search(index, 'cartographie', { depuis: '2023-01' }).map((hit) => hit.reunion)).toEqual(['a']);
    expect(search(index, 'cartographie', { depuis: '2022-03' })).toHaveLength(2);
  });

  it('gives the same hits from the serialised index', () => {
    const copy = loadIndex(JSON.parse(JSON.stringify(serializeIndex(index))));
    expect(search(copy, 'cartographie migrants')).toEqual(search(index, 'cartographie migrants'));
    expect(JSON.stringify(serializeIndex(buildIndex(documents)))).toBe(JSON.stringify(serializeIndex(index)));
  });

  it('marks the matching words of an excerpt, cut at word boundaries', () => {
    const [hit] = search(index, 'securite');
    expect(hit!.extrait.parts.filter((part) => part.hit).map((part) => part.text)).toEqual(['sécurité']);
    const long = `${'mot '.repeat(100)}la sécurité des migrants ${'fin '.repeat(100)}`;
    const cut = excerpt(long, termMatcher(queryTerms('migrants securite'), false), 60);
    expect(cut.cutBefore).toBe(true);
    expect(cut.cutAfter).toBe(true);
    expect(cut.parts.filter((part) => part.hit).map((part) => part.text)).toEqual(['sécurité', 'migrants']);
    const text = cut.parts.map((part) => part.text).join('');
    expect(text.startsWith('mot ')).toBe(true);
    expect(text.endsWith('fin')).toBe(true);
  });
});
