// The one colour module: colour only on a terminal, never with NO_COLOR, always with FORCE_COLOR.
// gtm decides that itself and needs six styles, written here: chalk, which the design named,
// detects colour support as it is imported (node:tty, node:os), which cost every command, even
// `gtm --version`, about 7 ms.
import type { Io } from './io.js';

export type Style = (text: string) => string;

export interface Colors {
  bold: Style;
  dim: Style;
  red: Style;
  yellow: Style;
  green: Style;
  cyan: Style;
}

/** An ANSI style; one nested in it is reopened after its end, as chalk does (« \e[1m\e[31mx\e[39m\e[22m »). */
function ansi(open: number, close: number): Style {
  const start = `\u001b[${open}m`;
  const end = `\u001b[${close}m`;
  return (text) => `${start}${text.includes(end) ? text.replaceAll(end, `${end}${start}`) : text}${end}`;
}

const COLOURED: Colors = { bold: ansi(1, 22), dim: ansi(2, 22), red: ansi(31, 39), yellow: ansi(33, 39), green: ansi(32, 39), cyan: ansi(36, 39) };
const unchanged: Style = (text) => text;
const PLAIN: Colors = { bold: unchanged, dim: unchanged, red: unchanged, yellow: unchanged, green: unchanged, cyan: unchanged };

export function colorsFor(io: Io, stream: 'stdout' | 'stderr'): Colors {
  const { NO_COLOR, FORCE_COLOR } = io.env;
  const forced = FORCE_COLOR !== undefined && FORCE_COLOR !== '0' && FORCE_COLOR !== 'false';
  const enabled = forced || (NO_COLOR === undefined || NO_COLOR === '' ? (stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY) : false);
  return enabled ? COLOURED : PLAIN;
}
