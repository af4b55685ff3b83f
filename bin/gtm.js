#!/usr/bin/env node
// Thin entry point: everything lives in the bundled CLI, which never calls process.exit.
import { main } from '../dist/main.js';

// A reader that stops early (`gtm actions | head`) closes the pipe: end quietly, as other
// command-line tools do, rather than with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (problem) => {
    if (problem.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw problem;
  });
}

const code = await main(process.argv.slice(2), {
  // A pipe whose reader is behind buffers what it cannot take yet: wait for it to drain.
  stdout: (text) => (process.stdout.write(text) ? undefined : new Promise((resolve) => process.stdout.once('drain', resolve))),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  stdoutColumns: process.stdout.columns,
});

// Everything is done once main returns: end as soon as the output is flushed, rather than let
// Node wait for V8's background compilations to finish (about 20 ms on every run).
process.exitCode = code;
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
