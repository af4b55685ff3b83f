// List markers as compte-rendus write them by hand or as Word's numbering comes out in text:
// « · », « • », « - », « 1. », « 1- », « II. », « a) ».

const BULLET = /^\s*([·•▪◦●○■□➢➤►✓\-–—*])(\s*)(?=\S)(.*)$/u;
const NUMBER = /^\s*((?:\d{1,2}|[IVXL]{1,5})\s*[.)\-–]|[a-h]\))\s*(?=\S)(.*)$/u;

/** The marker and the text after it, when the line is a list item; markers are normalised (« 1- » → « 1. »). */
export function splitListMarker(line: string): { marker: string; text: string } | undefined {
  const number = NUMBER.exec(line);
  // « 1.5 million » or « 2-3 jours » are numbers in prose, not markers.
  if (number && !/^\d/.test(number[2]!)) return { marker: number[1]!.replace(/\s+/g, ''), text: number[2]!.trim() };
  const bullet = BULLET.exec(line);
  // « -5 % » or « --- » are not items; « **gras** » is emphasis, not a bullet.
  if (!bullet) return undefined;
  const [, marker, space, text] = bullet as unknown as [string, string, string, string];
  if (marker === '*' && (text.startsWith('*') || space === '')) return undefined;
  if (/^[\-–—]/.test(text) || ('-–—'.includes(marker) && space === '' && /^\d/.test(text))) return undefined;
  return { marker, text: text.trim() };
  return undefined;
}

/** The marker's family: items of one family are siblings, another family starts a nested list. */
export function markerKind(marker: string): string {
  if (/^\d/.test(marker)) return 'number';
  if (/^[IVXL]+/.test(marker)) return 'roman';
  if (/^[a-h]\)/.test(marker)) return 'letter';
  if (marker === 'ol' || marker === 'ul') return marker;
  if ('-–—'.includes(marker)) return 'dash';
  return 'bullet';
}

export const isOrderedMarker = (marker: string): boolean => ['number', 'roman', 'letter', 'ol'].includes(markerKind(marker));
