// collectGarbage: one full collection, once most of the heap has become garbage.
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/core/memory.js';

const MB = 1024 * 1024;

describe('collectGarbage', () => {
  it('frees what was dropped, and can be called again', async () => {
    // About 80 MB of arrays, above the 64 MB in use below which nothing is collected.
    let garbage: number[][] | undefined = Array.from({ length: 400 }, (_, index) => new Array<number>(50_000).fill(index));
    const held = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(400);
    garbage = undefined;
    await collectGarbage();
    expect(process.memoryUsage().heapUsed).toBeLessThan(held - 50 * MB);
    await expect(collectGarbage()).resolves.toBeUndefined();
  });
});
