// Everything a command may touch of the outside world, passed in so tests can run `main`
// in-process and the bin can run it for real.
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Width of the terminal stdout writes to, when it is one. */
  stdoutColumns?: number;
}
