// gtm actions: the action points of every meeting and their state on a reference day
// (--au, default today), filtered, in the chosen format (table, md, json, csv, ics).
import path from 'node:path';
import { collectivesOf } from '../../core/collectives.js';
import { formatIsoDay, parseIsoDate, type Day } from '../../core/calendar.js';
import { usageError } from '../../core/diagnostics.js';
import { buildLedger } from '../../core/ledger/index.js';
import { isLate, isOpen } from '../../core/ledger/state.js';
import { actionStatesOf, meetingRefOf, type ActionState, type MeetingRef } from '../../core/ledger/states.js';
import { suggest } from '../../core/messages.js';
import type { Config } from '../../core/schema/config.js';
import { loadRepository } from '../../core/repository/load.js';
import { diagnose } from '../../core/rules/index.js';
import { colorsFor } from '../colors.js';
import { EXIT, type ExitCode } from '../exit.js';
import { terminalWidth, type Io } from '../io.js';
import type { ActionsCliOptions } from '../main.js';
import { formatDiagnostics } from '../report.js';
import { ACTIONS_FORMATS, toRow } from '../reporters/index.js';

/** Set by tests (and anyone replaying a past day) to fix « today »: AAAA-MM-JJ. */
export const TODAY_VARIABLE = 'GTM_AUJOURDHUI';

const text = {
  invalidAsOf: (value: string) => `date invalide pour --au « ${value} » : écrivez AAAA-MM-JJ, par exemple 2023-07-31`,
  invalidTodayVariable: (value: string) => `date invalide dans ${TODAY_VARIABLE} « ${value} » : écrivez AAAA-MM-JJ`,
  unknownResponsible: (value: string, suggestion?: string) =>
    `organisation inconnue pour --responsable « ${value} »${suggestion ? `, vouliez-vous dire ${suggestion} ?` : ' : elle n’est pas dans l’annuaire de gtm.yaml'}`,
  unknownGroup: (value: string, groups: string[], suggestion?: string) =>
    `groupe inconnu pour --groupe « ${value} »${suggestion ? `, vouliez-vous dire ${suggestion} ?` : ''} (groupes : ${groups.join(', ')})`,
  unknownMeeting: (value: string, suggestion?: string) =>
    `réunion inconnue pour --reunion « ${value} »${suggestion ? `, vouliez-vous dire ${suggestion} ?` : ' : donnez son identifiant, par exemple 2023-06-20-national'}`,
  invalidRepository: 'Corrigez d’abord ces erreurs (voir « gtm validate ») : le suivi des actions a besoin de réunions valides.\n',
};

/** What the listing needs: every meeting (by date then id) and the state of every action. */
interface ActionStates {
  root: string;
  config: Config;
  meetings: MeetingRef[];
  /** In the order of the meetings that decided them, then as written. */
  actions: ActionState[];
}

export async function run(options: ActionsCliOptions, io: Io): Promise<ExitCode> {
  const today = referenceDay(options.au, io);
  const repository = await loadRepository(io.cwd);
  // The ledger needs every meeting: any error, in any file, stops the listing.
  const errors = diagnose(repository).filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    io.stderr(formatDiagnostics(errors, { colors: colorsFor(io, 'stderr'), root: repository.root }));
    io.stderr(`\n${text.invalidRepository}`);
    return EXIT.invalidData;
  }
  const refs = new Map(repository.meetings.map((loaded) => [loaded, meetingRefOf(loaded)]));
  const states: ActionStates = {
    root: repository.root,
    config: repository.config,
    meetings: [...refs.values()],
    actions: actionStatesOf(buildLedger(repository.meetings).actions, (loaded) => refs.get(loaded)!),
  };
  const responsible = options.responsable === undefined ? undefined : canonicalResponsible(options.responsable, states);
  const matches = filterOf(options, responsible, states, io, today);
  const rows = states.actions.filter(matches).map((action) => toRow(action, today));

  const reporter = await ACTIONS_FORMATS[options.format].load();
  const output = reporter(rows, {
    today: formatIsoDay(today),
    config: states.config,
    colors: colorsFor(io, 'stdout'),
    width: terminalWidth(io),
    anyAction: states.actions.length > 0,
    ...(responsible !== undefined ? { responsible } : {}),
  });
  if (typeof output === 'string') await io.stdout(output);
  else for (const piece of output) await io.stdout(piece);
  return EXIT.ok;
}

/** The --au day, else GTM_AUJOURDHUI, else today on this computer: the only read of the clock. */
function referenceDay(asOf: string | undefined, io: Io): Day {
  if (asOf !== undefined) {
    const day = parseIsoDate(asOf.trim());
    if (!day) throw usageError(text.invalidAsOf(asOf));
    return day;
  }
  const fixed = io.env[TODAY_VARIABLE];
  if (fixed !== undefined && fixed !== '') {
    const day = parseIsoDate(fixed.trim());
    if (!day) throw usageError(text.invalidTodayVariable(fixed));
    return day;
  }
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/**
 * The acronym as the directory writes it (case-insensitive). « tous » and « ? » are accepted:
 * they list the actions given to every member, or still to assign.
 */
function canonicalResponsible(given: string, states: ActionStates): string {
  const value = given.trim();
  if (value === '?' || value.toLowerCase() === 'tous') return value.toLowerCase();
  const directory = [...Object.keys(states.config.organisations), ...Object.keys(states.config.collectifs ?? {})];
  const found = directory.find((acronym) => acronym.toLowerCase() === value.toLowerCase());
  if (!found) throw usageError(text.unknownResponsible(given, suggest(value, directory)));
  return found;
}

function filterOf(options: ActionsCliOptions, responsible: string | undefined, states: ActionStates, io: Io, today: Day) {
  const tests: Array<(action: ActionState) => boolean> = [];
  if (options.open) tests.push(isOpen);
  if (options.overdue) tests.push((action) => isLate(action, today));
  if (responsible !== undefined) {
    const collectives = new Set(collectivesOf(states.config, responsible).map((name) => name.toLowerCase()));
    tests.push((action) => responsibleMatches(action, responsible, collectives));
  }
  if (options.groupe !== undefined) {
    const groups = Object.keys(states.config.groupes);
    const group = groups.find((key) => key.toLowerCase() === options.groupe!.trim().toLowerCase());
    if (!group) throw usageError(text.unknownGroup(options.groupe, groups, suggest(options.groupe, groups)));
    tests.push((action) => action.decidedIn.group === group);
  }
  if (options.reunion !== undefined) {
    const meeting = findMeeting(states, io.cwd, options.reunion) ?? findMeeting(states, io.cwd, path.basename(options.reunion, path.extname(options.reunion)));
    if (!meeting) throw usageError(text.unknownMeeting(options.reunion, suggest(options.reunion, states.meetings.map((meeting) => meeting.id))));
    tests.push((action) => action.decidedIn === meeting);
  }
  return (action: ActionState) => tests.every((test) => test(action));
}

/**
 * An organisation's actions include those shared with others, those given to a collective it
 * belongs to (`collectives`, lower case) and those given to « tous » (every member); « ? » lists
 * the undecided ones, « tous » only those given to everyone.
 */
function responsibleMatches(action: ActionState, responsible: string, collectives: ReadonlySet<string>): boolean {
  if (responsible === '?') return action.responsibles.length === 0;
  if (responsible === 'tous') return action.responsibles.includes('tous');
  return action.responsibles.some((name) => {
    const lower = name.toLowerCase();
    return name === 'tous' || lower === responsible.toLowerCase() || collectives.has(lower);
  });
}

/** A meeting by id (file name without extension) or by path. */
function findMeeting(states: ActionStates, cwd: string, reference: string) {
  const absolute = path.resolve(cwd, reference);
  return states.meetings.find((meeting) => meeting.id === reference || path.join(states.root, meeting.file) === absolute);
}

/** COLUMNS when set, else the terminal's width, else 80 (a pipe or a file). */
