// Worker thread of the parse pool (parse-pool.ts): reads and checks the meeting files it is
// sent and answers with each cache entry as UTF-8 JSON, which the loader parses once (buffers cross
// threads without a copy; the data always comes back through JSON, see meeting-check.ts).
import { parentPort } from 'node:worker_threads';
import { fileBuffer, serialisedEntries } from './meeting-check.js';
import type { ParseRequest, ParseResponse } from './parse-pool.js';

const encoder = new TextEncoder();
const buffer = fileBuffer();

parentPort?.on('message', async ({ start, jobs }: ParseRequest) => {
  // TextEncoder gives each entry its own buffer (Buffer.from may share a pool), so each can be
  // transferred; an unreadable file answers empty. Answers carry their start: a chunk that
  // waits for the located checks to load may answer after the next one.
  const entries = (await serialisedEntries(jobs, buffer)).map((entry) => (entry === undefined ? new Uint8Array(0) : encoder.encode(entry)));
  const response: ParseResponse = { start, entries };
  // Transferred, not copied: only the buffers' ownership crosses threads.
  parentPort!.postMessage(response, entries.map((entry) => entry.buffer as ArrayBuffer));
});
