// French alphabetical order, as Intl.Collator('fr') gives it, for the short texts gtm sorts
// (action ids, acronyms). The first collator a process creates costs 7–10 ms (ICU loads its
// tables), a share of every `gtm actions`: texts made only of ASCII letters, digits, spaces
// and « _ - . / » are ordered here the same way, anything else by a collator made on demand.

/** The characters ordered here, in ICU's order for the punctuation: space _ - . / */
const SIMPLE = /^[A-Za-z0-9 _\-./]*$/;
const PUNCTUATION = ' _-./';

/** One collation element: a primary weight (its kind, then its value) and whether it is a capital. */
interface Element {
  kind: 0 | 1 | 2; // punctuation, digits, letter
  value: string;
  capital: boolean;
}

function elements(text: string, numeric: boolean): Element[] {
  const found: Element[] = [];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) {
      if (!numeric) {
        found.push({ kind: 1, value: text[index]!, capital: false });
        continue;
      }
      // A run of digits is one number: leading zeros do not count (« 01 » and « 1 » are equal).
      let end = index;
      while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      const digits = text.slice(index, end).replace(/^0+(?=\d)/, '');
      found.push({ kind: 1, value: digits, capital: false });
      index = end - 1;
    } else if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      found.push({ kind: 2, value: text[index]!.toLowerCase(), capital: code <= 90 });
    } else {
      found.push({ kind: 0, value: String(PUNCTUATION.indexOf(text[index]!)), capital: false });
    }
  }
  return found;
}

function comparePrimary(a: Element, b: Element): number {
  if (a.kind !== b.kind) return a.kind - b.kind;
  if (a.kind === 1 && a.value.length !== b.value.length) return a.value.length - b.value.length;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/** Letters and punctuation first, then case: a lower-case letter before its capital. */
function compareSimple(a: string, b: string, numeric: boolean): number {
  const left = elements(a, numeric);
  const right = elements(b, numeric);
  const shared = Math.min(left.length, right.length);
  for (let index = 0; index < shared; index++) {
    const order = comparePrimary(left[index]!, right[index]!);
    if (order !== 0) return order;
  }
  if (left.length !== right.length) return left.length - right.length;
  for (let index = 0; index < shared; index++) {
    if (left[index]!.capital !== right[index]!.capital) return left[index]!.capital ? 1 : -1;
  }
  return 0;
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
