// The catalog of every French sentence the core produces, keyed by what it says.
// Commands and the CLI keep their own wording in src/cli/messages.ts.
import { isoFromFrenchDate } from './calendar.js';
import { showUnseen } from './reading/characters.js';

/** Quotes a value back to the user; a long one (a pasted paragraph) is shortened to stay on one line. */
const quote = (value: string): string => {
  // What cannot be seen is named: « O⟨U+200B, espace sans chasse⟩IM » beside « OIM ».
  const oneLine = showUnseen(value.replace(/[ \t\n\r]+/g, ' ').trim());
  return `« ${oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine} »`;
};

const frenchDateHint = (value: string): string => {
  const iso = isoFromFrenchDate(value);
  return iso ? ` : écrivez ${iso}` : ' : écrivez AAAA-MM-JJ, par exemple 2023-06-20';
};

export const messages = {
  // Values
  invalidDate: (value: string) => `date impossible ou mal écrite ${quote(value)}${frenchDateHint(value)}`,
  invalidEmail: (value: string) => `adresse électronique invalide ${quote(value)} : écrivez par exemple prenom.nom@exemple.org`,
  invalidMonth: (value: string) => `mois mal écrit ${quote(value)} : écrivez AAAA-MM, par exemple 2021-04`,
  invalidTime: (value: string) => `heure mal écrite ${quote(value)} : écrivez par exemple "9:30" ou "9h30", entre guillemets`,
  invalidActionId: (value: string) =>
    `identifiant d’action invalide ${quote(value)} : lettres, chiffres et tirets, 24 caractères au plus (par exemple NIA-2306-1)`,
  invalidDeadline: (value: string) =>
    `date limite mal écrite ${quote(value)}${isoFromFrenchDate(value) ? frenchDateHint(value) : ' : écrivez une date (2023-07-31), un mois (2023-07), une année (2023), « prochaine réunion » ou des mots'}`,

  // Shape (schema)
  missingField: (key: string) => `champ obligatoire manquant : ${key}`,
  unknownKey: (key: string, suggestion?: string) =>
    `clé inconnue ${quote(key)}${suggestion ? `, vouliez-vous dire ${suggestion} ?` : ''}`,
  expectedText: (found: string) => `texte attendu, ${found}${found.startsWith('lu') ? ' : mettez la valeur entre guillemets' : ''}`,
  expectedType: (expected: string, found: string) => `attendu : ${expected} ; ${found}`,
  expectedOneOf: (value: string, allowed: readonly string[], suggestion?: string) =>
    `valeur ${quote(value)} non reconnue${suggestion ? `, vouliez-vous dire ${suggestion} ?` : ''} (valeurs possibles : ${allowed.join(', ')})`,
  emptyText: () => 'texte vide : écrivez une valeur ou retirez la clé',
  tooShortList: (minimum: number) => `liste trop courte : au moins ${minimum} élément${minimum > 1 ? 's' : ''}`,
  invalidValue: () => 'valeur invalide',

  // YAML reading
  yamlSyntax: (detail: string) => `erreur de syntaxe YAML : ${detail}`,
  emptyFile: () => 'fichier vide : une réunion doit contenir au moins sa date et son ordre du jour',
  emptyConfig: () => 'fichier vide : gtm.yaml décrit l’en-tête, les groupes et l’annuaire des organisations (« gtm init » en crée un complet)',
  notAMapping: () => 'le fichier doit décrire une réunion : des paires « clé: valeur », pas une liste ni un texte seul',
  duplicateKey: (key: string) => `clé en double ${quote(key)} : chaque clé ne peut figurer qu’une fois`,
  unreadableFile: (reason: string) => `lecture impossible : ${reason}`,
  fileTooLarge: (size: number, limit: number) =>
    `fichier trop volumineux (${Math.round(size / 1024)} Ko, au plus ${Math.round(limit / 1024)} Ko) : est-ce bien un compte-rendu ?`,
  notUtf8: () => 'le fichier n’est pas encodé en UTF-8 : enregistrez-le en UTF-8 depuis votre éditeur',
  utf16: () => 'le fichier est encodé en UTF-16 : enregistrez-le en UTF-8 depuis votre éditeur',
  controlCharacter: (character: string) =>
    `caractère invisible interdit (${character}) : supprimez-le ; s’il vient d’un copier-coller, retapez le texte à cet endroit`,
  escapedControlCharacter: (character: string) =>
    `caractère de contrôle interdit (${character}), écrit sous forme d’échappement (comme \\e, \\x1b ou \\u001b) : retirez-le ; il pourrait dérégler l’affichage d’un terminal`,
  bidiControl: (character: string) =>
    `caractère de contrôle bidirectionnel (${character}) : il change l’ordre d’affichage du texte qui suit, qui ne se lirait plus comme il est écrit ; retirez-le`,
  lonelyCarriageReturn: () =>
    'fins de ligne « CR » seules (ancien format Mac) : enregistrez le fichier avec des fins de ligne LF (Unix) ou CRLF (Windows) depuis votre éditeur',
  unicodeSpaceIndent: (character: string) =>
    `espace spéciale (${character}) en début de ligne : YAML ne la compte pas comme une indentation ; remplacez-la par une espace ordinaire`,
  duplicateFollowUp: (id: string, first: string) =>
    `l’action ${quote(id)} est suivie deux fois dans cette réunion (déjà en ${first}) : gardez une seule entrée de suivi par action`,
  duplicateResponsible: (acronym: string) => `responsable cité deux fois : ${acronym}`,
  duplicateGroupCode: (code: string, other: string) =>
    `le code ${quote(code)} est déjà celui du groupe ${other} : chaque groupe a son propre code, qui commence les identifiants de ses actions`,
  invalidTimeOption: (value: string) => `heure mal écrite ${quote(value)} : écrivez par exemple 9:30 ou 9h30`,
  mergeConflict: () =>
    'marqueur de conflit git (<<<<<<<, =======, >>>>>>>) : choisissez la bonne version et retirez les marqueurs',
  noRepository: (directory: string) =>
    `aucun dépôt de comptes-rendus trouvé : pas de fichier gtm.yaml dans ${directory} ni au-dessus (créez-en un avec « gtm init »)`,
  fileNotFound: (file: string) => `fichier introuvable : ${file}`,
  unexpectedExtension: (file: string) => `${file} n’est pas un fichier de réunion : l’extension doit être .yaml ou .yml`,
  outsideMeetings: (file: string) => `${file} est hors du dossier meetings/ : les réunions doivent y être rangées`,
  ignoredFile: (file: string) => `${file} n’est pas lu : seuls les fichiers dont le nom se termine par .yaml ou .yml sont des réunions`,

  // Rules across the repository
  unknownOrganisation: (acronym: string, suggestion?: string) =>
    `organisation inconnue ${quote(acronym)}${suggestion ? `, vouliez-vous dire ${suggestion} ?` : ' : ajoutez-la à l’annuaire de gtm.yaml'}`,
  unknownGroup: (group: string, suggestion?: string) =>
    `groupe inconnu ${quote(group)}${suggestion ? `, vouliez-vous dire ${suggestion} ?` : ' : déclarez-le dans gtm.yaml'}`,
  duplicateActionId: (id: string, firstPlace: string) => `identifiant d’action ${quote(id)} déjà utilisé (${firstPlace})`,
  unknownFollowedAction: (id: string, suggestion?: string) =>
    `suivi d’une action inconnue ${quote(id)}${suggestion ? `, vouliez-vous dire ${suggestion} ?` : ''}`,
  followUpOfLaterAction: (id: string, actionMeeting: string) =>
    `suivi de l’action ${quote(id)}, décidée plus tard (${actionMeeting}) : un suivi ne peut porter que sur une réunion antérieure`,
  followUpInSameMeeting: (id: string) =>
    `suivi de l’action ${quote(id)} décidée dans cette même réunion : notez plutôt son état dans l’action elle-même`,
  undrawableCharacter: (char: string) =>
    `caractère que les polices du PDF n’ont pas : « ${char} » (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) ; le PDF affichera « ? » à sa place`,
  rightToLeftText: (script: string) =>
    `texte en ${script}, écrit de droite à gauche : le PDF l’affichera de gauche à droite, lettres non liées ; faites relire ce passage sur le PDF ou remplacez-le par une traduction`,
  listTooDeep: (depth: number, limit: number, line: number) =>
    `liste imbriquée sur ${depth} niveaux (ligne ${line} du texte) : le PDF en met ${limit} au plus, remontez les éléments les plus profonds`,
  tableTooWide: (columns: number, limit: number, line: number) =>
    `tableau de ${columns} colonnes (ligne ${line} du texte) : le PDF en met ${limit} au plus sur la largeur d’une page, scindez-le en plusieurs tableaux`,
  endBeforeStart: (start: string, end: string) => `l’heure de fin (${end}) précède l’heure de début (${start})`,
  nextMeetingNotAfter: (next: string, date: string) =>
    `la prochaine réunion (${next}) doit être postérieure à la réunion (${date})`,
  fileNameMismatch: (expected: string) => `le nom du fichier ne correspond pas à la date et au groupe : nommez-le ${expected}`,
  defaultGroupUnknown: (group: string) => `le groupe par défaut ${quote(group)} n’est pas déclaré dans groupes`,
  deadlineBeforeMeeting: (deadline: string, date: string) =>
    `la date limite (${deadline}) précède la réunion qui l’a fixée (${date})`,
  duplicateMeeting: (other: string) => `une autre réunion du même groupe a lieu le même jour (${other})`,
  followUpOfClosedAction: (id: string, status: string, where: string) =>
    `suivi de l’action ${quote(id)}, déjà close (${status} le ${where})`,
  duplicateAttendance: (acronym: string) => `organisation présente deux fois : ${acronym}`,
  collectiveInAttendance: (name: string) =>
    `« ${name} » est un collectif, pas une organisation : indiquez dans presence les organisations elles-mêmes`,
  representedWithoutWhom: (acronym: string) => `${acronym} est « represente » : indiquez par qui avec represente_par`,
  representedByWithoutStatus: (acronym: string) => `represente_par n’a de sens qu’avec « statut: represente » (${acronym})`,
  // gtm.yaml across its sections
  unknownMember: (acronym: string, group: string, suggestion?: string) =>
    `membre inconnu ${quote(acronym)} du groupe ${group}${suggestion ? `, vouliez-vous dire ${suggestion} ?` : ' : il n’est pas dans l’annuaire (organisations)'}`,
  duplicateMember: (acronym: string, group: string) => `${acronym} figure deux fois parmi les membres du groupe ${group}`,
  unknownChair: (acronym: string, group: string, suggestion?: string) =>
    `présidence inconnue ${quote(acronym)} du groupe ${group}${suggestion ? `, vouliez-vous dire ${suggestion} ?` : ' : elle n’est pas dans l’annuaire (organisations)'}`,
  unknownCollectiveMember: (acronym: string, collective: string, suggestion?: string) =>
    `organisation inconnue ${quote(acronym)} dans le collectif ${collective}${suggestion ? `, vouliez-vous dire ${suggestion} ?` : ''}`,
  collectiveNamedLikeOrganisation: (name: string) =>
    `le collectif ${quote(name)} porte le nom d’une organisation de l’annuaire : donnez-lui un autre nom`,

  // Templates (gtm render)
  templateSyntax: (detail: string) => `modèle mal formé : ${detail}`,
  templateRuntime: (detail: string) => `erreur dans le modèle : ${detail}`,
  templateMissingPartial: (name: string) => `le modèle appelle le partiel « ${name} », introuvable : créez templates/${name}.md.hbs ou corrigez le nom`,
  templateMissingField: (field: string) => `le modèle utilise « ${field} », une donnée qui n’existe pas (voir la liste des données en tête de compte-rendu.md.hbs)`,
  templateMissingMain: (file: string) => `modèle principal introuvable : ${file}`,
  templateReservedName: (name: string) =>
    `« ${name} » est un nom réservé de JavaScript, pas une donnée du compte-rendu : retirez-le (voir la liste des données en tête de compte-rendu.md.hbs)`,
  templateComputedPartial: () => 'le nom d’un partiel doit être écrit en toutes lettres, par exemple {{> signature}}',
  templateHelperArity: (helper: string, count: number, block: boolean) =>
    `{{${block ? '#' : ''}${helper}}} attend ${count === 1 ? 'exactement une valeur' : `exactement ${count} valeurs`}, par exemple ${
      helper === 'lookup' ? '{{lookup organisations sigle}}' : `{{#${helper} ${helper === 'each' ? 'presence' : 'discussion'}}}`
    }`,
  templateUnknownHelper: (helper: string) =>
    `helper inconnu « ${helper} » : les helpers sont texte, cellule, markdown, nom_complet, sigle_et_nom, et ceux de Handlebars (if, unless, each, with, lookup)`,
  templateUnclosedComment: () => 'commentaire {{!-- ouvert ici et jamais refermé : ajoutez --}} à sa fin',
  templateRecursivePartial: (chain: readonly string[]) =>
    `le partiel « ${chain[chain.length - 1]} » s’appelle lui-même (${chain.join(' → ')}) : la mise en page ne finirait jamais`,
  templateNotText: (helper: string) => `le helper « ${helper} » attend un texte ; il a reçu un ensemble de données (liste ou dictionnaire)`,
  templateRuntimeDetail: (detail: string) => `erreur dans le modèle : ${detail}`,

  // gtm new
  invalidOption: (option: string, detail: string) => `option ${option} : ${detail}`,
  emptyOption: (option: string) => `option ${option} : valeur vide`,
  noPreviousMeeting: (group: string) =>
    `aucune réunion précédente du groupe ${quote(group)} ne fixe la date : indiquez-la avec --date AAAA-MM-JJ`,
  noNextMeetingDate: (previous: string) =>
    `la réunion précédente (${previous}) ne fixe pas la date de la prochaine : indiquez-la avec --date AAAA-MM-JJ`,
  onlyNextMeetingMonth: (previous: string, month: string) =>
    `la réunion précédente (${previous}) n’a fixé que le mois de la prochaine (${month}) : indiquez le jour avec --date AAAA-MM-JJ`,
  nextMeetingNotLater: (previous: string, date: string) =>
    `la prochaine réunion annoncée par ${previous} (${date}) n’est pas postérieure à celle-ci : indiquez la date avec --date AAAA-MM-JJ`,
  // Writing (every command that writes a file)
  writeFailed: (file: string, reason: string, folder: string) => {
    switch (reason) {
      case 'ENOSPC':
      case 'EDQUOT':
        return `disque plein : ${file} n’a pas pu être écrit ; libérez de la place, puis relancez la commande`;
      case 'EACCES':
      case 'EPERM':
        return `droits insuffisants sur ${folder} : ${file} n’a pas pu être écrit ; choisissez un autre emplacement, ou demandez le droit d’y écrire`;
      case 'EROFS':
        return `disque en lecture seule : ${file} n’a pas pu être écrit ; choisissez un autre emplacement`;
      case 'ENOTDIR':
      case 'EEXIST':
        return `${file} n’a pas pu être écrit : ${folder} n’est pas un dossier`;
      case 'EISDIR':
        return `${file} n’a pas pu être écrit : c’est un dossier`;
      case 'ENAMETOOLONG':
        return `${file} n’a pas pu être écrit : nom trop long`;
      default:
        return `${file} n’a pas pu être écrit (${reason})`;
    }
  },

  meetingExists: (file: string) => `${file} existe déjà : gtm new ne remplace jamais un fichier de réunion (ouvrez-le pour le modifier)`,
};

/** Closest candidate by edit distance, for « vouliez-vous dire … ? ». */
export function suggest(value: string, candidates: Iterable<string>): string | undefined {
  const target = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(target, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(1, Math.floor(value.length / 3));
  return best !== undefined && bestDistance <= tolerance ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}
