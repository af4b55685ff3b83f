// The cache: one JSON file of each file's checked data under its path and the hash of its
// bytes. What is stored comes back for the same bytes only; a damaged file or another build's
// cache is no cache; files no longer present are dropped; nothing but files.json and its
// .gitignore is left behind.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_DIR, FileCache, hashBytes } from '../../src/core/repository/cache.js';

describe('the cache', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'gtm-cache-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const entry = (hash: string, title = 'x') => ({ hash, diagnostics: [], data: { ordre_du_jour: [{ titre: title, discussion: `Discussion ${title}` }] } });
  const cacheFile = () => path.join(root, CACHE_DIR, 'files.json');

  it('gives back what was stored for the same bytes, prose included, and nothing for other bytes', () => {
    const cache = FileCache.open(root);
    cache.set('meetings/a.yaml', entry('h1', 'a'));
    cache.set('meetings/b.yaml', { hash: 'h2', diagnostics: [{ severity: 'error', code: 'c', message: 'm', location: { file: 'meetings/b.yaml', line: 2, column: 3 } }] });
    cache.save(new Set(['meetings/a.yaml', 'meetings/b.yaml']));
    const reopened = FileCache.open(root);
    expect(reopened.get('meetings/a.yaml', 'h1')).toEqual(entry('h1', 'a'));
    expect(reopened.get('meetings/a.yaml', 'h9')).toBeUndefined();
    expect(reopened.get('meetings/b.yaml', 'h2')?.diagnostics[0]?.location).toEqual({ file: 'meetings/b.yaml', line: 2, column: 3 });
    expect(readdirSync(path.join(root, CACHE_DIR)).sort()).toEqual(['.gitignore', 'files.json']);
    expect(readFileSync(path.join(root, CACHE_DIR, '.gitignore'), 'utf8')).toContain('*\n');
  });

  it('drops the files no longer present, and is not rewritten when nothing changed', () => {
    const cache = FileCache.open(root);
    cache.set('meetings/a.yaml', entry('h1'));
    cache.set('meetings/b.yaml', entry('h2'));
    cache.save(new Set(['meetings/a.yaml', 'meetings/b.yaml']));
    const before = readFileSync(cacheFile(), 'utf8');
    FileCache.open(root).save(new Set(['meetings/a.yaml', 'meetings/b.yaml']));
    expect(readFileSync(cacheFile(), 'utf8')).toBe(before);
    FileCache.open(root).save(new Set(['meetings/a.yaml']));
    const after = FileCache.open(root);
    expect(after.get('meetings/b.yaml', 'h2')).toBeUndefined();
    expect(after.get('meetings/a.yaml', 'h1')).toBeDefined();
  });

  it('is empty when its file is damaged, cut, of another build, or holds entries of the wrong shape', () => {
    const cache = FileCache.open(root);
    cache.set('meetings/a.yaml', entry('h1'));
    cache.save(new Set(['meetings/a.yaml']));
    const text = readFileSync(cacheFile(), 'utf8');
    for (const damaged of [text.slice(0, -2), text.replace(/"fingerprint":"[^"]*"/, '"fingerprint":"other"'), text.replace('"diagnostics":[]', '"diagnostics":7'), '']) {
      writeFileSync(cacheFile(), damaged);
      expect(FileCache.open(root).get('meetings/a.yaml', 'h1')).toBeUndefined();
    }
  });

  it('never throws when the repository cannot be written, and leaves no temporary file', () => {
    chmodSync(root, 0o500);
    try {
      const cache = FileCache.open(root);
      cache.set('meetings/a.yaml', entry('h1'));
      expect(() => cache.save(new Set(['meetings/a.yaml']))).not.toThrow();
    } finally {
      chmodSync(root, 0o700);
    }
    const left = readdirSync(root, { recursive: true }).map(String).filter((name) => name.endsWith('.tmp'));
    expect(left).toEqual([]);
  });

  it('keys files by the SHA-1 of their bytes', () => {
    expect(hashBytes(new TextEncoder().encode('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });
});
