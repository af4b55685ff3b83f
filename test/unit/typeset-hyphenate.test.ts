// French hyphenation: Liang's algorithm on the TeX patterns, checked by hand and against hypher.
import Hypher from 'hypher';
import french from 'hyphenation.fr';
import { describe, expect, it } from 'vitest';
import { frenchHyphenator } from '../../src/typeset/hyphenate.js';

const hyphenate = frenchHyphenator();
const split = (word: string) => {
  const parts: string[] = [];
  let from = 0;
  for (const offset of hyphenate(word)) {
    parts.push(word.slice(from, offset));
    from = offset;
  }
  return [...parts, word.slice(from)].join('-');
};

describe('French hyphenation', () => {
  it('breaks words at French syllables, two letters at least before and three after', () => {
    expect(split('coordination')).toBe('co-or-di-na-tion');
    expect(split('recommandations')).toBe('re-com-man-da-tions');
    expect(split('interventions')).toBe('in-ter-ven-tions');
    expect(split('particulièrement')).toBe('par-ti-cu-liè-re-ment');
    expect(split('décentralisation')).toBe('dé-cen-tra-li-sa-tion');
  });

  it('never breaks names, acronyms, short words, numbers, URLs, or right after an apostrophe', () => {
    for (const text of ['Niamey', 'Décentralisation', 'UNHCR', 'DGECEM-R', 'GTM', 'migration2023', 'https://www.iom.int/fr', 'contact@iom.int', 'mardi']) {
      expect(hyphenate(text), text).toEqual([]);
    }
    expect(split('l’organisation')).toBe('l’or-ga-ni-sa-tion');
    expect(split('d’information')).toBe('d’in-for-ma-tion');
  });

  it('agrees with hypher on the same patterns', () => {
    const hypher = new Hypher(french);
    const text =
      'Dans son discours d’ouverture le Secrétaire Permanent du Cadre de Concertation sur la Migration a remercié les participants de leur présence malgré leurs calendriers chargés et présenté ses excuses pour le retard de la tenue de la rencontre qui avait coïncidé avec la sixième rencontre stratégie coordination acteurs intervenant domaine migratoires visibilité interventions synergie parties prenantes questions sensibilisation structures publiques collectivités territoriales secteur privé plaidoyer harmonisation disponibilité informations renforcement dialogue coopération bilatérale régionale internationale œuvre cœur extraordinaire anticonstitutionnellement';
    for (const word of text.split(/\s+/).filter((w) => w.length >= 6 && !/’/.test(w) && w === w.toLowerCase())) {
      const offsets: number[] = [];
      let at = 0;
      for (const syllable of hypher.hyphenate(word).slice(0, -1)) offsets.push((at += syllable.length));
      expect(hyphenate(word), word).toEqual(offsets);
    }
  });
});
