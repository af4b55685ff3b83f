// The terminal table: actions grouped by responsible organisation, late rows in red, rows
// due within two weeks in yellow, long text wrapped to the terminal width, a summary line.
import { collectiveLabel, collectiveMembers, isCollective } from '../../core/collectives.js';
import { acronymDashName, formatDay, frenchOrder } from '../../core/french/index.js';
import { parseIsoDate } from '../../core/calendar.js';
import { compareRows, emptyMessage, summaryOf, type ActionRow, type Reporter, type ReporterOptions } from './rows.js';
import { length, pad, wrap, wrapAtHyphens } from './wrap.js';

const UNDECIDED = 'À désigner';
const EVERYONE = 'Tous les acteurs';
const HEADERS = ['Action', 'Point d’action', 'Date limite', 'Origine', 'Dernier suivi'] as const;
/**
 * The origin is the meeting id, kept whole rather than shortened to its date (the id also names
 * the group, and is what `gtm render` takes); when room is short it wraps after its hyphens
 * (« 2021-01-28- » / « national »), which costs nothing on rows the action text makes tall anyway.
 */
const CELL_WRAPS = [wrap, wrap, wrap, wrapAtHyphens, wrap] as const;
const INDENT = '  ';
const GAP = '  ';

/**
 * Output pieces of about this many characters: a huge table is never one huge string, and a
 * piece (twice as many bytes with accents) stays below V8's large-object size, so it dies young.
 */
const PIECE = 1 << 14;

/** The table in pieces, written one after the other (27,000 rows make 50 MB of text). */
export const table: Reporter = (rows, options) => (rows.length === 0 ? `${emptyMessage(options)}\n` : tablePieces(rows, options));

function* tablePieces(rows: readonly ActionRow[], options: ReporterOptions): Generator<string> {
  const title = options.colors.bold(`Points d’action au ${formatDay(parseIsoDate(options.today)!)}`);
  // Cells are made again when a row is laid out rather than kept: at 27,000 rows they weigh 10 MB.
  const widths = columnWidths(rows, options.width);
  const groups = groupsOf(rows, options);
  // A row shared by several organisations is laid out once (the widths are the same in every
  // group), and kept only until its last group: the lines of the whole table would weigh 25 MB.
  const uses = new Map<ActionRow, number>();
  for (const group of groups) for (const row of group.rows) uses.set(row, (uses.get(row) ?? 0) + 1);
  const laidOut = new Map<ActionRow, string[]>();
  const wraps = cellWraps();
  let piece = `${title}\n`;
  for (const { name, rows: members } of groups) {
    const heading = wrap(`${name} (${members.length})`, options.width).map((line) => options.colors.bold(line)).join('\n');
    const header = wrapped(HEADERS, widths).map((text) => options.colors.dim(text)).join('\n');
    piece += `\n${heading}\n${header}\n`;
    for (const row of [...members].sort(compareRows)) {
      const lines = laidOut.get(row) ?? rowLines(row, cells(row), widths, options, wraps);
      const left = uses.get(row)! - 1;
      uses.set(row, left);
      if (left > 0) laidOut.set(row, lines);
      else laidOut.delete(row);
      for (const text of lines) piece += `${text}\n`;
      if (piece.length > PIECE) {
        yield piece;
        piece = '';
      }
    }
  }
  yield `${piece}\n${summaryOf(rows)}\n`;
}

interface Group {
  name: string;
  rows: ActionRow[];
}

/**
 * One group per responsible organisation (an action shared by several appears in each), then
 * « Tous les acteurs », then « À désigner ». With --responsable, only that organisation's group
 * and « Tous les acteurs ».
 */
function groupsOf(rows: readonly ActionRow[], options: ReporterOptions): Group[] {
  const named = new Map<string, ActionRow[]>();
  const everyone: ActionRow[] = [];
  const undecided: ActionRow[] = [];
  for (const row of rows) {
    if (row.responsibles.length === 0) undecided.push(row);
    for (const responsible of row.responsibles) {
      if (responsible === 'tous') everyone.push(row);
      else if (options.responsible === undefined || responsible.toLowerCase() === options.responsible.toLowerCase() || collectiveMembers(options.config, responsible).includes(options.responsible)) {
        const list = named.get(responsible);
        if (list) list.push(row);
        else named.set(responsible, [row]);
      }
    }
  }
  const groups = [...named.keys()]
    .sort(frenchOrder)
    .map((acronym) => ({ name: isCollective(options.config, acronym) ? collectiveLabel(options.config, acronym) : acronymDashName(acronym, options.config), rows: named.get(acronym)! }));
  if (everyone.length > 0) groups.push({ name: EVERYONE, rows: everyone });
  if (undecided.length > 0) groups.push({ name: UNDECIDED, rows: undecided });
  return groups;
}

function cells(row: ActionRow): string[] {
  const deadline = row.deadlineText ? `${row.deadlineText}${row.postponed ? ' (reportée)' : ''}` : '—';
  const last = row.lastFollowUp;
  const followUp = last
    ? `${last.statusLabel}, ${last.dateText}${last.comment ? ` : ${last.comment}` : ''}`
    : `${row.statusLabel} (aucun suivi)`;
  return [row.id, row.description, deadline, row.meeting, followUp];
}

/** The last follow-up keeps at least this width (« Ouvert (aucun » / « suivi) »), or its natural one. */
const FOLLOW_UP_FLOOR = 13;
/** The deadline's narrowest width: « 31 décembre » / « 2023 », and the header on one line. */
const DEADLINE_FLOOR = 12;

/**
 * Every column takes its natural width when the terminal allows. Otherwise the action text has
 * priority, being what the table is read for: the origin wraps at its hyphens and the deadline
 * narrows first, then the follow-up keeps a third of the room (at least FOLLOW_UP_FLOOR), and
 * the action takes the rest.
 */
function columnWidths(rows: readonly ActionRow[], total: number): number[] {
  const natural = HEADERS.map((header) => length(header));
  for (const row of rows) {
    const texts = cells(row);
    for (let index = 0; index < texts.length; index++) {
      const text = texts[index]!;
      // A text's length in UTF-16 units is at least its width: most need no counting.
      if (text.length > natural[index]!) natural[index] = Math.max(natural[index]!, length(text));
    }
  }
  if (natural.reduce((sum, width) => sum + width, length(INDENT) + 4 * length(GAP)) <= total) return natural;
  const id = Math.min(natural[0]!, 24);
  let deadline = Math.min(natural[2]!, 16);
  let origin = Math.min(natural[3]!, 24);
  const room = () => total - (length(INDENT) + id + deadline + origin + 4 * length(GAP));
  const followUpFloor = Math.min(natural[4]!, FOLLOW_UP_FLOOR);
  if (room() < natural[1]! + followUpFloor) {
    origin = Math.min(origin, originFloor(rows));
    deadline = Math.min(deadline, DEADLINE_FLOOR);
  }
  // On a very narrow terminal the origin, then the deadline, give up more.
  while (room() < 24 && (origin > 10 || deadline > 10)) {
    if (origin > 10) origin--;
    else deadline--;
  }
  const free = Math.max(24, room());
  const followUp = Math.max(followUpFloor, Math.min(natural[4]!, Math.max(Math.floor(free / 3), free - natural[1]!)));
  const action = Math.max(12, Math.min(natural[1]!, free - followUp));
  return [id, action, deadline, origin, followUp];
}

/** The width at which every origin wraps into whole hyphen pieces: « 2021-01-28- » / « national ». */
function originFloor(rows: readonly ActionRow[]): number {
  let widest = 0;
  // Thousands of rows share a few hundred meetings.
  for (const id of new Set(rows.map((row) => row.meeting))) {
    // The date prefix stays on one line; the group and anything after it is the other piece.
    const date = /^\d{4}-\d{2}-\d{2}-/.exec(id)?.[0] ?? '';
    for (const piece of [date, ...id.slice(date.length).split(/(?<=-)/)]) widest = Math.max(widest, length(piece));
  }
  return Math.max(widest, length(HEADERS[3]));
}

function rowLines(row: ActionRow, texts: readonly string[], widths: number[], options: ReporterOptions, wraps: CellWraps): string[] {
  const lines = wrapped(texts, widths, wraps);
  if (row.late) return lines.map((text) => options.colors.red(text));
  if (row.dueSoon) return lines.map((text) => options.colors.yellow(text));
  return lines;
}

type CellWraps = ReadonlyArray<(text: string, width: number) => readonly string[]>;

/**
 * The wrapping of each column; the deadline and the origin are remembered by text, since
 * thousands of rows share a few hundred of each (the widths are fixed for the whole table).
 */
function cellWraps(): CellWraps {
  const remembered = (wrapCell: (text: string, width: number) => string[]) => {
    const known = new Map<string, string[]>();
    return (text: string, width: number) => {
      let lines = known.get(text);
      if (!lines) known.set(text, (lines = wrapCell(text, width)));
      return lines;
    };
  };
  return CELL_WRAPS.map((wrapCell, index) => (index === 2 || index === 3 ? remembered(wrapCell) : wrapCell));
}

/** The cells wrapped to their columns, side by side, as terminal lines. */
function wrapped(texts: readonly string[], widths: number[], wraps: CellWraps = CELL_WRAPS): string[] {
  const cellsLines = texts.map((cell, index) => wraps[index]!(cell, widths[index]!));
  // Plain loops: this runs for every row of the table.
  let height = 0;
  for (const lines of cellsLines) height = Math.max(height, lines.length);
  const result: string[] = [];
  const last = cellsLines.length - 1;
  for (let lineIndex = 0; lineIndex < height; lineIndex++) {
    let text = INDENT;
    for (let index = 0; index < last; index++) text += pad(cellsLines[index]![lineIndex] ?? '', widths[index]!) + GAP;
    result.push((text + (cellsLines[last]![lineIndex] ?? '')).trimEnd());
  }
  return result;
}
