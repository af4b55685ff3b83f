// Hostile input, case by case: every mistake a rapporteur can make while editing YAML by hand
// must end in one French message, with its code, its file:line:column and the exit code, never
// in a stack trace. Fixtures are in fixtures/ (each breaks one line of valide.yaml); bytes that an
// editor or git could alter (encodings, CRLF, BOM) and huge inputs are generated here.
// Every case runs in-process through `main`; those marked `bin` also run the built bin.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_CONFIG, createFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runBin, runInProcess } from '../helpers/run-cli.js';
import { MAX_FILE_BYTES } from '../../src/core/reading/user-text.js';
import { isInside, looksLikeCrash, parseReport } from './report-lines.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, `${name}.yaml`), 'utf8');
const VALID = fixture('valide');
const MEETING = 'meetings/2023-06-20-national.yaml';

/** Replaces `old` (which must be there) once. */
function edit(text: string, old: string, replacement: string): string {
  if (!text.includes(old)) throw new Error(`fixture has no ${JSON.stringify(old)}`);
  return text.replace(old, replacement);
}

/** 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

interface Case {
  name: string;
  /** The meeting file's content: a fixture name, or text/bytes. */
  meeting: { fixture: string } | { content: string | Uint8Array };
  /** Where the meeting is written, relative to the root. */
  file?: string;
  /** gtm.yaml text; the bundled one by default; null for none. */
  config?: string | null;
  args?: string[];
  exit: number;
  /** Exactly the problems reported: code, place (file:line:col, '' for none) and message. */
  problems: [code: string, at: string | RegExp, message: string | RegExp][];
  /** Also run the built bin. */
  bin?: boolean;
}

const noBom = VALID.replace(/^#.*\n/, '');
const deepBlocks = `${VALID}annexes:\n  ${'- '.repeat(20_000)}x\n`;
const deepKeys = `${VALID}extra:\n${Array.from({ length: 60 }, (_, level) => `${' '.repeat(level + 1)}k${level}:`).join('\n')} fin\n`;
const latin1Line = '  - titre: Présentation à Niamey';
const latin1 = Buffer.concat([
  Buffer.from(edit(VALID, '  - titre: Présentation de la cartographie', '').split('\n').slice(0, 10).join('\n') + '\n', 'utf8'),
  // « Présentation » valid UTF-8, then « à » in Latin-1: the column counts characters, not bytes.
  Buffer.from('  - titre: Présentation ', 'utf8'),
  Buffer.from('à Niamey\n', 'latin1'),
]);
const configDuplicate = edit(BUNDLED_CONFIG, '    code: NIA\n', '    code: NIA\n    code: NIB\n');
const configProto = edit(BUNDLED_CONFIG, 'organisations:\n', 'organisations:\n  __proto__: { nom: Pollueur, type: etat }\n');

const CASES: Case[] = [
  // YAML syntax
  { name: 'mauvaise indentation d’une clé', meeting: { fixture: 'indentation-cle' }, exit: 1, problems: [['yaml-syntaxe', `${MEETING}:12:1`, 'erreur de syntaxe YAML : indentation incorrecte : alignez cette ligne sur les clés de même niveau, avec des espaces']] },
  { name: 'élément de liste mal aligné', meeting: { fixture: 'indentation-liste' }, exit: 1, problems: [['yaml-syntaxe', `${MEETING}:7:2`, 'erreur de syntaxe YAML : indentation incorrecte : alignez ce « - » sur ceux des autres éléments de la liste']] },
  { name: 'ligne trop indentée sous une clé qui a une valeur', meeting: { fixture: 'indentation-excessive' }, exit: 1, problems: [['yaml-syntaxe', `${MEETING}:4:3`, 'erreur de syntaxe YAML : indentation incorrecte : cette ligne est plus indentée que la clé précédente, qui a déjà une valeur ; alignez-la sur les clés de même niveau']] },
  { name: 'tabulation', meeting: { fixture: 'tabulation' }, exit: 1, bin: true, problems: [['yaml-syntaxe', `${MEETING}:12:1`, 'erreur de syntaxe YAML : tabulation utilisée pour indenter : remplacez-la par des espaces']] },
  { name: 'guillemet double jamais refermé, montré où il s’ouvre', meeting: { fixture: 'guillemet-double-ouvert' }, exit: 1, bin: true, problems: [['yaml-syntaxe', `${MEETING}:4:14`, 'erreur de syntaxe YAML : guillemet « " » ouvert ici et jamais refermé : ajoutez-le à la fin de la valeur']] },
  { name: 'guillemet simple jamais refermé', meeting: { fixture: 'guillemet-simple-ouvert' }, exit: 1, problems: [['yaml-syntaxe', `${MEETING}:9:12`, 'erreur de syntaxe YAML : guillemet « \' » ouvert ici et jamais refermé : ajoutez-le à la fin de la valeur']] },
  { name: 'crochet jamais refermé', meeting: { fixture: 'crochet-ouvert' }, exit: 1, problems: [['yaml-syntaxe', `${MEETING}:5:11`, 'erreur de syntaxe YAML : crochet [ ou accolade { ouvert ici et jamais refermé : ajoutez ] ou } à la fin de la valeur']] },
  { name: 'clé en double', meeting: { fixture: 'cle-en-double' }, exit: 1, problems: [['cle-en-double', `${MEETING}:8:1`, 'clé en double « statut » : chaque clé ne peut figurer qu’une fois']] },
  { name: '« : » dans une valeur sans guillemets', meeting: { fixture: 'deux-points-dans-valeur' }, exit: 1, bin: true, problems: [['yaml-syntaxe', `${MEETING}:9:12`, 'erreur de syntaxe YAML : « : » suivi d’une espace dans une valeur : mettez la valeur entre guillemets, ainsi : titre: "Réunion: budget"']] },
  { name: 'texte après une valeur entre guillemets', meeting: { fixture: 'texte-apres-guillemets' }, exit: 1, problems: [['yaml-syntaxe', `${MEETING}:9:24`, 'erreur de syntaxe YAML : texte inattendu après la valeur : si la valeur commence par un guillemet, mettez-la entière entre guillemets']] },
  { name: 'valeur commençant par @', meeting: { fixture: 'arobase' }, exit: 1, problems: [['yaml-syntaxe', `${MEETING}:9:12`, 'erreur de syntaxe YAML : une valeur ne peut pas commencer par « @ » : mettez-la entre guillemets']] },
  { name: 'valeur commençant par &', meeting: { fixture: 'esperluette' }, exit: 1, problems: [['yaml-syntaxe', `${MEETING}:9:12`, 'erreur de syntaxe YAML : une valeur ne peut pas commencer par « & » : mettez-la entre guillemets']] },
  { name: 'valeur commençant par !', meeting: { fixture: 'point-d-exclamation' }, exit: 1, problems: [['yaml-etiquette', `${MEETING}:9:12`, 'étiquette YAML « ! » non prise en charge : retirez-la, ou mettez la valeur entre guillemets si « ! » fait partie du texte']] },
  { name: 'valeur commençant par -', meeting: { fixture: 'tiret-apres-cle' }, exit: 1, problems: [['yaml-syntaxe', `${MEETING}:9:12`, 'erreur de syntaxe YAML : « - » sur la même ligne que la clé : passez à la ligne pour une liste, ou mettez le texte entre guillemets']] },
  { name: 'valeur commençant par * (alias sans ancre)', meeting: { fixture: 'alias-inconnu' }, exit: 1, problems: [['yaml-alias', `${MEETING}:9:12`, 'alias « *important » sans ancre (&important) correspondante : une valeur qui commence par « * » doit être mise entre guillemets']] },
  { name: 'clé complexe', meeting: { fixture: 'cle-complexe' }, exit: 1, problems: [['cle-complexe', `${MEETING}:8:3`, 'clé complexe (liste, dictionnaire ou alias) : une clé est un simple mot suivi de « : »']] },
  { name: 'clé vide', meeting: { fixture: 'cle-vide' }, exit: 1, problems: [['cle-vide', `${MEETING}:8:1`, 'clé vide : écrivez le nom de la clé avant « : », ou mettez la valeur entre guillemets si elle commence par « : »']] },

  // YAML 1.1 traps: read as YAML 1.2, values keep their text; a %YAML 1.1 directive is refused
  { name: 'statut: no reste le texte « no »', meeting: { fixture: 'statut-no' }, exit: 1, problems: [['valeur-inconnue', `${MEETING}:2:9`, 'valeur « no » non reconnue (valeurs possibles : brouillon, valide, diffuse)']] },
  { name: 'heure 9:30 sans guillemets reste l’heure 9:30', meeting: { fixture: 'heure-sans-guillemets' }, exit: 0, problems: [] },
  { name: 'date écrite 20/06/2023', meeting: { fixture: 'date-francaise' }, exit: 1, problems: [['valeur-invalide', `${MEETING}:3:7`, 'date impossible ou mal écrite « 20/06/2023 » : écrivez 2023-06-20']] },
  { name: 'directive %YAML 1.1', meeting: { fixture: 'directive-yaml-1-1' }, exit: 1, bin: true, problems: [['yaml-directive', `${MEETING}:1:1`, 'directive « %YAML 1.1 » non prise en charge : gtm lit le YAML 1.2, où « no », les dates et les heures restent du texte ; retirez cette ligne']] },
  { name: 'directive %TAG', meeting: { fixture: 'directive-tag' }, exit: 1, problems: [['yaml-directive', `${MEETING}:1:1`, 'directive « %TAG !gtm! tag:gtm.example,2023: » non prise en charge : retirez cette ligne']] },
  { name: 'étiquette !!str', meeting: { fixture: 'etiquette' }, exit: 1, problems: [['yaml-etiquette', `${MEETING}:2:9`, 'étiquette YAML « !!str » non prise en charge : retirez-la, ou mettez la valeur entre guillemets si « ! » fait partie du texte']] },
  { name: 'directive %YAML 1.2 acceptée', meeting: { content: `%YAML 1.2\n---\n${VALID}` }, exit: 0, problems: [] },

  // Numbers and nulls where text was meant
  { name: 'tel: 0612345678 (clé inconnue)', meeting: { fixture: 'telephone' }, exit: 1, problems: [['cle-inconnue', `${MEETING}:8:1`, 'clé inconnue « tel »']] },
  { name: 'lieu: 0612345678 lu comme un nombre', meeting: { fixture: 'nombre-au-lieu-de-texte' }, exit: 1, problems: [['type-invalide', `${MEETING}:8:7`, 'texte attendu, lu le nombre 612345678 : mettez la valeur entre guillemets']] },
  { name: 'titre: 1.10 lu comme le nombre 1.1', meeting: { fixture: 'version-1-10' }, exit: 1, problems: [['type-invalide', `${MEETING}:9:12`, 'texte attendu, lu le nombre 1.1 : mettez la valeur entre guillemets']] },
  { name: 'valeur vide', meeting: { fixture: 'valeur-vide' }, exit: 1, problems: [['type-invalide', `${MEETING}:8:6`, 'texte attendu, valeur vide']] },

  // Aliases and prototype keys
  { name: 'bombe d’alias (billion laughs)', meeting: { fixture: 'alias-bombe' }, exit: 1, bin: true, problems: [['yaml-alias', `${MEETING}:2:8`, 'trop d’alias (*nom) : le fichier se développerait à l’infini ; écrivez les valeurs en clair']] },
  { name: 'clé __proto__', meeting: { fixture: 'cle-proto' }, exit: 1, bin: true, problems: [['cle-inconnue', `${MEETING}:8:1`, 'clé inconnue « __proto__ » : ce nom est réservé, retirez cette clé']] },
  { name: 'clé __proto__ dans un point de l’ordre du jour', meeting: { fixture: 'cle-proto-imbriquee' }, exit: 1, problems: [['cle-inconnue', `${MEETING}:13:5`, 'clé inconnue « __proto__ » : ce nom est réservé, retirez cette clé']] },
  { name: 'groupe: constructor (pas un groupe hérité d’Object)', meeting: { content: edit(VALID, 'statut: diffuse', 'statut: diffuse\ngroupe: constructor') }, file: 'meetings/2023-06-20-constructor.yaml', exit: 1, problems: [['groupe-inconnu', 'meetings/2023-06-20-constructor.yaml:3:9', 'groupe inconnu « constructor » : déclarez-le dans gtm.yaml']] },
  { name: 'groupe: __proto__', meeting: { content: edit(VALID, 'statut: diffuse', 'statut: diffuse\ngroupe: __proto__') }, file: 'meetings/2023-06-20-__proto__.yaml', exit: 1, problems: [['groupe-inconnu', 'meetings/2023-06-20-__proto__.yaml:3:9', 'groupe inconnu « __proto__ » : déclarez-le dans gtm.yaml']] },
  { name: 'groupe_par_defaut: toString dans gtm.yaml', meeting: { fixture: 'valide' }, config: edit(BUNDLED_CONFIG, 'groupe_par_defaut: national', 'groupe_par_defaut: toString'), exit: 1, problems: [['groupe-inconnu', `gtm.yaml:${lineOf(BUNDLED_CONFIG, 'groupe_par_defaut:')}:1`, 'le groupe par défaut « toString » n’est pas déclaré dans groupes']] },
  { name: 'clé constructor', meeting: { fixture: 'cle-constructor' }, exit: 1, problems: [['cle-inconnue', `${MEETING}:8:1`, 'clé inconnue « constructor »']] },

  // Encodings and line endings
  { name: 'fichier en Latin-1 : colonne en caractères', meeting: { content: latin1 }, exit: 1, bin: true, problems: [['encodage', `${MEETING}:11:25`, 'le fichier n’est pas encodé en UTF-8 : enregistrez-le en UTF-8 depuis votre éditeur']] },
  { name: 'fichier en UTF-16 avec BOM', meeting: { content: Buffer.from(`\uFEFF${VALID}`, 'utf16le') }, exit: 1, problems: [['encodage', `${MEETING}:1:1`, 'le fichier est encodé en UTF-16 : enregistrez-le en UTF-8 depuis votre éditeur']] },
  { name: 'fichier en UTF-16 sans BOM', meeting: { content: Buffer.from(VALID, 'utf16le') }, exit: 1, problems: [['encodage', `${MEETING}:1:1`, 'le fichier est encodé en UTF-16 : enregistrez-le en UTF-8 depuis votre éditeur']] },
  { name: 'BOM UTF-8 : positions inchangées', meeting: { content: `\uFEFF${edit(noBom, 'statut: diffuse', 'statut: difuse')}` }, exit: 1, problems: [['valeur-inconnue', `${MEETING}:1:9`, 'valeur « difuse » non reconnue, vouliez-vous dire diffuse ? (valeurs possibles : brouillon, valide, diffuse)']] },
  { name: 'BOM UTF-8 seul : fichier valide', meeting: { content: `\uFEFF${VALID}` }, exit: 0, problems: [] },
  { name: 'fins de ligne CRLF : positions inchangées', meeting: { content: edit(VALID, 'presentateur: OIM', 'presentateur: OIMM').replace(/\n/g, '\r\n') }, exit: 1, problems: [['sigle-inconnu', `${MEETING}:12:19`, 'organisation inconnue « OIMM », vouliez-vous dire OIM ?']] },
  { name: 'fins de ligne CRLF et erreur de syntaxe', meeting: { content: fixture('deux-points-dans-valeur').replace(/\n/g, '\r\n') }, exit: 1, problems: [['yaml-syntaxe', `${MEETING}:9:12`, 'erreur de syntaxe YAML : « : » suivi d’une espace dans une valeur : mettez la valeur entre guillemets, ainsi : titre: "Réunion: budget"']] },
  { name: 'caractère nul', meeting: { content: edit(VALID, 'Ouverture', 'Ouver\u0000ture') }, exit: 1, problems: [['caractere-invisible', `${MEETING}:9:17`, 'caractère invisible interdit (U+0000, caractère nul) : supprimez-le ; s’il vient d’un copier-coller, retapez le texte à cet endroit']] },

  // Controls written as escapes, invisible and bidirectional characters, special spaces, line endings (issue 14)
  { name: 'séquence de terminal écrite en échappements YAML', meeting: { content: edit(VALID, 'action: Partager le rapport', 'action: "\\e]0;pwned\\a\\e[31mROUGE"') }, exit: 1, bin: true, problems: [['caractere-invisible', `${MEETING}:15:17`, 'caractère de contrôle interdit (U+001B, échappement), écrit sous forme d’échappement (comme \\e, \\x1b ou \\u001b) : retirez-le ; il pourrait dérégler l’affichage d’un terminal']] },
  { name: 'caractère de contrôle C1 tapé tel quel', meeting: { content: edit(VALID, 'Ouverture', 'Ouver\u009Bture') }, exit: 1, problems: [['caractere-invisible', `${MEETING}:9:17`, 'caractère invisible interdit (U+009B, introducteur de séquence de contrôle) : supprimez-le ; s’il vient d’un copier-coller, retapez le texte à cet endroit']] },
  { name: 'espace sans chasse dans un sigle, nommée dans le message', meeting: { content: edit(VALID, '  - OIM\n', '  - O\u200BIM\n') }, exit: 1, problems: [['sigle-inconnu', `${MEETING}:6:5`, 'organisation inconnue « O⟨U+200B, espace sans chasse⟩IM », vouliez-vous dire OIM ?']] },
  { name: 'forçage droite-à-gauche dans un titre : avertissement', meeting: { content: edit(VALID, 'titre: Ouverture', 'titre: Ouv\u202Eerture') }, exit: 0, problems: [['caractere-bidi', `${MEETING}:9:12`, 'caractère de contrôle bidirectionnel (U+202E, forçage droite-à-gauche) : il change l’ordre d’affichage du texte qui suit, qui ne se lirait plus comme il est écrit ; retirez-le']] },
  { name: 'statut manquant : champ obligatoire, pas « undefined »', meeting: { content: edit(VALID, 'statut: diffuse\n', '') }, exit: 1, problems: [['champ-manquant', `${MEETING}:2:1`, 'champ obligatoire manquant : statut']] },
  { name: 'espace insécable en début de ligne', meeting: { content: edit(VALID, '  - OIM\n', '\u00A0 - OIM\n') }, exit: 1, problems: [['yaml-syntaxe', `${MEETING}:6:1`, 'erreur de syntaxe YAML : espace spéciale (U+00A0, espace insécable) en début de ligne : YAML ne la compte pas comme une indentation ; remplacez-la par une espace ordinaire']] },
  { name: 'fins de ligne CR seules (ancien Mac)', meeting: { content: VALID.replace(/\n/g, '\r') }, exit: 1, bin: true, problems: [['fins-de-ligne', `${MEETING}:1:${VALID.indexOf('\n') + 1}`, 'fins de ligne « CR » seules (ancien format Mac) : enregistrez le fichier avec des fins de ligne LF (Unix) ou CRLF (Windows) depuis votre éditeur']] },
  { name: 'responsable cité deux fois', meeting: { content: edit(VALID, 'responsables: OIM', 'responsables: [OIM, OIM]') }, exit: 0, problems: [['responsable-en-double', `${MEETING}:16:29`, 'responsable cité deux fois : OIM']] },
  { name: 'deux groupes avec le même code dans gtm.yaml', meeting: { fixture: 'valide' }, config: edit(BUNDLED_CONFIG, 'code: AGZ', 'code: NIA'), exit: 1, problems: [['code-en-double', `gtm.yaml:${lineOf(BUNDLED_CONFIG, 'code: AGZ')}:11`, 'le code « NIA » est déjà celui du groupe national : chaque groupe a son propre code, qui commence les identifiants de ses actions']] },

  // Whole-file problems
  { name: 'marqueurs de conflit git', meeting: { fixture: 'conflit-git' }, exit: 1, bin: true, problems: [['conflit-git', `${MEETING}:6:1`, 'marqueur de conflit git (<<<<<<<, =======, >>>>>>>) : choisissez la bonne version et retirez les marqueurs']] },
  { name: 'fichier vide', meeting: { fixture: 'vide' }, exit: 1, problems: [['fichier-vide', `${MEETING}:1:1`, 'fichier vide : une réunion doit contenir au moins sa date et son ordre du jour']] },
  { name: 'fichier de commentaires seulement', meeting: { fixture: 'commentaires-seuls' }, exit: 1, problems: [['fichier-vide', `${MEETING}:1:1`, 'fichier vide : une réunion doit contenir au moins sa date et son ordre du jour']] },
  { name: 'plusieurs documents', meeting: { fixture: 'plusieurs-documents' }, exit: 1, problems: [['yaml-syntaxe', `${MEETING}:18:1`, 'erreur de syntaxe YAML : le fichier contient plusieurs documents (séparés par ---) : une réunion par fichier']] },
  { name: 'une liste au lieu d’une réunion', meeting: { fixture: 'liste-seule' }, exit: 1, problems: [['pas-une-reunion', `${MEETING}:1:1`, 'le fichier doit décrire une réunion : des paires « clé: valeur », pas une liste ni un texte seul']] },
  { name: 'un texte seul au lieu d’une réunion', meeting: { fixture: 'texte-seul' }, exit: 1, problems: [['pas-une-reunion', `${MEETING}:1:1`, 'le fichier doit décrire une réunion : des paires « clé: valeur », pas une liste ni un texte seul']] },
  { name: 'fichier de 10 Mo', meeting: { content: `statut: brouillon\n${'# remplissage\n'.repeat((10 * 1024 * 1024) / 14)}` }, exit: 1, bin: true, problems: [['fichier-trop-gros', `${MEETING}:1:1`, `fichier trop volumineux (10240 Ko, au plus ${MAX_FILE_BYTES / 1024} Ko) : est-ce bien un compte-rendu ?`]] },
  { name: '20 000 crochets ouvrants', meeting: { content: `${VALID}lieu: ${'['.repeat(20_000)}\n` }, exit: 1, bin: true, problems: [['yaml-imbrication', `${MEETING}:18:57`, 'trop de crochets [ ou d’accolades { ouverts les uns dans les autres (plus de 50) : vérifiez qu’ils sont bien refermés']] },
  { name: '20 000 accolades refermées', meeting: { content: `${VALID}lieu: ${'{'.repeat(20_000)}${'}'.repeat(20_000)}\n` }, exit: 1, problems: [['yaml-imbrication', `${MEETING}:18:57`, 'trop de crochets [ ou d’accolades { ouverts les uns dans les autres (plus de 50) : vérifiez qu’ils sont bien refermés']] },
  // Placed at the 51st level, whatever the stack of the thread that reads it (issue 14, item 16).
  { name: '20 000 listes imbriquées sans crochets', meeting: { content: deepBlocks }, exit: 1, bin: true, problems: [['yaml-imbrication', `${MEETING}:19:101`, 'imbrication trop profonde : trop de niveaux d’indentation ou de crochets les uns dans les autres']] },
  { name: '60 clés imbriquées par l’indentation', meeting: { content: deepKeys }, exit: 1, bin: true, problems: [['yaml-imbrication', `${MEETING}:68:51`, 'imbrication trop profonde : trop de niveaux d’indentation ou de crochets les uns dans les autres']] },

  // Shape
  { name: 'clé inconnue, avec la clé voulue', meeting: { fixture: 'cle-inconnue' }, exit: 1, problems: [['champ-manquant', `${MEETING}:2:1`, 'champ obligatoire manquant : presence'], ['cle-inconnue', `${MEETING}:5:1`, 'clé inconnue « presense », vouliez-vous dire presence ?']] },
  { name: 'champ obligatoire manquant', meeting: { fixture: 'champ-manquant' }, exit: 1, problems: [['champ-manquant', `${MEETING}:2:1`, 'champ obligatoire manquant : date']] },
  { name: 'mauvais type', meeting: { fixture: 'mauvais-type' }, exit: 1, problems: [['type-invalide', `${MEETING}:5:11`, 'attendu : une liste (lignes commençant par « - ») ; trouvé « OIM »']] },
  { name: 'dictionnaire au lieu d’une valeur de liste fermée', meeting: { content: edit(VALID, 'statut: diffuse', 'statut: { etat: diffuse }') }, exit: 1, problems: [['type-invalide', `${MEETING}:2:9`, 'attendu : un texte parmi brouillon, valide, diffuse ; trouvé des paires « clé: valeur »']] },
  { name: 'valeur très longue citée en abrégé', meeting: { content: edit(VALID, 'presence:\n  - OIM\n  - SP/CCM', `presence: ${'OIM '.repeat(500)}`) }, exit: 1, problems: [['type-invalide', `${MEETING}:5:11`, `attendu : une liste (lignes commençant par « - ») ; trouvé « ${'OIM '.repeat(15).trim()}… »`]] },

  // Where files are
  { name: 'réunion hors de meetings/', meeting: { fixture: 'valide' }, file: 'brouillon.yaml', args: ['brouillon.yaml'], exit: 1, problems: [['hors-meetings', 'brouillon.yaml:1:1', 'brouillon.yaml est hors du dossier meetings/ : les réunions doivent y être rangées']] },
  { name: 'extension inattendue', meeting: { fixture: 'valide' }, file: 'meetings/2023-06-20-national.txt', args: ['meetings/2023-06-20-national.txt'], exit: 1, problems: [['extension-inattendue', 'meetings/2023-06-20-national.txt:1:1', 'meetings/2023-06-20-national.txt n’est pas un fichier de réunion : l’extension doit être .yaml ou .yml']] },

  // gtm.yaml
  { name: 'gtm.yaml absent', meeting: { fixture: 'valide' }, config: null, exit: 2, bin: true, problems: [['depot-introuvable', '', /^aucun dépôt de comptes-rendus trouvé : pas de fichier gtm\.yaml dans .+ ni au-dessus \(créez-en un avec « gtm init »\)$/]] },
  { name: 'gtm.yaml vide', meeting: { fixture: 'valide' }, config: '', exit: 1, problems: [['fichier-vide', 'gtm.yaml:1:1', 'fichier vide : gtm.yaml décrit l’en-tête, les groupes et l’annuaire des organisations (« gtm init » en crée un complet)']] },
  { name: 'gtm.yaml avec une clé en double', meeting: { fixture: 'valide' }, config: configDuplicate, exit: 1, problems: [['cle-en-double', `gtm.yaml:${lineOf(configDuplicate, 'code: NIB')}:5`, 'clé en double « code » : chaque clé ne peut figurer qu’une fois']] },
  { name: 'gtm.yaml avec un sigle __proto__', meeting: { fixture: 'valide' }, config: configProto, exit: 1, problems: [['cle-inconnue', `gtm.yaml:${lineOf(configProto, '__proto__')}:3`, 'clé inconnue « __proto__ » : ce nom est réservé, retirez cette clé']] },
  { name: 'gtm.yaml avec une tabulation', meeting: { fixture: 'valide' }, config: edit(BUNDLED_CONFIG, '  pays:', '\tpays:'), exit: 1, problems: [['yaml-syntaxe', `gtm.yaml:${lineOf(BUNDLED_CONFIG, '  pays:')}:1`, 'erreur de syntaxe YAML : tabulation utilisée pour indenter : remplacez-la par des espaces']] },
];

const repos: FixtureRepo[] = [];
afterAll(async () => Promise.all(repos.map((repo) => repo.cleanup())));

async function setUp(testCase: Pick<Case, 'meeting' | 'file' | 'config'>): Promise<{ repo: FixtureRepo; written: string }> {
  const repo = await createFixtureRepo({ config: testCase.config === undefined ? BUNDLED_CONFIG : testCase.config });
  repos.push(repo);
  const file = repo.path(testCase.file ?? MEETING);
  const content = 'fixture' in testCase.meeting ? fixture(testCase.meeting.fixture) : testCase.meeting.content;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return { repo, written: typeof content === 'string' ? content : Buffer.from(content).toString('latin1') };
}

function check(testCase: Case, result: { exitCode: number; stdout: string; stderr: string }, written: string) {
  expect(looksLikeCrash(result.stdout + result.stderr), result.stdout + result.stderr).toBe(false);
  const problems = parseReport(result.stdout + result.stderr).map((problem) => [problem.code, problem.at, problem.message]);
  expect(problems).toEqual(testCase.problems.map(([code, at, message]) => [code, typeof at === 'string' ? at : expect.stringMatching(at), typeof message === 'string' ? message : expect.stringMatching(message)]));
  expect(result.exitCode).toBe(testCase.exit);
  // Every place shown lies inside the file it names.
  for (const problem of parseReport(result.stdout + result.stderr)) {
    if (problem.at && problem.at.startsWith(`${testCase.file ?? MEETING}:`)) expect(isInside(problem.at, written), problem.at).toBe(true);
  }
}

describe('hostile input, in-process', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, testCase) => {
    const { repo, written } = await setUp(testCase);
    const started = performance.now();
    const result = await runInProcess(['validate', ...(testCase.args ?? [])], { cwd: repo.root });
    check(testCase, result, written);
    // Refusing a bad file is quick, whatever its size or shape.
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('un dossier nommé comme une réunion est ignoré, jamais lu comme un fichier', async () => {
    const repo = await createFixtureRepo();
    repos.push(repo);
    await mkdir(repo.path(MEETING), { recursive: true });
    const result = await runInProcess(['validate'], { cwd: repo.root });
    expect(result).toEqual({ exitCode: 0, stdout: '✓ 0 fichier de réunion vérifié : aucun problème\n', stderr: '' });
  });
});

describe('hostile input, through the built bin', () => {
  it.each(CASES.filter((c) => c.bin).map((c) => [c.name, c] as const))('%s', async (_, testCase) => {
    const { repo, written } = await setUp(testCase);
    check(testCase, await runBin(['validate', ...(testCase.args ?? [])], { cwd: repo.root }), written);
  });

  it('shows the offending line and a caret under the right character, BOM and CRLF included', async () => {
    const text = `\uFEFF${edit(noBom, 'statut: diffuse', 'statut: difuse')}`.replace(/\n/g, '\r\n');
    const { repo } = await setUp({ meeting: { content: text } });
    const result = await runBin(['validate'], { cwd: repo.root });
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      `${MEETING}:1:9  erreur  valeur « difuse » non reconnue, vouliez-vous dire diffuse ? (valeurs possibles : brouillon, valide, diffuse)  [valeur-inconnue]`,
      '  1 | statut: difuse',
      '    |         ^',
    ]);
  });
});
