// Scale benchmark: `gtm actions --open` and `gtm validate` on synthetic repositories of 1,000
// and 10,000 meetings, cold (no cache) and repeated (cache warm), and `gtm render --all --format
// md` at 1,000, beside two baselines
// measured in the same run: `node -e ''` and a script that only reads and parses every YAML
// file with the yaml package. Prints a Markdown report on stdout.
//
//   node scripts/bench-scale.mjs                      sizes 1000,10000
//   node scripts/bench-scale.mjs --sizes 1000 --runs 7
//   node scripts/bench-scale.mjs --write              also replaces its section of BENCHMARKS.md
//
// It runs a private copy of bin/ and dist/ (other builds cannot change it mid-run) on
// repositories generated in a temporary folder, removed at the end. Peak memory comes from
// /usr/bin/time when present, else from a wrapper reporting process.resourceUsage().maxRSS.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateRepository } from './synthetic-repo.mjs';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const SIZES = option('--sizes', '1000,10000').split(',').map(Number);
const RUNS = Number(option('--runs', '5'));
const WRITE = args.includes('--write');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const AS_OF = '2026-01-01';

if (!existsSync(path.join(PROJECT, 'dist/main.js'))) {
  spawnSync(process.execPath, [path.join(PROJECT, 'scripts/build.mjs')], { cwd: PROJECT, stdio: 'inherit' });
}
const work = mkdtempSync(path.join(tmpdir(), 'gtm-bench-scale-'));
const gtm = path.join(work, 'gtm');
cpSync(path.join(PROJECT, 'bin'), path.join(gtm, 'bin'), { recursive: true });
cpSync(path.join(PROJECT, 'dist'), path.join(gtm, 'dist'), { recursive: true });
// render reads the built-in templates beside the bundle.
cpSync(path.join(PROJECT, 'templates'), path.join(gtm, 'templates'), { recursive: true });
const BIN = path.join(gtm, 'bin/gtm.js');

/** A script that only reads every meeting file and parses it with `parser` (its export `name`). */
function parseOnlyScript(file, parser, name) {
  const script = path.join(work, file);
  writeFileSync(
    script,
    `import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ${name} } from ${JSON.stringify(pathToFileURL(path.join(PROJECT, 'node_modules', parser)).href)};
const dir = path.join(process.cwd(), 'meetings');
for (const name of readdirSync(dir).sort()) ${name}(readFileSync(path.join(dir, name), 'utf8'));
`,
  );
  return script;
}
const parseOnly = parseOnlyScript('parse-only.mjs', 'yaml/dist/index.js', 'parse');
const memoryWrapper = path.join(work, 'max-rss.mjs');
writeFileSync(
  memoryWrapper,
  `import { spawnSync } from 'node:child_process';
const [command, ...rest] = process.argv.slice(2);
const result = spawnSync(command, rest, { stdio: 'inherit' });
// maxRSS of the finished child is in the parent's children usage on Linux.
process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n');
process.exitCode = result.status ?? 1;
`,
);

/** One timed run: wall ms, CPU ms (user + system) and peak memory in MB. */
function once(argv, cwd, before) {
  before?.();
  const report = path.join(work, 'time.txt');
  const wrapped = TIME ? [TIME, '-f', '%U %S %M', '-o', report, ...argv] : [process.execPath, memoryWrapper, ...argv];
  const start = process.hrtime.bigint();
  const result = spawnSync(wrapped[0], wrapped.slice(1), { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  if (TIME) {
    const [user, system, kb] = readFileSync(report, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    return { wall, cpu: (user + system) * 1000, memory: kb / 1024 };
  }
  const kb = Number(/MAXRSS (\d+)/.exec(result.stderr)?.[1] ?? 0);
  return { wall, cpu: Number.NaN, memory: kb / 1024 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Every case once per round, after one warm-up round, so that all of them, baselines included,
 * see the same moments of a shared machine: a load that comes and goes moves them together
 * instead of skewing the ratios. Each cold case drops the cache first; the repeat case that
 * follows it finds the cache that run left.
 */
function measureRounds(cases, cwd, runs) {
  const samples = new Map(cases.map(([name]) => [name, []]));
  for (let round = 0; round <= runs; round++) {
    for (const [name, argv, before] of cases) {
      const sample = once(argv, cwd, before);
      if (round > 0) samples.get(name).push(sample);
    }
  }
  return Object.fromEntries(
    [...samples].map(([name, list]) => [
      name,
      {
        wall: median(list.map((sample) => sample.wall)),
        cpu: median(list.map((sample) => sample.cpu)),
        memory: Math.max(...list.map((sample) => sample.memory)),
      },
    ]),
  );
}

const rows = [];
for (const size of SIZES) {
  const repo = path.join(work, `repo-${size}`);
  const generated = generateRepository(repo, size);
  const cache = path.join(repo, '.gtm-cache');
  const dropCache = () => rmSync(cache, { recursive: true, force: true });
  const runs = size >= 10_000 ? Math.max(3, Math.ceil(RUNS / 2)) : RUNS;
  const actions = [process.execPath, BIN, 'actions', '--open', '--au', AS_OF];
  const results = measureRounds(
    [
      ['node', [process.execPath, '-e', '']],
      ['parse', [process.execPath, parseOnly]],
      ['validateCold', [process.execPath, BIN, 'validate'], dropCache],
      ['validateWarm', [process.execPath, BIN, 'validate']],
      ['actionsCold', actions, dropCache],
      ['actionsWarm', actions],
      // Every compte-rendu in Markdown, from the cache the runs above left (1,000 meetings and below).
      ...(size <= 1000 ? [['renderMd', [process.execPath, BIN, 'render', '--all', '--format', 'md', '-o', path.join(work, `out-${size}`)]]] : []),
    ],
    repo,
    runs,
  );
  rows.push({ size, generated, runs, results });
}
rmSync(work, { recursive: true, force: true });

const ms = (value) => `${Math.round(value)} ms`;
const mb = (value) => `${Math.round(value)} MB`;
const lines = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}. Median of the runs after one warm-up, every case once per round; wall time (CPU time user+system in brackets); peak resident memory.`,
  '',
];
for (const { size, generated, runs, results } of rows) {
  const repeatTarget = size >= 10_000 ? 4000 : 400;
  lines.push(
    `### ${size.toLocaleString('en')} meetings (${generated.actions.toLocaleString('en')} actions, ${generated.followUps.toLocaleString('en')} follow-ups), ${runs} runs`,
    '',
    '| Case | Wall | CPU | Peak memory | Target |',
    '| --- | ---: | ---: | ---: | --- |',
  );
  const cases = [
    ['baseline `node -e \'\'`', results.node, ''],
    ['baseline: read + `yaml.parse` every file', results.parse, ''],
    ['`gtm validate`, cold (no cache)', results.validateCold, `≤ 1.5 × parse-only: ${(results.validateCold.wall / results.parse.wall).toFixed(2)} ×`],
    ['`gtm validate`, repeat (cache)', results.validateWarm, `< ${repeatTarget} ms: ${results.validateWarm.wall < repeatTarget ? 'met' : 'missed'}`],
    ['`gtm actions --open`, cold (no cache)', results.actionsCold, `≤ 1.5 × parse-only: ${(results.actionsCold.wall / results.parse.wall).toFixed(2)} ×`],
    ['`gtm actions --open`, repeat (cache)', results.actionsWarm, `< ${repeatTarget} ms: ${results.actionsWarm.wall < repeatTarget ? 'met' : 'missed'}`],
    ...(results.renderMd
      ? [['`gtm render --all --format md`', results.renderMd, `≤ 3 × cold validate: ${(results.renderMd.wall / results.validateCold.wall).toFixed(2)} ×`]]
      : []),
  ];
  for (const [name, result, target] of cases) {
    const memoryNote = name.startsWith('`gtm') ? ` (< 300 MB: ${result.memory < 300 ? 'met' : 'missed'})` : '';
    lines.push(`| ${name} | ${ms(result.wall)} | ${ms(result.cpu)} | ${mb(result.memory)}${memoryNote} | ${target} |`);
  }
  lines.push('');
}
const report = lines.join('\n').trimEnd();
process.stdout.write(`${report}\n`);

if (WRITE) {
  const file = path.join(PROJECT, 'BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const command = `node scripts/bench-scale.mjs --sizes ${SIZES.join(',')} --runs ${RUNS} --write`;
  const section = `<!-- bench:scale -->\n## Scale: validate, actions, render --all (\`${command}\`)\n\n${report}\n<!-- /bench:scale -->`;
  const next = current.includes('<!-- bench:scale -->')
    ? current.replace(/<!-- bench:scale -->[\s\S]*<!-- \/bench:scale -->/, section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
