// gtm bilan on the bundled meetings, as the chair uses it: the Markdown, the PDF (text by
// pdf.js, its bars read back from the drawing operators by qpdf), the CSV by csv-parse, the
// Word fallback by pandoc; and the hostile cases (a year without meetings, a bad year).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledMeetings, createFixtureRepo, minimalMeeting, type FixtureRepo } from '../helpers/fixture-repo.js';
import { readPdf, renderPages } from '../helpers/pdf.js';
import { BIN, runBin } from '../helpers/run-cli.js';

let repo: FixtureRepo;
beforeAll(async () => {
  repo = await createFixtureRepo({ meetings: bundledMeetings() });
});
afterAll(() => repo.cleanup());

/** What the bundled 2021 files say, read independently of gtm: who attended each meeting. */
function bundledAttendance(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [name, text] of Object.entries(bundledMeetings())) {
    if (!name.startsWith('2021-')) continue;
    for (const acronym of (parseYaml(text) as { presence: string[] }).presence) counts.set(acronym, (counts.get(acronym) ?? 0) + 1);
  }
  return counts;
}

/** The filled rectangles of one colour in a PDF's page content, uncompressed by qpdf: [x, y, w, h]. */
function barsOf(file: string, colour: string): number[][] {
  const result = spawnSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 64 << 20 });
  const content = result.stdout.toString('latin1');
  const pattern = new RegExp(`q ${colour.replace(/\./g, '\\.')} rg (\\S+) (\\S+) (\\S+) (\\S+) re f Q`, 'g');
  return [...content.matchAll(pattern)].map((match) => match.slice(1, 5).map(Number));
}

describe('gtm bilan 2021 on the bundled meetings', () => {
  it('lists both 2021 meetings, the attendance matrix with the right counts, and the actions at year end', async () => {
    const result = await runBin(['bilan', '2021', '--format', 'md', '-o', '-'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    // French spacing (no-break spaces before « : ; » and inside « »), read as plain spaces.
    const md = result.stdout.replace(/[\u00a0\u202f]/g, ' ');
    expect(md).toContain('# Bilan des réunions du GTM – année 2021\n');
    expect(md).toContain('a tenu 2 réunions : 28 janvier 2021, 21 septembre 2021.');
    expect(md).toContain('### jeudi 28 janvier 2021\n\n*En ligne – Virtuelle (Skype)*');
    expect(md).toContain('### mardi 21 septembre 2021\n\n*En présentiel – Direction Générale de l’État Civil, des Migrations et des Réfugiés*');
    expect(md).toContain('2. Présentation du programme « Making Migration Safe for Women » (ONU Femmes)');
    expect(md).toContain('3. Présentation de la stratégie de coordination des acteurs intervenant dans le domaine de la migration (Consultant)');

    const counts = bundledAttendance();
    const rows = md.split('\n').filter((line) => /^\| \S.* \| (P|R|E|A|—) \| (P|R|E|A|—) \| \d+ % \|$/.test(line));
    const rates = new Map(rows.map((line) => {
      const cells = line.split(' | ');
      return [cells[0]!.slice(2), cells];
    }));
    for (const [acronym, attended] of counts) {
      expect(rates.get(acronym)?.[3], acronym).toBe(`${(attended * 100) / 2} % |`);
    }
    // A member of the group who was not there is absent, not left out.
    expect(rates.get('UNHCR')!.slice(1, 3)).toEqual(['A', 'P']);
    expect(rates.get('EUCAP-Sahel')!.slice(1, 3)).toEqual(['—', 'P']);
    expect(rows).toHaveLength(new Set([...counts.keys(), 'DGECEM-R', 'UNHCR']).size);

    expect(md).toContain('2 points d’action ont été décidés en 2021 ; au 31 décembre : 0 réalisée, 2 ouvertes, 0 en retard, 0 abandonnée.');
    expect(md).toContain('| **NIA-2101-1** – Prise de contact pour des échanges bilatéraux | — | Ouverte |');
  });

  it('draws both charts as vector bars proportional to their values', async () => {
    const result = await runBin(['bilan', '2021'], { cwd: repo.root });
    expect(result).toMatchObject({ exitCode: 0, stdout: 'écrit : rendus/bilan-2021-national.pdf\n' });
    const file = repo.path('rendus/bilan-2021-national.pdf');
    const bars = barsOf(file, '0.2 0.4 0.7');
    const counts = bundledAttendance();
    const organisations = new Set([...counts.keys(), 'DGECEM-R', 'UNHCR']).size;
    // One bar per organisation that took part at least once (everyone but nobody here), then one per non-empty state.
    expect(bars).toHaveLength(organisations + 1);
    const participation = bars.slice(0, organisations).map(([, , width]) => width!);
    const full = Math.max(...participation);
    expect(new Set(participation.map((width) => Math.round((100 * width) / full)))).toEqual(new Set([100, 50]));
    // Every bar of a chart starts at its axis.
    expect(new Set(bars.slice(0, organisations).map(([x]) => x)).size).toBe(1);
    const pdf = await readPdf(readFileSync(file));
    const text = pdf.pages.map((page) => page.items.map((item) => item.text).join(' ')).join(' ');
    expect(text).toContain('Participation par organisation');
    expect(text).toContain('Points d’action par état au 31 décembre');
    expect(renderPages(file).every((page) => page.inkFraction > 0.003)).toBe(true);
  });

  it('writes to standard output the same PDF bytes as to a file (-o -)', async () => {
    expect((await runBin(['bilan', '2021', '-o', 'bilan-fichier.pdf'], { cwd: repo.root })).exitCode).toBe(0);
    const piped = execFileSync(process.execPath, [BIN, 'bilan', '2021', '-o', '-'], { cwd: repo.root });
    expect(Buffer.compare(piped, readFileSync(repo.path('bilan-fichier.pdf')))).toBe(0);
    expect(spawnSync('pdfinfo', ['-'], { input: piped, encoding: 'utf8' }).stdout).toMatch(/Pages:\s+[1-9]/);
  });

  it('gives the attendance matrix as CSV for Excel', async () => {
    const result = await runBin(['bilan', '2021', '--format', 'csv'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    const raw = readFileSync(repo.path('rendus/bilan-2021-national.csv'), 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const records = parseCsv(raw.slice(1), { delimiter: ';' }) as string[][];
    expect(records[0]).toEqual(['Sigle', 'Organisation', 'Membre', '28/01/2021', '21/09/2021', 'Réunions suivies', 'Réunions de l’année', 'Taux de participation (%)']);
    const byAcronym = new Map(records.slice(1).map((record) => [record[0]!, record]));
    for (const [acronym, attended] of bundledAttendance()) expect(byAcronym.get(acronym)?.[5], acronym).toBe(String(attended));
    expect(byAcronym.get('UNHCR')).toEqual(['UNHCR', 'Haut-Commissariat des Nations Unies pour les Réfugiés', 'oui', 'Absent', 'Présent', '1', '2', '50']);
  });

  it('tabulates the charts in Word, where they are not drawn', async () => {
    const result = await runBin(['bilan', '2021', '--format', 'docx', '-o', 'bilan.docx'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    const text = spawnSync('pandoc', [repo.path('bilan.docx'), '-t', 'plain', '--wrap=none'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Participation (%)');
    expect(text).toMatch(/EUCAP-Sahel\s+50\u00a0%/);
    expect(text).toMatch(/Ouvertes\s+2/);
  });
});

describe('gtm bilan, hostile', () => {
  it('says honestly that a year had no meeting, and draws no chart', async () => {
    const result = await runBin(['bilan', '2022', '--format', 'md', '-o', '-'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('remarque : le groupe national n’a tenu aucune réunion en 2022 ; le bilan le dit, ses sections restent vides\n');
    expect(result.stdout).toContain('En 2022, le Groupe Technique sur la Migration (GTM) n’a tenu aucune réunion enregistrée dans le dépôt.');
    expect(result.stdout).toContain('Aucune réunion du groupe n’a été tenue cette année-là.');
    expect(result.stdout).toContain('Aucun point d’action n’a été décidé en 2022.');
    expect(result.stdout).not.toContain('gtm:graphique');
    const pdf = await runBin(['bilan', '2022', '-o', 'vide.pdf'], { cwd: repo.root });
    expect(pdf.exitCode).toBe(0);
    expect(renderPages(repo.path('vide.pdf')).length).toBeGreaterThan(0);
  });

  it('refuses a year that is not one, and an unknown group', async () => {
    const year = await runBin(['bilan', '21'], { cwd: repo.root });
    expect(year.exitCode).toBe(2);
    expect(year.stderr).toContain('année invalide « 21 » : écrivez-la sur quatre chiffres');
    const group = await runBin(['bilan', '2021', '--groupe', 'agadès'], { cwd: repo.root });
    expect(group.exitCode).toBe(2);
    expect(group.stderr).toMatch(/groupe inconnu.*agadez/);
  });

  it('counts an excused or represented member right, and late actions at year end', async () => {
    const repo2 = await createFixtureRepo({
      meetings: {
        '2023-03-01-national': minimalMeeting({
          date: '2023-03-01',
          presence: ['SP/CCM', { organisation: 'OIM', statut: 'excuse' }, { organisation: 'MI/D', statut: 'represente', represente_par: 'SP/CCM' }],
          ordre_du_jour: [
            {
              titre: 'Ouverture',
              actions: [
                { id: 'NIA-2303-1', action: 'A', responsables: 'OIM', echeance: '2023-06' },
                { id: 'NIA-2303-2', action: 'B', responsables: 'OIM', echeance: '2024-06' },
                { id: 'NIA-2303-3', action: 'C', responsables: 'SP/CCM' },
              ],
            },
          ],
        }),
        '2023-04-01-national': minimalMeeting({ date: '2023-04-01', suivi_actions: [{ action: 'NIA-2303-3', statut: 'realise' }] }),
      },
    });
    try {
      const csv = parseCsv((await runBin(['bilan', '2023', '--format', 'csv', '-o', '-'], { cwd: repo2.root })).stdout.slice(1), { delimiter: ';' }) as string[][];
      const rows = new Map(csv.slice(1).map((record) => [record[0]!, record.slice(3)]));
      expect(rows.get('OIM')).toEqual(['Excusé', 'Présent', '1', '2', '50']);
      expect(rows.get('MI/D')).toEqual(['Représenté', 'Absent', '1', '2', '50']);
      const md = (await runBin(['bilan', '2023', '--format', 'md', '-o', '-'], { cwd: repo2.root })).stdout.replace(/[\u00a0\u202f]/g, ' ');
      expect(md).toContain('3 points d’action ont été décidés en 2023 ; au 31 décembre : 1 réalisée, 1 ouverte, 1 en retard, 0 abandonnée.');
    } finally {
      await repo2.cleanup();
    }
  });
});
