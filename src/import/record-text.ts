// The draft as the text of a meeting file: the same layout as the bundled meetings, with
// French comments where something was read with a guess, rewritten, or not taken
// (« non repris : … »), at the place it came from.
import { stringify } from 'yaml';
import { parseIsoDate } from '../core/calendar.js';
import { formatDay } from '../core/french/dates.js';
import type { Config } from '../core/schema/config.js';
import type { Draft, NamedOrganisation } from './draft.js';

const COMMENT_WIDTH = 100;

/** A one-line YAML scalar: plain when safe, quoted otherwise. */
export function scalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return stringify(value.replace(/\s+/g, ' ').trim(), { lineWidth: 0 }).trimEnd();
}

/** `# text`, wrapped on words, every line at `indent`. */
export function commentLines(text: string, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  // French punctuation stays with its word: no line ends on « or starts with » : ;.
  const words: string[] = [];
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    const previous = words[words.length - 1];
    if (previous !== undefined && (previous === '«' || /^[»:;!?]/.test(word))) words[words.length - 1] = `${previous} ${word}`;
    else words.push(word);
  }
  for (const word of words) {
    if (line !== '' && indent.length + 2 + line.length + 1 + word.length > COMMENT_WIDTH) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((text) => `${indent}# ${text}`);
}

const comments = (texts: readonly string[], indent = '') => texts.flatMap((text) => commentLines(text, indent));

/** A block scalar: `key: |` and the text indented under it. */
function block(key: string, text: string, indent: string): string[] {
  return [`${indent}${key}: |`, ...text.split('\n').map((line) => (line === '' ? '' : `${indent}  ${line}`))];
}

export interface RecordOptions {
  /** Unknown organisations go into the data (they are being added to the directory) rather than into comments. */
  addToDirectory: boolean;
  sourceName: string;
}

/** An organisation for the data, or undefined when it stays in a comment. */
function acronymFor(named: NamedOrganisation, options: RecordOptions): string | undefined {
  if (named.acronym) return named.acronym;
  return options.addToDirectory && named.unknown ? named.unknown.acronym : undefined;
}

function unknownComment(named: NamedOrganisation, options: RecordOptions): string[] {
  if (!named.unknown) return [];
  const { acronym, nom, type } = named.unknown;
  return options.addToDirectory
    ? [`lu « ${named.written} » : ajouté à l’annuaire de gtm.yaml (${acronym}, « ${nom} », type ${type} à vérifier)`]
    : [`non repris : « ${named.written} », absent de l’annuaire de gtm.yaml (proposé : ${acronym}, « ${nom} », type ${type} ; « gtm import --ajouter-annuaire » l’ajoute)`];
}

export function recordText(draft: Draft, config: Config, options: RecordOptions): string {
  const group = config.groupes[draft.group]!;
  const out: string[] = ['# yaml-language-server: $schema=../schema/reunion.schema.json'];
  out.push(
    ...commentLines(`Réunion du ${group.nom} du ${formatDay(parseIsoDate(draft.date)!)}, importée par « gtm import » de ${options.sourceName}.`),
    ...commentLines(
      'Relisez-la avant de la diffuser : les commentaires « à vérifier » signalent ce qui a été deviné, « non repris » ce qui ' +
        'n’a pas trouvé de place dans les données.',
    ),
    ...comments(draft.comments.top),
  );
  if (!draft.isDefaultGroup) out.push(`groupe: ${scalar(draft.group)}`);
  out.push('statut: valide', `date: ${draft.date}`);
  if (draft.heureDebut) out.push(`heure_debut: "${draft.heureDebut}"`);
  if (draft.heureFin) out.push(`heure_fin: "${draft.heureFin}"`);
  out.push(...comments(draft.comments.header));
  if (draft.lieu) out.push(`lieu: ${scalar(draft.lieu)}`);
  if (draft.modalite) out.push(`modalite: ${draft.modalite}`);
  if (draft.outil) out.push(`outil: ${scalar(draft.outil)}`);

  out.push('', ...comments(draft.comments.presence), 'presence:');
  const present = new Set<string>();
  for (const named of draft.presence) {
    out.push(...comments([...named.comments, ...unknownComment(named, options)], '  '));
    const acronym = acronymFor(named, options);
    if (acronym && !present.has(acronym)) {
      present.add(acronym);
      out.push(`  - ${scalar(acronym)}`);
    }
  }
  if (present.size === 0) {
    // The schema wants one organisation at least: the chair, to be checked.
    const chair = Object.hasOwn(config.organisations, 'SP/CCM') ? 'SP/CCM' : Object.keys(config.organisations)[0]!;
    out.push(...commentLines(`à vérifier : aucune organisation présente reconnue ; ${chair} écrit pour que le fichier soit valide`, '  '), `  - ${scalar(chair)}`);
  }

  out.push('', ...comments(draft.comments.agenda), 'ordre_du_jour:');
  draft.items.forEach((item, index) => {
    if (index > 0) out.push('');
    out.push(...comments(item.comments, '  '), `  - titre: ${scalar(item.titre)}`);
    if (item.presentateur) out.push(`    presentateur: ${scalar(item.presentateur)}`);
    if (item.intervenant) out.push(`    intervenant: ${scalar(item.intervenant)}`);
    if (item.discussion) out.push(...comments(item.discussionComments, '    '), ...block('discussion', item.discussion, '    '));
    if (item.actions.length === 0) return;
    out.push('    actions:');
    for (const action of item.actions) {
      let responsibles: string | undefined;
      const extra: string[] = [];
      if (action.responsibles === '?' || action.responsibles === 'tous') responsibles = scalar(action.responsibles);
      else {
        const acronyms: string[] = [];
        for (const named of action.responsibles) {
          extra.push(...unknownComment(named, options));
          const acronym = acronymFor(named, options);
          if (acronym && !acronyms.includes(acronym)) acronyms.push(acronym);
        }
        responsibles = acronyms.length === 0 ? '"?"' : acronyms.length === 1 ? scalar(acronyms[0]!) : `[${acronyms.map(scalar).join(', ')}]`;
        if (acronyms.length === 0) extra.push('aucun responsable de l’annuaire : « ? », à désigner');
      }
      out.push(...comments([...action.comments, ...extra], '      '), `      - id: ${action.id}`, `        action: ${scalar(action.action)}`);
      out.push(`        responsables: ${responsibles}`);
      if (action.deadline !== undefined) out.push(`        echeance: ${scalar(action.deadline)}`);
    }
  });

  if (draft.next || draft.comments.next.length > 0) {
    out.push('', ...comments(draft.comments.next));
    if (draft.next) {
      out.push('prochaine_reunion:');
      if (draft.next.date) out.push(`  date: ${draft.next.date}`);
      if (draft.next.mois) out.push(`  mois: ${draft.next.mois}`);
      if (draft.next.heure) out.push(`  heure: "${draft.next.heure}"`);
      if (draft.next.lieu) out.push(`  lieu: ${scalar(draft.next.lieu)}`);
    }
  }
  if (draft.signature || draft.comments.signature.length > 0) {
    out.push('', ...comments(draft.comments.signature));
    if (draft.signature) {
      out.push('signature:', `  qualite: ${scalar(draft.signature.qualite)}`, `  nom: ${scalar(draft.signature.nom)}`);
      if (draft.signature.structure) out.push(`  structure: ${scalar(draft.signature.structure)}`);
    }
  }
  if (draft.annexes.length > 0) {
    out.push('', 'annexes:');
    draft.annexes.forEach((annex, index) => {
      if (index > 0) out.push('');
      out.push(...comments(annex.comments, '  '), `  - titre: ${scalar(annex.titre)}`, ...block('contenu', annex.contenu, '    '));
    });
  }
  if (draft.comments.end.length > 0) out.push('', ...comments(draft.comments.end));
  return `${out.join('\n')}\n`;
}
