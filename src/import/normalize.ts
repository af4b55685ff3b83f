// Small text normalisations: a folded form to compare what was typed (case, accents,
// punctuation), and the typography of data fields (apostrophe, guillemets, accented capitals).

/** Lower case, no accents, punctuation as spaces, single spaces: « l’Intérieur (MI) » → « l interieur mi ». */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Letters and digits only: « SP-CCM » and « SP/CCM » are both « spccm ». */
export function compact(text: string): string {
  return fold(text).replace(/ /g, '');
}

/** Capitals that French writes with their accent and that Word users type without. */
const ACCENTED_CAPITALS: Record<string, string> = { Etat: 'État', Etats: 'États', ETAT: 'ÉTAT' };

/**
 * Typography of a value taken from the source: typewriter apostrophe → ’, "…" → « … »,
 * « Etat » → « État », runs of spaces → one.
 */
export function typographic(text: string): string {
  return text
    .replace(/(?<=\p{L})'(?=\p{L})/gu, '’')
    .replace(/(?<=^|[\s(])'(?=\p{L})/gu, '’')
    .replace(/"([^"\n]+)"/g, '« $1 »')
    .replace(/« +/g, '« ')
    .replace(/ +»/g, ' »')
    .replace(/\b(Etats?|ETAT)\b/g, (word) => ACCENTED_CAPITALS[word] ?? word)
    .replace(/[ \t\u00A0]+/g, ' ')
    .trim();
}

/** Text with Markdown emphasis marks removed (to recognise a label written in bold). */
export function withoutEmphasis(text: string): string {
  return text.replace(/\*\*|__|(?<![\w*])\*(?!\s)|(?<!\s)\*(?![\w*])/g, '').trim();
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits), bounded. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows[i] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}
