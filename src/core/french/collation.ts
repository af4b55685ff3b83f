// French alphabetical order, as Intl.Collator('fr') gives it, for the short texts gtm sorts
// (action ids, acronyms). The first collator a process creates costs 7–10 ms (ICU loads its
// tables), a share of every `gtm actions`: texts made only of ASCII letters, digits, spaces
// and « _ - . / » are ordered here the same way, anything else by a collator made on demand.

/** The characters ordered here. */
const SIMPLE = /^[A-Za-z0-9 _\-./]*$/;
/** ICU's order of the punctuation ordered here, all before digits, themselves before letters. */
const PUNCTUATION = ' _-./';

const PUNCTUATION_KIND = 0;
const DIGIT_KIND = 1;
const LETTER_KIND = 2;

const isDigit = (code: number) => code >= 48 && code <= 57;
const isCapital = (code: number) => code >= 65 && code <= 90;
const kindOf = (code: number) => (isDigit(code) ? DIGIT_KIND : isCapital(code) || (code >= 97 && code <= 122) ? LETTER_KIND : PUNCTUATION_KIND);
/** Within a kind: a letter by its lower case, a digit by itself, punctuation by ICU's order. */
const weightOf = (code: number, kind: number) =>
  kind === LETTER_KIND ? code | 0x20 : kind === DIGIT_KIND ? code : PUNCTUATION.indexOf(String.fromCharCode(code));

/**
 * Two simple texts compared as ICU does, element by element without allocating (a sort makes
 * tens of thousands of comparisons): first by letters, digits and punctuation, a run of digits
 * being one number with `numeric` (leading zeros do not count); then, only if all of them are
 * the same, by case, where the first difference puts a lower-case letter before its capital.
 */
function compareSimple(a: string, b: string, numeric: boolean): number {
  let i = 0;
  let j = 0;
  let byCase = 0;
  while (i < a.length && j < b.length) {
    const left = a.charCodeAt(i);
    const right = b.charCodeAt(j);
    const kind = kindOf(left);
    if (kind !== kindOf(right)) return kind - kindOf(right);
    if (kind === DIGIT_KIND && numeric) {
      let endLeft = i;
      while (endLeft < a.length && isDigit(a.charCodeAt(endLeft))) endLeft++;
      let endRight = j;
      while (endRight < b.length && isDigit(b.charCodeAt(endRight))) endRight++;
      while (i < endLeft - 1 && a.charCodeAt(i) === 48) i++;
      while (j < endRight - 1 && b.charCodeAt(j) === 48) j++;
      if (endLeft - i !== endRight - j) return endLeft - i - (endRight - j);
      for (; i < endLeft; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return a.charCodeAt(i) - b.charCodeAt(j);
      continue;
    }
    const difference = weightOf(left, kind) - weightOf(right, kind);
    if (difference !== 0) return difference;
    if (byCase === 0 && left !== right) byCase = isCapital(left) ? 1 : -1;
    i++;
    j++;
  }
  if (i < a.length) return 1;
  if (j < b.length) return -1;
  return byCase;
}

/**
 * A comparison in French order; with `numeric`, numbers inside the texts compare by value
 * (NIA-2306-2 before NIA-2306-10).
 */
export function frenchComparison(options: { numeric?: boolean } = {}): (a: string, b: string) => number {
  const numeric = options.numeric === true;
  let collator: Intl.Collator | undefined;
  return (a, b) => {
    if (SIMPLE.test(a) && SIMPLE.test(b)) return compareSimple(a, b, numeric);
    collator ??= new Intl.Collator('fr', { numeric });
    return collator.compare(a, b);
  };
}

/** French alphabetical order, without numbers: organisations, file names, codes. */
export const frenchOrder = frenchComparison();
