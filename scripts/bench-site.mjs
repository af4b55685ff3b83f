// Site and search benchmark: `gtm site` on the bundled repository, and on 1,000 synthetic
// meetings the site's pages (HTML, dashboard, search index; no downloads), a rebuild after one
// edited meeting, `gtm search` cold and repeated, beside cold `gtm validate` and `grep -ri`
// over the same files measured in the same rounds; then the site's search answering in
// Chromium (playwright-core), on the same 1,000 meetings. Prints a Markdown report.
//
//   node scripts/bench-site.mjs                 3 rounds
//   node scripts/bench-site.mjs --runs 5 --write   also replaces its section of BENCHMARKS.md
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateRepository } from './synthetic-repo.mjs';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const RUNS = Number(option('--runs', '3'));
const SIZE = Number(option('--size', '1000'));
const WRITE = args.includes('--write');
const QUERY = 'cartographie';

if (!existsSync(path.join(PROJECT, 'dist/main.js'))) spawnSync(process.execPath, [path.join(PROJECT, 'scripts/build.mjs')], { cwd: PROJECT, stdio: 'inherit' });
const work = mkdtempSync(path.join(tmpdir(), 'gtm-bench-site-'));
// A private copy of the build: another build cannot change it mid-run.
const gtm = path.join(work, 'gtm');
cpSync(path.join(PROJECT, 'bin'), path.join(gtm, 'bin'), { recursive: true });
cpSync(path.join(PROJECT, 'dist'), path.join(gtm, 'dist'), { recursive: true });
// The built-in templates are read beside dist/, the fonts from node_modules.
cpSync(path.join(PROJECT, 'templates'), path.join(gtm, 'templates'), { recursive: true });
symlinkSync(path.join(PROJECT, 'node_modules'), path.join(gtm, 'node_modules'));
const BIN = path.join(gtm, 'bin/gtm.js');

function time(command, argv, cwd, before) {
  before?.();
  const start = process.hrtime.bigint();
  const result = spawnSync(command, argv, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && !(command === 'grep' && result.status === 1)) throw new Error(`${command} ${argv.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  return wall;
}
const gtmRun = (argv, cwd, before) => time(process.execPath, [BIN, ...argv], cwd, before);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${Math.round(value)} ms`;

// The bundled repository (3 meetings), every download made (no rendus/).
const bundled = path.join(work, 'bundled');
cpSync(path.join(PROJECT, 'meetings'), path.join(bundled, 'meetings'), { recursive: true });
cpSync(path.join(PROJECT, 'gtm.yaml'), path.join(bundled, 'gtm.yaml'));

const repo = path.join(work, `r${SIZE}`);
generateRepository(repo, SIZE);
const cache = (root) => () => rmSync(path.join(root, '.gtm-cache'), { recursive: true, force: true });
const meetingFiles = readdirSync(path.join(repo, 'meetings')).sort();
const edited = path.join(repo, 'meetings', meetingFiles[Math.floor(meetingFiles.length / 2)]);
const original = readFileSync(edited, 'utf8');

const cases = {
  validate: [],
  siteBundled: [],
  siteCold: [],
  siteRebuild: [],
  searchCold: [],
  searchRepeat: [],
  grep: [],
};
// One warm-up round, then RUNS rounds; every case once per round, so that a load that comes
// and goes on this shared machine moves all of them together.
for (let round = 0; round <= RUNS; round++) {
  const keep = round > 0;
  const record = (name, value) => keep && cases[name].push(value);
  record('validate', gtmRun(['validate'], repo, cache(repo)));
  record('siteBundled', gtmRun(['site'], bundled, () => {
    cache(bundled)();
    rmSync(path.join(bundled, 'site'), { recursive: true, force: true });
  }));
  record('siteCold', gtmRun(['site', '--sans-telechargements'], repo, () => {
    cache(repo)();
    rmSync(path.join(repo, 'site'), { recursive: true, force: true });
  }));
  record('siteRebuild', gtmRun(['site', '--sans-telechargements'], repo, () => writeFileSync(edited, `${original}# modifié ${round}\n`)));
  writeFileSync(edited, original);
  record('searchCold', gtmRun(['search', QUERY], repo, cache(repo)));
  record('searchRepeat', gtmRun(['search', QUERY], repo));
  record('grep', time('grep', ['-ri', QUERY, 'meetings'], repo));
}

// The site's search in the browser, on the same meetings.
const browserFigures = await browserSearch(path.join(repo, 'site'));

const validate = median(cases.validate);
const ratio = (value) => `${(value / validate).toFixed(2)} ×`;
const rows = [
  ['baseline: `gtm validate`, cold (no cache)', median(cases.validate), '1.00 ×', ''],
  ['baseline: `grep -ri cartographie meetings/`', median(cases.grep), ratio(median(cases.grep)), ''],
  ['`gtm site`, bundled repository (3 meetings, PDF and Word made)', median(cases.siteBundled), '', `≤ 3 s: ${median(cases.siteBundled) <= 3000 ? 'met' : 'NOT met'}`],
  [`\`gtm site --sans-telechargements\`, ${SIZE} meetings, cold`, median(cases.siteCold), ratio(median(cases.siteCold)), `≤ 3 × validate: ${median(cases.siteCold) <= 3 * validate ? 'met' : 'NOT met'}`],
  ['the same, after one meeting edited', median(cases.siteRebuild), ratio(median(cases.siteRebuild)), `≤ 1.5 × validate: ${median(cases.siteRebuild) <= 1.5 * validate ? 'met' : 'NOT met'}`],
  [`\`gtm search ${QUERY}\`, cold (no cache)`, median(cases.searchCold), ratio(median(cases.searchCold)), `≤ 1.5 × validate: ${median(cases.searchCold) <= 1.5 * validate ? 'met' : 'NOT met'}`],
  [`\`gtm search ${QUERY}\`, nothing changed`, median(cases.searchRepeat), ratio(median(cases.searchRepeat)), `< 500 ms: ${median(cases.searchRepeat) < 500 ? 'met' : 'NOT met'}`],
  [`the site's search in Chromium (${browserFigures.queries} queries, median)`, browserFigures.median, '', `< 100 ms: ${browserFigures.median < 100 ? 'met' : 'NOT met'} (slowest ${ms(browserFigures.slowest)})`],
  ['the search page ready (index loaded) in Chromium', browserFigures.ready, '', ''],
];
const report = [
  `## Site et recherche (\`node scripts/bench-site.mjs --runs ${RUNS} --write\`)`,
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}, Node ${process.version}. Median of ${RUNS} rounds after one warm-up, every case once per round; wall time.`,
  `Synthetic repository: ${SIZE} meetings (scripts/synthetic-repo.mjs); search index file ${Math.round(readFileSync(path.join(repo, 'site', 'recherche-index.js')).length / 1024)} kB.`,
  '',
  '| Case | Wall | vs cold validate | Target |',
  '| --- | ---: | ---: | --- |',
  ...rows.map(([name, value, versus, target]) => `| ${name} | ${ms(value)} | ${versus} | ${target} |`),
].join('\n');
console.log(report);
rmSync(work, { recursive: true, force: true });

if (WRITE) {
  const file = path.join(PROJECT, 'BENCHMARKS.md');
  const text = readFileSync(file, 'utf8');
  const section = `<!-- bench:site -->\n${report}\n<!-- /bench:site -->`;
  const next = /<!-- bench:site -->[\s\S]*<!-- \/bench:site -->/.test(text)
    ? text.replace(/<!-- bench:site -->[\s\S]*<!-- \/bench:site -->/, section)
    : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

async function browserSearch(site) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(work, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(`${pathToFileURL(site).href}/recherche.html`);
    await page.waitForFunction(() => typeof window.gtmRecherche === 'function');
    const ready = Date.now() - start;
    const queries = ['cartographie', 'rapport trimestriel', 'migrants', 'sécurité', 'libye', 'atelier régional', 'genre', 'DTM', 'carto', 'points focaux'];
    const times = [];
    for (const query of queries) {
      for (let i = 0; i < 5; i++) {
        times.push(await page.evaluate((q) => {
          const t0 = performance.now();
          window.gtmRecherche(q);
          return performance.now() - t0;
        }, query));
      }
    }
    return { queries: queries.length, median: median(times), slowest: Math.max(...times), ready };
  } finally {
    await context.close();
  }
}
