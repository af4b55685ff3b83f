// The type faces the typesetter uses. Layout names faces by these ids only; which font file
// backs each id is decided once, here.

/** DejaVu Serif for the text; its condensed cut for table cells, where columns are narrow. */
export type Family = 'serif' | 'condensed';
export type FaceId =
  | 'serif'
  | 'serif-bold'
  | 'serif-italic'
  | 'serif-bold-italic'
  | 'condensed'
  | 'condensed-bold'
  | 'condensed-italic'
  | 'condensed-bold-italic';

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
};
