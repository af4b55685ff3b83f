// The cache's own pieces: memos (results kept for a set of files) read back exactly what was
// stored and nothing doubtful, and the digest that keys them depends on every file's path and
// content, not on their order.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestOf, MeetingCache, type CachedFile } from '../../src/core/cache.js';

const SEED = Number(process.env.GTM_SEED ?? 20_230_620);

describe('memos', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'gtm-cache-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const read = (cache: MeetingCache, digest: string) => {
    const items: unknown[] = [];
    return cache.readMemo('test', digest, (item) => items.push(item) > 0) ? items : undefined;
  };

  it('give back the items stored for the same digest, in order, as any JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 20 }), (items) => {
        MeetingCache.open(root).storeMemo('test', 'd1', items);
        // JSON itself turns -0 into 0.
        expect(read(MeetingCache.open(root), 'd1')).toEqual(JSON.parse(JSON.stringify(items)));
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('give nothing for another digest, a damaged or cut file, or when the reader refuses an item', () => {
    const cache = MeetingCache.open(root);
    expect(cache.hasMemo('test')).toBe(false);
    expect(read(cache, 'd1')).toBeUndefined();
    cache.storeMemo('test', 'd1', [{ a: 1 }, 'é', [2]]);
    expect(cache.hasMemo('test')).toBe(true);
    expect(read(cache, 'd1')).toEqual([{ a: 1 }, 'é', [2]]);
    expect(read(cache, 'd2')).toBeUndefined();
    expect(cache.readMemo('test', 'd1', (item) => item !== 'é')).toBe(false);

    const file = path.join(root, '.gtm-cache/test.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"a":1', '"a":7'));
    expect(read(cache, 'd1')).toBeUndefined();
    writeFileSync(file, text.slice(0, -1));
    expect(read(cache, 'd1')).toBeUndefined();
    writeFileSync(file, text);
    expect(read(cache, 'd1')).toEqual([{ a: 1 }, 'é', [2]]);
  });
});

describe('the entries\' log', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'gtm-cache-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const entry = (hash: string, text = 'x') => ({ hash, diagnostics: [], data: { ordre_du_jour: [{ titre: text, discussion: `Discussion ${text}` }] } as never });
  const logFile = () => path.join(root, '.gtm-cache/meetings.json');
  const entryLines = () => readFileSync(logFile(), 'utf8').split('\n').slice(1, -1);
  const store = (entries: Record<string, string>) => {
    const cache = MeetingCache.open(root);
    for (const [key, hash] of Object.entries(entries)) cache.set(key, entry(hash, key));
    cache.save(new Set(Object.keys(entries)));
  };

  it('keeps each file\'s latest entry, appending one line per change', () => {
    store({ 'meetings/a.yaml': 'h1', 'meetings/b.yaml': 'h2' });
    store({ 'meetings/a.yaml': 'h3', 'meetings/b.yaml': 'h2' });
    expect(entryLines()).toHaveLength(4);
    const cache = MeetingCache.open(root);
    expect(cache.get('meetings/a.yaml', 'h1')).toBeUndefined();
    expect(cache.get('meetings/a.yaml', 'h3')?.data).toEqual(entry('h3', 'meetings/a.yaml').data);
    expect(cache.get('meetings/b.yaml', 'h2')).toBeDefined();
  });

  it('skips a damaged line, and one cut by a crash, keeping the others; the next line starts afresh', () => {
    store({ 'meetings/a.yaml': 'h1', 'meetings/b.yaml': 'h2', 'meetings/c.yaml': 'h3' });
    const text = readFileSync(logFile(), 'utf8');
    writeFileSync(logFile(), text.replace('Discussion meetings/b.yaml', 'Discussion altérée').slice(0, -10));
    let cache = MeetingCache.open(root);
    expect(cache.get('meetings/a.yaml', 'h1')).toBeDefined();
    expect(cache.get('meetings/b.yaml', 'h2')).toBeUndefined();
    expect(cache.get('meetings/c.yaml', 'h3')).toBeUndefined();
    cache.set('meetings/c.yaml', entry('h3', 'meetings/c.yaml'));
    cache.save(new Set(['meetings/a.yaml', 'meetings/b.yaml', 'meetings/c.yaml']));
    cache = MeetingCache.open(root);
    expect(cache.get('meetings/a.yaml', 'h1')).toBeDefined();
    expect(cache.get('meetings/c.yaml', 'h3')).toBeDefined();
  });

  it('is rewritten without stale lines once they outnumber the live ones, dropping removed files', () => {
    store({ 'meetings/a.yaml': 'h1', 'meetings/b.yaml': 'h2' });
    store({ 'meetings/a.yaml': 'h3', 'meetings/b.yaml': 'h2' });
    store({ 'meetings/a.yaml': 'h4' });
    expect(entryLines()).toHaveLength(1);
    const cache = MeetingCache.open(root);
    expect(cache.get('meetings/a.yaml', 'h4')).toBeDefined();
    expect(cache.size).toBe(1);
  });

  it('ignores a log of another build and starts a new one', () => {
    store({ 'meetings/a.yaml': 'h1' });
    const [header, ...rest] = readFileSync(logFile(), 'utf8').split('\n');
    writeFileSync(logFile(), [header!.replace(/"fingerprint":"/, '"fingerprint":"autre '), ...rest].join('\n'));
    expect(MeetingCache.open(root).size).toBe(0);
    store({ 'meetings/b.yaml': 'h2' });
    expect(entryLines()).toHaveLength(1);
    expect(MeetingCache.open(root).get('meetings/b.yaml', 'h2')).toBeDefined();
  });

  it('reads back every entry written across many blocks, and one larger than a block', () => {
    const cache = MeetingCache.open(root);
    const texts = Array.from({ length: 300 }, (_, index) => `é’${'x'.repeat((index * 7919) % 20_000)}`);
    texts.push('y'.repeat(1_500_000));
    texts.forEach((text, index) => cache.set(`meetings/${index}.yaml`, entry(`h${index}`, text)));
    cache.save(new Set(texts.map((_, index) => `meetings/${index}.yaml`)));
    const reopened = MeetingCache.open(root);
    expect(reopened.size).toBe(texts.length);
    texts.forEach((text, index) => expect(reopened.get(`meetings/${index}.yaml`, `h${index}`)?.data).toEqual(entry('', text).data));
  });

  it('keeps in memory what `slim` keeps, while the log keeps whole entries', () => {
    store({ 'meetings/a.yaml': 'h1' });
    const slim = (stored: CachedFile): CachedFile => ({ hash: stored.hash, diagnostics: stored.diagnostics });
    expect(MeetingCache.open(root, { slim }).get('meetings/a.yaml', 'h1')?.data).toBeUndefined();
    expect(MeetingCache.open(root).get('meetings/a.yaml', 'h1')?.data).toBeDefined();
  });
});

describe('digestOf', () => {
  const files = [
    ['gtm.yaml', 'a1'],
    ['meetings/2023-06-20-national.yaml', 'b2'],
    ['meetings/2023-07-20-national.yaml', 'c3'],
  ] as const;

  it('ignores the order of the files', () => {
    expect(digestOf([...files].reverse())).toBe(digestOf(files));
  });

  it('changes with a path, a content, a file added or removed, or a file that cannot be read', () => {
    const base = digestOf(files);
    const variants = [
      [files[0], files[1], ['meetings/2023-07-21-national.yaml', 'c3']],
      [files[0], files[1], ['meetings/2023-07-20-national.yaml', 'c4']],
      [files[0], files[1]],
      [...files, ['meetings/2023-08-01-national.yaml', 'd4']],
      [files[0], files[1], ['meetings/2023-07-20-national.yaml', undefined]],
    ] as const;
    const digests = variants.map((variant) => digestOf(variant));
    expect(new Set([base, ...digests]).size).toBe(variants.length + 1);
  });
});
