// A Word file made by another producer than the docx package: LibreOffice converts an HTML
// rendering of seed 001 (test/fixtures/import/seed-001.html: real tables with colspan and
// rowspan, a numbered agenda, a bookmark, a page header repeating the title) to .docx, headless,
// with a private profile. The import must agree with the hand transcription of that meeting.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureRepo, PROJECT_ROOT, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runBin } from '../helpers/run-cli.js';

let work: string;
let docx: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'gtm-import-lo-'));
  copyFileSync(path.join(PROJECT_ROOT, 'test/fixtures/import/seed-001.html'), path.join(work, 'seed-001.html'));
  const converted = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, path.join(work, 'seed-001.html')],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (converted.status !== 0) throw new Error(`soffice: ${converted.stderr}`);
  docx = path.join(work, 'seed-001.docx');
}, 150_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

let repo: FixtureRepo | undefined;
afterAll(async () => repo?.cleanup());

describe('gtm import of a .docx written by LibreOffice', () => {
  it('agrees with the hand transcription of seed 001 and validates', async () => {
    repo = await createFixtureRepo();
    copyFileSync(docx, repo.path('cr.docx'));
    const result = await runBin(['import', 'cr.docx'], { cwd: repo.root });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const mine = parse(await repo.read('meetings/2023-06-20-national.yaml'));
    const hand = parse(readFileSync(path.join(PROJECT_ROOT, 'meetings/2023-06-20-national.yaml'), 'utf8'));
    for (const field of ['date', 'heure_debut', 'heure_fin', 'presence', 'prochaine_reunion']) expect(mine[field], field).toEqual(hand[field]);
    expect(mine.ordre_du_jour.map((item: { titre: string }) => item.titre)).toEqual(hand.ordre_du_jour.map((item: { titre: string }) => item.titre));
    expect(mine.ordre_du_jour.map((item: { presentateur?: string }) => item.presentateur)).toEqual(hand.ordre_du_jour.map((item: { presentateur?: string }) => item.presentateur));
    expect(mine.ordre_du_jour.flatMap((item: { actions?: unknown[] }) => item.actions ?? [])).toEqual([]);
    expect(mine.ordre_du_jour[1].discussion).toContain('- le cycle de mise à jour de la cartographie ;'.replace('le cycle', 'Le cycle'));
    expect(mine.ordre_du_jour[1].discussion).toContain('<https://www.google.com/maps/d/edit?mid=1tTfFB9Tb_rpvjRYMq_R3TX6NZPce8Cs&usp=sharing>');
    const text = await repo.read('meetings/2023-06-20-national.yaml');
    expect(text).not.toContain('_Hlk138000001');
    expect(text.match(/Coordination et partage/g)).toHaveLength(1);
    expect((await runBin(['validate'], { cwd: repo.root })).exitCode).toBe(0);
  });
});
