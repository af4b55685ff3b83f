// `gtm actions` end to end on a repository with follow-ups across several meetings and
// groups: every format (parsed back where a format has a parser), filters, --au, colours,
// and the parse cache, which must never serve a stale result.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureRepo, minimalMeeting, PROJECT_ROOT, type FixtureRepo } from '../helpers/fixture-repo.js';
import { BIN, runBin, runInProcess } from '../helpers/run-cli.js';

const LONG = 'Élaborer et partager la note conceptuelle de l’atelier régional sur la migration de travail, avec les termes de référence';

const meetings = {
  '2023-06-20-national': minimalMeeting({
    date: '2023-06-20',
    ordre_du_jour: [
      {
        titre: 'Cartographie',
        presentateur: 'OIM',
        actions: [
          { id: 'NIA-2306-1', action: 'Partager la cartographie des mobilités', responsables: 'OIM', echeance: '2023-07-31' },
          { id: 'NIA-2306-2', action: LONG, responsables: ['SP/CCM', 'UNHCR'], echeance: '2023-08' },
          { id: 'NIA-2306-3', action: 'Désigner un point focal', responsables: '?', echeance: 'prochaine réunion' },
          { id: 'NIA-2306-4', action: 'Diffuser le rapport | version « courte » ; "finale"', responsables: 'tous', echeance: 'Au cours de l’atelier' },
        ],
      },
    ],
    prochaine_reunion: { date: '2023-07-20' },
  }),
  '2023-06-22-zinder': minimalMeeting({
    groupe: 'zinder',
    date: '2023-06-22',
    ordre_du_jour: [{ titre: 'Retours', actions: [{ id: 'ZIN-2306-1', action: 'Recenser les retours', responsables: 'DRC/MMC', echeance: '2023-07-10' }] }],
  }),
  '2023-07-20-national': minimalMeeting({
    date: '2023-07-20',
    ordre_du_jour: [{ titre: 'Suivi', actions: [{ id: 'NIA-2307-1', action: 'Publier le bilan annuel', responsables: 'OIM', echeance: 2023 }] }],
    suivi_actions: [
      { action: 'NIA-2306-1', statut: 'en_cours', commentaire: 'Données reçues, rapport en cours' },
      { action: 'NIA-2306-2', statut: 'reporte', nouvelle_echeance: '2023-10-15' },
    ],
  }),
  '2023-07-27-zinder': minimalMeeting({
    groupe: 'zinder',
    date: '2023-07-27',
    suivi_actions: [{ action: 'ZIN-2306-1', statut: 'realise', commentaire: 'Liste transmise' }],
  }),
};

let repo: FixtureRepo;
beforeAll(async () => {
  repo = await createFixtureRepo({ meetings });
});
afterAll(() => repo.cleanup());

const actions = (args: string[], env: Record<string, string | undefined> = {}) => runInProcess(['actions', ...args], { cwd: repo.root, env });
const json = async (args: string[]) => {
  const result = await actions([...args, '--format', 'json']);
  expect(result.exitCode).toBe(0);
  return JSON.parse(result.stdout) as { au: string; actions: Array<Record<string, unknown> & { id: string }> };
};
const ids = async (args: string[]) => (await json(args)).actions.map((action) => action.id);
// eslint-disable-next-line no-control-regex
const ESCAPE = /\u001b\[/;

describe('gtm actions --format table', () => {
  it('groups by responsible, with the deadline, origin, last follow-up and a summary, plain when not a terminal', async () => {
    const result = await actions(['--au', '2023-08-05']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const out = result.stdout;
    expect(out).not.toMatch(ESCAPE);
    expect(out.startsWith('Points d’action au 5 août 2023\n')).toBe(true);
    const headings = (await actions(['--au', '2023-08-05'], { COLUMNS: '400' })).stdout.split('\n').filter((line) => /^\S.*\(\d+\)$/.test(line));
    expect(headings).toEqual([
      'DRC/MMC – Conseil Danois pour les Réfugiés (DRC) – Mixed Migration Centre (MMC) (1)',
      'OIM – Organisation Internationale pour les Migrations (2)',
      'SP/CCM – Secrétariat Permanent du Cadre de Concertation sur la Migration (1)',
      'UNHCR – Haut-Commissariat des Nations Unies pour les Réfugiés (1)',
      'Tous les acteurs (1)',
      'À désigner (1)',
    ]);
    expect(out.trimEnd().split('\n').at(-1)).toBe('6 actions : 5 ouvertes, 2 en retard');
    for (const line of out.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    // On a wide terminal, no cell wraps.
    const wide = (await actions(['--au', '2023-08-05'], { COLUMNS: '400' })).stdout;
    expect(wide).toMatch(/ {2}NIA-2306-1 {2}Partager la cartographie des mobilités +31 juillet 2023 +2023-06-20-national {2}En cours, 20 juillet 2023 : Données reçues, rapport en cours\n/);
    expect(wide).toContain('prochaine réunion (20 juillet 2023)');
    expect(wide).toContain('15 octobre 2023 (reportée)');
    expect(wide).toContain('Ouvert (aucun suivi)');
  });

  it('wraps to COLUMNS', async () => {
    const narrow = await actions(['--au', '2023-08-05'], { COLUMNS: '100' });
    expect(narrow.stdout.split('\n').some((line) => [...line].length > 80)).toBe(true);
    for (const line of narrow.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
  });

  it('at 80 columns gives the action text the room, wrapping the origin after its hyphens', async () => {
    const out = (await actions(['--au', '2023-08-05'])).stdout;
    const lines = out.split('\n');
    const header = lines.find((line) => line.startsWith('  Action'))!;
    expect(header).toContain('Point d’action');
    const actionWidth = header.indexOf('Date limite') - header.indexOf('Point d’action') - 2;
    expect(actionWidth).toBeGreaterThanOrEqual(20);
    expect(header.indexOf('Dernier suivi') - header.indexOf('Origine') - 2).toBeLessThan(19);
    // The meeting id is whole, on two lines: « 2023-06-20- » then « national ».
    const row = lines.findIndex((line) => line.includes('NIA-2306-1'));
    expect(lines[row]).toMatch(/ 2023-06-20- /);
    expect(lines[row + 1]!.slice(header.indexOf('Origine'))).toMatch(/^national /);
    // The long action text takes at most six lines (it took ten with a 13-character column).
    const long = lines.findIndex((line) => line.includes('NIA-2306-2'));
    const start = header.indexOf('Point d’action');
    const block = lines.slice(long, lines.indexOf('', long));
    const actionLines = block.map((line) => line.slice(start, start + actionWidth).trim()).filter(Boolean);
    expect(actionLines.join(' ')).toBe(LONG);
    expect(actionLines.length).toBeLessThanOrEqual(6);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('colours late rows red and rows due within 14 days yellow with FORCE_COLOR, none with NO_COLOR or without a terminal', async () => {
    const coloured = await runBin(['actions', '--au', '2023-07-25'], { cwd: repo.root, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(coloured.exitCode).toBe(0);
    const lines = coloured.stdout.split('\n');
    // NIA-2306-3 fell due at the meeting of 20 July: late. NIA-2306-1 is due on 31 July: soon.
    expect(lines.find((line) => line.includes('NIA-2306-3'))).toMatch(/^\u001b\[31m/);
    expect(lines.find((line) => line.includes('NIA-2306-1'))).toMatch(/^\u001b\[33m/);
    const plain = await runBin(['actions', '--au', '2023-07-25'], { cwd: repo.root });
    expect(plain.stdout).not.toMatch(ESCAPE);
    expect(plain.stdout).toBe(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, ''));
  });

  it('says so in French when nothing matches', async () => {
    const result = await actions(['--groupe', 'agadez']);
    expect(result).toEqual({ exitCode: 0, stdout: 'Aucun point d’action ne correspond à ces critères.\n', stderr: '' });
  });
});

describe('filters and --au', () => {
  it('--open keeps ouvert, en cours and reporté', async () => {
    expect(await ids(['--open'])).not.toContain('ZIN-2306-1');
    expect((await ids(['--open'])).length).toBe(5);
  });

  it('--au decides lateness; GTM_AUJOURDHUI stands for today', async () => {
    const late = async (day: string) => (await json(['--au', day])).actions.filter((action) => action.en_retard).map((action) => action.id);
    expect(await late('2023-07-01')).toEqual([]);
    expect(await late('2023-07-21')).toEqual(['NIA-2306-3']);
    expect(await late('2023-08-01')).toEqual(['NIA-2306-3', 'NIA-2306-1']);
    const fromEnv = await actions(['--overdue', '--format', 'json'], { GTM_AUJOURDHUI: '2023-08-01' });
    expect((JSON.parse(fromEnv.stdout) as { au: string }).au).toBe('2023-08-01');
    expect(await ids(['--overdue', '--au', '2024-01-01'])).toEqual(['NIA-2306-3', 'NIA-2306-1', 'NIA-2306-2', 'NIA-2307-1']);
  });

  it('--responsable is case-insensitive and includes shared actions and those given to « tous »', async () => {
    expect(await ids(['--responsable', 'unhcr'])).toEqual(['NIA-2306-2', 'NIA-2306-4']);
    expect(await ids(['--responsable', 'tous'])).toEqual(['NIA-2306-4']);
    expect(await ids(['--responsable', '?'])).toEqual(['NIA-2306-3']);
  });

  it('--groupe and --reunion', async () => {
    expect(await ids(['--groupe', 'zinder'])).toEqual(['ZIN-2306-1']);
    expect(await ids(['--reunion', '2023-07-20-national'])).toEqual(['NIA-2307-1']);
  });

  it('refuses bad values in French with exit 2', async () => {
    expect(await actions(['--au', '31/07/2023'])).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('date invalide pour --au « 31/07/2023 »') });
    expect(await actions(['--au', '2023-02-30'])).toMatchObject({ exitCode: 2 });
    expect(await actions(['--responsable', 'OIMM'])).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('vouliez-vous dire OIM ?') });
    expect(await actions(['--groupe', 'niamey'])).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('groupe inconnu') });
    expect(await actions(['--reunion', '2023-07-21-national'])).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('vouliez-vous dire 2023-07-20-national ?') });
  });
});

describe('machine formats', () => {
  it('json has the documented fields', async () => {
    const { au, actions: list } = await json(['--au', '2023-08-05']);
    expect(au).toBe('2023-08-05');
    expect(list.find((action) => action.id === 'NIA-2306-2')).toEqual({
      id: 'NIA-2306-2',
      description: LONG,
      responsables: ['SP/CCM', 'UNHCR'],
      echeance: { ecrite: '2023-10-15', date: '2023-10-15', reportee: true },
      statut: 'reporte',
      reunion: '2023-06-20-national',
      date_reunion: '2023-06-20',
      groupe: 'national',
      en_retard: false,
      dernier_suivi: { reunion: '2023-07-20-national', date: '2023-07-20', statut: 'reporte', commentaire: null },
    });
    expect(list.find((action) => action.id === 'NIA-2306-4')).toMatchObject({ echeance: { ecrite: 'Au cours de l’atelier', date: null }, responsables: ['tous'] });
  });

  it('md is a GFM table with its pipes escaped', async () => {
    const result = await actions(['--format', 'md', '--au', '2023-08-05']);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[1]).toBe('| --- | --- | --- | --- | --- | --- | --- |');
    for (const line of lines) {
      expect(line).toMatch(/^\| .* \|$/);
      expect(line.replace(/\\\|/g, '').split('|').length).toBe(9);
    }
    expect(result.stdout).toContain('Diffuser le rapport \\| version « courte » ; "finale"');
    expect(result.stdout).toContain('| NIA-2306-1 | Partager la cartographie des mobilités | OIM | 31 juillet 2023 | En cours (en retard) |');
  });

  it('csv opens in a French Excel: BOM, « ; », CRLF, quoted fields', async () => {
    const result = await runBin(['actions', '--format', 'csv', '--au', '2023-08-05'], { cwd: repo.root });
    expect(result.stdout.startsWith('\uFEFF"Identifiant";')).toBe(true);
    expect(result.stdout.endsWith('\r\n')).toBe(true);
    expect(result.stdout.replace(/\r\n/g, '')).not.toContain('\n'.repeat(1) + '"NIA');
    const records = parseCsv(result.stdout, { bom: true, delimiter: ';', columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
    expect(records).toHaveLength(6);
    const shared = records.find((record) => record['Identifiant'] === 'NIA-2306-4')!;
    expect(shared['Point d’action']).toBe('Diffuser le rapport | version « courte » ; "finale"');
    expect(shared['Responsables']).toBe('Tous les acteurs');
    const late = records.find((record) => record['Identifiant'] === 'NIA-2306-1')!;
    expect(late).toMatchObject({ 'Date limite': '31/07/2023', 'En retard': 'oui', 'Statut': 'En cours', 'Commentaire du dernier suivi': 'Données reçues, rapport en cours' });
  });

  it('ics is RFC 5545: CRLF, folded lines, one all-day event per dated deadline, stable and deterministic', async () => {
    const first = await runBin(['actions', '--format', 'ics', '--au', '2023-08-05'], { cwd: repo.root });
    const second = await runBin(['actions', '--format', 'ics', '--au', '2024-02-01'], { cwd: repo.root });
    expect(second.stdout).toBe(first.stdout);
    const text = first.stdout;
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).toMatch(/\r\n /); // the long summary is folded
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    // Words never have a date; the others do (« prochaine réunion » resolved to 20 July).
    expect(events.map((event) => event.uid)).toEqual(['ZIN-2306-1@gtm', 'NIA-2306-3@gtm', 'NIA-2306-1@gtm', 'NIA-2306-2@gtm', 'NIA-2307-1@gtm']);
    const postponed = events.find((event) => event.uid === 'NIA-2306-2@gtm')!;
    expect(postponed.startDate.isDate).toBe(true);
    expect(postponed.startDate.toString()).toBe('2023-10-15');
    expect(postponed.endDate.toString()).toBe('2023-10-16');
    expect(postponed.summary).toBe(`NIA-2306-2 – ${LONG} (SP/CCM, UNHCR)`);
    expect(postponed.description).toContain('Statut : Reporté');
    const stamp = calendar.getAllSubcomponents('vevent')[3]!.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toString()).toBe('2023-07-20T00:00:00Z');
  });
});

describe('a repository with errors', () => {
  it('reports them on stderr and exits 1', async () => {
    const broken = await createFixtureRepo({
      meetings: { '2023-06-20-national': minimalMeeting({ suivi_actions: [{ action: 'NIA-9999-9', statut: 'realise' }] }) },
    });
    try {
      const result = await actions([], {});
      expect(result.exitCode).toBe(0);
      const failing = await runInProcess(['actions'], { cwd: broken.root });
      expect(failing.exitCode).toBe(1);
      expect(failing.stdout).toBe('');
      expect(failing.stderr).toContain('meetings/2023-06-20-national.yaml:');
      expect(failing.stderr).toContain('suivi d’une action inconnue « NIA-9999-9 »');
      expect(failing.stderr).toContain('Corrigez d’abord ces erreurs');
    } finally {
      await broken.cleanup();
    }
  });
});

describe('the parse cache', () => {
  it('is never stale: an edited file gives a new result, a corrupt cache is ignored', async () => {
    const cached = await createFixtureRepo({ meetings });
    try {
      const run = async () => (await runBin(['actions', '--format', 'json', '--au', '2023-08-05'], { cwd: cached.root })).stdout;
      const before = await run();
      expect(readFileSync(cached.path('.gtm-cache/.gitignore'), 'utf8')).toContain('*');
      expect(await run()).toBe(before);

      const file = cached.path('meetings/2023-07-27-zinder.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('statut: realise', 'statut: en_cours'));
      const after = JSON.parse(await run()) as { actions: Array<{ id: string; statut: string }> };
      expect(after.actions.find((action) => action.id === 'ZIN-2306-1')?.statut).toBe('en_cours');

      const cacheFile = cached.path('.gtm-cache/files.json');
      const cacheText = readFileSync(cacheFile, 'utf8');
      expect(cacheText).toContain('en_cours');
      writeFileSync(cacheFile, cacheText.slice(0, cacheText.length / 2));
      expect(JSON.parse(await run())).toEqual(after);
      writeFileSync(cacheFile, 'abîmé');
      expect(JSON.parse(await run())).toEqual(after);

      // A rule's finding is reported with its position even when the data came from the cache.
      writeFileSync(file, readFileSync(file, 'utf8').replace('action: ZIN-2306-1', 'action: ZIN-2306-9'));
      await runBin(['validate'], { cwd: cached.root });
      const validate = await runBin(['validate'], { cwd: cached.root });
      expect(validate.exitCode).toBe(1);
      expect(validate.stdout).toMatch(/meetings\/2023-07-27-zinder\.yaml:\d+:\d+ {2}erreur {2}suivi d’une action inconnue « ZIN-2306-9 »/);
    } finally {
      await cached.cleanup();
    }
  });

  it('gives a repeat run the same answer, and sees every change: a file, gtm.yaml, a meeting added or removed', async () => {
    const cached = await createFixtureRepo({ meetings });
    try {
      const run = async (...args: string[]) => runBin(['actions', '--format', 'json', '--au', '2023-08-05', ...args], { cwd: cached.root });
      const cold = await run();
      expect(readFileSync(cached.path('.gtm-cache/files.json'), 'utf8')).toContain('"NIA-2306-1"');
      expect((await run()).stdout).toBe(cold.stdout);
      expect((await run('--reunion', 'meetings/2023-06-22-zinder.yaml')).stdout).toContain('ZIN-2306-1');

      // An edit to gtm.yaml is seen: the organisation's name comes from it.
      const config = cached.path('gtm.yaml');
      writeFileSync(config, readFileSync(config, 'utf8').replace(/(\n\s+OIM:\s*\n\s+nom:\s*)[^\n]+/, '$1Organisation renommée'));
      expect((await runBin(['actions', '--au', '2023-08-05'], { cwd: cached.root })).stdout).toContain('OIM – Organisation renommée');

      // A new meeting with a follow-up, then its removal.
      const added = cached.path('meetings/2023-08-01-national.yaml');
      const meetingOf = (followedUp: string) => stringify(minimalMeeting({ date: '2023-08-01', suivi_actions: [{ action: followedUp, statut: 'realise' }] }));
      writeFileSync(added, meetingOf('NIA-2306-1'));
      const withFollowUp = JSON.parse((await run()).stdout) as { actions: Array<{ id: string; statut: string }> };
      expect(withFollowUp.actions.find((action) => action.id === 'NIA-2306-1')?.statut).toBe('realise');
      rmSync(added);
      expect((await run()).stdout).toBe(cold.stdout);

      // A file that became invalid is reported, though states were kept for the valid one.
      writeFileSync(added, meetingOf('NIA-9999-1'));
      const invalid = await run();
      expect(invalid.exitCode).toBe(1);
      expect(invalid.stderr).toContain('NIA-9999-1');
    } finally {
      await cached.cleanup();
    }
  });
});

describe('a reader that stops early', () => {
  it('ends gtm quietly, as `gtm actions | head` does, with no stack trace', async () => {
    const large = await createFixtureRepo();
    try {
      const script = pathToFileURL(path.join(PROJECT_ROOT, 'scripts/synthetic-repo.mjs')).href;
      const { generateRepository } = (await import(script)) as { generateRepository: (dir: string, count: number) => unknown };
      generateRepository(large.root, 150);
      const child = spawn(process.execPath, [BIN, 'actions', '--au', '2030-01-01'], { cwd: large.root, env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      // The first piece read, the pipe is closed while far more output is still to come.
      child.stdout.once('data', () => child.stdout.destroy());
      const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      expect(stderr).toBe('');
      expect(exitCode).toBe(0);
    } finally {
      await large.cleanup();
    }
  });
});
