// Word wrapping of the terminal table: the fast path for single-spaced text must cut exactly
// where the general one does, and no line may exceed its column.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { length, wrap } from '../../src/cli/reporters/wrap.js';

const SEED = Number(process.env.GTM_SEED ?? 20_230_620);

/** Single-spaced words of letters, accents and punctuation, some longer than any column. */
const simpleText = fc
  .array(fc.stringMatching(/^[a-zA-Zéèàç’«»,.;:!?/()-]{1,30}$/), { minLength: 1, maxLength: 25 })
  .map((words) => words.join(' '));

describe('wrap', () => {
  it('cuts single-spaced text as the general path does (reached through a final line break)', () => {
    fc.assert(
      fc.property(simpleText, fc.integer({ min: 1, max: 60 }), (text, width) => {
        expect(wrap(text, width)).toEqual(wrap(`${text}\n`, width));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('keeps every word, in order, and every line within the width', () => {
    fc.assert(
      fc.property(simpleText, fc.integer({ min: 1, max: 60 }), (text, width) => {
        const lines = wrap(text, width);
        for (const line of lines) expect(length(line)).toBeLessThanOrEqual(width);
        expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('never breaks a line at a space French keeps: before « : ; ! ? » », after « « »', () => {
    expect(wrap('En cours, 23 octobre 2019 : Point fait le 2019-10-23', 15)).toEqual(['En cours, 23', 'octobre 2019 :', 'Point fait le', '2019-10-23']);
    expect(wrap('la liste « genre et migration » est prête', 12)).toEqual(['la liste', '« genre et', 'migration »', 'est prête']);
    fc.assert(
      fc.property(simpleText, fc.integer({ min: 1, max: 60 }), (text, width) => {
        // Unless a word and its punctuation are together wider than the column, and must be cut.
        const units = text.split(/ (?![:;!?»])(?<!« )/);
        fc.pre(units.every((unit) => length(unit) <= width));
        const lines = wrap(text, width);
        for (const line of lines.slice(1)) expect(line).not.toMatch(/^[:;!?»]/);
        for (const line of lines.slice(0, -1)) expect(line).not.toMatch(/«$/);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('cuts a word wider than the column where it must and goes on with the next words', () => {
    expect(wrap('Voir https://exemple.org/un/tres/long/chemin ici', 12)).toEqual(['Voir', 'https://exem', 'ple.org/un/t', 'res/long/che', 'min ici']);
    expect(wrap('abcdef ghi', 3)).toEqual(['abc', 'def', 'ghi']);
  });
});
