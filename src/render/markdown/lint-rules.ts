// The markdownlint configuration the compte-rendus are checked against (in the tests), with the
// reason for each rule set aside. Exported so a repository can lint its rendus/ the same way.
import type { Configuration } from 'markdownlint';
export const MARKDOWNLINT_CONFIG: Configuration = {
  default: true,
  // Prose paragraphs are long lines, as in the Word originals; wrapping them would change nothing on screen.
  MD013: false,
  // The letterhead (République du Niger…) precedes the title, as on paper.
  MD041: false,
  // Rapporteurs use a bold line as a light sub-heading (« **Convois d’Algérie** »), and the signatory's name is bold.
  MD036: false,
  // « Points de discussion clés » repeats under every agenda item: only siblings must differ.
  MD024: { siblings_only: true },
  // A rapporteur's fenced block (a quoted e-mail, a figure pasted as text) has no language to name.
  MD040: false,
  // <br> is the line break inside a table cell (Présence, multi-line action text).
  MD033: { allowed_elements: ['br'] },
};
