// French wording for the yaml package's error codes. The rapporteur never sees the English
// original, except as a last resort for a code this table does not know.
import { messages } from './messages.js';

const FRENCH: Record<string, string> = {
  ALIAS_BOMB: 'trop d’alias (*nom) : le fichier se développerait à l’infini ; écrivez les valeurs en clair',
  BAD_ALIAS: 'alias (*nom) mal formé',
  BAD_DIRECTIVE: 'directive % mal formée : retirez la ligne qui commence par %',
  BAD_DQ_ESCAPE: 'séquence d’échappement invalide entre guillemets doubles (\\) : doublez la barre oblique inverse ou utilisez des guillemets simples',
  BAD_INDENT: 'indentation incorrecte : alignez cette ligne sur les clés de même niveau, avec des espaces',
  BAD_PROP_ORDER: 'ancre (&) ou étiquette (!) mal placée',
  BAD_SCALAR_START: 'une valeur ne peut pas commencer par ce caractère : mettez-la entre guillemets',
  BLOCK_AS_IMPLICIT_KEY: 'clé mal formée : vérifiez l’indentation et les deux-points',
  BLOCK_IN_FLOW: 'bloc indenté à l’intérieur de crochets [ ] ou d’accolades { }',
  DUPLICATE_KEY: '',
  IMPOSSIBLE: 'structure YAML impossible à lire',
  KEY_OVER_1024_CHARS: 'clé trop longue (plus de 1 024 caractères)',
  MISSING_CHAR: 'caractère manquant : un guillemet, un crochet ou une accolade n’est pas refermé',
  MULTILINE_IMPLICIT_KEY: 'clé sur plusieurs lignes : un guillemet n’est sans doute pas refermé, ou il manque « : »',
  MULTIPLE_ANCHORS: 'plusieurs ancres (&) sur une même valeur',
  MULTIPLE_DOCS: 'le fichier contient plusieurs documents (séparés par ---) : une réunion par fichier',
  MULTIPLE_TAGS: 'plusieurs étiquettes (!) sur une même valeur',
  TAB_AS_INDENT: 'tabulation utilisée pour indenter : remplacez-la par des espaces',
  TAG_RESOLVE_FAILED: 'étiquette (!) inconnue',
  UNEXPECTED_TOKEN: 'caractère inattendu : vérifiez l’indentation, les deux-points et les guillemets',
};

/** `excerpt` is the source text the error points at (for a duplicate key, the key itself). */
export function yamlErrorMessage(code: string, original: string, excerpt = ''): string {
  if (code === 'DUPLICATE_KEY') return messages.duplicateKey(excerpt.split(':')[0]!.trim() || '?');
  return messages.yamlSyntax(FRENCH[code] ?? original.split('\n')[0]!);
}
