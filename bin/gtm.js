#!/usr/bin/env node
// Thin entry point: everything lives in the bundled CLI, which never calls process.exit.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  stdoutColumns: process.stdout.columns,
});
