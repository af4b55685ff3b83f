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

/** One run of `argv`: wall time in ms, from spawn to exit. */
function once(argv, cwd = repo) {
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

const summary = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
};

/**
 * Every case once per round, after one warm-up round, so that all of them, the baseline
 * included, see the same moments of a shared machine: a load that comes and goes moves them
 * together instead of skewing the ratios.
 */
function measureRounds(cases, runs = RUNS) {
  const samples = cases.map(() => []);
  for (let round = 0; round <= runs; round++) {
    cases.forEach(({ argv, cwd }, index) => {
      const elapsed = once(argv, cwd);
      if (round > 0) samples[index].push(elapsed);
    });
  }
  return cases.map(({ label }, index) => {
    const result = { label, ...summary(samples[index]) };
    process.stderr.write(`${label}: ${result.median.toFixed(0)} ms\n`);
    return result;
  });
}

const gtm = (...rest) => [process.execPath, BIN, ...rest];
const mdFile = path.join(work, `${SAMPLE}.md`);
const cases = [
  { label: "baseline: `node -e ''`", argv: [process.execPath, '-e', ''] },
  { label: '`gtm --version` (start-up)', argv: gtm('--version') },
  { label: '`gtm validate` (3 meetings)', argv: gtm('validate') },
  { label: '`gtm actions --open`', argv: gtm('actions', '--open') },
  // Before the peer in each round: the peer converts this Markdown.
  { label: `\`gtm render ${SAMPLE} --format md\``, argv: gtm('render', SAMPLE, '--format', 'md', '-o', mdFile) },
  { label: `\`gtm render ${SAMPLE}\` (PDF)`, argv: gtm('render', SAMPLE, '-o', path.join(work, `${SAMPLE}.pdf`)) },
];
const withPeer = has('pandoc') && has('wkhtmltopdf');
if (withPeer) {
  cases.push({
    label: 'peer: pandoc → wkhtmltopdf (same Markdown)',
    argv: ['pandoc', mdFile, '--metadata', `title=${SAMPLE}`, '--pdf-engine=wkhtmltopdf', '-o', path.join(work, 'peer.pdf')],
  });
} else {
  process.stderr.write('pandoc or wkhtmltopdf missing: peer not measured (apt-get install -y pandoc wkhtmltopdf)\n');
}
const rows = measureRounds(cases);
const [node] = rows;
const pdf = rows[5];
const peer = withPeer ? rows[6] : undefined;

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
const [all] = measureRounds([{ label: '`gtm render --all` (100 meetings, PDF)', argv: gtm('render', '--all', '-o', path.join(work, 'all')), cwd: hundred }], 3);
rows.push(all);

rmSync(work, { recursive: true, force: true });

const ratio = (value) => `${(value / node.median).toFixed(1)}×`;
const lines = [
  `Measured on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version};`,
  `median of ${RUNS} runs after one warm-up round, every case once per round (3 runs for \`--all\`), wall time from process start to exit.`,
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
