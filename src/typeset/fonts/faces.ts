// The type faces the typesetter uses. Layout names faces by these ids only; which font file
// backs each id is decided once, here.

/** DejaVu Serif for the text; its condensed cut for table cells, where columns are narrow; DejaVu Sans where they lack a character. */
export type Family = 'serif' | 'condensed';
export type FaceId =
  | 'serif'
  | 'serif-bold'
  | 'serif-italic'
  | 'serif-bold-italic'
  | 'condensed'
  | 'condensed-bold'
  | 'condensed-italic'
  | 'condensed-bold-italic'
  | 'sans'
  | 'sans-bold'
  | 'sans-italic'
  | 'sans-bold-italic'
  | 'sans-condensed'
  | 'sans-condensed-bold'
  | 'sans-condensed-italic'
  | 'sans-condensed-bold-italic';

export function faceOf(family: Family, bold: boolean, italic: boolean): FaceId {
  const weight = bold ? (italic ? '-bold-italic' : '-bold') : italic ? '-italic' : '';
  return `${family}${weight}` as FaceId;
}

/** Font file of each face inside the `dejavu-fonts-ttf` npm package. */
export const FACE_FILES: Readonly<Record<FaceId, string>> = {
  serif: 'DejaVuSerif.ttf',
  'serif-bold': 'DejaVuSerif-Bold.ttf',
  'serif-italic': 'DejaVuSerif-Italic.ttf',
  'serif-bold-italic': 'DejaVuSerif-BoldItalic.ttf',
  condensed: 'DejaVuSerifCondensed.ttf',
  'condensed-bold': 'DejaVuSerifCondensed-Bold.ttf',
  'condensed-italic': 'DejaVuSerifCondensed-Italic.ttf',
  'condensed-bold-italic': 'DejaVuSerifCondensed-BoldItalic.ttf',
  sans: 'DejaVuSans.ttf',
  'sans-bold': 'DejaVuSans-Bold.ttf',
  'sans-italic': 'DejaVuSans-Oblique.ttf',
  'sans-bold-italic': 'DejaVuSans-BoldOblique.ttf',
  'sans-condensed': 'DejaVuSansCondensed.ttf',
  'sans-condensed-bold': 'DejaVuSansCondensed-Bold.ttf',
  'sans-condensed-italic': 'DejaVuSansCondensed-Oblique.ttf',
  'sans-condensed-bold-italic': 'DejaVuSansCondensed-BoldOblique.ttf',
};

/**
 * The face a character missing from `face` is drawn in: DejaVu Sans, of the same weight, slope
 * and width, which covers far more (Tifinagh, Hebrew, Arabic letters, ✓, arrows, symbols).
 */
export function fallbackOf(face: FaceId): FaceId | undefined {
  if (face.startsWith('sans')) return undefined;
  return (face.startsWith('condensed') ? `sans-${face}` : face.replace('serif', 'sans')) as FaceId;
}
