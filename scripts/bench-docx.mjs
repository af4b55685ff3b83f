// The Word format beside baselines measured in the same rounds: one .docx of the longest bundled
// meeting beside `node -e ''` and pandoc's `-o x.docx` on the same Markdown (a native binary,
// the reference for « as fast as a converter »), and `render --all --format docx` on 100
// meetings. See scripts/bench.mjs for the method.
//
//   node scripts/bench-docx.mjs [--runs N] [--write]   (--write replaces its section of BENCHMARKS.md)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(PROJECT, 'bin/gtm.js');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 11;
const WRITE = args.includes('--write');
const SAMPLE = '2021-01-28-national'; // the longest bundled compte-rendu

const work = mkdtempSync(path.join(tmpdir(), 'gtm-bench-docx-'));
const repo = path.join(work, 'repo');
cpSync(path.join(PROJECT, 'gtm.yaml'), path.join(repo, 'gtm.yaml'));
cpSync(path.join(PROJECT, 'meetings'), path.join(repo, 'meetings'), { recursive: true });

function once(argv, cwd = repo) {
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

/** Every case once per round after a warm-up round, so a passing load moves them together. */
function measureRounds(cases, runs = RUNS) {
  const samples = cases.map(() => []);
  for (let round = 0; round <= runs; round++) {
    cases.forEach(({ argv, cwd }, index) => {
      const elapsed = once(argv, cwd);
      if (round > 0) samples[index].push(elapsed);
    });
  }
  return cases.map(({ label }, index) => {
    const sorted = [...samples[index]].sort((a, b) => a - b);
    const result = { label, median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
    process.stderr.write(`${label}: ${result.median.toFixed(0)} ms\n`);
    return result;
  });
}

const gtm = (...rest) => [process.execPath, BIN, ...rest];
const markdown = path.join(work, `${SAMPLE}.md`);
once(gtm('render', SAMPLE, '--format', 'md', '-o', markdown));
const hasPandoc = spawnSync('sh', ['-c', 'command -v pandoc']).status === 0;
const cases = [
  { label: "baseline: `node -e ''`", argv: [process.execPath, '-e', ''] },
  // The same pipeline up to the Markdown: what the Word writer adds is the difference.
  { label: `baseline: \`gtm render ${SAMPLE} --format md\``, argv: gtm('render', SAMPLE, '--format', 'md', '-o', path.join(work, 'again.md')) },
  { label: `\`gtm render ${SAMPLE} --format docx\``, argv: gtm('render', SAMPLE, '--format', 'docx', '-o', path.join(work, `${SAMPLE}.docx`)) },
  ...(hasPandoc ? [{ label: 'peer: `pandoc -o x.docx` (same Markdown)', argv: ['pandoc', markdown, '-o', path.join(work, 'peer.docx')] }] : []),
];
if (!hasPandoc) process.stderr.write('pandoc missing: peer not measured (apt-get install -y pandoc)\n');
const rows = measureRounds(cases);
const [node, , docx, peer] = rows;

// --all on 100 meetings: the bundled meetings copied under new dates (as scripts/bench.mjs does).
const hundred = path.join(work, 'hundred');
mkdirSync(path.join(hundred, 'meetings'), { recursive: true });
cpSync(path.join(PROJECT, 'gtm.yaml'), path.join(hundred, 'gtm.yaml'));
const sources = ['2021-01-28-national', '2021-09-21-national', '2023-06-20-national'].map((id) => readFileSync(path.join(PROJECT, 'meetings', `${id}.yaml`), 'utf8'));
for (let index = 0; index < 100; index++) {
  const day = new Date(Date.UTC(2024, 0, 1 + index * 3)).toISOString().slice(0, 10);
  const text = sources[index % 3]
    .replace(/^date: .*$/m, `date: ${day}`)
    .replace(/NIA-\d{4}-(\d+)/g, (_, n) => `B${index}-${n}`)
    .replace(/^prochaine_reunion:\n(  .*\n)+/m, '');
  writeFileSync(path.join(hundred, 'meetings', `${day}-national.yaml`), text);
}
const [allMarkdown, all] = measureRounds(
  [
    { label: 'baseline: `gtm render --all --format md` (100 meetings)', argv: gtm('render', '--all', '--format', 'md', '-o', path.join(work, 'all-md')), cwd: hundred },
    { label: '`gtm render --all --format docx` (100 meetings)', argv: gtm('render', '--all', '--format', 'docx', '-o', path.join(work, 'all')), cwd: hundred },
  ],
  3,
);
rows.push(allMarkdown, all);
rmSync(work, { recursive: true, force: true });

const load = (await import('node:os')).loadavg()[0];
const ratio = (value) => `${(value / node.median).toFixed(1)}×`;
const lines = [
  `Measured on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version};`,
  `median of ${RUNS} runs after one warm-up round, every case once per round (3 runs for \`--all\`), wall time from process start to exit;`,
  `load average ${load.toFixed(1)} at the end (shared machine).`,
  '',
  '| Case | Median | Min | vs `node -e \'\'` |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map((row) => `| ${row.label} | ${row.median.toFixed(0)} ms | ${row.min.toFixed(0)} ms | ${ratio(row.median)} |`),
  '',
  `Targets: one .docx ≤ 4× \`node -e ''\` (${docx.median <= 4 * node.median ? 'met' : 'MISSED'}: ${ratio(docx.median)}${peer ? `; pandoc ${ratio(peer.median)}` : ''});` +
    ` \`--all --format docx\` on 100 meetings under 5 s (${all.median < 5000 ? 'met' : 'MISSED'}: ${(all.median / 1000).toFixed(2)} s).`,
];
const report = lines.join('\n');
process.stdout.write(`${report}\n`);

if (WRITE) {
  const file = path.join(PROJECT, 'BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = `<!-- bench:docx -->\n## Word (\`node scripts/bench-docx.mjs --write\`)\n\n${report}\n<!-- /bench:docx -->`;
  const next = current.includes('<!-- bench:docx -->')
    ? current.replace(/<!-- bench:docx -->[\s\S]*<!-- \/bench:docx -->/, section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
