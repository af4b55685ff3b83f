// Text the PDF cannot draw as written: a character no font of the PDF has (an emoji), which it
// prints as « ? », and a right-to-left script (Arabic, Hebrew), which it sets from left to
// right without joining its letters. Warnings: the record is valid, its PDF needs a look.
import { drawingProblems } from '../../document/drawable.js';
import type { DataPath, Finding } from '../diagnostics.js';
import { messages } from '../messages.js';
import { placeIn, warningAt, type Rule } from './rule.js';

export const drawableText: Rule = ({ meetings }) => {
  const findings: Finding[] = [];
  for (const loaded of meetings) {
    const visit = (value: unknown, path: DataPath) => {
      if (typeof value === 'string') {
        const { undrawable, rightToLeft } = drawingProblems(value);
        if (undrawable !== undefined) findings.push(warningAt('caractere-non-dessinable', messages.undrawableCharacter(undrawable), placeIn(loaded, path)));
        if (rightToLeft !== undefined) findings.push(warningAt('ecriture-droite-a-gauche', messages.rightToLeftText(rightToLeft), placeIn(loaded, path)));
      } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
      else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    };
    visit(loaded.meeting, []);
  }
  return findings;
};
