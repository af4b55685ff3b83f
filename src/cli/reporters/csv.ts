// CSV that a French Excel opens as columns: UTF-8 with a byte-order mark (else accents break),
// « ; » as separator (« , » is the decimal mark), CRLF line ends, every field quoted, dates
// written JJ/MM/AAAA so that Excel reads them as dates.
import type { Config } from '../../core/schema/config.js';
import { formatResponsibles } from '../../core/french/index.js';
import { compareRows, type ActionRow, type Reporter } from './rows.js';

const HEADERS = [
  'Identifiant',
  'Point d’action',
  'Responsables',
  'Date limite (telle qu’écrite)',
  'Date limite',
  'Statut',
  'En retard',
  'Réunion d’origine',
  'Date de la réunion',
  'Groupe',
  'Dernier suivi (réunion)',
  'Dernier suivi (date)',
  'Commentaire du dernier suivi',
];

export const csv: Reporter = (rows, { config }) => {
  const lines = [HEADERS, ...[...rows].sort(compareRows).map((row) => cells(row, config))].map((fields) => fields.map(quote).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
};

function cells(row: ActionRow, config: Config): string[] {
  const last = row.lastFollowUp;
  return [
    row.id,
    row.description,
    formatResponsibles(row.responsibles, config),
    row.deadlineWritten ?? '',
    row.due ? frenchNumericDate(row.due) : '',
    row.statusLabel,
    row.late ? 'oui' : 'non',
    row.meeting,
    frenchNumericDate(row.meetingDate),
    row.group,
    last?.meeting ?? '',
    last ? frenchNumericDate(last.date) : '',
    last?.comment ?? '',
  ];
}

function frenchNumericDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/**
 * Quotes a field (doubling its quotes). Text that Excel would run as a formula (= + - @ at the
 * start) is prefixed with an apostrophe, which Excel hides.
 */
function quote(field: string): string {
  const safe = /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
  return `"${safe.replace(/"/g, '""')}"`;
}
