// A compte-rendu recognised from its blocks, following the structure every GTM compte-rendu
// shares: title, header table (Date, Heure, Lieu, Présence), agenda, one section per point
// (heading, « Points de discussion clés », action table), « Coordination prochaines étapes »,
// signature, annexes. Whatever is not recognised goes into the record as a comment at its place.
import { formatIsoDay, parseIsoDate, parseTime, minutesOf, type Day } from '../core/calendar.js';
import { formatDay } from '../core/french/dates.js';
import type { Config } from '../core/schema/config.js';
import { placeLabel, type Block, type Place, type SourceDocument } from './blocks.js';
import { blocksToMarkdown, proseTypography } from './discussion.js';
import type { Draft, DraftAction, DraftItem, Finding, NamedOrganisation } from './draft.js';
import { findDate, findTimes, isNothing, readDeadline, readNextMeeting } from './french-values.js';
import { stripTags } from './inline-html.js';
import { splitListMarker } from './list-markers.js';
import { compact, editDistance, fold, typographic, withoutEmphasis } from './normalize.js';
import { cleanOrganisationName, matchOrganisation } from './organisations.js';

export interface RecogniseContext {
  config: Config;
  /** The source file's name, for a year it may give. */
  fileName: string;
  /** --groupe. */
  group?: string;
  /** Action ids already used in the repository, upper-cased. */
  usedActionIds: ReadonlySet<string>;
}

export class NotAMeeting extends Error {}

type Label = 'date' | 'time' | 'place' | 'presence';

const LABELS: Array<[RegExp, Label]> = [
  [/^dates?$/, 'date'],
  [/^(time|heures?|horaires?)$/, 'time'],
  [/^(lieu|lieux)$/, 'place'],
  [/^(presences?|participants?|presents?|liste de presence|organisations presentes|structures presentes)$/, 'presence'],
];

const labelOf = (text: string): Label | undefined => {
  const folded = fold(withoutEmphasis(text).replace(/:\s*$/, ''));
  return LABELS.find(([pattern]) => pattern.test(folded))?.[1];
};

const isAgendaHeading = (block: Block) =>
  /^(points? (inscrits? )?a l |l )?ordre du jour\b/.test(fold(withoutEmphasis(block.text))) && fold(block.text).split(' ').length <= 8 && block.kind !== 'row';
const isDiscussionAnchor = (block: Block) => /^points? (de )?discussions?( cles?)?$/.test(fold(withoutEmphasis(block.text)));
const isCoordination = (title: string) => /prochaines? etapes?|prochaine reunion/.test(fold(title)) && /coordination|etapes?/.test(fold(title));
const isAnnexHeading = (block: Block) => block.kind !== 'row' && /^annexes?\b/.test(fold(block.text)) && fold(block.text).split(' ').length <= 14;
const SIGNATORY = /^(le|la)\s+(secr[ée]taire\s+permanente?|rapporteu(?:r|se)|pr[ée]sidente?|coordonnat(?:eur|rice)|directeur|directrice|chef)\b/i;

/** The text of a block as written, its list marker included. */
const written = (block: Block) => (block.kind === 'item' && block.marker && !['ul', 'ol'].includes(block.marker) ? `${block.marker} ${block.text}` : block.kind === 'row' ? (block.cells ?? []).join(' | ') : block.text);

export function recognise(source: SourceDocument, context: RecogniseContext): Draft {
  const findings: Finding[] = [];
  const guess = (text: string, place?: Place) => findings.push({ kind: 'guess', text, ...(place ? { place } : {}) });
  const note = (text: string, place?: Place) => findings.push({ kind: 'note', text, ...(place ? { place } : {}) });
  const { config } = context;
  const comments: Draft['comments'] = { top: [], header: [], presence: [], agenda: [], next: [], signature: [], end: [] };
  for (const text of source.notes) {
    note(text);
    comments.top.push(text);
  }

  let blocks = source.blocks.slice();
  const used = new Set<Block>();
  const pendingHeaderComments: string[] = [];
  const joined = new Set<Block>();
  const unplaced = (block: Block, into: string[], why = 'non repris') => {
    used.add(block);
    if (written(block).trim() === '') return;
    into.push(`${why} (${placeLabel(block.place)}) : ${oneLine(written(block))}`);
    findings.push({ kind: 'unplaced', text: `${why} : « ${shorten(written(block))} »`, place: block.place });
  };

  // Title, and the page headers that repeat it.
  const titleIndex = blocks.findIndex((block, index) => index < 15 && /compte rendu|proces verbal/.test(fold(block.text)));
  const title = titleIndex >= 0 ? blocks[titleIndex] : undefined;
  if (title) {
    used.add(title);
    comments.top.push(`Titre du document (${placeLabel(title.place)}) : ${oneLine(withoutEmphasis(title.text))}`);
    const folded = fold(title.text);
    const kept: Block[] = [];
    for (const block of blocks) {
      if (block !== title && fold(block.text) === folded) {
        note('en-tête de page répété, retiré', block.place);
        pendingHeaderComments.push(`en-tête de page répété, non repris (${placeLabel(block.place)}) : ${oneLine(block.text)}`);
        // A paragraph cut by the page break goes on after the header.
        const before = kept[kept.length - 1];
        const after = blocks[blocks.indexOf(block) + 1];
        if (before?.kind === 'paragraph' && after?.kind === 'paragraph' && !/[.:;!?]$/.test(before.text) && /^\p{Ll}/u.test(after.text)) {
          joined.add(after);
          kept[kept.length - 1] = { ...before, text: `${before.text} ${after.text}` };
        }
        continue;
      }
      if (joined.has(block)) continue;
      kept.push(block);
    }
    blocks = kept;
  }
  for (const artefact of source.artefacts) {
    pendingHeaderComments.push(`marque de l’extraction, non reprise (${placeLabel(artefact.place)}) : ${artefact.text}`);
  }

  // Group: --groupe, or the region named in the title, or the default group.
  const group = chooseGroup(config, context.group, title?.text, guess, title?.place);

  // Where the parts are.
  const agendaIndex = blocks.findIndex((block, index) => index > titleIndex && isAgendaHeading(block));
  const anchors = blocks.map((block, index) => (isDiscussionAnchor(block) ? index : -1)).filter((index) => index >= 0);
  const headingIndexes = anchors.map((anchor) => {
    let index = anchor - 1;
    while (index > 0 && blocks[index]!.text.trim() === '') index--;
    return index;
  });
  const firstSection = headingIndexes[0] ?? blocks.length;
  const afterSections = headingIndexes.length > 0 ? headingIndexes[headingIndexes.length - 1]! + 2 : Math.max(agendaIndex + 1, 0);
  const annexIndex = blocks.findIndex((block, index) => index >= afterSections && isAnnexHeading(block));
  const signatureIndex = blocks.findIndex(
    (block, index) => index >= afterSections && (annexIndex < 0 || index < annexIndex) && SIGNATORY.test(withoutEmphasis(block.text)) && block.text.split(/\s+/).length <= 6,
  );
  const endOfSections = Math.min(...[signatureIndex, annexIndex, blocks.length].filter((index) => index >= 0));

  // Header table.
  const headerEnd = agendaIndex >= 0 ? agendaIndex : firstSection;
  const header = readHeader(blocks.slice(titleIndex + 1, headerEnd), used);
  const date = meetingDate(header.date, title, context.fileName, guess);
  for (const other of header.date.slice(1)) {
    comments.header.push(`autre date dans l’en-tête, non reprise (${placeLabel(other.place)}) : ${oneLine(other.text)}`);
    guess(`deux dates dans l’en-tête : la première est reprise, « ${shorten(other.text)} » ne l’est pas`, other.place);
  }
  if (!date) {
    const looksLikeMinutes = title !== undefined || agendaIndex >= 0 || anchors.length > 0;
    throw new NotAMeeting(
      looksLikeMinutes
        ? 'date de la réunion introuvable : le tableau d’en-tête doit avoir une ligne « Date » (par exemple « Date : 28 janvier 2021 »)'
        : 'ce document ne ressemble pas à un compte-rendu du GTM : ni titre « Compte-rendu… », ni tableau d’en-tête (Date, Lieu, Présence), ni ordre du jour',
    );
  }
  const draft: Draft = {
    group: group.key,
    isDefaultGroup: group.key === config.groupe_par_defaut,
    date: formatIsoDay(date),
    presence: [],
    items: [],
    annexes: [],
    comments,
    findings,
  };
  readTimes(header.time, draft, guess);
  readPlace(header.place, draft, config, guess);
  draft.presence = readPresence(header.presence, config, findings, draft.comments.presence);
  if (!draft.presence.some((named) => named.acronym)) {
    guess('aucune organisation présente reconnue : le fichier nomme la présidence du groupe pour être valide, corrigez la présence', header.presence[0]?.place ?? title?.place);
  }
  for (let index = titleIndex + 1; index < headerEnd; index++) if (!used.has(blocks[index]!)) unplaced(blocks[index]!, comments.header);
  for (let index = 0; index < Math.max(titleIndex, 0); index++) if (!used.has(blocks[index]!)) unplaced(blocks[index]!, comments.top);

  // Agenda.
  const agenda: Array<AgendaEntry> = [];
  if (agendaIndex >= 0) {
    const heading = blocks[agendaIndex]!;
    used.add(heading);
    if (!/^points inscrits a l ordre du jour$/.test(fold(withoutEmphasis(heading.text)))) {
      comments.agenda.push(`ordre du jour introduit par « ${oneLine(written(heading))} » (${placeLabel(heading.place)})`);
    }
    for (let index = agendaIndex + 1; index < firstSection; index++) {
      const block = blocks[index]!;
      used.add(block);
      if (block.text.trim() === '') continue;
      agenda.push({ ...splitTitle(block), place: block.place, written: written(block) });
    }
  }

  // Sections.
  const code = config.groupes[group.key]!.code;
  const ids = actionIds(code, date, context.usedActionIds, guess);
  const matched = new Map<AgendaEntry, Section>();
  const sections: Section[] = headingIndexes.map((headingIndex, position) => {
    const heading = blocks[headingIndex]!;
    used.add(heading);
    used.add(blocks[anchors[position]!]!);
    const end = position + 1 < headingIndexes.length ? headingIndexes[position + 1]! : endOfSections;
    const content = blocks.slice(anchors[position]! + 1, end);
    content.forEach((block) => used.add(block));
    return { heading, ...splitTitle(heading), content };
  });
  for (const section of sections) {
    const entry = bestAgendaEntry(section, agenda, matched);
    if (entry) matched.set(entry, section);
  }

  const items: DraftItem[] = [];
  const itemFor = new Map<AgendaEntry | Section, DraftItem>();
  let coordination: { section?: Section; entry?: AgendaEntry } | undefined;
  for (const entry of agenda) {
    if (isCoordination(entry.title)) {
      coordination = { entry, ...(matched.get(entry) ? { section: matched.get(entry)! } : {}) };
      continue;
    }
    const item = makeItem(entry, matched.get(entry), config, findings);
    itemFor.set(entry, item);
    items.push(item);
  }
  // Sections that no agenda entry announced: placed after the item before them.
  sections.forEach((section, position) => {
    if ([...matched.values()].includes(section)) return;
    if (isCoordination(section.title)) {
      coordination ??= { section };
      return;
    }
    note(`point « ${shorten(section.title)} » absent de l’ordre du jour : ajouté à sa place dans le corps du texte`, section.heading.place);
    const item = makeItem(undefined, section, config, findings);
    itemFor.set(section, item);
    const previous = sections
      .slice(0, position)
      .reverse()
      .map((earlier) => [...matched.entries()].find(([, value]) => value === earlier)?.[0] ?? earlier)
      .map((key) => itemFor.get(key))
      .find(Boolean);
    items.splice(previous ? items.indexOf(previous) + 1 : items.length, 0, item);
  });
  // Actions in the order of the items, so that their ids follow the record.
  for (const item of items) {
    const section = [...itemFor.entries()].find(([, value]) => value === item)?.[0];
    const body = section && 'content' in section ? section : section ? matched.get(section as AgendaEntry) : undefined;
    if (body) fillSection(item, body, draft, ids, config, findings);
  }
  if (items.length === 0) {
    throw new NotAMeeting('aucun point d’ordre du jour reconnu : ni liste « Points inscrits à l’ordre du jour », ni sections suivies de « Points de discussion clés »');
  }
  draft.items = items;

  if (coordination) readCoordination(coordination, draft, date, guess, findings);

  // Signature.
  if (signatureIndex >= 0) {
    const end = annexIndex >= 0 ? annexIndex : blocks.length;
    const lines = blocks.slice(signatureIndex, end).filter((block) => block.text.trim() !== '');
    const [role, name, structure, ...rest] = lines;
    lines.forEach((block) => used.add(block));
    if (role && name && name.text.split(/\s+/).length <= 8) {
      draft.signature = { qualite: titleCase(withoutEmphasis(role.text)), nom: withoutEmphasis(name.text) };
      if (structure && structure.text.split(/\s+/).length <= 8 && rest.length === 0) draft.signature.structure = withoutEmphasis(structure.text);
      else if (structure) unplaced(structure, comments.signature);
      for (const block of rest) unplaced(block, comments.signature);
      if (draft.signature.qualite !== withoutEmphasis(role.text)) comments.signature.push(`écrit « ${withoutEmphasis(role.text)} » (${placeLabel(role.place)})`);
    } else {
      for (const block of lines) unplaced(block, comments.signature);
    }
  }

  // Annexes.
  if (annexIndex >= 0) {
    const starts = blocks.map((block, index) => (index >= annexIndex && isAnnexHeading(block) ? index : -1)).filter((index) => index >= 0);
    starts.forEach((start, position) => {
      const heading = blocks[start]!;
      const content = blocks.slice(start + 1, starts[position + 1] ?? blocks.length);
      used.add(heading);
      content.forEach((block) => used.add(block));
      const named = /^annexes?\s*(?:n°\s*)?[\dIVX]*\s*[:.–-]?\s*(.*)$/i.exec(withoutEmphasis(heading.text));
      const titre = proseTypography(named?.[1]?.trim() || withoutEmphasis(heading.text));
      const contenu = blocksToMarkdown(content);
      const annexComments: string[] = [];
      if (titre !== withoutEmphasis(heading.text)) annexComments.push(`titre écrit « ${oneLine(heading.text)} » (${placeLabel(heading.place)})`);
      if (contenu === '') {
        annexComments.push(`annexe sans contenu dans le document : « ${titre} »`);
        note(`annexe « ${shorten(titre)} » sans contenu : non reprise`, heading.place);
        comments.end.push(...annexComments);
        return;
      }
      draft.annexes.push({ titre, contenu, comments: annexComments });
    });
  }

  // Whatever is left: between the agenda and the sections, after the sections.
  for (const block of blocks) if (!used.has(block)) unplaced(block, comments.end);
  comments.header.push(...pendingHeaderComments.splice(0));
  return draft;

}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const shorten = (text: string) => {
  const line = oneLine(text);
  return line.length > 70 ? `${line.slice(0, 69)}…` : line;
};

/** « LE RAPPORTEUR » → « Le Rapporteur »; a title already in mixed case is kept. */
function titleCase(text: string): string {
  if (text !== text.toUpperCase()) return oneLine(text);
  return oneLine(text)
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
    .replace(/ (De|Du|Des|La|Le|Les|Et|À|Au|Aux|D’|L’) /g, (word) => word.toLowerCase());
}

function chooseGroup(
  config: Config,
  option: string | undefined,
  title: string | undefined,
  guess: (text: string, place?: Place) => void,
  place: Place | undefined,
): { key: string } {
  if (option !== undefined) return { key: option };
  if (title) {
    const words = ` ${fold(title)} `;
    const found = Object.entries(config.groupes).filter(([key, group]) => {
      const region = fold(group.region ?? '');
      return region !== '' && (words.includes(` ${region} `) || words.includes(` ${fold(key)} `)) && key !== config.groupe_par_defaut;
    });
    if (found.length === 1) {
      guess(`groupe « ${found[0]![0]} » reconnu dans le titre (région ${found[0]![1].region})`, place);
      return { key: found[0]![0] };
    }
  }
  return { key: config.groupe_par_defaut };
}

interface HeaderValues {
  date: Array<{ text: string; place: Place }>;
  time: Array<{ text: string; place: Place }>;
  place: Array<{ text: string; place: Place }>;
  presence: Block[];
}

/** The header table: label cells (Date, Heure, Lieu, Présence) and the cells after them. */
function readHeader(blocks: readonly Block[], used: Set<Block>): HeaderValues {
  const values: HeaderValues = { date: [], time: [], place: [], presence: [] };
  let current: Label | undefined;
  const add = (label: Label, block: Block, text: string) => {
    if (label === 'presence') values.presence.push(text === block.text ? block : { ...block, kind: 'paragraph', text });
    else values[label].push({ text, place: block.place });
    used.add(block);
  };
  for (const block of blocks) {
    if (block.kind === 'row' && block.cells) {
      const label = labelOf(block.cells[0] ?? '');
      if (label) {
        current = label;
        const rest = block.cells.slice(1).filter((cell, index, cells) => cell.trim() !== '' && cells.indexOf(cell) === index && labelOf(cell) !== label);
        for (const cell of rest) add(label, block, cell);
        used.add(block);
        if (rest.length > 0 && label !== 'presence') current = undefined;
        continue;
      }
    }
    const inline = /^\**\s*([^:*]{2,30}?)\s*\**\s*:\s*(.+)$/.exec(block.text);
    if (inline && labelOf(inline[1]!)) {
      current = labelOf(inline[1]!)!;
      add(current, block, inline[2]!);
      if (current !== 'presence') current = undefined;
      continue;
    }
    const label = labelOf(block.text);
    if (label) {
      current = label;
      used.add(block);
      continue;
    }
    if (current && block.gapBefore < 2 && block.text.trim() !== '') {
      add(current, block, block.kind === 'row' ? (block.cells ?? []).join(' ') : current === 'presence' ? block.text : written(block));
      // Date, time and place take one cell; the attendance list runs on.
      if (current !== 'presence') current = undefined;
    } else if (block.gapBefore >= 2) current = undefined;
  }
  return values;
}

function meetingDate(
  values: HeaderValues['date'],
  title: Block | undefined,
  fileName: string,
  guess: (text: string, place?: Place) => void,
): Day | undefined {
  const candidates = [...values, ...(title ? [{ text: title.text, place: title.place }] : [])];
  for (const [index, candidate] of candidates.entries()) {
    const found = findDate(candidate.text);
    if (!found) continue;
    if (index >= values.length) guess('date de la réunion lue dans le titre', candidate.place);
    if (found.day) return found.day;
    const year = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(fileName);
    if (found.partial && year) {
      const day = parseIsoDate(formatIsoDay({ year: Number(year[1]), ...found.partial }));
      if (day) {
        guess(`année ${year[1]} prise du nom du fichier (la date « ${oneLine(candidate.text)} » n’en a pas)`, candidate.place);
        return day;
      }
    }
  }
  return undefined;
}

function readTimes(values: HeaderValues['time'], draft: Draft, guess: (text: string, place?: Place) => void): void {
  const text = values.map((value) => value.text).join(' ');
  const times = findTimes(text);
  if (values.length > 0 && times.length === 0) {
    draft.comments.header.push(`heure non reprise : ${oneLine(text)}`);
    guess(`heure non reconnue : « ${shorten(text)} »`, values[0]!.place);
    return;
  }
  if (times[0]) draft.heureDebut = times[0].time;
  if (times[1]) {
    if (minutesOf(parseTime(times[1].time)!) > minutesOf(parseTime(times[0]!.time)!)) draft.heureFin = times[1].time;
    else guess(`heure de fin « ${times[1].time} » avant le début : non reprise`, values[0]!.place);
  }
  const written = oneLine(text);
  if (written !== [draft.heureDebut, draft.heureFin].filter(Boolean).join(' - ')) draft.comments.header.push(`heure écrite « ${written} »`);
}

const TOOLS: Record<string, string> = { skype: 'Skype', zoom: 'Zoom', teams: 'Teams', 'google meet': 'Google Meet', webex: 'Webex', whatsapp: 'WhatsApp' };

function readPlace(values: HeaderValues['place'], draft: Draft, config: Config, guess: (text: string, place?: Place) => void): void {
  if (values.length === 0) return;
  const written = oneLine(values.map((value) => stripTags(value.text)).join(' '));
  let lieu = typographic(written);
  for (const [name, canonical] of Object.entries(TOOLS)) {
    const pattern = new RegExp(`\\b${name}\\b`, 'i');
    if (pattern.test(lieu)) {
      draft.outil = canonical;
      lieu = lieu.replace(pattern, canonical);
    }
  }
  const folded = fold(lieu);
  if (/hybride|mixte/.test(folded)) draft.modalite = 'hybride';
  else if (draft.outil || /virtuel|visio|en ligne/.test(folded)) draft.modalite = 'virtuel';
  // An acronym of the directory typed with a letter off (« DGECM-R »).
  const acronyms = Object.keys(config.organisations);
  lieu = lieu.replace(/\b[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)*\b/g, (word) => {
    if (acronyms.includes(word) || compact(word).length < 5) return word;
    // Among acronyms a letter off, the one written with the same separators (« DGECM-R » → DGECEM-R, not DRECM/R).
    const close = acronyms.filter((acronym) => editDistance(compact(word), compact(acronym), 1) <= 1);
    const closest = Math.min(...close.map((acronym) => editDistance(word, acronym, 3)));
    const best = close.filter((acronym) => editDistance(word, acronym, 3) === closest);
    if (best.length !== 1) return word;
    close.splice(0, close.length, best[0]!);
    guess(`lieu : « ${word} » lu comme ${close[0]} (sigle de l’annuaire)`, values[0]!.place);
    return close[0]!;
  });
  draft.lieu = lieu;
  if (lieu !== written) draft.comments.header.push(`lieu écrit « ${written} »`);
}

/** The organisations present: the header's Présence cells, one organisation per line, item, « - » or « ; ». */
function readPresence(blocks: readonly Block[], config: Config, findings: Finding[], comments: string[]): NamedOrganisation[] {
  const presence: NamedOrganisation[] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    const number = block.kind === 'item' && /^[\dIVXLa-h]/.test(block.marker ?? '') && !['ul', 'ol'].includes(block.marker ?? '') ? block.marker : undefined;
    for (const name of splitNames(block.text)) {
      const named = nameOrganisation(name, config, findings, block.place, 'présence');
      // A numbered attendance list: the number is kept beside the entry.
      if (number) named.comments.push(`écrit « ${number} ${name} » (${placeLabel(block.place)})`);
      if (named.acronym && seen.has(named.acronym)) {
        comments.push(`en double dans la présence (${placeLabel(block.place)}) : « ${name} » (${named.acronym})`);
        findings.push({ kind: 'note', text: `« ${name} » : ${named.acronym} déjà présent, non repris deux fois`, place: block.place });
        continue;
      }
      if (named.acronym) seen.add(named.acronym);
      presence.push(named);
    }
  }
  return presence;
}

/** Names in a cell: lines, list items run together (« -OIM -UNHCR »), « ; », commas between short names. */
export function splitNames(cell: string): string[] {
  const names: string[] = [];
  for (const line of stripTagsKeepingLines(cell).split('\n')) {
    for (const part of line.split(/(?:^|\s+)[-–·•▪]\s*|\s*;\s*/)) {
      const name = cleanOrganisationName(part);
      if (name === '') continue;
      const commaParts = name.split(/\s*,\s*/);
      if (!name.includes('(') && commaParts.length > 1 && commaParts.every((piece) => piece.split(/\s+/).length <= 3)) names.push(...commaParts.filter(Boolean));
      else names.push(name);
    }
  }
  return names;
}

const stripTagsKeepingLines = (text: string) =>
  text
    .split('\n')
    .map((line) => stripTags(line))
    .join('\n');

function nameOrganisation(name: string, config: Config, findings: Finding[], place: Place, role: string): NamedOrganisation {
  const match = matchOrganisation(name, config.organisations);
  const where = placeLabel(place);
  switch (match.kind) {
    case 'exact':
      return { written: name, acronym: match.acronym, comments: [] };
    case 'sure':
      findings.push({ kind: 'note', text: `${role} : « ${shorten(name)} » → ${match.acronym} (${match.reason})`, place });
      return { written: name, acronym: match.acronym, comments: [`lu « ${name} » (${where}) : ${match.reason}`] };
    case 'approximate':
      findings.push({ kind: 'guess', text: `${role} : « ${shorten(name)} » rapproché de ${match.acronym} (${match.reason})`, place });
      return { written: name, acronym: match.acronym, comments: [`à vérifier : lu « ${name} » (${where}), rapproché de ${match.acronym} (${match.reason})`] };
    case 'unknown':
      findings.push({
        kind: 'unplaced',
        text: `${role} : « ${shorten(name)} » absent de l’annuaire ; proposé : ${match.proposal.acronym} (« ${match.proposal.nom} », type ${match.proposal.type})`,
        place,
      });
      return { written: name, unknown: match.proposal, comments: [] };
  }
}

interface AgendaEntry {
  title: string;
  presenter?: string;
  place: Place;
  written: string;
}

interface Section {
  heading: Block;
  title: string;
  presenter?: string;
  content: Block[];
}

/** « 1- Présentation de … (OIM) ; » → title « Présentation de … » and presenter « OIM ». */
function splitTitle(block: Block): { title: string; presenter?: string } {
  let text = withoutEmphasis(stripTags(block.text));
  // « - 1- Présentation… »: a bullet, then the number.
  for (let strip = 0; strip < 2; strip++) {
    const marker = splitListMarker(text);
    if (marker) text = marker.text;
  }
  text = text.replace(/[\s;,.:]+$/, '').trim();
  const presenter = /^(.*\S)\s*\(([^()]+)\)$/.exec(text);
  if (presenter) return { title: typographic(presenter[1]!), presenter: presenter[2]!.trim() };
  return { title: typographic(text) };
}

const titleWords = (title: string) => fold(title).split(' ').filter((word) => word.length > 2);

function similarity(a: string, b: string): number {
  const left = new Set(titleWords(a));
  const right = new Set(titleWords(b));
  if (left.size === 0 || right.size === 0) return fold(a) === fold(b) ? 1 : 0;
  let common = 0;
  for (const word of left) if (right.has(word) || [...right].some((other) => other.length >= 5 && editDistance(word, other, 1) <= 1)) common++;
  return common / Math.min(left.size, right.size);
}

function bestAgendaEntry(section: Section, agenda: readonly AgendaEntry[], matched: Map<AgendaEntry, Section>): AgendaEntry | undefined {
  let best: AgendaEntry | undefined;
  let score = 0.5;
  for (const entry of agenda) {
    if (matched.has(entry)) continue;
    const candidate = similarity(withoutTrailingPresenter(entry), section.title);
    if (candidate > score || (candidate === score && !best && candidate > 0.5)) {
      best = entry;
      score = candidate;
    }
  }
  return best;
}

const withoutTrailingPresenter = (entry: AgendaEntry) => entry.title;

function makeItem(entry: AgendaEntry | undefined, section: Section | undefined, config: Config, findings: Finding[]): DraftItem {
  let title = entry?.title ?? section!.title;
  let presenterWritten = entry?.presenter ?? section?.presenter;
  const item: DraftItem = { titre: title, actions: [], comments: [], discussionComments: [] };
  const place = entry?.place ?? section!.heading.place;
  // « Ouverture SP/CCM » in the agenda, « Ouverture (SP/CCM) » in the text.
  if (entry && !entry.presenter) {
    const last = /^(.*\S)\s+(\S+)$/.exec(entry.title);
    if (last && (Object.hasOwn(config.organisations, last[2]!) || (section?.presenter && compact(section.presenter) === compact(last[2]!)))) {
      title = last[1]!;
      presenterWritten = section?.presenter ?? last[2]!;
      item.comments.push(`ordre du jour : « ${entry.title} » (${placeLabel(entry.place)}), présentateur sans parenthèses`);
    }
  }
  if (title.replace(/[^\p{L}\p{N}]/gu, '') === '') {
    item.comments.push('à vérifier : point sans intitulé dans le document');
    findings.push({ kind: 'guess', text: `point sans intitulé (« ${oneLine(entry?.written ?? written(section!.heading))} ») : nommé « ${UNTITLED} »`, place });
    if (title.trim() !== '') item.comments.push(`intitulé écrit « ${title} »`);
    title = UNTITLED;
  }
  item.titre = title;
  // Where the item was read, as written (numbers included): what the rapporteur checks it against.
  const origins = [
    ...(entry ? [`ordre du jour (${placeLabel(entry.place)}) : « ${oneLine(entry.written)} »`] : []),
    ...(section ? [`section (${placeLabel(section.heading.place)}) : « ${oneLine(written(section.heading))} »`] : []),
  ];
  item.comments.unshift(`lu dans ${origins.join(' ; ')}`);
  if (entry && section?.presenter && entry.presenter && compact(entry.presenter) !== compact(section.presenter)) {
    item.comments.push(`présentateur écrit « ${section.presenter} » dans le corps du texte (${placeLabel(section.heading.place)})`);
  }
  if (presenterWritten) {
    const named = nameOrganisation(presenterWritten, config, [], place, 'présentateur');
    if (named.acronym) {
      item.presentateur = named.acronym;
      item.comments.push(...named.comments);
      if (named.comments.length > 0) {
        findings.push({ kind: named.comments[0]!.startsWith('à vérifier') ? 'guess' : 'note', text: `présentateur : « ${presenterWritten} » → ${named.acronym}`, place });
      }
    } else {
      item.intervenant = typographic(presenterWritten);
      findings.push({ kind: 'note', text: `présenté par « ${presenterWritten} », qui n’est pas dans l’annuaire : écrit en « intervenant »`, place });
    }
  }
  return item;
}

/** The title of an item the document gives none: valid, and obviously to be replaced. */
const UNTITLED = 'Point sans intitulé (à renommer)';

interface ActionIds {
  next(): string;
}

/** Ids in the group's scheme, code-AAMM-n, after any already used for that month. */
function actionIds(code: string, date: Day, usedIds: ReadonlySet<string>, guess: (text: string) => void): ActionIds {
  const prefix = `${code}-${String(date.year % 100).padStart(2, '0')}${String(date.month).padStart(2, '0')}-`;
  let counter = 0;
  for (const id of usedIds) {
    if (!id.startsWith(prefix.toUpperCase())) continue;
    const number = Number(id.slice(prefix.length));
    if (Number.isInteger(number)) counter = Math.max(counter, number);
  }
  if (counter > 0) guess(`identifiants d’action numérotés à partir de ${prefix}${counter + 1} : ${prefix}1 à ${prefix}${counter} sont déjà pris dans le dépôt`);
  return { next: () => `${prefix}${++counter}` };
}

/** A section's content: the discussion, then its action table. */
function fillSection(item: DraftItem, section: Section, draft: Draft, ids: ActionIds, config: Config, findings: Finding[]): void {
  const blocks = section.content;
  const table = findActionTable(blocks);
  const discussionBlocks = table ? blocks.slice(0, table.start) : blocks;
  const after = table ? blocks.slice(table.end) : [];
  if (after.some((block) => block.text.trim() !== '')) {
    findings.push({ kind: 'note', text: 'texte après le tableau des points d’action : ajouté à la discussion', place: after.find((block) => block.text.trim() !== '')!.place });
  }
  const discussion = blocksToMarkdown([...discussionBlocks, ...after]);
  if (discussion !== '') item.discussion = discussion;
  if (!table) return;
  const odd = table.header.filter((cell) => cell.trim() !== '' && !isActionHeader(cell) && !isResponsibleHeader(cell) && !isDeadlineHeader(cell));
  if (odd.length > 0) item.comments.push(`en-tête du tableau des actions : ${table.header.map(oneLine).join(' | ')}`);
  const year = Number(draft.date.slice(0, 4));
  for (const row of table.rows) {
    const [actionCell = '', responsibleCell = '', deadlineCell = ''] = row.cells;
    const where = placeLabel(row.place);
    const actionText = oneLine(stripTags(actionCell)).replace(/^\d{1,2}\s*[.)-]\s+/, '');
    if (isNothing(actionText)) {
      const rest = [responsibleCell, deadlineCell].filter((cell) => !isNothing(cell));
      if (rest.length > 0) {
        item.comments.push(`non repris (${where}) : ligne d’action sans action : ${rest.map(oneLine).join(' | ')}`);
        findings.push({ kind: 'unplaced', text: `ligne du tableau des actions sans action : « ${shorten(rest.join(' | '))} »`, place: row.place });
      } else if (actionCell.trim() !== '' && actionText !== '') {
        // « N/A », « //// »: no action, as the record says by having none.
      }
      continue;
    }
    const action: DraftAction = { id: ids.next(), action: proseTypography(actionText), responsibles: '?', comments: [] };
    action.responsibles = readResponsibles(responsibleCell, action, config, findings, row.place);
    const deadline = readDeadline(stripTags(deadlineCell), year);
    if (deadline.kind === 'value') {
      action.deadline = deadline.value;
      if (deadline.guessed) {
        action.comments.push(`à vérifier : échéance écrite « ${oneLine(deadlineCell)} » (${where}), ${deadline.guessed}`);
        findings.push({ kind: 'guess', text: `échéance « ${oneLine(deadlineCell)} » : ${deadline.guessed}`, place: row.place });
      } else if (String(deadline.value) !== oneLine(deadlineCell)) action.comments.push(`échéance écrite « ${oneLine(deadlineCell)} » (${where})`);
    } else if (deadlineCell.trim() !== '' && oneLine(deadlineCell) !== '') {
      action.comments.push(`pas de date limite (écrit « ${oneLine(deadlineCell)} », ${where})`);
    }
    if (/^\d{1,2}\s*[.)-]\s+/.test(oneLine(actionCell))) action.comments.push(`numéro d’origine : ${/^\d{1,2}/.exec(oneLine(actionCell))![0]}`);
    item.actions.push(action);
  }
}

interface ActionTable {
  start: number;
  end: number;
  /** The header's cells as written. */
  header: string[];
  rows: Array<{ cells: string[]; place: Place }>;
}

const isActionHeader = (text: string) => /^points? d ?actions?$/.test(fold(withoutEmphasis(text)));
const isResponsibleHeader = (text: string) => /responsable/.test(fold(text));
const isDeadlineHeader = (text: string) => /^(date limite|delai|echeance|date)/.test(fold(withoutEmphasis(text)));

/** The table « Points d’action | Personne/Agence responsable | Date limite »: as rows, or as one cell per line. */
function findActionTable(blocks: readonly Block[]): ActionTable | undefined {
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.kind === 'row' && block.cells && isActionHeader(block.cells[0] ?? '') && block.cells.slice(1).some(isResponsibleHeader)) {
      const rows: ActionTable['rows'] = [];
      let end = index + 1;
      while (end < blocks.length) {
        const row = blocks[end]!;
        if (row.kind === 'row' && row.cells) rows.push({ cells: row.cells, place: row.place });
        else if (row.text.trim() === '' || isNothing(row.text)) {
          if (row.text.trim() !== '' && !isNothing(row.text)) break;
        } else if (row.gapBefore === 0 && rows.length === 0 && row.cell) rows.push({ cells: [written(row)], place: row.place });
        else break;
        end++;
      }
      return { start: index, end, rows, header: block.cells };
    }
    const second = blocks[index + 1];
    const third = blocks[index + 2];
    if (block.kind !== 'row' && isActionHeader(block.text) && second && third && isResponsibleHeader(second.text) && isDeadlineHeader(third.text)) {
      // Extracted text of a Word table: each cell on its own line, led by a tab.
      const cells: Block[] = [];
      let end = index + 3;
      while (end < blocks.length) {
        const cell = blocks[end]!;
        if (cell.kind === 'row' || !cell.cell || (cell.gapBefore >= 2 && cells.length % 3 === 0)) break;
        cells.push(cell);
        end++;
      }
      const rows: ActionTable['rows'] = [];
      for (let at = 0; at < cells.length; at += 3) {
        const group = cells.slice(at, at + 3);
        rows.push({ cells: [0, 1, 2].map((column) => (group[column] ? written(group[column]!) : '')), place: group[0]!.place });
      }
      return { start: index, end, rows, header: [block.text, second.text, third.text] };
    }
  }
  return undefined;
}

function readResponsibles(cell: string, action: DraftAction, config: Config, findings: Finding[], place: Place): DraftAction['responsibles'] {
  const text = oneLine(stripTags(cell));
  const where = placeLabel(place);
  if (isNothing(text)) {
    action.comments.push(`aucun responsable indiqué${text ? ` (écrit « ${text} »)` : ''}, ${where} : « ? », à désigner`);
    findings.push({ kind: 'note', text: `action « ${shorten(action.action)} » sans responsable : « ? » (à désigner)`, place });
    return '?';
  }
  if (/^\?+$/.test(text)) return '?';
  if (/^tous\b|^l ensemble des/.test(fold(text))) {
    if (fold(text) !== 'tous') action.comments.push(`responsables écrits « ${text} » : tous`);
    return 'tous';
  }
  const named: NamedOrganisation[] = [];
  // « et » separates responsibles, unless it is part of one name (« partenaires techniques et financiers »).
  const parts = text.split(/\s*(?:,|;|&|\n)\s*/).flatMap((part) =>
    matchCollective(cleanOrganisationName(part), config) || ['exact', 'sure'].includes(matchOrganisation(part, config.organisations).kind) ? [part] : part.split(/\s+et\s+/),
  );
  for (const part of parts) {
    const name = cleanOrganisationName(part);
    if (name === '') continue;
    if (!matchCollective(name, config) && /^(les |leurs |ses |autres |des )?partenaires$|^ptfs?$|^(les )?acteurs$/i.test(name)) {
      action.comments.push(`non repris : « ${name} » parmi les responsables (${where}), qui ne désigne pas une organisation de l’annuaire`);
      findings.push({ kind: 'unplaced', text: `responsables : « ${name} » ne désigne pas une organisation : non repris`, place });
      continue;
    }
    const collective = matchCollective(name, config);
    if (collective) {
      if (collective !== name) action.comments.push(`responsable écrit « ${name} » : le collectif ${collective} de gtm.yaml`);
      named.push({ written: name, acronym: collective, comments: [] });
      continue;
    }
    const organisation = nameOrganisation(name, config, findings, place, 'responsables');
    action.comments.push(...organisation.comments);
    named.push(organisation);
  }
  return named.length === 0 ? '?' : named;
}

/** A collective responsible of gtm.yaml (« PTF », « Les partenaires techniques et financiers »). */
function matchCollective(name: string, config: Config): string | undefined {
  const collectives = config.collectifs ?? {};
  const plain = (text: string) => fold(text).replace(/^(les|des) /, '');
  return Object.keys(collectives).find((key) => compact(key) === compact(name) || plain(collectives[key]!.nom) === plain(name));
}

function readCoordination(
  coordination: { section?: Section; entry?: AgendaEntry },
  draft: Draft,
  date: Day,
  guess: (text: string, place?: Place) => void,
  findings: Finding[],
): void {
  const { section, entry } = coordination;
  if (entry) draft.comments.agenda.push(`« ${oneLine(entry.written)} » (${placeLabel(entry.place)}) : produit à partir de prochaine_reunion`);
  if (!section) return;
  const table = findActionTable(section.content);
  const textBlocks = table ? section.content.slice(0, table.start) : section.content;
  const text = oneLine(textBlocks.map((block) => block.text).join(' '));
  if (section.heading) draft.comments.next.push(`section « ${oneLine(written(section.heading))} » (${placeLabel(section.heading.place)})`);
  if (text !== '') draft.comments.next.push(`texte d’origine : ${text}`);
  const next = text === '' ? undefined : readNextMeeting(text, date);
  if (next && (next.date ?? `${next.mois}-99`) > formatIsoDay(date)) {
    draft.next = { ...(next.date ? { date: next.date } : {}), ...(next.mois ? { mois: next.mois } : {}), ...(next.heure ? { heure: next.heure } : {}), ...(next.lieu ? { lieu: next.lieu } : {}) };
    for (const text of next.guesses) {
      guess(text, section.heading.place);
      draft.comments.next.push(`à vérifier : ${text}`);
    }
  } else if (text !== '') {
    findings.push({ kind: 'unplaced', text: `prochaine réunion non reconnue dans « ${shorten(text)} »`, place: section.heading.place });
    draft.comments.next.push('prochaine réunion non reconnue : à écrire à la main (date: AAAA-MM-JJ ou mois: AAAA-MM)');
  }
  if (table) {
    for (const row of table.rows) {
      if (row.cells.every((cell) => isNothing(cell))) continue;
      draft.comments.next.push(`non repris (${placeLabel(row.place)}) : point d’action de la coordination : ${row.cells.map(oneLine).join(' | ')}`);
      findings.push({ kind: 'unplaced', text: `point d’action sous « Coordination prochaines étapes » non repris : « ${shorten(row.cells.join(' | '))} »`, place: row.place });
    }
  }
}

export { formatDay };
