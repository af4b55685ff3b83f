// Runs gtm two ways: the built bin as a real process (the truth), or `main` in-process with a
// fake Io (fast). Both return { exitCode, stdout, stderr }; colours are off unless env says otherwise.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { PROJECT_ROOT } from './fixture-repo.js';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Text given on standard input (process runs only). */
  input?: string;
}

export const BIN = path.join(PROJECT_ROOT, 'bin', 'gtm.js');

/** Spawns `node bin/gtm.js …` (run `npm run build` first). */
export function runBin(args: readonly string[], options: RunOptions): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: definedOnly({ ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Drops unset variables (a child process would otherwise see the text « undefined »). */
function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Calls `main(argv, io)` in this process with an Io that records the output. */
export async function runInProcess(args: readonly string[], options: RunOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const exitCode = await main(args, {
    // Bytes (« -o - » of a PDF or Word file) are kept one character per byte.
    stdout: (text) => void (stdout += typeof text === 'string' ? text : Buffer.from(text).toString('latin1')),
    stderr: (text) => void (stderr += text),
    cwd: options.cwd,
    env: { NO_COLOR: '1', ...options.env },
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  return { exitCode, stdout, stderr };
}
