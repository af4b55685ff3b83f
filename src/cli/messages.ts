// French wording of the command line: help texts, usage errors, the internal-error notice.

export const help = {
  program: 'Comptes-rendus du Groupe Technique sur la Migration : vérifier, mettre en page, suivre les points d’action.',
  version: 'affiche la version',
  help: 'affiche l’aide',
  helpCommand: 'affiche l’aide d’une commande',
  debug: 'affiche le détail technique des erreurs internes',
  validate: 'vérifie les fichiers de réunion (par défaut : tout le dossier meetings/)',
  validatePaths: 'fichiers ou dossiers de réunion à vérifier',
  format: (choices: string, byDefault: string) => `format de sortie : ${choices} (par défaut : ${byDefault})`,
  schema: 'affiche le schéma JSON d’une réunion ou de gtm.yaml, pour l’éditeur',
  schemaKind: 'reunion (par défaut) ou config',
  render: 'met en page un compte-rendu en PDF, en Word (docx), en Markdown ou en page web (HTML)',
  renderMeeting: 'identifiant (2023-06-20-national) ou chemin du fichier ; par défaut la dernière réunion',
  renderAll: 'met en page toutes les réunions (avec -o DOSSIER)',
  renderDraft: 'marque le document comme projet (filigrane « PROJET »), pour le faire relire',
  site: 'produit le site web des comptes-rendus (accueil, pages, PDF, Word, actions, organisations, recherche)',
  search: 'cherche des mots dans tous les comptes-rendus (accents, majuscules et pluriels indifférents)',
  searchWords: 'mots à chercher, par exemple : cartographie sécurité',
  searchGroup: 'seulement les réunions de ce groupe (national, agadez…)',
  searchSince: 'seulement les réunions de ce mois et après (AAAA-MM)',
  searchLimit: 'nombre de résultats affichés, les plus pertinents d’abord (par défaut : 20 ; 0 pour tous)',
  serve: 'aperçu du compte-rendu dans le navigateur, mis à jour à chaque enregistrement',
  serveMeeting: 'identifiant ou chemin du fichier ; par défaut la réunion enregistrée en dernier',
  servePort: 'port (par défaut : un port libre, affiché au démarrage)',
  siteOutput: 'dossier du site (par défaut : site/ à la racine du dépôt)',
  siteNoDownloads: 'sans les PDF ni les fichiers Word à télécharger (plus rapide)',
  output: 'fichier (ou dossier avec --all) où écrire le résultat',
  comments: 'liste les commentaires et les modifications suivies d’un document Word renvoyé par un membre',
  commentsFile: 'le fichier .docx annoté (par exemple le projet diffusé par gtm render --format docx --projet)',
  actions: 'liste les points d’action de toutes les réunions et leur état',
  actionsOpen: 'seulement les actions ouvertes, en cours ou reportées',
  actionsOverdue: 'seulement les actions en retard',
  actionsResponsible: 'seulement les actions d’une organisation (sigle)',
  actionsGroup: 'seulement les actions d’un groupe',
  actionsMeeting: 'seulement les actions décidées lors d’une réunion (identifiant)',
  actionsAsOf: 'date de référence pour les retards, AAAA-MM-JJ (par défaut : aujourd’hui)',
  new: 'crée le fichier de la prochaine réunion dans meetings/',
  newGroup: 'groupe (par défaut : celui de gtm.yaml)',
  newDate: 'date de la réunion, AAAA-MM-JJ',
  newTime: 'heure de début, HH:MM',
  newPlace: 'lieu de la réunion',
  newEdit: 'ouvre le fichier dans l’éditeur ($VISUAL ou $EDITOR)',
  import: 'importe d’anciens comptes-rendus (Word .docx ou texte .txt) en fichiers de réunion',
  importFiles: 'fichiers .docx ou .txt à importer',
  importGroup: 'groupe de la réunion (par défaut : lu dans le titre, sinon celui de gtm.yaml)',
  importDryRun: 'affiche le fichier de réunion au lieu de l’écrire',
  importAddDirectory: 'ajoute à l’annuaire de gtm.yaml les organisations qu’il ne connaît pas',
  init: 'crée un nouveau dépôt de comptes-rendus',
  initDirectory: 'dossier du dépôt (par défaut : le dossier courant)',
  hook: 'gère le contrôle automatique avant chaque commit git',
  hookInstall: 'installe le contrôle des réunions avant chaque commit (git pre-commit)',
  convocation: 'prépare la convocation à la prochaine réunion : PDF, Markdown ou invitation de calendrier (.ics)',
  convocationGroup: 'groupe convoqué (par défaut : celui de gtm.yaml)',
  convocationPoint: 'point à inscrire à l’ordre du jour (répétez l’option pour plusieurs points)',
  convocationDate: 'date de la réunion, AAAA-MM-JJ (par défaut : celle annoncée par le dernier compte-rendu)',
  convocationTime: 'heure de début, HH:MM (par défaut : celle annoncée)',
  convocationPlace: 'lieu de la réunion (par défaut : celui annoncé, ou le lieu habituel)',
  convocationRevision: 'numéro de mise à jour de l’invitation .ics : 0 la première fois, puis 1, 2… à chaque changement',
  chairOutput: 'fichier ou dossier où écrire le résultat (par défaut : rendus/ ; « - » pour l’afficher)',
  diffuser: 'prépare la diffusion d’un compte-rendu : des brouillons de courriel (.eml) avec le PDF joint, sans rien envoyer',
  diffuserMeeting: 'identifiant (2023-06-20-national) ou chemin du fichier ; par défaut la dernière réunion',
  diffuserPerOrganisation: 'un courriel par organisation membre, avec ses propres points d’action',
  bilan: 'bilan d’une année de réunions : réunions tenues, présence, points d’action, graphiques',
  bilanYear: 'année du bilan, par exemple 2021',
  bilanGroup: 'groupe (par défaut : celui de gtm.yaml)',
};

export const HELP_TITLES: Record<string, string> = {
  'Usage:': 'Utilisation :',
  'Options:': 'Options :',
  'Commands:': 'Commandes :',
  'Arguments:': 'Arguments :',
  'Global Options:': 'Options générales :',
};

export const usage = {
  unknownOption: (option: string, suggestion?: string) => `option inconnue : ${option}${suggestion ? `, vouliez-vous dire ${suggestion} ?` : ''}`,
  unknownCommand: (command: string, suggestion?: string) =>
    `commande inconnue : ${command}${suggestion ? `, vouliez-vous dire ${suggestion} ?` : ' (gtm --help liste les commandes)'}`,
  missingArgument: (argument: string) => `argument manquant : ${argument}`,
  missingOptionValue: (option: string) => `valeur manquante pour l’option ${option}`,
  excessArguments: () => 'trop d’arguments',
  invalidCount: (option: string, value: string) => `${option} attend un nombre entier (0 ou plus), pas « ${value} »`,
  invalidPort: (value: string) => `--port attend un numéro de port entre 0 et 65535, pas « ${value} »`,
  invalidChoice: (option: string, value: string, choices: readonly string[]) =>
    `valeur « ${value} » non reconnue pour ${option} (valeurs possibles : ${choices.join(', ')})`,
  other: (detail: string) => `utilisation incorrecte : ${detail}`,
  seeHelp: (command: string) => `Voir « gtm ${command}--help ».`,
};

export const internal = {
  crashed: (detail: string) =>
    `gtm : erreur interne inattendue (${detail}).\n` +
    'Vos fichiers n’ont pas été modifiés. Signalez ce problème au mainteneur de gtm en joignant la commande lancée\n' +
    'et le résultat de la même commande suivie de --debug.\n',
};

export const summaryLine = (errors: number, warnings: number): string => {
  const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? 's' : ''}`;
  return `${plural(errors, 'erreur')}, ${plural(warnings, 'avertissement')}`;
};

/** gtm init, gtm hook install, gtm new. */
export const scaffolding = {
  notADirectory: (target: string) => `${target} existe déjà et n’est pas un dossier`,
  existingFile: (file: string) => `${file} existe déjà : gtm init ne remplace aucun fichier`,
  nothingWritten: () => 'rien n’a été écrit : déplacez ou supprimez ces fichiers, ou choisissez un autre dossier',
  foreignHook: (file: string) =>
    `un autre hook pre-commit existe déjà (${file}) : gtm ne le remplace pas. Ajoutez-y la ligne « gtm validate », ou retirez-le puis relancez « gtm hook install »`,
  hookAppeared: (file: string) => `un hook pre-commit est apparu pendant l’installation (${file}) : relancez « gtm hook install »`,
  notAGitRepository: (directory: string) =>
    `${directory} n’est pas dans un dépôt git : lancez d’abord « git init », puis « gtm hook install »`,
  hookInstalled: (file: string) =>
    `Contrôle avant commit installé : ${file}\nChaque commit de réunions lancera « gtm validate » et sera bloqué en cas d’erreur.\n`,
  hookUpdated: (file: string) => `Contrôle avant commit mis à jour : ${file}\n`,
  hookAlreadyInstalled: (file: string) => `Contrôle avant commit déjà installé : ${file}\n`,
  gitMissing: () =>
    'git est introuvable : le dépôt a été créé sans git. Installez git, puis lancez « git init » et « gtm hook install » dans le dossier',
  fileAppeared: (file: string) => `${file} est apparu pendant la création : il n’a pas été remplacé`,
  initDone: (directory: string, files: readonly string[], gitCreated: boolean, hook: string | undefined) =>
    `Dépôt de comptes-rendus créé dans ${directory} :\n${files.map((file) => `  ${file}\n`).join('')}` +
    (gitCreated ? '  (dépôt git initialisé)\n' : '') +
    (hook ? `  ${hook} (contrôle avant commit)\n` : '') +
    '\nÉtapes suivantes :\n' +
    '  1. relisez gtm.yaml (signataires, rapporteurs régionaux, organisations) ;\n' +
    '  2. créez la première réunion : gtm new --date AAAA-MM-JJ ;\n' +
    '  3. vérifiez-la : gtm validate.\n',
  noEditor: (file: string) =>
    `Aucun éditeur défini (variables VISUAL et EDITOR vides) : ouvrez ${file} vous-même, ou définissez par exemple EDITOR=nano.\n`,
  editorFailed: (editor: string, detail: string) =>
    `L’éditeur « ${editor} » a échoué (${detail}) ; le fichier a bien été créé, ouvrez-le vous-même.\n`,
};

/** gtm render. */
export const chairWording = {
  written: (file: string) => `écrit : ${file}\n`,
  invalidRepository: (what: string) => `${what} n’a pas été produit(e) : corrigez d’abord les erreurs ci-dessus (voir « gtm validate »)\n`,
  invalidRevision: (value: string) => `numéro de mise à jour invalide pour --revision « ${value} » : un entier, 0 la première fois`,
  noOrganizer: (chair: string | undefined, group: string) =>
    chair === undefined
      ? `l’invitation a besoin d’un organisateur : indiquez « presidence: » du groupe ${group} dans gtm.yaml, et un contact (avec email) pour cette organisation`
      : `l’invitation a besoin d’un organisateur : ajoutez à ${chair} dans gtm.yaml un contact avec son adresse (contacts: - nom: …, email: …)`,
  withoutContact: (organisations: readonly string[]) =>
    `attention : ${organisations.length === 1 ? 'ce membre n’a' : 'ces membres n’ont'} aucun contact dans gtm.yaml et ne ${organisations.length === 1 ? 'sera' : 'seront'} pas invité${organisations.length === 1 ? '' : 's'} : ${organisations.join(', ')}\n`,
  noSender: (chair: string | undefined, group: string) =>
    chair === undefined
      ? `le courriel a besoin d’un expéditeur : indiquez « presidence: » du groupe ${group} dans gtm.yaml, et un contact (avec email) pour cette organisation`
      : `le courriel a besoin d’un expéditeur : ajoutez à ${chair} dans gtm.yaml un contact avec son adresse (contacts: - nom: …, email: …)`,
  noRecipient: (group: string) =>
    `aucun destinataire : aucun membre du groupe ${group} n’a de contact dans gtm.yaml (ajoutez contacts: - nom: …, email: … aux organisations membres)`,
  withoutContactMail: (organisations: readonly string[]) =>
    `attention : ${organisations.length === 1 ? 'ce membre n’a' : 'ces membres n’ont'} aucun contact dans gtm.yaml et ne ${organisations.length === 1 ? 'recevra' : 'recevront'} pas le compte-rendu : ${organisations.join(', ')}\n`,
  stdoutPerOrganisation: () => '« -o - » (sortie standard) ne peut pas servir avec --par-organisation : indiquez un dossier',
  invalidYear: (value: string) => `année invalide « ${value} » : écrivez-la sur quatre chiffres, par exemple gtm bilan 2021`,
  noMeetingInYear: (year: number, group: string) =>
    `remarque : le groupe ${group} n’a tenu aucune réunion en ${year} ; le bilan le dit, ses sections restent vides\n`,
  emptyPoint: () => 'point vide pour --point : écrivez son intitulé, par exemple --point "Présentation de l’OIM"',
};

export const rendering = {
  written: (file: string) => `écrit : ${file}\n`,
  meetingNotFound: (reference: string, suggestion?: string) =>
    `réunion introuvable « ${reference} »${suggestion ? `, vouliez-vous dire ${suggestion} ?` : ' : donnez son identifiant (2023-06-20-national) ou le chemin de son fichier'}`,
  noMeeting: () => 'aucune réunion à mettre en page : le dossier meetings/ est vide',
  meetingAndAll: () => 'indiquez soit une réunion, soit --all, pas les deux',
  stdoutWithAll: () => '« -o - » (sortie standard) ne peut pas servir avec --all : indiquez un dossier',
  draftNeedsPages: () => '--projet s’applique aux formats pdf, docx et html : le Markdown ne porte pas de filigrane',
  refusedOutput: (why: 'lien' | 'fichier-special' | 'dossier' | 'git' | 'donnees', target: string) => {
    const reason = {
      lien: 'c’est un lien symbolique, que gtm ne remplace pas par un fichier',
      'fichier-special': 'ce n’est pas un fichier ordinaire (tube, périphérique ou socket)',
      dossier: 'c’est un dossier',
      git: 'ce chemin est dans un dossier .git, réservé à git',
      donnees: 'les fichiers de réunion, gtm.yaml et le dossier meetings/ ne sont jamais modifiés',
    }[why];
    return `refus d’écrire dans ${target} : ${reason} ; choisissez un autre chemin (par défaut : rendus/, ou « -o - » pour la sortie standard)`;
  },
  misleadingExtension: (target: string, extension: string, expected: string) => {
    const kinds: Record<string, string> = { '.md': 'Markdown', '.pdf': 'PDF', '.docx': 'Word', '.html': 'HTML', '.ics': 'iCalendar', '.eml': 'e-mail', '.csv': 'CSV' };
    return `${target} sera écrit au format ${kinds[expected] ?? expected} malgré son extension ${extension} : nommez-le plutôt en ${expected}`;
  },
  outputNotDirectory: (target: string) => `${target} n’est pas un dossier : avec --all, -o désigne le dossier où écrire les comptes-rendus`,
  invalidMeeting: (file?: string) =>
    `le compte-rendu n’a pas été produit : corrigez d’abord les erreurs ci-dessus (gtm validate${file ? ` ${file}` : ''})\n`,
};

/** gtm site. */
export const site = {
  written: (directory: string, total: number, changed: number, removed: number) =>
    `site écrit dans ${directory} : ${total} fichiers, ${changed} mis à jour${removed > 0 ? `, ${removed} supprimé${removed > 1 ? 's' : ''}` : ''} ; ouvrez ${directory}${directory.endsWith('/') ? '' : '/'}index.html\n`,
  invalid: () => 'le site n’a pas été produit : corrigez d’abord les erreurs ci-dessus (gtm validate)\n',
  refusedOutput: (target: string) =>
    `refus d’écrire le site dans ${target} : le dossier meetings/ et gtm.yaml ne sont jamais modifiés ; choisissez un autre dossier (par défaut : site/)`,
  notDirectory: (target: string) => `${target} n’est pas un dossier : -o désigne le dossier où écrire le site`,
  notGtmSite: (target: string) =>
    `${target} contient déjà des fichiers qui ne viennent pas de gtm site : choisissez un dossier vide ou un site déjà produit par gtm`,
};

/** gtm search. */
export const searching = {
  none: (query: string) => (query === '' ? 'Indiquez les mots à chercher, par exemple : gtm search cartographie\n' : `Aucun résultat pour « ${query} ».\n`),
  count: (hits: number, meetings: number, query: string) =>
    `${hits} résultat${hits > 1 ? 's' : ''} dans ${meetings} réunion${meetings > 1 ? 's' : ''} pour « ${query} ».`,
  countFirst: (total: number, shown: number, query: string) =>
    `${total} résultats pour « ${query} » ; voici ${shown > 1 ? `les ${shown} premiers` : 'le premier'} (--limite 0 pour tous).`,
  badMonth: (given: string) => `--depuis attend un mois AAAA-MM (par exemple 2023-01), pas « ${given} »`,
  unknownGroup: (given: string, groups: readonly string[]) => `groupe inconnu « ${given} » ; groupes de gtm.yaml : ${groups.join(', ')}`,
  skipped: (files: number) =>
    `${files} fichier${files > 1 ? 's' : ''} de réunion avec des erreurs ${files > 1 ? 'ne sont' : 'n’est'} pas cherché${files > 1 ? 's' : ''} (voir gtm validate)\n`,
};

/** gtm serve. */
export const serving = {
  listening: (url: string) => `Aperçu sur ${url} (Ctrl+C pour arrêter) : la page se recharge à chaque enregistrement.\n`,
  stopped: () => 'Aperçu arrêté.\n',
  banner: (file: string) => `Aperçu de ${file} : la page se recharge à chaque enregistrement.`,
  unknownMeeting: (reference: string) => `réunion introuvable « ${reference} » : donnez son identifiant (2023-06-20-national) ou le chemin de son fichier`,
  portUnavailable: (port: number, reason: string) =>
    reason === 'EADDRINUSE' ? `le port ${port} est déjà pris : choisissez-en un autre avec --port, ou --port 0 pour un port libre` : `impossible d’ouvrir le port ${port} (${reason})`,
  notFound: () => 'Page introuvable : l’aperçu est à la racine (/).\n',
  noMeeting: () => 'Aucune réunion dans meetings/ : créez-en une avec gtm new.',
  missingFile: (file: string) => `Le fichier ${file} n’existe plus.`,
  errorsTitle: (count: number) => `${count} erreur${count > 1 ? 's' : ''} à corriger`,
  errorsHelp: (file: string | undefined) =>
    `Le compte-rendu${file ? ` de ${file}` : ''} s’affichera dès que ces erreurs seront corrigées et le fichier enregistré.`,
  internal: () => 'Erreur interne de gtm',
};
