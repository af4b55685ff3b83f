// Property: reading a meeting through js-yaml first (fast-yaml.ts) changes nothing a user sees.
// For any text (real meetings after clumsy edits, values replaced by every kind of plain
// scalar, hand-written YAML corner cases), checkMeetingText gives exactly what yaml's located
// path alone gives: the same data, or the same diagnostics.
// Seed fixed for CI (GTM_SEED=<n> explores other cases, GTM_RUNS=<n> runs more of them).
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readYamlData } from '../../src/core/fast-yaml.js';
import { meetingSchema } from '../../src/core/schema/meeting.js';
import { readValidConfig } from '../../src/core/quick-checks.js';
import { checkMeetingText } from '../../src/core/meeting-check.js';
import { checkConfigSource, checkMeetingSource, type CheckedText } from '../../src/core/shape-checks.js';
import { applyEdit, editArbitrary } from '../helpers/edits.js';
import { BUNDLED_CONFIG, bundledMeetings } from '../helpers/fixture-repo.js';

const SEED = Number(process.env.GTM_SEED ?? 20_230_620);
const RUNS = Number(process.env.GTM_RUNS ?? 1);
/** The suite's 30 s per test, scaled with the runs asked for. */
const TIMEOUT = 30_000 * Math.max(1, RUNS);
const MEETINGS = Object.values(bundledMeetings());
const FILE = 'meetings/2023-06-20-national.yaml';

async function expectSameCheck(text: string): Promise<void> {
  const fast = await checkMeetingText(FILE, text);
  const located = checkMeetingSource(FILE, text);
  // Node's deep equality: key order aside, it tells a key named `constructor` from a type.
  if (!isDeepStrictEqual(fast, located)) expect(fast, explain(text, fast, located)).toEqual(located);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(located));
}

/** The lines around the first problem either reading reports. */
function explain(text: string, ...checks: CheckedText[]): string {
  const problems = checks.flatMap((check) => check.diagnostics);
  const line = problems[0]?.location?.line ?? 1;
  const lines = text.split('\n').slice(Math.max(0, line - 3), line + 2);
  return `${JSON.stringify(problems.map((problem) => problem.message))}\n${JSON.stringify(lines.join('\n'))}`;
}

/** Plain scalars near every rule of the core schema: numbers in all bases, null, booleans, times. */
const plainScalar = fc
  .array(fc.constantFrom(...'0123456789+-._eExobBaAfFnNulLsStTrRiIy~: '.split('')), { minLength: 1, maxLength: 7 })
  .map((characters) => characters.join('').trim())
  .filter((scalar) => scalar.length > 0);

/** Puts `scalar` as the value of the `index`-th « key: value » line of the text. */
function replaceValue(text: string, index: number, scalar: string): string {
  const lines = text.split('\n');
  const candidates = lines.flatMap((line, at) => (/^\s*(- )?[a-z_]+: \S/.test(line) ? [at] : []));
  const at = candidates[Math.floor(index * candidates.length)]!;
  lines[at] = lines[at]!.replace(/: .*$/, `: ${scalar}`);
  return lines.join('\n');
}

/** Text with what YAML escapes, folds or treats specially: line breaks of every kind, tabs, quotes, controls. */
const text = fc.string({
  unit: fc.constantFrom(...[' ', '  ', '\n', '\n\n', '\t', '"', "'", '\\', ': ', ' #', '- ', 'a', 'é', 'Niamey', '\u00a0', '\u2028', '\u0085', '\r', '\x07', '\ufeff', '{', '[', '*', '&', '!', '|', '>', '%', '@', '`', '~', '1']),
  maxLength: 30,
});
const style = fc.record({
  lineWidth: fc.constantFrom(0, 12, 80),
  minContentWidth: fc.constantFrom(0, 20),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
  defaultKeyType: fc.constantFrom(null, 'PLAIN'),
  doubleQuotedAsJSON: fc.boolean(),
  indent: fc.constantFrom(2, 4),
  indentSeq: fc.boolean(),
  collectionStyle: fc.constantFrom('any', 'block', 'flow'),
} as const);

const ratio = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** A configuration read fast must be exactly the one yaml's path finds valid, without a word to say. */
function expectSameConfig(text: string): void {
  const quick = readValidConfig(text);
  if (quick === undefined) return;
  const located = checkConfigSource('gtm.yaml', text);
  expect(located.diagnostics, JSON.stringify(text)).toEqual([]);
  expect(isDeepStrictEqual(quick, located.config), JSON.stringify(text)).toBe(true);
}

describe('the fast reading of gtm.yaml gives what the located one does', () => {
  it('reads the bundled gtm.yaml itself', () => {
    expect(readValidConfig(BUNDLED_CONFIG)).toBeDefined();
  });

  it('after random edits', () => {
    fc.assert(
      fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 3 }), (edits) => expectSameConfig(edits.reduce(applyEdit, BUNDLED_CONFIG))),
      { seed: SEED, numRuns: 300 * RUNS },
    );
  }, TIMEOUT);

  it.each([
    ['an organisation with a null key', '~'],
    ['an organisation with no key', '""'],
    ['an organisation named __proto__', '__proto__'],
    ['an organisation named 1.0', '1.0'],
  ])('with %s', (_, key) => {
    const text = BUNDLED_CONFIG.replace(/^organisations:\n/m, `organisations:\n  ${key}:\n    nom: Organisation\n`);
    expect(text).not.toBe(BUNDLED_CONFIG);
    expectSameConfig(text);
  });

  it('refuses a default group that is not a group', () => {
    expect(readValidConfig(BUNDLED_CONFIG.replace(/^groupe_par_defaut:.*$/m, 'groupe_par_defaut: nulle-part'))).toBeUndefined();
  });
});

describe('the fast reading of a meeting gives what the located one does', () => {
  it('reads every bundled meeting itself (otherwise it saves nothing), « ! » and « % » in text and comments too', () => {
    for (const text of MEETINGS) expect(meetingSchema.safeParse(readYamlData(text)).success).toBe(true);
    const exclaimed = MEETINGS[0]!.replace(/^statut:/m, '# Attention ! 100 % prêt\nstatut:').replace(/^lieu: .*$/m, 'lieu: Niamey ! 50 %');
    expect(meetingSchema.safeParse(readYamlData(exclaimed)).success).toBe(true);
  });

  it('after random edits of the bundled meetings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...MEETINGS), fc.array(editArbitrary, { minLength: 1, maxLength: 3 }), (meeting, edits) =>
        expectSameCheck(edits.reduce(applyEdit, meeting)),
      ),
      { seed: SEED, numRuns: 600 * RUNS },
    );
  }, TIMEOUT);

  it('with any plain scalar as a value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...MEETINGS), ratio, plainScalar, (meeting, index, scalar) => expectSameCheck(replaceValue(meeting, index, scalar))),
      { seed: SEED, numRuns: 400 * RUNS },
    );
  }, TIMEOUT);

  it('for records of any text, written in every style yaml has', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(text, { minLength: 1, maxLength: 3 }), style, (lieu, titres, options) => {
        const record = { statut: 'brouillon', date: '2023-06-20', lieu, ordre_du_jour: titres.map((titre) => ({ titre, discussion: titre })) };
        return expectSameCheck(stringify(record, options));
      }),
      { seed: SEED, numRuns: 400 * RUNS },
    );
  }, TIMEOUT);

  const start = 'statut: brouillon\ndate: 2023-06-20\n';
  it.each([
    ['a quoted value continued below its key', `${start}lieu: "Niamey,\nsalle 2"\n`],
    ['a quoted value continued and indented', `${start}lieu: "Niamey,\n  salle 2"\n`],
    ['a comment stuck to a quote', `${start}lieu: "Niamey"#salle 2\n`],
    ['a list in brackets closed below its key', `${start}presence: [OIM,\n]\n`],
    ['a list in brackets over several lines', `${start}presence: [OIM,\n  UNHCR]\n`],
    ['an anchor and its alias', `${start}presence: [&a OIM, *a]\n`],
    ['an anchor alone', `${start}lieu: &a Niamey\n`],
    ['an alias with no anchor', `${start}lieu: *a\n`],
    ['a tag', `${start}lieu: !!str 12\n`],
    ['the non-specific tag', `${start}lieu: ! Niamey\n`],
    ['a local tag on a list', `${start}presence: !liste [OIM]\n`],
    ['a directive', `%YAML 1.2\n---\n${start}`],
    ['a key given twice', `${start}lieu: Niamey\nlieu: Agadez\n`],
    ['__proto__ as a key', `${start}__proto__: { lieu: Niamey }\n`],
    ['a key in brackets', `${start}[lieu]: Niamey\n`],
    ['an explicit key', `${start}? lieu\n: Niamey\n`],
    ['a key with no name', `${start}: Niamey\n`],
    ['a key alone on a line', `${start}lieu\n`],
    ['two documents', `${start}---\n${start}`],
    ['a document end marker', `${start}...\n`],
    ['a byte order mark', `\ufeff${start}`],
    ['Windows line ends', start.replaceAll('\n', '\r\n')],
    ['a tab before a value', `${start}lieu:\tNiamey\n`],
    ['a tab as indentation', `${start}presence:\n\t- OIM\n`],
    ['a line separator in a value', `${start}lieu: Niamey\u2028Agadez\n`],
    ['a next-line character in a value', `${start}lieu: Niamey\u0085Agadez\n`],
    ['a literal block', `${start}lieu: |\n  Niamey\n   salle 2\n\n`],
    ['a folded block kept', `${start}lieu: >+\n  Niamey\n\n  salle 2\n\n`],
    ['a block with an indentation indicator', `${start}lieu: |2-\n   Niamey\n`],
    ['a block less indented than its first line', `${start}lieu: |\n    Niamey\n  salle\n`],
    ['an empty file', ''],
    ['comments only', '# rien\n'],
    ['a list instead of a record', '- statut: brouillon\n'],
    ['nesting too deep', `${start}lieu: ${'['.repeat(120)}${']'.repeat(120)}\n`],
    ['a number where text is expected', `${start}lieu: 12\n`],
    ['a long key', `${start}${'a'.repeat(1100)}: 1\n`],
  ])('with %s', async (_, text) => {
    await expectSameCheck(text);
  });
});
