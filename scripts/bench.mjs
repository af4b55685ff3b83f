// Start-up and per-command timings, each beside baselines measured in the same run.
//
//   npm run bench                 prints a Markdown report
//   npm run bench -- --write      also replaces the « Commands » section of BENCHMARKS.md
//   npm run bench -- --runs 30    more runs per case (default 15)
//
// Peers (pandoc → wkhtmltopdf) are measured when installed; install them with
//   apt-get install -y pandoc wkhtmltopdf
// The tests never need them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(PROJECT, 'bin/gtm.js');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 15;
const WRITE = args.includes('--write');
const SAMPLE = '2021-01-28-national'; // the longest bundled compte-rendu

const work = mkdtempSync(path.join(tmpdir(), 'gtm-bench-'));
const repo = path.join(work, 'repo');
cpSync(path.join(PROJECT, 'gtm.yaml'), path.join(repo, 'gtm.yaml'));
cpSync(path.join(PROJECT, 'meetings'), path.join(repo, 'meetings'), { recursive: true });

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** Runs `argv` RUNS times after one warm-up; returns the median and min wall time in ms. */
function time(argv, { cwd = repo, runs = RUNS } = {}) {
  const once = () => {
    const start = process.hrtime.bigint();
    const result = spawnSync(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
    return elapsed;
  };
  once();
  const samples = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0] };
}

const gtm = (...rest) => [process.execPath, BIN, ...rest];
const rows = [];
const measure = (label, argv, options) => {
  const result = time(argv, options);
  rows.push({ label, ...result });
  process.stderr.write(`${label}: ${result.median.toFixed(0)} ms\n`);
  return result;
};

const node = measure("baseline: `node -e ''`", [process.execPath, '-e', '']);
measure('`gtm --version` (start-up)', gtm('--version'));
measure('`gtm validate` (3 meetings)', gtm('validate'));
measure('`gtm actions --open`', gtm('actions', '--open'));
const mdFile = path.join(work, `${SAMPLE}.md`);
measure(`\`gtm render ${SAMPLE} --format md\``, gtm('render', SAMPLE, '--format', 'md', '-o', mdFile));
const pdf = measure(`\`gtm render ${SAMPLE}\` (PDF)`, gtm('render', SAMPLE, '-o', path.join(work, `${SAMPLE}.pdf`)));

let peer;
if (has('pandoc') && has('wkhtmltopdf')) {
  peer = measure('peer: pandoc → wkhtmltopdf (same Markdown)', [
    'pandoc',
    mdFile,
    '--metadata',
    `title=${SAMPLE}`,
    '--pdf-engine=wkhtmltopdf',
    '-o',
    path.join(work, 'peer.pdf'),
  ]);
} else {
  process.stderr.write('pandoc or wkhtmltopdf missing: peer not measured (apt-get install -y pandoc wkhtmltopdf)\n');
}

// --all on 100 meetings: the bundled meetings copied under new dates.
const hundred = path.join(work, 'hundred');
mkdirSync(path.join(hundred, 'meetings'), { recursive: true });
cpSync(path.join(PROJECT, 'gtm.yaml'), path.join(hundred, 'gtm.yaml'));
const sources = ['2021-01-28-national', '2021-09-21-national', '2023-06-20-national'].map((id) =>
  readFileSync(path.join(PROJECT, 'meetings', `${id}.yaml`), 'utf8'),
);
for (let index = 0; index < 100; index++) {
  const day = new Date(Date.UTC(2024, 0, 1 + index * 3)).toISOString().slice(0, 10);
  const text = sources[index % 3]
    .replace(/^date: .*$/m, `date: ${day}`)
    .replace(/NIA-\d{4}-(\d+)/g, (_, n) => `B${index}-${n}`)
    .replace(/^prochaine_reunion:\n(  .*\n)+/m, '');
  writeFileSync(path.join(hundred, 'meetings', `${day}-national.yaml`), text, { flag: 'w' });
}
const all = measure('`gtm render --all` (100 meetings, PDF)', gtm('render', '--all', '-o', path.join(work, 'all')), { cwd: hundred, runs: 3 });

rmSync(work, { recursive: true, force: true });

const ratio = (value) => `${(value / node.median).toFixed(1)}×`;
const lines = [
  `Measured on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version};`,
  `median of ${RUNS} runs after one warm-up (3 runs for \`--all\`), wall time from process start to exit.`,
  '',
  '| Case | Median | Min | vs `node -e \'\'` |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map((row) => `| ${row.label} | ${row.median.toFixed(0)} ms | ${row.min.toFixed(0)} ms | ${ratio(row.median)} |`),
  '',
  'Targets: one PDF ≤ 4× `node -e \'\'`' +
    ` (${pdf.median <= 4 * node.median ? 'met' : 'MISSED'}: ${ratio(pdf.median)})` +
    (peer ? `, faster than pandoc → wkhtmltopdf (${pdf.median < peer.median ? 'met' : 'MISSED'})` : '') +
    `; \`--all\` on 100 meetings under 10 s (${all.median < 10_000 ? 'met' : 'MISSED'}: ${(all.median / 1000).toFixed(2)} s).`,
];
const report = lines.join('\n');
process.stdout.write(`${report}\n`);

if (WRITE) {
  const file = path.join(PROJECT, 'BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = `<!-- bench:commands -->\n## Commands (\`npm run bench -- --write\`)\n\n${report}\n<!-- /bench:commands -->`;
  const next = current.includes('<!-- bench:commands -->')
    ? current.replace(/<!-- bench:commands -->[\s\S]*<!-- \/bench:commands -->/, section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
