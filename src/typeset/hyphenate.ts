// French hyphenation (TeX patterns through hypher), used to fill justified lines.
import Hypher from 'hypher';
import french from 'hyphenation.fr';

/** UTF-16 offsets in `text` where a line may be broken with a hyphen, in increasing order. */
export type Hyphenator = (text: string) => number[];

/** Words shorter than this, acronyms, URLs, e-mail addresses and numbers are never hyphenated. */
const MIN_LENGTH = 6;
const LETTERS = /[\p{L}’']+/gu;

export function frenchHyphenator(): Hyphenator {
  let hypher: Hypher | undefined;
  const cache = new Map<string, number[]>();
  return (text) => {
    if (/[\p{N}/@.:_]/u.test(text)) return [];
    const offsets: number[] = [];
    for (const match of text.matchAll(LETTERS)) {
      const word = match[0];
      if (word.length < MIN_LENGTH || word === word.toUpperCase()) continue;
      let points = cache.get(word);
      if (!points) {
        hypher ??= new Hypher(french);
        points = [];
        let at = 0;
        for (const syllable of hypher.hyphenate(word).slice(0, -1)) {
          at += syllable.length;
          points.push(at);
        }
        cache.set(word, points);
      }
      // Never break right after an apostrophe ("l’-organisation").
      for (const point of points) if (!/[’']/.test(word[point - 1]!)) offsets.push(match.index + point);
    }
    return offsets;
  };
}
