// The command line: declares commands and options, nothing more. Each command lives in
// commands/<name>.ts and is imported only when it runs, so `gtm validate` never loads the PDF stack.
import { Command, CommanderError, Help } from 'commander';
import path from 'node:path';
import { error, GtmError, usageError, WriteError } from '../core/diagnostics.js';
import { colorsFor } from './colors.js';
import type { BilanCliOptions } from './commands/bilan.js';
import type { ConvocationCliOptions } from './commands/convocation.js';
import type { Io } from './io.js';
import { help, HELP_TITLES, internal, usage } from './messages.js';
import { formatDiagnostics } from './report.js';
import { ACTIONS_FORMATS, DEFAULT_ACTIONS_FORMAT, type ActionsFormat } from './reporters/formats.js';
import { wrapKeepingFrenchSpaces } from './reporters/wrap.js';
import { DEFAULT_RENDER_FORMAT, RENDER_FORMATS, type RenderFormatName } from '../render/formats.js';
import { EXIT, type ExitCode } from './exit.js';

/** Help in French: translated titles, and no line that starts with « : » or « ; ». */
const HELP_CONFIGURATION: Partial<Help> = {
  styleTitle: (title) => HELP_TITLES[title] ?? title,
  boxWrap(this: Help, text: string, width: number): string {
    return wrapKeepingFrenchSpaces(text, (glued) => Help.prototype.boxWrap.call(this, glued, width));
  },
};

declare const GTM_VERSION: string | undefined;
const VERSION = typeof GTM_VERSION === 'string' ? GTM_VERSION : '0.0.0-dev';

export { EXIT } from './exit.js';

type Runner<O> = (options: O, io: Io) => Promise<ExitCode>;

export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.ok;
  const run =
    <O>(load: () => Promise<{ run: Runner<O> }>) =>
    async (options: O) => {
      const command = await load();
      exitCode = await command.run(options, io);
    };

  const program = new Command('gtm')
    .usage('[options] <commande>')
    .description(help.program)
    .version(VERSION, '-V, --version', help.version)
    .helpOption('-h, --help', help.help)
    .helpCommand('help [commande]', help.helpCommand)
    .option('--debug', help.debug)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: () => {},
    })
    .configureHelp(HELP_CONFIGURATION)
    .showSuggestionAfterError(true);

  const subcommand = (name: string, parent: Command = program) =>
    parent
      .command(name)
      .helpOption('-h, --help', help.help)
      .exitOverride()
      .configureHelp(HELP_CONFIGURATION);

  subcommand('validate')
    .description(help.validate)
    .argument('[chemins...]', help.validatePaths)
    .option('--format <format>', help.format('texte, json', 'texte'), choice('--format', ['texte', 'json']))
    .action((paths: string[], options: { format?: 'texte' | 'json' }) =>
      run(() => import('./commands/validate.js'))({ paths, format: options.format ?? 'texte' }),
    );

  subcommand('schema')
    .description(help.schema)
    .argument('[type]', help.schemaKind, choice('type', ['reunion', 'config']))
    .action((kind: 'reunion' | 'config' | undefined) => run(() => import('./commands/schema.js'))({ kind: kind ?? 'reunion' }));

  subcommand('render')
    .description(help.render)
    .argument('[reunion]', help.renderMeeting)
    .option(...formatOption(RENDER_FORMATS, DEFAULT_RENDER_FORMAT))
    .option('-o, --output <chemin>', help.output)
    .option('--all', help.renderAll)
    .option('--projet', help.renderDraft)
    .action((meeting: string | undefined, options: { format?: RenderFormatName; output?: string; all?: boolean; projet?: boolean }) =>
      run(() => import('./commands/render.js'))({
        meeting,
        format: options.format ?? DEFAULT_RENDER_FORMAT,
        output: options.output,
        all: Boolean(options.all),
        draft: Boolean(options.projet),
      }),
    );

  subcommand('commentaires')
    .description(help.comments)
    .argument('<fichier>', help.commentsFile)
    .option('--format <format>', help.format('texte, json', 'texte'), choice('--format', ['texte', 'json']))
    .action((file: string, options: { format?: 'texte' | 'json' }) =>
      run(() => import('./commands/commentaires.js'))({ file, format: options.format ?? 'texte' }),
    );

  subcommand('site')
    .description(help.site)
    .option('-o, --output <dossier>', help.siteOutput)
    .option('--sans-telechargements', help.siteNoDownloads)
    .action((options: { output?: string; sansTelechargements?: boolean }) =>
      run(() => import('./commands/site.js'))({ output: options.output, downloads: !options.sansTelechargements }),
    );

  subcommand('search')
    .description(help.search)
    .argument('<mots...>', help.searchWords)
    .option('--groupe <groupe>', help.searchGroup)
    .option('--depuis <mois>', help.searchSince)
    .option('--limite <nombre>', help.searchLimit, count('--limite'))
    .option('--format <format>', help.format('table, json', 'table'), choice('--format', ['table', 'json']))
    .action((words: string[], options: { groupe?: string; depuis?: string; limite?: number; format?: 'table' | 'json' }) =>
      run(() => import('./commands/search.js'))({
        words,
        groupe: options.groupe,
        depuis: options.depuis,
        limit: options.limite ?? 20,
        format: options.format ?? 'table',
      }),
    );

  subcommand('serve')
    .description(help.serve)
    .argument('[reunion]', help.serveMeeting)
    .option('--port <port>', help.servePort, portNumber)
    .action((meeting: string | undefined, options: { port?: number }) =>
      run(() => import('./commands/serve.js'))({ meeting, port: options.port ?? 0 }),
    );

  subcommand('actions')
    .description(help.actions)
    .option('--open', help.actionsOpen)
    .option('--overdue', help.actionsOverdue)
    .option('--responsable <sigle>', help.actionsResponsible)
    .option('--groupe <groupe>', help.actionsGroup)
    .option('--reunion <id>', help.actionsMeeting)
    .option('--au <date>', help.actionsAsOf)
    .option(...formatOption(ACTIONS_FORMATS, DEFAULT_ACTIONS_FORMAT))
    .action((options: Omit<ActionsCliOptions, 'format'> & { format?: ActionsFormat }) =>
      run(() => import('./commands/actions.js'))({ ...options, format: options.format ?? DEFAULT_ACTIONS_FORMAT }),
    );

  subcommand('new')
    .description(help.new)
    .option('--groupe <groupe>', help.newGroup)
    .option('--date <date>', help.newDate)
    .option('--heure <heure>', help.newTime)
    .option('--lieu <lieu>', help.newPlace)
    .option('--edit', help.newEdit)
    .action((options: NewCliOptions) => run(() => import('./commands/new.js'))(options));

  subcommand('convocation')
    .description(help.convocation)
    .option('--groupe <groupe>', help.convocationGroup)
    .option('--point <intitulé>', help.convocationPoint, (value: string, previous: string[] = []) => [...previous, value])
    .option('--date <date>', help.convocationDate)
    .option('--heure <heure>', help.convocationTime)
    .option('--lieu <lieu>', help.convocationPlace)
    .option('--revision <n>', help.convocationRevision)
    .option('--format <format>', help.format('pdf, md, docx, ics', 'pdf'), choice('--format', ['pdf', 'md', 'docx', 'ics']))
    .option('-o, --output <chemin>', help.chairOutput)
    .action((options: Omit<ConvocationCliOptions, 'format'> & { format?: ConvocationCliOptions['format'] }) =>
      run(() => import('./commands/convocation.js'))({ ...options, format: options.format ?? 'pdf' }),
    );

  subcommand('diffuser')
    .description(help.diffuser)
    .argument('[reunion]', help.diffuserMeeting)
    .option('--par-organisation', help.diffuserPerOrganisation)
    .option('-o, --output <chemin>', help.chairOutput)
    .action((meeting: string | undefined, options: { parOrganisation?: boolean; output?: string }) =>
      run(() => import('./commands/diffuser.js'))({ meeting, ...options }),
    );

  subcommand('bilan')
    .description(help.bilan)
    .argument('<annee>', help.bilanYear)
    .option('--groupe <groupe>', help.bilanGroup)
    .option('--format <format>', help.format('pdf, md, docx, csv', 'pdf'), choice('--format', ['pdf', 'md', 'docx', 'csv']))
    .option('-o, --output <chemin>', help.chairOutput)
    .action((year: string, options: { groupe?: string; format?: BilanCliOptions['format']; output?: string }) =>
      run(() => import('./commands/bilan.js'))({ year, ...options, format: options.format ?? 'pdf' }),
    );

  subcommand('import')
    .description(help.import)
    .argument('<fichiers...>', help.importFiles)
    .option('--groupe <groupe>', help.importGroup)
    .option('--dry-run', help.importDryRun)
    .option('--ajouter-annuaire', help.importAddDirectory)
    .action((files: string[], options: { groupe?: string; dryRun?: boolean; ajouterAnnuaire?: boolean }) =>
      run(() => import('./commands/import.js'))({
        files,
        ...(options.groupe !== undefined ? { groupe: options.groupe } : {}),
        dryRun: Boolean(options.dryRun),
        ajouterAnnuaire: Boolean(options.ajouterAnnuaire),
      }),
    );

  subcommand('init')
    .description(help.init)
    .argument('[dossier]', help.initDirectory)
    .action((directory: string | undefined) => run(() => import('./commands/init.js'))({ directory }));

  const hook = subcommand('hook').description(help.hook).usage('<commande>');
  subcommand('install', hook)
    .description(help.hookInstall)
    .action(() => run(() => import('./commands/hook.js'))({}));

  const debug = argv.includes('--debug');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (problem) {
    return handleFailure(problem, io, debug);
  }
}

export interface ActionsCliOptions {
  open?: boolean;
  overdue?: boolean;
  responsable?: string;
  groupe?: string;
  reunion?: string;
  au?: string;
  format: ActionsFormat;
}

export interface NewCliOptions {
  groupe?: string;
  date?: string;
  heure?: string;
  lieu?: string;
  edit?: boolean;
}

/** --format, its choices and help derived from a registry of formats, in the registry's order. */
function formatOption<T extends string>(registry: Record<T, unknown>, byDefault: T): [string, string, (value: string) => T] {
  const names = Object.keys(registry) as T[];
  return ['--format <format>', help.format(names.join(', '), byDefault), choice('--format', names)];
}

/** A whole number, 0 or more. */
function count(option: string) {
  return (value: string): number => {
    if (/^\d{1,6}$/.test(value)) return Number(value);
    throw usageError(usage.invalidCount(option, value));
  };
}

/** A TCP port, 0 for any free one. */
function portNumber(value: string): number {
  const port = Number(value);
  if (/^\d{1,5}$/.test(value) && port <= 65535) return port;
  throw usageError(usage.invalidPort(value));
}

/** Option parser that refuses values outside `choices` with a French usage error. */
function choice<T extends string>(option: string, choices: readonly T[]) {
  return (value: string): T => {
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new GtmError([error('usage', usage.invalidChoice(option, value, choices))], 'usage');
  };
}

async function handleFailure(problem: unknown, io: Io, debug: boolean): Promise<ExitCode> {
  const colors = colorsFor(io, 'stderr');
  if (problem instanceof CommanderError) {
    if (problem.code === 'commander.helpDisplayed' || problem.code === 'commander.version' || problem.code === 'commander.help') {
      return problem.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.stderr(`${colors.bold(colors.red('erreur'))}  ${translateCommanderError(problem)}\n`);
    return EXIT.usage;
  }
  if (problem instanceof GtmError) {
    io.stderr(formatDiagnostics(problem.diagnostics, { colors, root: io.cwd }));
    return problem.kind === 'usage' ? EXIT.usage : EXIT.invalidData;
  }
  if (problem instanceof WriteError) {
    const shown = (file: string) => path.relative(io.cwd, file) || '.';
    const { messages } = await import('../core/messages.js');
    const message = messages.writeFailed(shown(problem.target), problem.reason, shown(problem.folder));
    io.stderr(formatDiagnostics([error('ecriture-impossible', message)], { colors, root: io.cwd }));
    return EXIT.invalidData;
  }
  const detail = problem instanceof Error ? problem.message.split('\n')[0]! : String(problem);
  io.stderr(internal.crashed(detail));
  if (debug && problem instanceof Error && problem.stack) io.stderr(`${problem.stack}\n`);
  return EXIT.internal;
}

function translateCommanderError(problem: CommanderError): string {
  const quoted = /'([^']*)'/.exec(problem.message)?.[1] ?? '';
  // Commander adds « (Did you mean --format?) » for a near miss.
  const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(problem.message)?.[1];
  switch (problem.code) {
    case 'commander.unknownOption':
      return usage.unknownOption(quoted, suggestion);
    case 'commander.unknownCommand':
      return usage.unknownCommand(quoted, suggestion);
    case 'commander.missingArgument':
      return usage.missingArgument(quoted);
    case 'commander.optionMissingArgument':
    case 'commander.missingMandatoryOptionValue':
      return usage.missingOptionValue(quoted);
    case 'commander.excessArguments':
      return usage.excessArguments();
    default:
      return usage.other(problem.message.replace(/^error: /, ''));
  }
}
