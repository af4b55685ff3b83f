// `gtm import` as a rapporteur runs it: the built bin on the GTM's real compte-rendus (text
// extracted from Word, test/fixtures/seeds), in a fixture repository; every record it writes
// is checked by `gtm validate`, and holds every word of its source.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureRepo, PROJECT_ROOT, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runBin } from '../helpers/run-cli.js';
import { lostWords, sourceWords } from '../helpers/import-words.js';

const SEEDS = path.join(PROJECT_ROOT, 'test/fixtures/seeds');
const seed = (prefix: string) => path.join(SEEDS, readdirSync(SEEDS).find((name) => name.startsWith(prefix))!);
const SEED_TARGETS: Record<string, string> = { '000': '2021-01-28-national.yaml', '001': '2023-06-20-national.yaml', '002': '2021-09-21-national.yaml' };

let repo: FixtureRepo | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
});

const meetingsOf = (fixture: FixtureRepo) => readdirSync(fixture.path('meetings')).sort();

describe('gtm import of text compte-rendus', () => {
  it('imports the three seeds into records that gtm validate accepts, reporting each guess with its line', async () => {
    repo = await createFixtureRepo();
    const result = await runBin(['import', seed('000'), seed('001'), seed('002')], { cwd: repo.root });
    expect(result.stderr).toContain('3 documents importés sur 3');
    expect(result.exitCode).toBe(0);
    expect(meetingsOf(repo)).toEqual(Object.values(SEED_TARGETS).sort());
    expect(result.stdout).toContain('meetings/2021-01-28-national.yaml ← ');
    expect(result.stdout).toMatch(/à vérifier \(ligne 14\) : présence : « Ministère de l’Intérieur \(MI\) » rapproché de MI\/D/);
    expect(result.stdout).toMatch(/à vérifier \(ligne 8\) : présence : « ANLPT\/TIM » rapproché de ANLTP\/TIM/);
    const validate = await runBin(['validate'], { cwd: repo.root });
    expect(validate.stdout).toContain('3 fichiers de réunion vérifiés : aucun problème');
    expect(validate.exitCode).toBe(0);
    const record = await repo.read('meetings/2021-01-28-national.yaml');
    expect(record).toMatch(/^statut: valide$/m);
    expect(record).toContain('# à vérifier : lu « Ministère de l’Intérieur (MI) » (ligne 14), rapproché de MI/D');
  });

  it('loses no word of any seed: each is in the record as data or as a comment', async () => {
    repo = await createFixtureRepo();
    for (const [prefix, target] of Object.entries(SEED_TARGETS)) {
      const result = await runBin(['import', seed(prefix), '--dry-run'], { cwd: repo.root });
      expect(result.exitCode).toBe(0);
      expect(lostWords(sourceWords(readFileSync(seed(prefix), 'utf8')), result.stdout), target).toEqual([]);
    }
    expect(meetingsOf(repo)).toEqual([]);
  });

  it('never writes over an existing meeting file: says so, writes nothing for that document, exit 1', async () => {
    const existing = '# le fichier du rapporteur\nstatut: brouillon\ndate: 2023-06-20\npresence: [OIM]\nordre_du_jour:\n  - titre: Ouverture\n';
    repo = await createFixtureRepo({ meetings: { '2023-06-20-national.yaml': existing } });
    const result = await runBin(['import', seed('001'), seed('000')], { cwd: repo.root });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('meetings/2023-06-20-national.yaml existe déjà : rien n’est écrit pour ce document');
    expect(await repo.read('meetings/2023-06-20-national.yaml')).toBe(existing);
    // The other document is imported all the same.
    expect(meetingsOf(repo)).toEqual(['2021-01-28-national.yaml', '2023-06-20-national.yaml']);
  });

  it('refuses to import while a meeting file of the repository cannot be read (its action ids are unknown)', async () => {
    repo = await createFixtureRepo({ meetings: { '2022-01-10-national.yaml': 'statut: valide\ndate: [\n' } });
    const result = await runBin(['import', seed('000')], { cwd: repo.root });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('meetings/2022-01-10-national.yaml:');
    expect(meetingsOf(repo)).toEqual(['2022-01-10-national.yaml']);
  });

  it('--dry-run prints the record and the report, and writes nothing', async () => {
    repo = await createFixtureRepo();
    const result = await runBin(['import', '--dry-run', seed('001')], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^date: 2023-06-20$/m);
    expect(result.stdout).toContain('  heure: "9:30"\n  lieu: dans la salle habituelle');
    expect(result.stderr).toContain('meetings/2023-06-20-national.yaml (essai, rien n’est écrit) ←');
    expect(meetingsOf(repo)).toEqual([]);
  });

  it('refuses a text that is not a compte-rendu (the SP/CCM bulletin) with a French message, exit 1, nothing written', async () => {
    repo = await createFixtureRepo();
    const result = await runBin(['import', seed('004')], { cwd: repo.root });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('ce document ne ressemble pas à un compte-rendu du GTM');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(meetingsOf(repo)).toEqual([]);
  });

  it('reads UTF-8 with a byte-order mark and Windows-1252 (noted) into the same record', async () => {
    repo = await createFixtureRepo();
    const text = readFileSync(seed('000'), 'utf8');
    // Windows-1252 has no « – », « ’ », « œ »: Word writes them as its own code points 0x96, 0x92, 0x9C.
    writeFileSync(repo.path('bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    writeFileSync(repo.path('cp1252.txt'), encodeWindows1252(text));
    const utf8 = await runBin(['import', '--dry-run', seed('000')], { cwd: repo.root });
    const bom = await runBin(['import', '--dry-run', 'bom.txt'], { cwd: repo.root });
    const cp1252 = await runBin(['import', '--dry-run', 'cp1252.txt'], { cwd: repo.root });
    const body = (record: string) => record.split('\n').filter((line) => !line.startsWith('#')).join('\n');
    expect(body(bom.stdout)).toBe(body(utf8.stdout));
    expect(body(cp1252.stdout)).toBe(body(utf8.stdout));
    expect(cp1252.stdout).toContain('# fichier encodé en Windows-1252 (pas en UTF-8) : converti ; vérifiez les lettres accentuées');
    expect(cp1252.stderr).toContain('noté : fichier encodé en Windows-1252');
  });

  it('takes a regional group from the title, numbers actions in its scheme, and --groupe overrides it', async () => {
    repo = await createFixtureRepo();
    const text = readFileSync(seed('000'), 'utf8').replace('Groupe de Travail sur la Migration', 'Groupe Technique sur la Migration (GTM) ZINDER');
    writeFileSync(repo.path('zinder.txt'), text);
    const result = await runBin(['import', 'zinder.txt'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('groupe « zinder » reconnu dans le titre');
    const record = await repo.read('meetings/2021-01-28-zinder.yaml');
    expect(record).toMatch(/^groupe: zinder$/m);
    expect(record).toContain('- id: ZIN-2101-1');
    expect(record).toContain('- id: ZIN-2101-2');
    const forced = await runBin(['import', '--dry-run', '--groupe', 'agadez', 'zinder.txt'], { cwd: repo.root });
    expect(forced.stdout).toContain('- id: AGZ-2101-1');
    const unknown = await runBin(['import', '--groupe', 'maradi', 'zinder.txt'], { cwd: repo.root });
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('groupe inconnu « maradi »');
    expect((await runBin(['validate'], { cwd: repo.root })).exitCode).toBe(0);
  });

  it('numbers actions after the ids already taken that month', async () => {
    repo = await createFixtureRepo({
      meetings: {
        '2021-01-05-national.yaml': {
          statut: 'valide', date: '2021-01-05', presence: ['OIM'],
          ordre_du_jour: [{ titre: 'Point', actions: [{ id: 'NIA-2101-1', action: 'Faire', responsables: 'OIM' }] }],
        },
      },
    });
    const result = await runBin(['import', seed('000')], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('identifiants d’action numérotés à partir de NIA-2101-2');
    const record = await repo.read('meetings/2021-01-28-national.yaml');
    expect(record).toContain('- id: NIA-2101-2');
    expect(record).toContain('- id: NIA-2101-3');
    expect((await runBin(['validate'], { cwd: repo.root })).exitCode).toBe(0);
  });
});

describe('gtm import and organisations the directory does not know', () => {
  const withUnknown = (text: string) => text.replace('· UNICEF', '· UNICEF\n· ONG Tafiya Niger (TAFIYA)').replace('SP/CCM, DRC/MMC', 'SP/CCM et TAFIYA');

  it('without --ajouter-annuaire: lists them with a proposed entry, keeps them in comments, the record validates', async () => {
    repo = await createFixtureRepo();
    writeFileSync(repo.path('cr.txt'), withUnknown(readFileSync(seed('000'), 'utf8')));
    const before = await repo.read('gtm.yaml');
    const result = await runBin(['import', 'cr.txt'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('non repris (ligne 24) : présence : « ONG Tafiya Niger (TAFIYA) » absent de l’annuaire ; proposé : TAFIYA (« ONG Tafiya Niger », type ong)');
    const record = await repo.read('meetings/2021-01-28-national.yaml');
    expect(record).toContain('# non repris : « ONG Tafiya Niger (TAFIYA) », absent de l’annuaire de gtm.yaml');
    expect(record).toContain('responsables: SP/CCM');
    expect(await repo.read('gtm.yaml')).toBe(before);
    expect((await runBin(['validate'], { cwd: repo.root })).exitCode).toBe(0);
  });

  it('with --ajouter-annuaire: appends them to gtm.yaml, every other byte kept, and uses them in the record', async () => {
    repo = await createFixtureRepo();
    writeFileSync(repo.path('cr.txt'), withUnknown(readFileSync(seed('000'), 'utf8')));
    const before = await repo.read('gtm.yaml');
    const result = await runBin(['import', '--ajouter-annuaire', 'cr.txt'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('gtm.yaml : 1 organisation ajoutée à l’annuaire (TAFIYA)');
    const after = await repo.read('gtm.yaml');
    const block = '\n  # Ajoutées par « gtm import » (cr.txt) : vérifiez le nom complet et le type.\n  TAFIYA:\n    nom: ONG Tafiya Niger\n    type: ong\n';
    // Inserted once, right after the directory's last entry; every other byte as it was.
    expect(after.split(block)).toHaveLength(2);
    expect(after.replace(block, '')).toBe(before);
    expect(after).toContain(`    nom: Réseau Migration, Développement et Droits Humains\n    type: osc\n${block}`);
    const record = await repo.read('meetings/2021-01-28-national.yaml');
    expect(record).toMatch(/^ {2}- TAFIYA$/m);
    expect(record).toContain('responsables: [SP/CCM, TAFIYA]');
    expect((await runBin(['validate'], { cwd: repo.root })).exitCode).toBe(0);
  });
});

/** Text as Windows-1252 bytes (the characters of the seeds only). */
function encodeWindows1252(text: string): Buffer {
  const special: Record<string, number> = { '–': 0x96, '—': 0x97, '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, 'œ': 0x9c, '…': 0x85, '€': 0x80 };
  return Buffer.from([...text].map((char) => special[char] ?? (char.charCodeAt(0) < 256 ? char.charCodeAt(0) : 0x3f)));
}

void existsSync;
