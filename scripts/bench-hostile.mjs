// Hostile inputs at the size limit: a meeting file as large as gtm accepts (2 MB), its
// discussion shaped to make a careless scanner slow (quadratic or exponential), rendered to
// Markdown; beside `node -e ''` and the Markdown of a real meeting, measured in the same rounds.
// Target (issue 14): each renders in < 3 s, i.e. rendering is linear in the input.
//
//   node scripts/bench-hostile.mjs [--runs N] [--write]   (--write replaces its section of BENCHMARKS.md)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(PROJECT, 'bin/gtm.js');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 3;
const WRITE = args.includes('--write');
/** The size limit of a meeting file (src/core/reading/user-text.ts), less a margin for the head. */
const LIMIT = 2 * 1024 * 1024;
const HEAD = 'statut: diffuse\ndate: 2023-06-20\npresence: [OIM]\nordre_du_jour:\n  - titre: Ouverture\n    discussion: |\n';
const BODY = LIMIT - Buffer.byteLength(HEAD) - 64;
const INDENT = '      ';

/** Lines of `unit`, as many as fit. */
const lines = (unit) => `${INDENT}${unit}\n`.repeat(Math.floor(BODY / Buffer.byteLength(`${INDENT}${unit}\n`)));
/** One line of `unit` repeated, as long as fits. */
const line = (unit) => `${INDENT}${unit.repeat(Math.floor((BODY - 8) / Buffer.byteLength(unit)))}\n`;

const SHAPES = [
  ['prose (paragraphs, emphasis, links, code, HTML)', lines('Le **GTM** a discuté de <b>la</b> cartographie, voir https://example.org/x et `code` [lien](https://a.b) _ok_ \\* fin.\n')],
  ['one word', line('a')],
  ['spaces before « »', line(`a${' '.repeat(1000)}»`)],
  ['« > » nested', line('> ')],
  ['lists and quotes nested', lines('- > - 1. > #')],
  ['backtick runs of every length', (() => { let text = INDENT; for (let k = 1; text.length + k + 1 < BODY; k++) text += `${'`'.repeat(k)} `; return `${text}\n`; })()],
  ['unclosed angle brackets', line('<a')],
  ['unclosed link targets', line('[a](')],
  ['headings followed by spaces', lines(`# a${' '.repeat(200)}b`)],
  ['bare addresses', line('http://a. ')],
];

const work = mkdtempSync(path.join(tmpdir(), 'gtm-bench-hostile-'));
const repository = (name, meeting) => {
  const root = path.join(work, name);
  mkdirSync(path.join(root, 'meetings'), { recursive: true });
  writeFileSync(path.join(root, 'gtm.yaml'), readFileSync(path.join(PROJECT, 'gtm.yaml')));
  if (meeting === undefined) cpSync(path.join(PROJECT, 'meetings'), path.join(root, 'meetings'), { recursive: true });
  else writeFileSync(path.join(root, 'meetings', '2023-06-20-national.yaml'), meeting);
  return root;
};

const cases = [
  { label: "node -e ''", argv: [process.execPath, '-e', ''], cwd: work },
  { label: 'render --format md, a real meeting (2023-06-20)', argv: [process.execPath, BIN, 'render', '2023-06-20-national', '--format', 'md', '-o', '-'], cwd: repository('bundled') },
  { label: 'render --format md, « > » × 28 (was 28.6 s)', argv: [process.execPath, BIN, 'render', '--format', 'md', '-o', '-'], cwd: repository('quotes-28', `${HEAD}${INDENT}${'> '.repeat(28)}x\n`) },
  { label: 'render --format md, a 40,000-character word', argv: [process.execPath, BIN, 'render', '--format', 'md', '-o', '-'], cwd: repository('word-40k', `${HEAD}${INDENT}${'a'.repeat(40_000)}\n`) },
  ...SHAPES.map(([label, body], index) => ({
    label: `render --format md, 2 MB: ${label}`,
    argv: [process.execPath, BIN, 'render', '--format', 'md', '-o', '-'],
    cwd: repository(`shape-${index}`, `${HEAD}${body}`),
    limit: true,
  })),
];

function once({ argv, cwd }) {
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 30 });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} in ${cwd} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

// Every case once per round after a warm-up round, so that a passing load moves them together.
const samples = cases.map(() => []);
for (let round = 0; round <= RUNS; round++) {
  cases.forEach((testCase, index) => {
    const elapsed = once(testCase);
    if (round > 0) samples[index].push(elapsed);
  });
}
rmSync(work, { recursive: true, force: true });

const results = cases.map((testCase, index) => {
  const sorted = [...samples[index]].sort((a, b) => a - b);
  return { ...testCase, median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
});
const [node, real] = results;
const row = (result) => {
  const target = result.limit ? `< 3000 ms ${result.median < 3000 ? '✓' : '✗'}` : result.label.includes('40,000') || result.label.includes('× 28') ? `< 1000 ms ${result.median < 1000 ? '✓' : '✗'}` : '';
  return `| ${result.label} | ${result.median.toFixed(0)} | ${result.min.toFixed(0)} | ${(result.median / real.median).toFixed(2)} × | ${target} |`;
};
const report = [
  '## Hostile inputs at the size limit (`node scripts/bench-hostile.mjs`)',
  '',
  `Measured by \`node scripts/bench-hostile.mjs --runs ${RUNS}\` on ${cpus().length} shared cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}: medians of interleaved rounds after a warm-up round, in ms; « × real » is against the Markdown of a real meeting measured in the same rounds. Each 2 MB file is the largest meeting gtm accepts, its discussion shaped to defeat a careless scanner.`,
  '',
  '| Case | median | min | × real | target |',
  '| --- | ---: | ---: | ---: | --- |',
  `| ${node.label} | ${node.median.toFixed(0)} | ${node.min.toFixed(0)} | ${(node.median / real.median).toFixed(2)} × | |`,
  ...results.slice(1).map(row),
  '',
].join('\n');
process.stdout.write(`${report}\n`);
if (WRITE) {
  const file = path.join(PROJECT, 'BENCHMARKS.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('## Hostile inputs at the size limit');
  const end = start < 0 ? -1 : text.indexOf('\n## ', start + 1);
  const next = start < 0 ? `${text.trimEnd()}\n\n${report}` : `${text.slice(0, start)}${report}${end < 0 ? '' : text.slice(end)}`;
  writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
}
