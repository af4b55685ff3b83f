// gtm import <fichiers…>: legacy compte-rendus (.docx, or text extracted from Word or PDF) into
// draft meeting records under meetings/, with a French report per file of what was guessed and
// what could not be placed. Never writes over a file; --dry-run prints the record instead.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createFileExclusive, writeFileAtomic } from '../../core/repository/atomic-write.js';
import { ownFolder } from '../../core/repository/own-folder.js';
import { error, GtmError } from '../../core/diagnostics.js';
import { CONFIG_FILE, MEETINGS_DIR } from '../../core/model.js';
import { loadRepository } from '../../core/repository/load.js';
import { checkMeetingText } from '../../core/reading/check.js';
import { suggest } from '../../core/messages.js';
import type { Draft, Finding } from '../../import/draft.js';
import { appendOrganisations, importDocument, ImportProblem, placeIndex, placeLabel, recordText } from '../../import/index.js';
import { DirectoryProblem } from '../../import/directory.js';
import type { ProposedOrganisation } from '../../import/organisations.js';
import { colorsFor } from '../colors.js';
import { EXIT, type ExitCode } from '../exit.js';
import type { Io } from '../io.js';

export interface ImportOptions {
  files: string[];
  groupe?: string;
  dryRun: boolean;
  ajouterAnnuaire: boolean;
}

/** A .docx of a compte-rendu weighs a few MB with its pictures. */
const MAX_DOCX_BYTES = 50 * 1024 * 1024;

const KIND_LABELS: Record<Finding['kind'], string> = { guess: 'à vérifier', note: 'noté', unplaced: 'non repris' };

interface Imported {
  source: string;
  draft: Draft;
  target: string;
}

export async function run(options: ImportOptions, io: Io): Promise<ExitCode> {
  const repository = await loadRepository(io.cwd);
  // A meeting that cannot be read may hold action ids the import would give again.
  const unreadable = repository.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (unreadable.length > 0) throw new GtmError(unreadable);
  const { config } = repository;
  const colors = colorsFor(io, 'stderr');
  // The file is named, not quoted line by line: a .docx has no line to show.
  const fail = (file: string, code: string, message: string) =>
    io.stderr(`${colors.bold(colors.red('erreur'))}  ${colors.cyan(file)} : ${message}  ${colors.dim(`[${code}]`)}\n`);
  if (options.groupe !== undefined && !Object.hasOwn(config.groupes, options.groupe)) {
    const hint = suggest(options.groupe, Object.keys(config.groupes));
    throw new GtmError([error('groupe-inconnu', `groupe inconnu « ${options.groupe} »${hint ? `, vouliez-vous dire ${hint} ?` : ` (groupes : ${Object.keys(config.groupes).join(', ')})`}`)]);
  }
  const usedIds = new Set(repository.meetings.flatMap((loaded) => loaded.meeting.ordre_du_jour.flatMap((item) => item.actions?.map((action) => action.id.toUpperCase()) ?? [])));
  let failures = 0;
  const imported: Imported[] = [];

  for (const file of options.files) {
    const shown = path.relative(io.cwd, path.resolve(io.cwd, file)) || file;
    try {
      const info = await stat(path.resolve(io.cwd, file)).catch(() => undefined);
      if (!info) throw new ImportProblem('fichier introuvable');
      if (info.isDirectory()) throw new ImportProblem('c’est un dossier : donnez les fichiers .docx ou .txt à importer');
      if (info.size > MAX_DOCX_BYTES) throw new ImportProblem(`fichier trop volumineux (${Math.round(info.size / 1024 / 1024)} Mo) : est-ce bien un compte-rendu ?`);
      const bytes = await readFile(path.resolve(io.cwd, file));
      const draft = await importDocument({ name: path.basename(file), bytes }, { config, usedActionIds: usedIds, ...(options.groupe ? { group: options.groupe } : {}) });
      for (const item of draft.items) for (const action of item.actions) usedIds.add(action.id.toUpperCase());
      imported.push({ source: shown, draft, target: path.join(repository.root, MEETINGS_DIR, `${draft.date}-${draft.group}.yaml`) });
    } catch (problem) {
      if (!(problem instanceof ImportProblem)) throw problem;
      failures++;
      fail(shown, 'import-impossible', `${problem.message} ; rien n’est écrit pour ce document`);
    }
  }

  // Organisations to add to the directory: those of the documents that will be written.
  const writable = [];
  for (const entry of imported) {
    const shownTarget = path.relative(io.cwd, entry.target);
    const twin = entry.target.replace(/\.yaml$/, '.yml');
    const exists = await stat(entry.target).then(() => true, () => false) || await stat(twin).then(() => true, () => false);
    if (exists && !options.dryRun) {
      failures++;
      fail(entry.source, 'reunion-existante', `${shownTarget} existe déjà : rien n’est écrit pour ce document ; renommez ou déplacez le fichier existant pour l’importer à nouveau`);
      continue;
    }
    writable.push(entry);
  }
  const proposals = options.ajouterAnnuaire ? newOrganisations(writable.map((entry) => entry.draft), config.organisations) : [];
  let addToDirectory = false;
  if (proposals.length > 0) {
    const configFile = path.join(repository.root, CONFIG_FILE);
    try {
      const updated = appendOrganisations(await readFile(configFile, 'utf8'), proposals, writable.map((entry) => path.basename(entry.source)).join(', '));
      addToDirectory = true;
      if (options.dryRun) io.stderr(`(essai) ${CONFIG_FILE} recevrait : ${proposals.map((entry) => `${entry.acronym} (« ${entry.nom} », ${entry.type})`).join(', ')}\n`);
      else {
        await writeFileAtomic(configFile, updated);
        io.stdout(`${path.relative(io.cwd, configFile)} : ${proposals.length} organisation${proposals.length > 1 ? 's' : ''} ajoutée${proposals.length > 1 ? 's' : ''} à l’annuaire (${proposals.map((entry) => entry.acronym).join(', ')}) : vérifiez leur nom et leur type\n`);
      }
    } catch (problem) {
      if (!(problem instanceof DirectoryProblem)) throw problem;
      fail(CONFIG_FILE, 'annuaire', problem.message);
      failures++;
    }
  }

  let done = 0;
  for (const entry of writable) {
    const shownTarget = path.relative(io.cwd, entry.target);
    const text = recordText(entry.draft, config, { addToDirectory, sourceName: path.basename(entry.source) });
    // The record must be valid as written; a failure here is gtm's fault, not the document's.
    const checked = checkMeetingText(path.relative(repository.root, entry.target), text);
    if (!checked.data) {
      failures++;
      fail(entry.source, 'import-invalide', `l’import de ce document donne un fichier invalide (${checked.diagnostics[0]?.message ?? 'forme'}) : rien n’est écrit ; signalez-le au mainteneur de gtm`);
      continue;
    }
    if (options.dryRun) {
      await io.stdout(text);
      io.stderr(report(entry, `${shownTarget} (essai, rien n’est écrit)`));
      done++;
      continue;
    }
    // The temporary goes to .gtm-cache/, never to meetings/: a crash leaves nothing there.
    if (!(await createFileExclusive(entry.target, text, ownFolder(repository.root)))) {
      failures++;
      fail(entry.source, 'reunion-existante', `${shownTarget} existe déjà : rien n’est écrit pour ce document`);
      continue;
    }
    await io.stdout(report(entry, shownTarget));
    done++;
  }
  if (options.files.length > 1) io.stderr(`${done} document${done > 1 ? 's' : ''} importé${done > 1 ? 's' : ''} sur ${options.files.length}\n`);
  return failures > 0 ? EXIT.invalidData : EXIT.ok;
}

/** The French report of one document: what it became, then each finding with its place. */
function report(entry: Imported, target: string): string {
  const lines = [`${target} ← ${entry.source}`];
  const findings = [...entry.draft.findings].sort((a, b) => (a.place ? placeIndex(a.place) : 0) - (b.place ? placeIndex(b.place) : 0));
  for (const finding of findings) lines.push(`  ${KIND_LABELS[finding.kind]}${finding.place ? ` (${placeLabel(finding.place)})` : ''} : ${finding.text}`);
  const guesses = findings.filter((finding) => finding.kind === 'guess').length;
  const unplaced = findings.filter((finding) => finding.kind === 'unplaced').length;
  lines.push(`  → ${guesses} point${guesses > 1 ? 's' : ''} à vérifier, ${unplaced} élément${unplaced > 1 ? 's' : ''} non repris (en commentaire dans le fichier)`);
  return `${lines.join('\n')}\n`;
}

/** Unknown organisations of the drafts, once each, in the order met. */
function newOrganisations(drafts: readonly Draft[], directory: Record<string, unknown>): ProposedOrganisation[] {
  const found = new Map<string, ProposedOrganisation>();
  for (const draft of drafts) {
    const named = [...draft.presence, ...draft.items.flatMap((item) => item.actions.flatMap((action) => (Array.isArray(action.responsibles) ? action.responsibles : [])))];
    for (const organisation of named) {
      const proposal = organisation.unknown;
      if (proposal && !Object.hasOwn(directory, proposal.acronym) && !found.has(proposal.acronym)) found.set(proposal.acronym, proposal);
    }
  }
  return [...found.values()];
}
