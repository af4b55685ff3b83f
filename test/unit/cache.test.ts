// The cache's own pieces: memos are written as JSON in pieces (never one huge string), and the
// digest that keys them depends on every file's path and content, not on their order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestOf, jsonPieces } from '../../src/core/cache.js';

const SEED = Number(process.env.GTM_SEED ?? 20_230_620);

describe('jsonPieces', () => {
  it('joins into exactly what JSON.stringify writes, at any depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, depth) => {
        expect([...jsonPieces(value, depth)].join('')).toBe(JSON.stringify(value));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('leaves out undefined properties as JSON.stringify does', () => {
    const value = { digest: 'x', value: { a: undefined, b: [1, { c: undefined, d: 'é' }] } };
    expect([...jsonPieces(value, 3)].join('')).toBe(JSON.stringify(value));
  });
});

describe('digestOf', () => {
  const files = [
    ['gtm.yaml', 'a1'],
    ['meetings/2023-06-20-national.yaml', 'b2'],
    ['meetings/2023-07-20-national.yaml', 'c3'],
  ] as const;

  it('ignores the order of the files', () => {
    expect(digestOf([...files].reverse())).toBe(digestOf(files));
  });

  it('changes with a path, a content, a file added or removed, or a file that cannot be read', () => {
    const base = digestOf(files);
    const variants = [
      [files[0], files[1], ['meetings/2023-07-21-national.yaml', 'c3']],
      [files[0], files[1], ['meetings/2023-07-20-national.yaml', 'c4']],
      [files[0], files[1]],
      [...files, ['meetings/2023-08-01-national.yaml', 'd4']],
      [files[0], files[1], ['meetings/2023-07-20-national.yaml', undefined]],
    ] as const;
    const digests = variants.map((variant) => digestOf(variant));
    expect(new Set([base, ...digests]).size).toBe(variants.length + 1);
  });
});
