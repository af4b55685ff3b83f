// Characters a rapporteur never means to type, named in French so that every message can say
// which one it found: controls (C0, DEL, C1), which move a terminal's cursor or change its
// colours; bidirectional embeddings, overrides and isolates, which reorder what is shown; and
// invisible characters (a zero-width space…), which make two names that look alike differ.

const NAMES: Record<number, string> = {
  0x00: 'caractère nul',
  0x07: 'sonnerie',
  0x08: 'retour arrière',
  0x0b: 'tabulation verticale',
  0x0c: 'saut de page',
  0x0d: 'retour chariot',
  0x1b: 'échappement',
  0x7f: 'suppression',
  0x85: 'passage à la ligne',
  0x9b: 'introducteur de séquence de contrôle',
  0xa0: 'espace insécable',
  0xad: 'trait d’union conditionnel',
  0x2009: 'espace fine',
  0x202f: 'espace fine insécable',
  0x3000: 'espace idéographique',
  0x061c: 'marque de lettre arabe',
  0x180e: 'séparateur de voyelles mongol',
  0x200b: 'espace sans chasse',
  0x200c: 'antiliant sans chasse',
  0x200d: 'liant sans chasse',
  0x200e: 'marque gauche-à-droite',
  0x200f: 'marque droite-à-gauche',
  0x202a: 'enchâssement gauche-à-droite',
  0x202b: 'enchâssement droite-à-gauche',
  0x202c: 'fin d’enchâssement',
  0x202d: 'forçage gauche-à-droite',
  0x202e: 'forçage droite-à-gauche',
  0x2060: 'gluon de mots',
  0x2061: 'application de fonction invisible',
  0x2062: 'multiplication invisible',
  0x2063: 'séparateur invisible',
  0x2064: 'plus invisible',
  0x2066: 'isolat gauche-à-droite',
  0x2067: 'isolat droite-à-gauche',
  0x2068: 'isolat à direction déterminée',
  0x2069: 'fin d’isolat',
  0xfeff: 'espace insécable sans chasse',
};

/** C0 controls but tab and line feed, DEL, C1 controls: never text. */
export const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Embeddings, overrides and isolates: they reorder the display of what follows. */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Controls, bidirectional controls and invisible characters, every one of them. */
const UNSEEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** « U+200B (espace sans chasse) ». */
export function describeCharacter(character: string): string {
  const point = character.codePointAt(0)!;
  const code = `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[point] ?? (point < 0x20 || (point >= 0x80 && point <= 0x9f) ? 'caractère de contrôle' : undefined);
  return name ? `${code}, ${name}` : code;
}

/** `text` with every character one cannot see shown by its code and name: « O⟨U+200B, espace sans chasse⟩IM ». */
export function showUnseen(text: string): string {
  return text.replace(UNSEEN, (character) => `⟨${describeCharacter(character)}⟩`);
}
