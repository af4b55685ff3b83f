// How close `gtm import` comes to the hand transcriptions of the three seeds (meetings/):
// field by field, printed as a table (recorded in BENCHMARKS.md). The fields that agree must
// keep agreeing; the few that differ are listed with the reason (a correction the transcriber
// made that the source does not carry), so that a change either way shows here.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importDocument, recordText } from '../../src/import/index.js';
import type { Config } from '../../src/core/schema/config.js';
import { PROJECT_ROOT } from '../helpers/fixture-repo.js';
import { words } from '../helpers/import-words.js';

const SEEDS = path.join(PROJECT_ROOT, 'test/fixtures/seeds');
const PAIRS: Array<[string, string]> = [
  ['000', '2021-01-28-national.yaml'],
  ['001', '2023-06-20-national.yaml'],
  ['002', '2021-09-21-national.yaml'],
];

/** Fields where the transcriber corrected the source; everything else must be equal. */
const KNOWN_DIFFERENCES: Record<string, string> = {
  // « Salle de réunion DGECM-R »: the import corrects the acronym, not the missing « de la ».
  '001 lieu': 'transcription « Salle de réunion de la DGECEM-R »',
  // Agenda « Présentation de missions », body « de la mission »: the transcriber wrote « des missions ».
  '002 titre 2': 'transcription « des missions »',
};

type Meeting = Record<string, any>;
const config = parse(readFileSync(path.join(PROJECT_ROOT, 'gtm.yaml'), 'utf8')) as Config;

async function imported(prefix: string): Promise<Meeting> {
  const name = readdirSync(SEEDS).find((file) => file.startsWith(prefix))!;
  const draft = await importDocument({ name, bytes: readFileSync(path.join(SEEDS, name)) }, { config, usedActionIds: new Set() });
  return parse(recordText(draft, config, { addToDirectory: false, sourceName: name }));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const responsibles = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

interface Row {
  seed: string;
  field: string;
  equal: boolean;
  detail: string;
}

function compare(seed: string, hand: Meeting, mine: Meeting): Row[] {
  const rows: Row[] = [];
  const row = (field: string, expected: unknown, actual: unknown) =>
    rows.push({ seed, field, equal: same(expected, actual), detail: same(expected, actual) ? '' : `attendu ${JSON.stringify(expected)}, importé ${JSON.stringify(actual)}` });
  for (const field of ['date', 'heure_debut', 'heure_fin', 'lieu', 'modalite', 'outil']) row(field, hand[field], mine[field]);
  row('presence', hand.presence, mine.presence);
  row('nombre de points', hand.ordre_du_jour.length, mine.ordre_du_jour.length);
  hand.ordre_du_jour.forEach((item: Meeting, index: number) => {
    const other = mine.ordre_du_jour[index] ?? {};
    row(`titre ${index + 1}`, item.titre, other.titre);
    row(`présentateur ${index + 1}`, item.presentateur ?? item.intervenant, other.presentateur ?? other.intervenant);
    (item.actions ?? []).forEach((action: Meeting, number: number) => {
      const found = other.actions?.[number] ?? {};
      row(`action ${action.id} : id`, action.id, found.id);
      row(`action ${action.id} : texte`, action.action, found.action);
      row(`action ${action.id} : responsables`, responsibles(action.responsables), responsibles(found.responsables));
      row(`action ${action.id} : échéance`, action.echeance, found.echeance);
    });
    row(`actions du point ${index + 1}`, (item.actions ?? []).length, (other.actions ?? []).length);
  });
  row('prochaine_reunion', hand.prochaine_reunion, mine.prochaine_reunion);
  row('signature', hand.signature, mine.signature);
  return rows;
}

/** Share of the transcription's discussion words found in the import's discussion of the same item. */
function discussionWords(hand: Meeting, mine: Meeting): { found: number; total: number; missing: string[] } {
  let found = 0;
  let total = 0;
  const missing: string[] = [];
  hand.ordre_du_jour.forEach((item: Meeting, index: number) => {
    const expected = words(item.discussion ?? '');
    const actual = words(mine.ordre_du_jour[index]?.discussion ?? '');
    for (const word of expected) {
      total++;
      if (actual.has(word)) found++;
      else missing.push(word);
    }
  });
  return { found, total, missing };
}

describe('agreement of gtm import with the hand transcriptions', () => {
  it('matches every structured field but the listed corrections, and finds the discussion words', async () => {
    const table: string[] = ['| seed | champs égaux | champs différents | mots de discussion présents |', '| --- | --- | --- | --- |'];
    const differences: string[] = [];
    for (const [seed, file] of PAIRS) {
      const hand = parse(readFileSync(path.join(PROJECT_ROOT, 'meetings', file), 'utf8')) as Meeting;
      const mine = await imported(seed);
      const rows = compare(seed, hand, mine);
      const unequal = rows.filter((row) => !row.equal);
      const prose = discussionWords(hand, mine);
      table.push(
        `| ${seed} → ${file} | ${rows.length - unequal.length} / ${rows.length} | ${unequal.map((row) => row.field).join(', ') || '—'} | ${prose.found} / ${prose.total} (${((100 * prose.found) / prose.total).toFixed(1)} %) |`,
      );
      for (const row of unequal) differences.push(`${seed} ${row.field}: ${row.detail}`);
      differences.push(`${seed} mots absents : ${prose.missing.join(' ')}`);
      expect(unequal.map((row) => `${seed} ${row.field}`).sort()).toEqual(Object.keys(KNOWN_DIFFERENCES).filter((key) => key.startsWith(seed)).sort());
      // Typos the transcriber corrected (« présentielle » → « présentiel ») are the missing words: a few per cent at most.
      expect(prose.found / prose.total).toBeGreaterThan(0.95);
    }
    console.log(`${table.join('\n')}\n\n${differences.join('\n')}`);
  });
});
