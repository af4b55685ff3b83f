// Property: the data parseYaml builds from a document, in the walk that checks its keys, is
// exactly what yaml's own `document.toJS()` gives, key order included, for any YAML text
// (random data written in block and flow styles, and hand-written edge cases).
// Seed fixed for CI (GTM_SEED=<n> explores other cases).
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/core/reading/yaml.js';

const SEED = Number(process.env.GTM_SEED ?? 20_230_620);
const OPTIONS = { version: '1.2', schema: 'core', merge: false, strict: true, uniqueKeys: true } as const;

/** What yaml itself makes of the text, when it holds data without problems. */
function yamlsOwn(text: string): unknown {
  return parseDocument(text, OPTIONS).toJS({ maxAliasCount: 100 });
}

function expectSameData(text: string): void {
  const parsed = parseYaml('essai.yaml', text);
  if (parsed.diagnostics.length > 0) return;
  // Node's deep equality, since vitest's reads a key named `constructor` as the type; and key order, which neither compares.
  expect(isDeepStrictEqual(parsed.value, yamlsOwn(text))).toBe(true);
  expect(JSON.stringify(parsed.value)).toBe(JSON.stringify(yamlsOwn(text)));
}

const key = fc.oneof(
  fc.constantFrom('date', 'lieu', 'toString', 'constructor', 'hasOwnProperty', '1', '0x10', 'true', 'null', 'no', '9:30', 'é à'),
  fc.string({ minLength: 1, maxLength: 6 }),
);
const data = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('parseYaml builds the data yaml would', () => {
  it('for random data written in every style', () => {
    fc.assert(
      fc.property(data, fc.constantFrom<'block' | 'flow'>('block', 'flow'), fc.boolean(), (value, style, anchors) => {
        // The same object twice gives yaml anchors and aliases: yaml's own conversion handles those.
        const shared = anchors && typeof value === 'object' && value !== null ? { a: value, b: value } : value;
        const text = stringify(shared, { collectionStyle: style, aliasDuplicateObjects: anchors });
        expectSameData(text);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it.each([
    ['an empty value', 'lieu:\ndate: 2023-06-20\n'],
    ['a flow map with a key alone', '{ a, b: 1 }\n'],
    ['a flow sequence holding a pair', '[ a: 1, b ]\n'],
    ['explicit tags', '!!map { a: !!seq [ 1, !!str 2 ] }\n'],
    ['a custom tag', 'a: !perso 3\nb: !perso { c: 1 }\n'],
    ['anchors and aliases', 'a: &x { b: 1 }\nc: *x\nd: [ &y 2, *y ]\n'],
    ['keys of every scalar kind', '1: a\n0x10: b\ntrue: c\n1.5: d\n"q": e\n'],
    ['inherited property names', 'toString: 1\nconstructor: 2\nvalueOf: [3]\n'],
    ['block scalars', 'a: |\n  ligne 1\n  ligne 2\nb: >-\n  plié\n  ici\n'],
    ['a scalar document', 'texte seul\n'],
    ['a sequence document', '- 1\n- deux\n- { trois: 3 }\n'],
  ])('for %s', (_, text) => {
    expectSameData(text);
  });

  it('still reports complex keys, reserved keys and unknown aliases, in the order of the text', () => {
    const parsed = parseYaml('essai.yaml', 'a:\n  [x]: 1\n__proto__: 2\nb: *nulle\n');
    expect(parsed.diagnostics.map((problem) => [problem.code, problem.location?.line])).toEqual([
      ['cle-complexe', 2],
      ['cle-inconnue', 3],
      ['yaml-alias', 4],
    ]);
  });
});
