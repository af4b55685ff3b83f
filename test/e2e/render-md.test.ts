// gtm render --format md, run as the built bin on fixture repositories.
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledMeetings, createFixtureRepo, minimalMeeting, PROJECT_ROOT, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runBin, runInProcess } from '../helpers/run-cli.js';

let fixture: FixtureRepo | undefined;
afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

async function bundledRepo(files: Record<string, string> = {}): Promise<FixtureRepo> {
  fixture = await createFixtureRepo({ meetings: bundledMeetings(), files });
  return fixture;
}

describe('gtm render --format md', () => {
  it('writes the latest meeting to rendus/<id>.md by default and says so in French', async () => {
    const repo = await bundledRepo();
    const result = await runBin(['render', '--format', 'md'], { cwd: repo.root });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toBe('écrit : rendus/2023-06-20-national.md\n');
    const written = await repo.read('rendus/2023-06-20-national.md');
    expect(written).toBe(readFileSync(`${PROJECT_ROOT}/test/golden/2023-06-20-national.md`, 'utf8'));
  });

  it('renders the discussions in full after validate and actions, which cache the meetings without them', async () => {
    const repo = await bundledRepo();
    expect((await runBin(['validate'], { cwd: repo.root })).exitCode).toBe(0);
    expect((await runBin(['actions'], { cwd: repo.root })).exitCode).toBe(0);
    const result = await runBin(['render', '2021-01-28-national', '--format', 'md', '-o', '-'], { cwd: repo.root });
    expect(result.stdout).toBe(readFileSync(`${PROJECT_ROOT}/test/golden/2021-01-28-national.md`, 'utf8'));
  });

  it('takes a meeting id or a file path, and writes to stdout with -o -', async () => {
    const repo = await bundledRepo();
    const byId = await runBin(['render', '2021-01-28-national', '--format', 'md', '-o', '-'], { cwd: repo.root });
    expect(byId.exitCode).toBe(0);
    expect(byId.stdout).toBe(readFileSync(`${PROJECT_ROOT}/test/golden/2021-01-28-national.md`, 'utf8'));
    // From inside meetings/, a path relative to where the command runs.
    const byPath = await runBin(['render', '2021-01-28-national.yaml', '--format', 'md', '-o', '-'], { cwd: repo.path('meetings') });
    expect(byPath.stdout).toBe(byId.stdout);
    expect(existsSync(repo.path('rendus'))).toBe(false);
  });

  it('renders every meeting into a folder with --all', async () => {
    const repo = await bundledRepo();
    const result = await runBin(['render', '--all', '--format', 'md', '-o', 'sortie'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      'écrit : sortie/2021-01-28-national.md',
      'écrit : sortie/2021-09-21-national.md',
      'écrit : sortie/2023-06-20-national.md',
    ]);
    expect(readdirSync(repo.path('sortie')).sort()).toEqual(['2021-01-28-national.md', '2021-09-21-national.md', '2023-06-20-national.md']);
  });

  it('never writes into meetings/ nor onto a meeting file', async () => {
    const repo = await bundledRepo();
    const before = await repo.read('meetings/2023-06-20-national.yaml');
    for (const output of ['meetings/2023-06-20-national.yaml', 'meetings/rendu.md', 'meetings']) {
      const result = await runBin(['render', '--format', 'md', '-o', output], { cwd: repo.root });
      expect(result.exitCode, output).toBe(2);
      expect(result.stderr).toContain('refus d’écrire');
    }
    const all = await runBin(['render', '--all', '--format', 'md', '-o', 'meetings'], { cwd: repo.root });
    expect(all.exitCode).toBe(2);
    expect(await repo.read('meetings/2023-06-20-national.yaml')).toBe(before);
    expect(readdirSync(repo.path('meetings')).sort()).toEqual(Object.keys(bundledMeetings()).sort());
  });

  it('never writes onto a meeting file through a symbolic link, either way', async () => {
    const repo = await bundledRepo({ 'archives/2024-01-10-national.yaml': stringify(minimalMeeting({ date: '2024-01-10' })) });
    // A meeting kept elsewhere and linked from meetings/, and a link to a meeting from outside.
    symlinkSync(repo.path('archives/2024-01-10-national.yaml'), repo.path('meetings/2024-01-10-national.yaml'));
    symlinkSync(repo.path('meetings/2023-06-20-national.yaml'), repo.path('lien.md'));
    const archived = await repo.read('archives/2024-01-10-national.yaml');
    for (const [output, meeting] of [['archives/2024-01-10-national.yaml', '2024-01-10-national'], ['lien.md', '2023-06-20-national']]) {
      const result = await runBin(['render', meeting!, '--format', 'md', '-o', output!], { cwd: repo.root });
      expect(result.exitCode, output).toBe(2);
      expect(result.stderr).toContain('refus d’écrire');
    }
    expect(await repo.read('archives/2024-01-10-national.yaml')).toBe(archived);
    // Beside it, under another name, is fine.
    const all = await runBin(['render', '--all', '--format', 'md', '-o', 'archives'], { cwd: repo.root });
    expect(all.exitCode, all.stderr).toBe(0);
    expect(await repo.read('archives/2024-01-10-national.yaml')).toBe(archived);
  });

  it('refuses a meeting with validation errors, located, in French', async () => {
    fixture = await createFixtureRepo({
      meetings: { '2023-06-20-national': minimalMeeting({ presence: ['SP/CCM', 'OIMM'] }) },
    });
    const result = await runBin(['render', '2023-06-20-national', '--format', 'md'], { cwd: fixture.root });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/meetings\/2023-06-20-national\.yaml:\d+:\d+ {2}erreur {2}organisation inconnue « OIMM », vouliez-vous dire OIM \?/);
    expect(result.stderr).toContain('le compte-rendu n’a pas été produit');
    expect(existsSync(fixture.path('rendus'))).toBe(false);
  });

  it('reports an unknown meeting with a suggestion', async () => {
    const repo = await bundledRepo();
    const result = await runInProcess(['render', '2023-06-02-national', '--format', 'md'], { cwd: repo.root });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('réunion introuvable « 2023-06-02-national », vouliez-vous dire 2023-06-20-national ?');
  });

  it('uses an override partial from the repository’s templates/', async () => {
    const repo = await bundledRepo({ 'templates/signature.md.hbs': '**Pour le GTM : {{texte signature.nom}}**\n' });
    const result = await runBin(['render', '--format', 'md', '-o', '-'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('**Pour le GTM\u00A0: SOLY AMADOU**');
    expect(result.stdout).not.toContain('gtm:signature');
  });

  it('reports a broken override with its file and line, and writes nothing', async () => {
    const repo = await bundledRepo({ 'templates/point.md.hbs': '## {{numero}}. {{texte titre}}\n\n{{#if discussion}}\n{{markdown discussion}\n{{/if}}\n' });
    const result = await runBin(['render', '--format', 'md'], { cwd: repo.root });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^templates\/point\.md\.hbs:4:\d+ {2}erreur {2}modèle mal formé : /m);
    expect(result.stderr).not.toMatch(/at .*\.js/);
    expect(existsSync(repo.path('rendus'))).toBe(false);
  });

  it('shows the errors of the only meeting rather than saying there is none', async () => {
    fixture = await createFixtureRepo({ meetings: { '2023-06-20-national': 'statut: diffuse\ndate: 2023-06-20\n\tpresence: [OIM]\n' } });
    const result = await runBin(['render', '--format', 'md'], { cwd: fixture.root });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^meetings\/2023-06-20-national\.yaml:3:1 {2}erreur {2}erreur de syntaxe YAML : /);
    expect(result.stderr).not.toContain('aucune réunion');
  });
});
