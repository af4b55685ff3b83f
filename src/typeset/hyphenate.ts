// French hyphenation: Liang's algorithm on the TeX patterns of the `hyphenation.fr` package.
// The patterns go into a plain Map, built on first use in about a millisecond (hypher's trie
// took several times longer, and a document only hyphenates a few dozen words).
import french from 'hyphenation.fr';

/** UTF-16 offsets in `text` where a line may be broken with a hyphen, in increasing order. */
export type Hyphenator = (text: string) => number[];

/** Words shorter than this, capitalised words (names, acronyms), URLs, e-mail addresses and numbers are never hyphenated. */
const MIN_LENGTH = 6;
const LETTERS = /[\p{L}’']+/gu;

interface Patterns {
  readonly points: Map<string, readonly number[]>;
  readonly longest: number;
}

function compilePatterns(): Patterns {
  const points = new Map<string, readonly number[]>();
  let longest = 0;
  for (const [size, packed] of Object.entries(french.patterns)) {
    const length = Number(size);
    for (let at = 0; at < packed.length; at += length) {
      const pattern = packed.slice(at, at + length);
      const letters = pattern.replace(/\d/g, '');
      // The digit before each letter (and after the last one), 0 where there is none.
      const values = pattern.split(/\D/).map((digits) => Number(digits) || 0);
      points.set(letters, values);
      longest = Math.max(longest, letters.length);
    }
  }
  return { points, longest };
}

export function frenchHyphenator(): Hyphenator {
  let patterns: Patterns | undefined;
  const cache = new Map<string, number[]>();
  const hyphenateWord = (word: string): number[] => {
    patterns ??= compilePatterns();
    const marked = `_${word.toLowerCase()}_`;
    const values = new Array<number>(marked.length + 1).fill(0);
    for (let start = 0; start < marked.length; start++) {
      const end = Math.min(marked.length, start + patterns.longest);
      for (let stop = start + 1; stop <= end; stop++) {
        const found = patterns.points.get(marked.slice(start, stop));
        if (!found) continue;
        found.forEach((value, k) => {
          if (value > values[start + k]!) values[start + k] = value;
        });
      }
    }
    // values[i] is the value before marked[i], that is before word[i - 1].
    const offsets: number[] = [];
    for (let offset = french.leftmin; offset <= word.length - french.rightmin; offset++) {
      if (values[offset + 1]! % 2 === 1) offsets.push(offset);
    }
    return offsets;
  };
  return (text) => {
    if (/[\p{N}/@.:_]/u.test(text)) return [];
    const offsets: number[] = [];
    for (const match of text.matchAll(LETTERS)) {
      const word = match[0];
      if (word.length < MIN_LENGTH || word[0] !== word[0]!.toLowerCase()) continue;
      let points = cache.get(word);
      if (!points) {
        points = hyphenateWord(word);
        cache.set(word, points);
      }
      // Never break right after an apostrophe ("l’-organisation").
      for (const point of points) if (!/[’']/.test(word[point - 1]!)) offsets.push(match.index + point);
    }
    return offsets;
  };
}
