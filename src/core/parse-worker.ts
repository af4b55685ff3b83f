// Worker thread of the parse pool (parse-pool.ts): checks the meeting files it is sent and
// answers with each cache entry as UTF-8 JSON, which the loader parses once (buffers cross
// threads without a copy; the data always comes back through JSON, see meeting-check.ts).
import { parentPort } from 'node:worker_threads';
import { serialisedEntry } from './meeting-check.js';
import type { ParseRequest, ParseResponse } from './parse-pool.js';

const encoder = new TextEncoder();

parentPort?.on('message', ({ start, jobs }: ParseRequest) => {
  // TextEncoder gives each entry its own buffer (Buffer.from may share a pool), so each can be transferred.
  const entries = jobs.map((job) => encoder.encode(serialisedEntry(job.relativePath, job.bytes, job.hash)));
  const response: ParseResponse = { start, entries };
  // Transferred, not copied: only the buffers' ownership crosses threads.
  parentPort!.postMessage(response, entries.map((entry) => entry.buffer as ArrayBuffer));
});
