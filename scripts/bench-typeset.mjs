// The typesetter measured: line breaking, greedy (the baseline) against total-fit (Knuth-Plass),
// in the same run on the same documents (the bundled meetings and a long synthetic one), and the
// typesetter's time on inputs that used to grow faster than their size.
//
//   node --import tsx scripts/bench-typeset.mjs            prints a Markdown report
//   node --import tsx scripts/bench-typeset.mjs --write    also replaces its section of BENCHMARKS.md
//
// Metrics, from the pages themselves (text marks and the structure elements they belong to):
// the inter-word space of each justified line as a multiple of the natural space (largest, mean
// over all spaces, lines beyond 1.5 ×), outside table cells; hyphenated lines; widows (a
// paragraph's last line alone at the top of a page) and orphans (its first line alone at the
// foot of one); headings last on a page.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { loadRepository } from '../src/core/repository/load.ts';
import { minutesDocument } from '../src/document/index.ts';
import { renderMinutes } from '../src/render/minutes.ts';
import { pageFurniture } from '../src/render/page-furniture.ts';
import { composeDocument, typeset } from '../src/typeset/index.ts';
import { createFontLibrary } from '../src/typeset/fonts/library.ts';
import { fontMeasure } from '../src/typeset/measure.ts';
import { theme } from '../src/typeset/style.ts';
import { longMeeting } from '../test/fixtures/long-meeting/long-meeting.ts';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const WRITE = process.argv.includes('--write');
const SOFT_HYPHEN = '\u00ad';
const LONG_ID = '2024-01-15-national';

// ---------- The documents: the bundled meetings and a long synthetic one ----------

const work = mkdtempSync(path.join(tmpdir(), 'gtm-bench-typeset-'));
cpSync(path.join(PROJECT, 'gtm.yaml'), path.join(work, 'gtm.yaml'));
cpSync(path.join(PROJECT, 'meetings'), path.join(work, 'meetings'), { recursive: true });
writeFileSync(path.join(work, 'meetings', `${LONG_ID}.yaml`), stringify(longMeeting({ date: '2024-01-15', statut: 'diffuse' })));
const repository = await loadRepository(work, { cache: false });
const documents = (await renderMinutes(repository.meetings, repository)).map(({ meeting, source, markdown }) => ({
  id: meeting.id === LONG_ID ? `${LONG_ID} (synthetic)` : meeting.id,
  spec: minutesDocument(markdown, pageFurniture(meeting, repository.config, source)),
}));

// ---------- Metrics of one composed document ----------

const measure = fontMeasure(createFontLibrary());

function metrics({ pages, structure }) {
  const roleOf = (tag) => structure.nodes[tag]?.role;
  const parentOf = new Map();
  structure.nodes.forEach((node, id) => node.children.forEach((child) => parentOf.set(child, id)));
  const inCell = (tag) => {
    for (let at = tag; at !== undefined; at = parentOf.get(at)) if (roleOf(at) === 'TD' || roleOf(at) === 'TH') return true;
    return false;
  };
  const result = { ragged: 0, lines: 0, largest: 1, spaces: 0, spaceSum: 0, beyond: 0, hyphenated: 0, widows: 0, orphans: 0, headingsLast: 0, pages: pages.length };
  /** Lines of each paragraph, in order: [page, y]. */
  const paragraphLines = new Map();
  pages.forEach((page, pageIndex) => {
    const lines = new Map();
    for (const mark of page.marks) {
      if (mark.kind !== 'text' || mark.tag === undefined) continue;
      const key = `${mark.tag}:${mark.y.toFixed(2)}`;
      if (!lines.has(key)) lines.set(key, { tag: mark.tag, y: mark.y, marks: [] });
      lines.get(key).marks.push(mark);
    }
    let lastBody;
    for (const line of lines.values()) {
      const role = roleOf(line.tag);
      if (role === 'Lbl') continue;
      if (!lastBody || line.y > lastBody.y) lastBody = line;
      const text = line.marks.map((m) => m.text).join('');
      if (text.endsWith(SOFT_HYPHEN)) result.hyphenated++;
      if (role === 'P' && !inCell(line.tag)) {
        result.lines++;
        for (const mark of line.marks) {
          const count = [...mark.text].filter((c) => c === ' ').length;
          if (count === 0) continue;
          const natural = measure.width(' ', mark.face, mark.size);
          const ratio = (natural + mark.extraSpace) / natural;
          result.largest = Math.max(result.largest, ratio);
          result.spaces += count;
          result.spaceSum += ratio * count;
          if (ratio > 1.5 + 1e-6) result.beyond++;
        }
        if (!paragraphLines.has(line.tag)) paragraphLines.set(line.tag, []);
        paragraphLines.get(line.tag).push({ page: pageIndex, set: line.marks.some((m) => m.text.includes(' ')) ? (line.marks.some((m) => m.extraSpace !== 0) ? 'justified' : 'natural') : 'none' });
      }
    }
    if (lastBody && /^H\d$/.test(roleOf(lastBody.tag)) && pageIndex < pages.length - 1) result.headingsLast++;
  });
  for (const paragraph of paragraphLines.values()) {
    const linePages = paragraph.map((line) => line.page);
    // Justified text is never at natural spacing but on its last line: more such lines, a ragged paragraph.
    if (paragraph.slice(0, -1).some((line) => line.set === 'natural') && paragraph.some((line) => line.set === 'justified') === false && paragraph.length > 2) result.ragged++;
    if (linePages.length < 2) continue;
    const first = linePages[0];
    const last = linePages[linePages.length - 1];
    if (first === last) continue;
    if (linePages.filter((p) => p === first).length === 1) result.orphans++;
    if (linePages.filter((p) => p === last).length === 1) result.widows++;
  }
  return result;
}

const rows = [];
const totals = { greedy: { ms: 0 }, optimal: { ms: 0 } };
const RUNS = 5;
for (const { id, spec } of documents) {
  for (const breaking of ['greedy', 'optimal']) {
    let composed = composeDocument(spec, measure, { breaking }); // warm-up
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      composed = composeDocument(spec, measure, { breaking });
      times.push(performance.now() - started);
    }
    const ms = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    totals[breaking].ms += ms;
    rows.push({ id, breaking, ms, ...metrics(composed) });
  }
}

// ---------- Time on the inputs of issue 14, item 5 ----------

const metadata = { title: 't', author: 'a', subject: 's', language: 'fr-FR', creationDate: new Date(0) };
async function timeTypeset(spec) {
  const started = performance.now();
  const bytes = await typeset(spec);
  return { ms: performance.now() - started, bytes: bytes.length };
}
const word = Array.from({ length: 40_000 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[i % 26]).join('');
const longWord = await timeTypeset({ blocks: [{ kind: 'paragraph', runs: [{ text: `Un mot de 40 000 caractères : ${word} fin.` }] }], metadata });
// The largest meeting the size limit allows (2 MiB): its discussions, at that size, as blocks.
const long = documents.find((d) => d.id.startsWith(LONG_ID)).spec;
const textLength = (value) =>
  Array.isArray(value) ? value.reduce((n, v) => n + textLength(v), 0) : value && typeof value === 'object' ? (typeof value.text === 'string' ? value.text.length : 0) + Object.values(value).reduce((n, v) => n + (typeof v === 'object' ? textLength(v) : 0), 0) : 0;
const blocks = [];
const oneCopy = textLength(long.blocks);
for (let size = 0; size < 2 * 1024 * 1024; size += oneCopy) blocks.push(...long.blocks);
const largest = await timeTypeset({ ...long, blocks });

// ---------- Report ----------

const fmt = (value, digits = 2) => value.toFixed(digits);
const lines = [
  `Measured on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'CPU'}, Node ${process.version}; composition time: median of ${RUNS} runs after a warm-up, per document and breaker (a shared machine: times are indicative).`,
  '',
  '| Document | Breaker | Pages | Lines | Largest space | Mean space | Lines > 1.5 × | Hyphenated | Ragged paragraphs | Widows | Orphans | Headings last | Compose |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.id} | ${r.breaking} | ${r.pages} | ${r.lines} | ${fmt(r.largest)} × | ${fmt(r.spaces ? r.spaceSum / r.spaces : 1)} × | ${r.beyond} | ${r.hyphenated} | ${r.ragged} | ${r.widows} | ${r.orphans} | ${r.headingsLast} | ${fmt(r.ms, 0)} ms |`,
  ),
  '',
];
const sum = (breaking, key) => rows.filter((r) => r.breaking === breaking).reduce((total, r) => total + r[key], 0);
const beyond = sum('optimal', 'beyond');
const hyphens = { greedy: sum('greedy', 'hyphenated'), optimal: sum('optimal', 'hyphenated') };
const widowsOrphans = sum('optimal', 'widows') + sum('optimal', 'orphans');
lines.push(
  `Targets (total-fit): no line beyond 1.5 × outside table cells (${beyond === 0 ? 'met' : `MISSED: ${beyond}`}), fewer hyphens than greedy (${hyphens.optimal < hyphens.greedy ? 'met' : 'MISSED'}: ${hyphens.optimal} against ${hyphens.greedy}), 0 widows and orphans (${widowsOrphans === 0 ? 'met' : `MISSED: ${widowsOrphans}`}). Composition of the four documents (medians): greedy ${fmt(totals.greedy.ms, 0)} ms, total-fit ${fmt(totals.optimal.ms, 0)} ms.`,
  '',
  '| Input (typeset to PDF bytes, fonts embedded) | Time | PDF | Target |',
  '| --- | ---: | ---: | --- |',
  `| one word of 40,000 characters | ${fmt(longWord.ms, 0)} ms | ${Math.round(longWord.bytes / 1024)} kB | < 1 s (${longWord.ms < 1000 ? 'met' : 'MISSED'}) |`,
  `| the long meeting's blocks repeated to ${(textLength(blocks) / 1024 / 1024).toFixed(1)} MiB of text (the file size limit is 2 MiB) | ${fmt(largest.ms, 0)} ms | ${Math.round(largest.bytes / 1024)} kB | < 15 s (${largest.ms < 15_000 ? 'met' : 'MISSED'}) |`,
);
const report = lines.join('\n');
process.stdout.write(`${report}\n`);
rmSync(work, { recursive: true, force: true });

if (WRITE) {
  const file = path.join(PROJECT, 'BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = `<!-- bench:typeset -->\n## Typesetting (\`node --import tsx scripts/bench-typeset.mjs --write\`)\n\n${report}\n<!-- /bench:typeset -->`;
  const next = current.includes('<!-- bench:typeset -->')
    ? current.replace(/<!-- bench:typeset -->[\s\S]*<!-- \/bench:typeset -->/, section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
