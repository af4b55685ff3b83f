// `gtm import` of a 5-page Word compte-rendu, beside `node -e ''` measured in the same rounds.
// Target: ≤ 5 × `node -e ''` (a one-off operation: simple rather than fast).
//
//   node scripts/bench-import.mjs [--runs 9]
//
// The .docx is written here with the docx package (a dev dependency, like the tests' fixtures)
// and its page count checked through LibreOffice when it is installed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(PROJECT, 'bin/gtm.js');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 9;

const work = mkdtempSync(path.join(tmpdir(), 'gtm-bench-import-'));
const repo = path.join(work, 'repo');
mkdirSync(path.join(repo, 'meetings'), { recursive: true });
cpSync(path.join(PROJECT, 'gtm.yaml'), path.join(repo, 'gtm.yaml'));

const para = (text, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
const cell = (text) => new TableCell({ children: [para(text)] });
const row = (...texts) => new TableRow({ children: texts.map(cell) });
const prose =
  'Les participants ont échangé sur les tendances migratoires observées dans la région, sur les retours assistés ' +
  'et sur la coordination des interventions des partenaires techniques et financiers, en insistant sur le partage ' +
  'régulier des données entre les structures de l’État et les agences du système des Nations Unies. ';
const sections = ['Récapitulatif des rencontres de l’année (SP/CCM)', 'Présentation des tendances migratoires (OIM)', 'Présentation du programme de protection (UNHCR)', 'Présentation de la cartographie des acteurs (Forum Réfugiés)', 'Divers'];
const body = [
  para('Compte-rendu de la réunion du Groupe Technique sur la Migration – Coordination et partage de l’information', true),
  new Table({ rows: [row('Date', '28 janvier 2021'), row('Heure', '9h30 - 11h20'), row('Lieu', 'Salle de réunion de la DGECEM-R'), row('Présence', 'SP/CCM, OIM, UNHCR, CICR, CRN, UNICEF, UNFPA, ONU Femmes')] }),
  para('Points inscrits à l’ordre du jour', true),
  ...sections.map((title, index) => para(`${index + 1}- ${title} ;`)),
  para('6- Coordination prochaines étapes.'),
];
sections.forEach((title, index) => {
  body.push(new Paragraph({ children: [new TextRun(`${index + 1}. ${title}`)], heading: HeadingLevel.HEADING_2 }), para('Points de discussion clés', true));
  for (let paragraph = 0; paragraph < 6; paragraph++) body.push(para(prose.repeat(2)));
  for (let item = 0; item < 4; item++) body.push(new Paragraph({ children: [new TextRun(`Point ${item + 1} : ${prose.slice(0, 120)}`)], bullet: { level: 0 } }));
  body.push(new Table({ rows: [row('Points d’action', 'Personne/Agence responsable', 'Date limite'), row(`Suivre le point ${index + 1}`, 'SP/CCM, OIM', 'mars 2021')] }));
});
body.push(para('Coordination prochaines étapes'), para('Points de discussion clés', true), para('Prochaine réunion prévue pour le 4 mars 2021'), para('Le Secrétaire Permanent'), para('SOLY AMADOU'));
const docx = path.join(work, 'compte-rendu.docx');
writeFileSync(docx, await Packer.toBuffer(new Document({ sections: [{ children: body }] })));

// The page count, as Word would paginate it (LibreOffice's PDF of the file), when available.
let pages = 'non mesuré (LibreOffice absent)';
const profile = path.join(work, 'lo-profile');
const converted = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'ignore', timeout: 120_000 });
if (converted.status === 0) {
  const info = spawnSync('pdfinfo', [path.join(work, 'compte-rendu.pdf')], { encoding: 'utf8' });
  pages = /Pages:\s+(\d+)/.exec(info.stdout ?? '')?.[1] ?? pages;
}

function once(argv) {
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

const seed = path.join(PROJECT, 'test/fixtures/seeds', readdirSync(path.join(PROJECT, 'test/fixtures/seeds')).find((name) => name.startsWith('000')))
const cases = [
  { label: "baseline: `node -e ''`", argv: [process.execPath, '-e', ''] },
  { label: '`gtm --version` (start-up)', argv: [process.execPath, BIN, '--version'] },
  { label: '`gtm import --dry-run` seed 000 (.txt)', argv: [process.execPath, BIN, 'import', '--dry-run', seed] },
  { label: `\`gtm import --dry-run\` .docx (${pages} pages)`, argv: [process.execPath, BIN, 'import', '--dry-run', docx] },
];
// Every case once per round, after one warm-up round: a passing load moves them together.
const samples = cases.map(() => []);
for (let round = 0; round <= RUNS; round++) {
  cases.forEach((entry, index) => {
    const elapsed = once(entry.argv);
    if (round > 0) samples[index].push(elapsed);
  });
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const baseline = median(samples[0]);
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.split(' ')[0] ?? 'CPU'}, Node ${process.version}; median of ${RUNS} runs after one warm-up round, wall time.`,
  '',
  '| Case | Median | Min | vs `node -e \'\'` |',
  '| --- | ---: | ---: | ---: |',
  ...cases.map((entry, index) => `| ${entry.label} | ${median(samples[index]).toFixed(0)} ms | ${Math.min(...samples[index]).toFixed(0)} ms | ${(median(samples[index]) / baseline).toFixed(1)}× |`),
  '',
  `Target: importing a 5-page .docx ≤ 5 × \`node -e ''\` (${(median(samples[3]) / baseline).toFixed(1)}×: ${median(samples[3]) / baseline <= 5 ? 'met' : 'NOT met'}).`,
];
console.log(lines.join('\n'));
rmSync(work, { recursive: true, force: true });
