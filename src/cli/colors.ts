// The one colour module: colour only on a terminal, never with NO_COLOR, always with FORCE_COLOR.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Io } from './io.js';

export type Colors = ChalkInstance;

export function colorsFor(io: Io, stream: 'stdout' | 'stderr'): Colors {
  const { NO_COLOR, FORCE_COLOR } = io.env;
  const forced = FORCE_COLOR !== undefined && FORCE_COLOR !== '0' && FORCE_COLOR !== 'false';
  const enabled = forced || (NO_COLOR === undefined || NO_COLOR === '' ? (stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY) : false);
  return new Chalk({ level: enabled ? 1 : 0 });
}
