// French wording for YAML problems. The yaml package's errors are recognised by code and, where
// one code covers several mistakes, by its (stable) English message; the rapporteur never sees
// the English original. Each problem is also moved to where the fix belongs when the parser
// notices it elsewhere (an unclosed quote is found at the end of the file, not where it opens).
import type { YAMLError } from 'yaml';
import { messages } from '../messages.js';

const quote = (value: string): string => `« ${value} »`;

/** Sentences for problems found outside the parser (tokens, nodes, conversion). */
export const yamlWording = {
  directive: (line: string) =>
    line.startsWith('%YAML')
      ? `directive ${quote(line)} non prise en charge : gtm lit le YAML 1.2, où « no », les dates et les heures restent du texte ; retirez cette ligne`
      : `directive ${quote(line)} non prise en charge : retirez cette ligne`,
  tag: (tag: string) =>
    `étiquette YAML ${quote(tag)} non prise en charge : retirez-la, ou mettez la valeur entre guillemets si « ! » fait partie du texte`,
  tooDeep: (limit: number) =>
    `trop de crochets [ ou d’accolades { ouverts les uns dans les autres (plus de ${limit}) : vérifiez qu’ils sont bien refermés`,
  tooDeepBlocks: () => 'imbrication trop profonde : trop de niveaux d’indentation ou de crochets les uns dans les autres',
  aliasBomb: () => 'trop d’alias (*nom) : le fichier se développerait à l’infini ; écrivez les valeurs en clair',
  unknownAlias: (alias: string) =>
    `alias ${quote(`*${alias}`)} sans ancre (&${alias}) correspondante : une valeur qui commence par « * » doit être mise entre guillemets`,
  complexKey: () => 'clé complexe (liste, dictionnaire ou alias) : une clé est un simple mot suivi de « : »',
  emptyKey: () => 'clé vide : écrivez le nom de la clé avant « : », ou mettez la valeur entre guillemets si elle commence par « : »',
  reservedKey: (key: string) => `clé inconnue ${quote(key)} : ce nom est réservé, retirez cette clé`,
};

export interface YamlProblem {
  code: string;
  message: string;
  /** Where the fix belongs, as an offset in the text. */
  offset: number;
}

const indentation = 'indentation incorrecte : alignez cette ligne sur les clés de même niveau, avec des espaces';

/** Where quoted values and brackets open (see yaml-lexical.ts). */
export interface Openings {
  quoteStarts: readonly number[];
  flowStarts: readonly number[];
}

const lastBefore = (starts: readonly number[], offset: number): number | undefined => [...starts].reverse().find((start) => start <= offset);

/** French for a yaml parse error. */
export function describeYamlError(problem: YAMLError, text: string, { quoteStarts, flowStarts }: Openings): YamlProblem {
  const offset = problem.pos[0];
  const syntax = (detail: string, at = offset): YamlProblem => ({ code: 'yaml-syntaxe', message: messages.yamlSyntax(detail), offset: at });
  const original = problem.message;
  const char = text.charAt(offset);

  switch (problem.code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(text.slice(offset))![0].trim().replace(/^["']|["']$/g, '');
      return { code: 'cle-en-double', message: messages.duplicateKey(key || '?'), offset };
    }
    case 'MULTIPLE_DOCS':
      return syntax('le fichier contient plusieurs documents (séparés par ---) : une réunion par fichier');
    case 'RESOURCE_EXHAUSTION':
      return { code: 'yaml-imbrication', message: yamlWording.tooDeepBlocks(), offset };
    case 'TAB_AS_INDENT':
      return syntax('tabulation utilisée pour indenter : remplacez-la par des espaces');
    case 'BAD_INDENT':
      if (/^Flow (sequence|mapping)/.test(original)) {
        return syntax('crochet [ ou accolade { ouvert ici et jamais refermé : ajoutez ] ou } à la fin de la valeur', lastBefore(flowStarts, offset) ?? offset);
      }
      return syntax(indentation);
    case 'MISSING_CHAR':
      if (/^Missing closing .?quote/.test(original)) {
        const mark = original.includes('"') ? '"' : '\'';
        const opening = lastBefore(quoteStarts.filter((start) => text.charAt(start) === mark), offset);
        return syntax(`guillemet ${quote(mark)} ouvert ici et jamais refermé : ajoutez-le à la fin de la valeur`, opening ?? offset);
      }
      if (original === 'Sequence item without - indicator') return syntax(indentation);
      if (original === 'Implicit map keys need to be followed by map values')
        return syntax('il manque « : » après la clé, ou cette ligne est mal indentée');
      if (original.startsWith('Comments must be separated'))
        return syntax('« # » ouvre un commentaire et doit suivre une espace : pour écrire « # » dans une valeur, mettez-la entre guillemets');
      if (original.startsWith('Missing space after :')) return syntax('il manque une espace après « : »');
      if (original.startsWith('Missing ,')) return syntax('il manque une virgule entre deux éléments entre crochets [ ] ou accolades { }');
      if (original.startsWith('Tags and anchors')) return syntax('une ancre (&) doit être suivie d’une espace : si « & » fait partie du texte, mettez la valeur entre guillemets');
      return syntax('caractère manquant : un guillemet, un crochet, une accolade ou « : » manque sans doute ici');
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (original.startsWith('A block sequence')) {
        // A list item indented less than the items above it: point at that item.
        return syntax('indentation incorrecte : alignez ce « - » sur ceux des autres éléments de la liste', lastListItem(text, offset));
      }
      return colonOrIndentation(text, offset, syntax);
    case 'MULTILINE_IMPLICIT_KEY':
      return syntax('clé sur plusieurs lignes : un guillemet n’est sans doute pas refermé, ou il manque « : »');
    case 'BAD_SCALAR_START':
    case 'BAD_ALIAS':
      return syntax(`une valeur ne peut pas commencer par ${quote(char || '?')} : mettez-la entre guillemets`);
    case 'UNEXPECTED_TOKEN':
      if (/^Unexpected (scalar|double-quoted-scalar|single-quoted-scalar) at node end/.test(original))
        return syntax('texte inattendu après la valeur : si la valeur commence par un guillemet, mettez-la entière entre guillemets');
      if (original.startsWith('Unexpected block-seq-ind on same line with key'))
        return syntax('« - » sur la même ligne que la clé : passez à la ligne pour une liste, ou mettez le texte entre guillemets');
      if (/^Unexpected [\]}]/.test(original) || /flow-(seq|map)-end/.test(original))
        return syntax('crochet ] ou accolade } fermant en trop');
      return syntax('caractère inattendu : vérifiez l’indentation, les deux-points et les guillemets');
    case 'BAD_DQ_ESCAPE':
      return syntax('séquence d’échappement invalide entre guillemets doubles (\\) : doublez la barre oblique inverse ou utilisez des guillemets simples');
    case 'BLOCK_IN_FLOW':
      return syntax('bloc indenté à l’intérieur de crochets [ ] ou d’accolades { } : refermez-les avant de passer à la ligne');
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'BAD_PROP_ORDER':
    case 'ALIAS_PROPS':
      return syntax('ancre (&) mal placée : si « & » fait partie du texte, mettez la valeur entre guillemets');
    case 'KEY_OVER_1024_CHARS':
      return syntax('clé trop longue (plus de 1 024 caractères) : il manque sans doute un retour à la ligne');
    case 'BAD_DIRECTIVE':
      return syntax('directive % mal formée : retirez la ligne qui commence par %');
    default:
      return syntax('structure illisible à cet endroit : vérifiez l’indentation, les deux-points et les guillemets');
  }
}

/** Offset of the « - » of the last list item on or before the line of `offset`. */
function lastListItem(text: string, offset: number): number {
  const lineEnd = text.indexOf('\n', offset);
  const items = [...text.slice(0, lineEnd === -1 ? undefined : lineEnd).matchAll(/^[ \t]*-(?=\s)/gm)];
  const last = items.at(-1);
  return last ? last.index + last[0].length - 1 : offset;
}

/**
 * « Nested mappings are not allowed in compact mappings »: either the value holds « : » followed by
 * a space (`titre: Réunion: budget`), or the next line is indented under a key that has a value.
 */
function colonOrIndentation(text: string, offset: number, syntax: (detail: string, at?: number) => YamlProblem): YamlProblem {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
  const rest = line.slice(offset - lineStart);
  if (/:(\s|$)/.test(rest)) {
    const written = /^(\s*(?:-\s+)?)([^\s:#][^:#]*?):\s+(.*?)\s*$/.exec(line);
    // An example built from the line itself, unless the line is too long to quote back.
    const example = written && line.length <= 100 ? ` : ${written[2]}: "${written[3]!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : '';
    return syntax(`« : » suivi d’une espace dans une valeur : mettez la valeur entre guillemets${example ? `, ainsi${example}` : ''}`);
  }
  // Point at the over-indented line, where the fix belongs.
  const next = lineEnd === -1 ? -1 : text.slice(lineEnd + 1).search(/\S/);
  return syntax(
    'indentation incorrecte : cette ligne est plus indentée que la clé précédente, qui a déjà une valeur ; alignez-la sur les clés de même niveau',
    next === -1 ? offset : lineEnd + 1 + next,
  );
}
