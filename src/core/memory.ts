// A full garbage collection, for the moment a command knows that most of its heap has just
// become garbage (every loaded meeting and the ledger, once the action states are computed).
// V8 collects its old generation only when the heap outgrows a limit set at its previous
// collection, so the output that follows would grow the heap on top of that garbage: at
// 10,000 meetings, 20 MB more at the peak. Node exposes gc() only to a context created once
// the flag is set.

/** Below this much heap in use, a collection (and the context it needs, 3 ms) is not worth it. */
const WORTH_COLLECTING_BYTES = 64 * 1024 * 1024;

let collect: (() => void) | undefined;

/** Only ever a saving: where this Node cannot expose gc(), nothing happens. */
export async function collectGarbage(): Promise<void> {
  if (process.memoryUsage().heapUsed < WORTH_COLLECTING_BYTES) return;
  try {
    collect ??= await exposedCollector();
    collect();
  } catch {
    collect = () => {};
  }
}

/** Loaded only when needed: node:v8 alone takes 2 ms to load. */
async function exposedCollector(): Promise<() => void> {
  const [{ setFlagsFromString }, { runInNewContext }] = await Promise.all([import('node:v8'), import('node:vm')]);
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
