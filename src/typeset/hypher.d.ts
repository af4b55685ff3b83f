// Types for the two untyped hyphenation packages: the French patterns, and hypher (the tests'
// reference implementation).
declare module 'hypher' {
  export interface HypherLanguage {
    patterns: Record<number, string>;
    leftmin: number;
    rightmin: number;
    exceptions?: string;
  }
  export default class Hypher {
    constructor(language: HypherLanguage);
    /** The syllables of one word, e.g. ["co", "or", "di", "na", "tion"]. */
    hyphenate(word: string): string[];
  }
}

declare module 'hyphenation.fr' {
  import type { HypherLanguage } from 'hypher';
  const french: HypherLanguage;
  export default french;
}
