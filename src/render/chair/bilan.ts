// The yearly recap in every format, from one recap (core/chair/bilan.ts): the view the
// Handlebars template `bilan` turns into Markdown (then into the DocumentSpec the PDF is typeset
// from, its charts drawn as vectors), and the attendance matrix as CSV for Excel. Pure.
import { actionsByResponsible, participationRate, YEAR_END_STATES, type YearEndState, type YearRecap } from '../../core/chair/bilan.js';
import { parseIsoDate } from '../../core/calendar.js';
import { acronymDashName, formatDay, formatResponsibles } from '../../core/french/index.js';
import { deadlineWithDue } from '../../core/ledger/wording.js';
import type { Config } from '../../core/schema/config.js';
import type { AttendanceStatus } from '../../core/schema/meeting.js';
import type { DocumentMetadata, PageFurniture } from '../../document/index.js';
import { renderDocumentMarkdown } from '../markdown/document.js';
import { markdownHelpers } from '../markdown/helpers.js';
import type { TemplateSet } from '../markdown/templates.js';
import { placeOf } from '../markdown/view-model.js';

export const BILAN_TEMPLATE = 'bilan';
/** Meetings per attendance table: with the organisation and the rate, ten columns fit a page. */
export const MEETINGS_PER_TABLE = 8;

const STATE_LABELS: Record<YearEndState, string> = { realise: 'Réalisées', ouvert: 'Ouvertes', en_retard: 'En retard', abandonne: 'Abandonnées' };
/** In running text: French keeps the singular for 0 and 1 (« 0 réalisée, 2 ouvertes »). */
const stateCount = (state: YearEndState, count: number) =>
  `${count} ${state === 'en_retard' ? 'en retard' : count <= 1 ? STATE_WORDS[state].toLowerCase() : STATE_LABELS[state].toLowerCase()}`;
const STATE_WORDS: Record<YearEndState, string> = { realise: 'Réalisée', ouvert: 'Ouverte', en_retard: 'En retard', abandonne: 'Abandonnée' };
const CELL_LETTERS: Record<AttendanceStatus, string> = { present: 'P', represente: 'R', excuse: 'E', absent: 'A' };
const CELL_WORDS: Record<AttendanceStatus, string> = { present: 'Présent', represente: 'Représenté', excuse: 'Excusé', absent: 'Absent' };
const MODALITIES = { presentiel: 'En présentiel', virtuel: 'En ligne', hybride: 'Hybride (présentiel et en ligne)' } as const;

export interface BilanView {
  entete: Config['entete'];
  groupe: { nom: string; sigle: string };
  annee: number;
  titre: string;
  resume: string;
  reunions: { date: string; modalite: string; lieu: string; points: { numero: number; titre: string; presentateur: string | null }[] }[];
  presence: { colonnes: string[]; lignes: { organisation: string; cellules: string[]; taux: string }[] }[];
  participation: { libelle: string; valeur: number }[];
  nombre_actions: number;
  resume_actions: string;
  etats: { libelle: string; valeur: number }[];
  actions: { responsable: string; lignes: { id: string; action: string; echeance: string; etat: string }[] }[];
  signature: { qualite: string; nom: string; structure: string | null };
}

export function bilanView(recap: YearRecap, config: Config): BilanView {
  const { group, meetings, year } = recap;
  const count = meetings.length;
  const shortDates = meetings.map((loaded) => shortDate(loaded.meeting.date));
  const rows = recap.attendance.map((row) => ({
    organisation: row.organisation,
    cellules: row.cells.map((status) => (status ? CELL_LETTERS[status] : '—')),
    taux: `${participationRate(row, count)} %`,
  }));
  const presence: BilanView['presence'] = [];
  for (let start = 0; start < count; start += MEETINGS_PER_TABLE) {
    presence.push({
      colonnes: shortDates.slice(start, start + MEETINGS_PER_TABLE),
      lignes: rows.map((row) => ({ ...row, cellules: row.cellules.slice(start, start + MEETINGS_PER_TABLE) })),
    });
  }
  const total = recap.actions.length;
  return {
    entete: { ...config.entete },
    groupe: { nom: group.nom, sigle: group.sigle },
    annee: year,
    titre: `Bilan des réunions du ${group.sigle} – année ${year}`,
    resume:
      count === 0
        ? `En ${year}, le ${group.nom} (${group.sigle}) n’a tenu aucune réunion enregistrée dans le dépôt.`
        : `En ${year}, le ${group.nom} (${group.sigle}) a tenu ${count === 1 ? 'une réunion' : `${count} réunions`} : ${meetings
            .map((loaded) => formatDay(parseIsoDate(loaded.meeting.date)!))
            .join(', ')}.`,
    reunions: meetings.map((loaded) => ({
      date: formatDay(parseIsoDate(loaded.meeting.date)!, { weekday: true }),
      modalite: MODALITIES[loaded.meeting.modalite ?? 'presentiel'],
      lieu: placeOf(loaded.meeting, group),
      points: loaded.meeting.ordre_du_jour.map((item, index) => ({
        numero: index + 1,
        titre: item.titre,
        presentateur: item.presentateur ?? item.intervenant ?? null,
      })),
    })),
    presence: count === 0 ? [] : presence,
    participation: count === 0 ? [] : recap.attendance.map((row) => ({ libelle: row.organisation, valeur: participationRate(row, count) })),
    nombre_actions: total,
    resume_actions:
      total === 0
        ? `Aucun point d’action n’a été décidé en ${year}.`
        : `${total === 1 ? '1 point d’action a été décidé' : `${total} points d’action ont été décidés`} en ${year} ; au 31 décembre : ` +
          YEAR_END_STATES.map((state) => stateCount(state, recap.counts[state])).join(', ') +
          '.',
    etats: YEAR_END_STATES.map((state) => ({ libelle: STATE_LABELS[state], valeur: recap.counts[state] })),
    actions: actionsByResponsible(recap.actions).map(({ responsible, actions }) => ({
      responsable: Object.hasOwn(config.organisations, responsible) ? acronymDashName(responsible, config) : formatResponsibles([responsible], config),
      lignes: actions.map(({ action, state }) => ({
        id: action.id,
        action: action.description,
        echeance: action.deadline ? deadlineWithDue(action.deadline, action.due) : '—',
        etat: STATE_WORDS[state],
      })),
    })),
    signature: { qualite: group.signataire.qualite, nom: group.signataire.nom, structure: group.signataire.structure ?? null },
  };
}

export function bilanMarkdown(recap: YearRecap, config: Config, templates: TemplateSet): string {
  return renderDocumentMarkdown(templates, BILAN_TEMPLATE, bilanView(recap, config), markdownHelpers(config));
}

export function bilanFurniture(recap: YearRecap): PageFurniture {
  const { group, year } = recap;
  const metadata: DocumentMetadata = {
    title: `Bilan des réunions du ${group.sigle} – ${year}`,
    author: `${group.nom} (${group.sigle})`,
    subject: `Bilan des réunions de l’année ${year}`,
    keywords: [group.sigle, 'bilan', 'migration', 'Niger', String(year)],
    language: 'fr-FR',
    // The year's last day: the document's own date, never the clock.
    creationDate: new Date(Date.UTC(year, 11, 31, 12)),
  };
  return { reference: `${group.sigle} – Bilan des réunions ${year}`, runningHeader: `Bilan ${year} – ${group.sigle}`, draft: false, metadata };
}

/** bilan-2021-national */
export function bilanName(recap: YearRecap): string {
  return `bilan-${recap.year}-${recap.groupKey}`;
}

/**
 * The attendance matrix for Excel: UTF-8 with a byte-order mark, « ; » separators, CRLF, every
 * field quoted (as gtm actions --format csv); one column per meeting, dated JJ/MM/AAAA.
 */
export function attendanceCsv(recap: YearRecap, config: Config): string {
  const count = recap.meetings.length;
  const header = ['Sigle', 'Organisation', 'Membre', ...recap.meetings.map((loaded) => numericDate(loaded.meeting.date)), 'Réunions suivies', 'Réunions de l’année', 'Taux de participation (%)'];
  const rows = recap.attendance.map((row) => [
    row.organisation,
    config.organisations[row.organisation]?.nom ?? '',
    row.member ? 'oui' : 'non',
    ...row.cells.map((status) => (status ? CELL_WORDS[status] : '')),
    String(row.attended),
    String(count),
    String(participationRate(row, count)),
  ]);
  const quote = (field: string) => `"${field.replace(/"/g, '""')}"`;
  return `\uFEFF${[header, ...rows].map((fields) => fields.map(quote).join(';')).join('\r\n')}\r\n`;
}

const shortDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
const numericDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
