// Checks many meeting files on every core: the main thread and worker threads (parse-worker.ts)
// take chunks of files from one queue, so a busy core simply takes fewer. Small batches, and
// runs from the TypeScript sources (tests), where no worker file is built, stay on this thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CachedFile } from './cache.js';
import type { Meeting } from './schema/meeting.js';

/**
 * Files per worker thread: none up to this many files, then one more per this many, up to one
 * per core beyond this one. A worker boots in about 100 ms on a core it shares with this
 * thread: measured on two vCPUs (cold `validate` and `actions`), it costs more than it saves
 * below about 750 meetings (200: 428 ms against 362 without; 500: 667 against 555), breaks even
 * at 750 to 1,000 and wins beyond (2,000: 1,279 against 1,470). GTM_PARALLEL_ABOVE sets it, so
 * that tests can exercise the workers on small repositories.
 */
export const PARALLEL_ABOVE = Number(process.env.GTM_PARALLEL_ABOVE) || 750;
/**
 * Files per message at most: large enough that messaging is negligible. Chunks shrink towards
 * the end of the queue (down to MIN_CHUNK), so that no thread is left waiting while another
 * finishes a large last chunk, or the two a worker holds ahead.
 */
const CHUNK = 32;
const MIN_CHUNK = 4;
/**
 * The worker's young generation, in MB. Its garbage (YAML documents) dies young: a small young
 * generation costs a few more scavenges (about 3 % more time) and keeps about 10 MB less
 * resident at 10,000 files than V8's default, which grows it to 16 MB per semi-space.
 */
const WORKER_YOUNG_GENERATION_MB = 8;
/** The bundled worker sits beside the bundle's chunks (scripts/build.mjs). */
const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

export interface ParseJob {
  relativePath: string;
  /** Absolute path: the file is read by the thread that checks it. */
  file: string;
}

export interface ParseRequest {
  start: number;
  jobs: ParseJob[];
}

export interface ParseResponse {
  start: number;
  /** One cache entry per job, as UTF-8 JSON; empty for a file that could not be read. */
  entries: Uint8Array[];
}

/**
 * Receives each checked file as soon as it is checked (in no particular order): its cache
 * entry as JSON text and parsed, or nothing when the file could not be read. The text is not
 * kept here: at 10,000 files all of it would weigh 24 MB.
 */
export type OnChecked = (index: number, checked?: { json: string | Uint8Array; entry: CachedFile<Meeting> }) => void;

const newWorker = () => new Worker(WORKER_URL, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });

/** Workers started ahead by startParseWorkers; `failed` once one ended or failed while booting. */
const started: Array<{ worker: Worker; failed: boolean }> = [];

/**
 * Starts the workers that checkMeetingFiles will use for `files` files now, so that they boot
 * (about 100 ms) while this thread loads the rest of the command. Unused, they never hold
 * the process open.
 */
export function startParseWorkers(files: number): void {
  for (let count = threadsFor(files) - started.length; count > 0; count--) {
    const ahead = { worker: newWorker(), failed: false };
    // Listened to at once: an error with no listener would end the process.
    const fail = () => {
      ahead.failed = true;
    };
    ahead.worker.on('error', fail).on('exit', fail).unref();
    started.push(ahead);
  }
}

/** A worker started ahead, if one is sound, else a new one. */
function takeWorker(): Worker {
  const ahead = started.shift();
  if (ahead && !ahead.failed) {
    // Held open now that it has work: an unfinished answer must not let the process end.
    ahead.worker.ref();
    return ahead.worker;
  }
  if (ahead) void ahead.worker.terminate();
  return newWorker();
}

type CheckHere = (start: number, end: number) => Promise<void>;

/** How many worker threads check `files` files: none for a few, else one per core beyond this one. */
function threadsFor(files: number): number {
  if (files <= PARALLEL_ABOVE || !existsSync(fileURLToPath(WORKER_URL))) return 0;
  return Math.max(0, Math.min(availableParallelism() - 1, Math.floor(files / PARALLEL_ABOVE)));
}

/** Reads and checks each job's file, handing the results to `onChecked`. */
export async function checkMeetingFiles(jobs: readonly ParseJob[], onChecked: OnChecked): Promise<void> {
  const queue = { next: 0 };
  const threads = threadsFor(jobs.length);
  const take = (): [number, number] => {
    const start = queue.next;
    // A share of what is left for each thread, each worker holding two chunks.
    const share = Math.ceil((jobs.length - start) / (3 * threads + 1));
    queue.next = Math.min(jobs.length, start + Math.max(MIN_CHUNK, Math.min(CHUNK, share)));
    return [start, queue.next];
  };
  const checker = import('./meeting-check.js').then(({ fileBuffer, serialisedEntries }): CheckHere => {
    const buffer = fileBuffer();
    return async (start, end) => {
      const entries = await serialisedEntries(jobs.slice(start, end), buffer);
      entries.forEach((json, offset) => onChecked(start + offset, json === undefined ? undefined : { json, entry: JSON.parse(json) as CachedFile<Meeting> }));
    };
  });
  // Started (unless started ahead) before this thread loads the parser: they boot meanwhile.
  const workers = Array.from({ length: threads }, () => runWorker(jobs, take, onChecked, checker));
  const checkHere = await checker;
  while (queue.next < jobs.length) {
    await checkHere(...take());
    // Let the workers' answers in, so that they are handed their next chunk without waiting.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
}

/**
 * One worker, kept two chunks ahead so that it never waits for the busy main thread. If it
 * fails, the chunks it held are checked here: a worker problem never changes the result.
 */
function runWorker(
  jobs: readonly ParseJob[],
  take: () => [number, number],
  onChecked: OnChecked,
  checker: Promise<CheckHere>,
): Promise<void> {
  return new Promise((resolve) => {
    const held = new Map<number, number>();
    let settled = false;
    const worker = takeWorker();
    const finish = () => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      void checker.then(async (checkHere) => {
        for (const [start, end] of held) await checkHere(start, end);
        held.clear();
        resolve();
      });
    };
    const send = () => {
      const [start, end] = take();
      if (start === end) return;
      held.set(start, end);
      const request: ParseRequest = { start, jobs: jobs.slice(start, end) };
      worker.postMessage(request);
    };
    worker.on('message', ({ start, entries }: ParseResponse) => {
      held.delete(start);
      entries.forEach((json, offset) => {
        const text = Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8');
        onChecked(start + offset, text === '' ? undefined : { json, entry: JSON.parse(text) as CachedFile<Meeting> });
      });
      send();
      if (held.size === 0) finish();
    });
    worker.on('error', finish);
    worker.on('exit', finish);
    send();
    send();
  });
}
