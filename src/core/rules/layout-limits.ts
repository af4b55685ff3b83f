// The rapporteur's Markdown (discussions, annexes) must fit a page: a list nested deeper, or a
// table wider, than the PDF can lay out is refused here, before any rendering, at its place.
import { layoutExcesses, MAX_LIST_DEPTH, MAX_TABLE_COLUMNS } from '../../document/limits.js';
import type { DataPath, Finding } from '../diagnostics.js';
import { messages } from '../messages.js';
import { errorAt, placeIn, type Rule } from './rule.js';

export const layoutLimits: Rule = ({ meetings }) => {
  const diagnostics: Finding[] = [];
  for (const loaded of meetings) {
    const check = (markdown: string | undefined, path: DataPath) => {
      if (markdown === undefined) return;
      for (const excess of layoutExcesses(markdown)) {
        const message =
          excess.kind === 'list-depth'
            ? messages.listTooDeep(excess.value, MAX_LIST_DEPTH, excess.line)
            : messages.tableTooWide(excess.value, MAX_TABLE_COLUMNS, excess.line);
        diagnostics.push(errorAt(excess.kind === 'list-depth' ? 'liste-trop-profonde' : 'tableau-trop-large', message, placeIn(loaded, path)));
      }
    };
    loaded.meeting.ordre_du_jour.forEach((item, index) => check(item.discussion, ['ordre_du_jour', index, 'discussion']));
    loaded.meeting.annexes?.forEach((annex, index) => check(annex.contenu, ['annexes', index, 'contenu']));
  }
  return diagnostics;
};
