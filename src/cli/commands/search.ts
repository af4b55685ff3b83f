// gtm search <mots…> [--groupe G] [--depuis AAAA-MM] [--format table|json]: the site's search
// in the terminal, with the same index and the same French normalisation (src/search/). The
// index is kept in .gtm-cache/ under a digest of the files: an unchanged repository is searched
// without loading a single meeting.
import { usageError } from '../../core/diagnostics.js';
import { findRoot } from '../../core/repository/files.js';
import { loadRepository } from '../../core/repository/load.js';
import { readSearchCache, searchDigest, writeSearchCache } from '../../core/repository/search-cache.js';
import { searchDocuments } from '../../search/documents.js';
import { buildIndex, loadIndex, searchFirst, serializeIndex, type SearchHit, type SearchIndex, type SerializedIndex } from '../../search/index.js';
import { colorsFor, type Colors } from '../colors.js';
import type { Io } from '../io.js';
import type { ExitCode } from '../exit.js';
import { searching as text } from '../messages.js';

export interface SearchOptions {
  words: string[];
  groupe?: string;
  depuis?: string;
  format: 'table' | 'json';
  /** How many hits to show, best first; 0 for all. */
  limit: number;
}

interface StoredSearch {
  groupes: string[];
  index: SerializedIndex;
}

export async function run(options: SearchOptions, io: Io): Promise<ExitCode> {
  const query = options.words.join(' ').trim();
  if (options.depuis !== undefined && !/^\d{4}-(?:0[1-9]|1[0-2])$/.test(options.depuis)) throw usageError(text.badMonth(options.depuis));
  const { index, groups, skipped } = await searchIndex(io.cwd);
  let group: string | undefined;
  if (options.groupe !== undefined) {
    group = groups.find((key) => key.toLowerCase() === options.groupe!.trim().toLowerCase());
    if (!group) throw usageError(text.unknownGroup(options.groupe, groups));
  }
  if (skipped > 0) io.stderr(text.skipped(skipped));
  const filters = { ...(group ? { groupe: group } : {}), ...(options.depuis ? { depuis: options.depuis } : {}) };
  const { total, hits } = searchFirst(index, query, filters, options.limit === 0 ? Number.POSITIVE_INFINITY : options.limit);
  io.stdout(options.format === 'json' ? json(query, hits, total) : table(query, hits, total, colorsFor(io, 'stdout')));
  return 0;
}

/** The stored index when no file changed; else the meetings loaded and indexed, and the index stored. */
async function searchIndex(cwd: string): Promise<{ index: SearchIndex; groups: string[]; skipped: number }> {
  const root = findRoot(cwd);
  const digest = root ? searchDigest(root) : undefined;
  const stored = root && digest ? (readSearchCache(root, digest) as StoredSearch | undefined) : undefined;
  if (stored && Array.isArray(stored.groupes) && stored.index) {
    try {
      return { index: loadIndex(stored.index), groups: stored.groupes, skipped: 0 };
    } catch {
      // A damaged cache: indexed again below.
    }
  }
  const repository = await loadRepository(cwd);
  const index = buildIndex(searchDocuments(repository.meetings, repository.config));
  const groups = Object.keys(repository.config.groupes);
  // Files with errors are left out, and the index is not kept: once they are fixed, they count.
  const broken = new Set(repository.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.location?.file));
  if (broken.size === 0 && digest) writeSearchCache(repository.root, digest, { groupes: groups, index: serializeIndex(index) } satisfies StoredSearch);
  return { index, groups, skipped: broken.size };
}

function table(query: string, hits: readonly SearchHit[], total: number, colors: Colors): string {
  if (hits.length === 0) return text.none(query);
  const coloured = colors.bold('x') !== 'x';
  const mark = (word: string) => (coloured ? colors.bold(colors.yellow(word)) : `[${word}]`);
  const lines: string[] = [];
  for (const hit of hits) {
    const excerpt = hit.extrait.parts.map((part) => (part.hit ? mark(part.text) : part.text)).join('');
    lines.push(
      `${colors.bold(hit.intitule)}  ${colors.dim(`${hit.reunion}#${hit.ancre}`)}`,
      `  ${hit.titre}`,
      `  ${hit.extrait.cutBefore ? '… ' : ''}${excerpt}${hit.extrait.cutAfter ? ' …' : ''}`,
      '',
    );
  }
  lines.push(total > hits.length ? text.countFirst(total, hits.length, query) : text.count(hits.length, new Set(hits.map((hit) => hit.reunion)).size, query));
  return `${lines.join('\n')}\n`;
}

function json(query: string, hits: readonly SearchHit[], total: number): string {
  const results = hits.map((hit) => ({
    reunion: hit.reunion,
    date: hit.date,
    groupe: hit.groupe,
    intitule: hit.intitule,
    point: hit.ancre,
    titre: hit.titre,
    score: hit.score,
    extrait: `${hit.extrait.cutBefore ? '… ' : ''}${hit.extrait.parts.map((part) => part.text).join('')}${hit.extrait.cutAfter ? ' …' : ''}`,
    surligne: hit.extrait.parts.filter((part) => part.hit).map((part) => part.text),
  }));
  return `${JSON.stringify({ requete: query, total, resultats: results }, null, 2)}\n`;
}
