// « Nothing is lost »: every word of a source document must be somewhere in the record made of
// it, as data or in a comment. Words are runs of letters or of digits, compared without case
// or accents (the import restores « État » where the source typed « Etat »); markup is no word.

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function words(text: string): Set<string> {
  return new Set([...text.matchAll(/\p{L}+|\p{N}+/gu)].map((match) => fold(match[0])));
}

/**
 * The labels of the compte-rendu's form (header table, section and action-table headings):
 * the record's keys stand for them (date:, presence:, discussion:, actions:…).
 */
const FORM_LABEL =
  /^\**\s*(date|time|heure|lieu|présence|points inscrits à l[’']ordre du jour|points de discussion clés|points d[’']actions?|personnes?\s*\/\s*agences?\s*responsables?|date limite)\s*\**\s*:?\s*$/i;

/** The words of an extracted text, without its HTML tags, extraction marks and form labels. */
export function sourceWords(text: string): Set<string> {
  const content = text
    .split(/\r?\n/)
    .map((line) => line.split('\t').filter((cell) => !FORM_LABEL.test(cell.trim())).join('\t'))
    .join('\n');
  return words(content.replace(/<[^>]*>/g, ' ').replace(/\[bookmark:/g, ' '));
}

/** Source words the record does not hold. */
export function lostWords(source: Set<string>, record: string): string[] {
  const kept = words(record);
  return [...source].filter((word) => !kept.has(word)).sort();
}
