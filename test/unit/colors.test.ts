// The colour module: colour on a terminal, never with NO_COLOR, always with FORCE_COLOR, and
// the ANSI codes of chalk (which gtm used before), nested styles reopened after an inner end.
import { describe, expect, it } from 'vitest';
import { colorsFor } from '../../src/cli/colors.js';
import type { Io } from '../../src/cli/io.js';

const io = (env: Record<string, string>, tty: boolean): Io => ({
  stdout: () => {},
  stderr: () => {},
  cwd: '/',
  env,
  stdoutIsTTY: tty,
  stderrIsTTY: false,
});

describe('colorsFor', () => {
  it('colours a terminal unless NO_COLOR is set, and anything with FORCE_COLOR', () => {
    const coloured = (env: Record<string, string>, tty: boolean, stream: 'stdout' | 'stderr' = 'stdout') => colorsFor(io(env, tty), stream).red('x') !== 'x';
    expect(coloured({}, true)).toBe(true);
    expect(coloured({}, false)).toBe(false);
    expect(coloured({}, true, 'stderr')).toBe(false);
    expect(coloured({ NO_COLOR: '1' }, true)).toBe(false);
    expect(coloured({ NO_COLOR: '' }, true)).toBe(true);
    expect(coloured({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(coloured({ FORCE_COLOR: '0' }, false)).toBe(false);
    expect(coloured({ FORCE_COLOR: 'false' }, true)).toBe(true);
    expect(coloured({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
  });

  it('writes the ANSI codes of each style, and leaves text alone without colour', () => {
    const colors = colorsFor(io({ FORCE_COLOR: '1' }, false), 'stdout');
    expect(colors.bold('a')).toBe('\u001b[1ma\u001b[22m');
    expect(colors.dim('a')).toBe('\u001b[2ma\u001b[22m');
    expect(colors.red('a')).toBe('\u001b[31ma\u001b[39m');
    expect(colors.yellow('a')).toBe('\u001b[33ma\u001b[39m');
    expect(colors.green('a')).toBe('\u001b[32ma\u001b[39m');
    expect(colors.cyan('a')).toBe('\u001b[36ma\u001b[39m');
    expect(colors.bold(colors.red('a'))).toBe('\u001b[1m\u001b[31ma\u001b[39m\u001b[22m');
    // An inner style of the same kind ends; the outer one goes on after it.
    expect(colors.red(`a ${colors.yellow('b')} c`)).toBe('\u001b[31ma \u001b[33mb\u001b[39m\u001b[31m c\u001b[39m');
    const plain = colorsFor(io({}, false), 'stdout');
    expect(plain.bold(plain.red('a'))).toBe('a');
  });
});
