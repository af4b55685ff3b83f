// Marks -> PDF content stream operators. Text is shown glyph by glyph (Identity-H: two-byte
// glyph ids) with TJ arrays carrying kerning and the extra width of justified spaces; real space
// glyphs stay in the text so that extraction and search see the words.
import type { FaceId } from '../fonts/faces.js';
import type { FontLibrary } from '../fonts/library.js';
import type { Mark, TextMark } from '../marks.js';
import type { Color } from '../style.js';

/** Resource names of the faces, in order of first use. */
export class FontResources {
  readonly names = new Map<FaceId, string>();

  nameOf(face: FaceId): string {
    let name = this.names.get(face);
    if (!name) {
      name = `F${this.names.size + 1}`;
      this.names.set(face, name);
    }
    return name;
  }
}

/** A page's content stream, and the structure element of each of its marked-content ids (MCIDs, from 0). */
export interface PageContent {
  readonly stream: string;
  readonly elements: readonly number[];
}

/**
 * The page's operators. Tagged PDF: each run of marks of one structure element is a
 * marked-content sequence (`/P <</MCID 3>> BDC … EMC`) that the structure tree points to, and
 * everything else (running header, footer, watermark, rules, table grid, underlines) an artifact.
 */
export function contentStream(marks: readonly Mark[], pageHeight: number, library: FontLibrary, fonts: FontResources, roleOf: (tag: number) => string = () => 'P'): PageContent {
  const out: string[] = [];
  const elements: number[] = [];
  let inText = false;
  let font = '';
  let fill = '';
  /** Whose marked content is open: a structure element, the artifacts, or none. */
  let owner: number | 'artifact' | undefined;
  const endText = () => {
    if (inText) out.push('ET');
    inText = false;
  };
  const own = (next: number | 'artifact') => {
    if (next === owner) return;
    endText();
    if (owner !== undefined) out.push('EMC');
    if (next === 'artifact') out.push('/Artifact BMC');
    else {
      out.push(`/${roleOf(next)} <</MCID ${elements.length}>> BDC`);
      elements.push(next);
    }
    owner = next;
  };
  for (const mark of marks) {
    switch (mark.kind) {
      case 'text': {
        own(mark.tag ?? 'artifact');
        if (!inText) {
          out.push('BT');
          inText = true;
          font = '';
          fill = '';
        }
        const fontOp = `/${fonts.nameOf(mark.face)} ${num(mark.size)} Tf`;
        if (fontOp !== font) out.push((font = fontOp));
        const fillOp = `${color(mark.color)} rg`;
        if (fillOp !== fill) out.push((fill = fillOp));
        out.push(`${matrix(mark, pageHeight)} Tm`, `${showText(mark, library)} TJ`);
        break;
      }
      case 'rect':
        own('artifact');
        out.push(`q ${color(mark.fill)} rg ${num(mark.x)} ${num(pageHeight - mark.y - mark.height)} ${num(mark.width)} ${num(mark.height)} re f Q`);
        break;
      case 'line':
        own('artifact');
        out.push(
          `q ${num(mark.width)} w ${color(mark.color)} RG ${num(mark.x1)} ${num(pageHeight - mark.y1)} m ${num(mark.x2)} ${num(pageHeight - mark.y2)} l S Q`,
        );
        break;
      case 'link':
      case 'anchor':
        break; // an annotation and an outline entry, not page content
    }
  }
  endText();
  if (owner !== undefined) out.push('EMC');
  return { stream: out.join('\n'), elements };
}

function matrix(mark: TextMark, pageHeight: number): string {
  const y = pageHeight - mark.y;
  if (!mark.angle) return `1 0 0 1 ${num(mark.x)} ${num(y)}`;
  const radians = (mark.angle * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  return `${num(cos, 5)} ${num(sin, 5)} ${num(-sin, 5)} ${num(cos, 5)} ${num(mark.x)} ${num(y)}`;
}

/**
 * A TJ array: hex glyph codes (subset glyph ids) with adjustments in thousandths of an em for
 * kerning and for the extra width of justified spaces. Words are encoded once per face.
 */
function showText(mark: TextMark, library: FontLibrary): string {
  const face = library.face(mark.face);
  const adjustment = mark.extraSpace === 0 ? '' : num((-mark.extraSpace * 1000) / mark.size);
  const space = face.encodeWord(' ', kernText) + (adjustment === '' || adjustment === '0' ? '' : `>${adjustment}<`);
  let tj = '[<';
  const words = mark.text.split(' ');
  for (let i = 0; i < words.length; i++) {
    if (i > 0) tj += space;
    if (words[i] !== '') tj += face.encodeWord(words[i]!, kernText);
  }
  return `${tj}>]`;
}

const kernTexts = new Map<number, string>();

/** Kerning adjustments take few distinct values: format each once. */
function kernText(value: number): string {
  let text = kernTexts.get(value);
  if (text === undefined) {
    text = num(value);
    kernTexts.set(value, text);
  }
  return text;
}

function color([r, g, b]: Color): string {
  return `${num(r)} ${num(g)} ${num(b)}`;
}

/** A number as PDF writes it: at most `decimals` decimals, no exponent, no trailing zeros. */
export function num(value: number, decimals = 3): string {
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  return rounded === 0 ? '0' : String(rounded);
}
