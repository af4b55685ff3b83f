// A GitHub-flavoured Markdown table, to paste into a convocation or a compte-rendu.
import type { Config } from '../../core/schema/config.js';
import { formatResponsibles } from '../../core/french/index.js';
import { compareRows, emptyMessage, type ActionRow, type Reporter } from './rows.js';

const HEADERS = ['Action', 'Point d’action', 'Responsable(s)', 'Date limite', 'Statut', 'Origine', 'Dernier suivi'];

export const markdown: Reporter = (rows, options) => {
  if (rows.length === 0) return `_${emptyMessage(options)}_\n`;
  const lines = [row(HEADERS), row(HEADERS.map(() => '---')), ...[...rows].sort(compareRows).map((action) => row(cells(action, options.config)))];
  return `${lines.join('\n')}\n`;
};

function cells(action: ActionRow, config: Config): string[] {
  const last = action.lastFollowUp;
  return [
    action.id,
    action.description,
    formatResponsibles(action.responsibles, config),
    `${action.deadlineText || '—'}${action.postponed ? ' (reportée)' : ''}`,
    `${action.statusLabel}${action.late ? ' (en retard)' : ''}`,
    action.meeting,
    last ? `${last.statusLabel}, ${last.dateText}${last.comment ? ` : ${last.comment}` : ''}` : '—',
  ];
}


function row(texts: readonly string[]): string {
  return `| ${texts.map(escapeCell).join(' | ')} |`;
}

/** A cell is one line; a pipe would end it and a backslash could escape the next character. */
function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\r?\n\s*/g, ' ').trim();
}
