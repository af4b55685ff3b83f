// Everything a command may touch of the outside world, passed in so tests can run `main`
// in-process and the bin can run it for real.
export interface Io {
  /**
   * Writes to stdout; a promise when the reader is behind (a pipe to a slow program): a command
   * that writes much, piece by piece, awaits it rather than pile its output up in memory.
   * Bytes (a PDF or Word file for « -o - ») are written as they are.
   */
  stdout(text: string | Uint8Array): void | Promise<void>;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Width of the terminal stdout writes to, when it is one. */
  stdoutColumns?: number;
}

/** The width to lay text out in: $COLUMNS, else the terminal's, else 80 (a pipe, a file). */
export function terminalWidth(io: Io): number {
  const columns = Number(io.env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  if (io.stdoutIsTTY && io.stdoutColumns && io.stdoutColumns > 0) return io.stdoutColumns;
  return 80;
}
