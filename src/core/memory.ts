// A full garbage collection, for the moment a command knows that most of its heap has just
// become garbage (every loaded meeting and the ledger, once the action states are computed).
// V8 collects its old generation only when the heap outgrows a limit set at its previous
// collection, so the output that follows would grow the heap on top of that garbage: at
// 10,000 meetings, 20 MB more at the peak. Node exposes gc() only to a context created once
// the flag is set.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this much heap in use, a collection (and the context it needs, 3 ms) is not worth it. */
const WORTH_COLLECTING_BYTES = 64 * 1024 * 1024;

let collect: (() => void) | undefined;

export function collectGarbage(): void {
  if (getHeapStatistics().used_heap_size < WORTH_COLLECTING_BYTES) return;
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
