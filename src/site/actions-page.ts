// The actions dashboard: every action of the repository in one table, with filters (state, late,
// organisation, group, words) that work in the browser without a server. Lateness depends on
// the day the page is read, not on the day it was built: the page's script decides it from each
// row's due day (data-echeance), so that the files stay the same from one build to the next.
import { formatDay, formatResponsibles } from '../core/french/index.js';
import { ACTION_STATUS_LABELS } from '../core/french/index.js';
import { isOpen, type TrackedAction } from '../core/ledger/index.js';
import { deadlineWithDue } from '../core/ledger/wording.js';
import { formatIsoDay, parseIsoDate } from '../core/calendar.js';
import { escapeAttribute, escapeText } from '../render/html/index.js';
import { sitePage } from './layout.js';
import { answerableFor, groupOf, itemAnchorOfAction, meetingPath, organisationPages, type SiteInput } from './model.js';

export const DASHBOARD_SCRIPT = 'tableau-actions.js';

export function actionsPage(input: SiteInput): string {
  const { config, ledger } = input;
  const actions = ledger.actions;
  const organisations = [...new Set(actions.flatMap((action) => answerableFor(action.responsibles, config).filter((name) => name !== 'tous')))].sort(
    (a, b) => a.localeCompare(b, 'fr'),
  );
  const option = (value: string, label: string) => `<option value="${escapeAttribute(value)}">${escapeText(label)}</option>`;
  const filters = [
    '<form class="filtres" id="filtres" aria-label="Filtrer les points d’action">',
    `<label>État<select name="etat" id="filtre-etat">${option('ouvertes', 'Ouvertes (en cours, reportées)')}${option('retard', 'En retard')}${option('closes', 'Réalisées ou abandonnées')}${option('toutes', 'Toutes')}</select></label>`,
    `<label>Organisation responsable<select name="responsable" id="filtre-responsable">${option('', 'Toutes')}${organisations.map((name) => option(name, formatResponsibles([name], config))).join('')}${option('tous', 'Tous les acteurs')}${option('?', 'À désigner')}</select></label>`,
    `<label>Groupe<select name="groupe" id="filtre-groupe">${option('', 'Tous')}${Object.entries(config.groupes)
      .map(([key, group]) => option(key, group.sigle))
      .join('')}</select></label>`,
    '<label>Mots<input type="search" name="mots" id="filtre-mots" placeholder="cartographie…"></label>',
    '</form>',
  ].join('\n');

  const rows = actions.map((action) => row(action, input));
  const summary = organisationSummary(actions, organisations, input);
  const body = [
    '<h1>Points d’action</h1>',
    '<p class="sans-script" id="sans-script">Les filtres et les retards demandent JavaScript ; sans lui, toutes les actions sont listées.</p>',
    filters,
    `<p class="compte" id="compte" aria-live="polite">${actions.length} action${actions.length > 1 ? 's' : ''}</p>`,
    '<table id="actions">',
    '<thead><tr><th scope="col">Identifiant</th><th scope="col">Action</th><th scope="col">Responsable</th><th scope="col">Date limite</th><th scope="col">État</th><th scope="col">Décidée le</th><th scope="col">Dernier suivi</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody></table>',
    '<h2 id="par-organisation">Par organisation</h2>',
    summary,
  ].join('\n');
  return sitePage({ title: 'Points d’action', root: '', section: 'actions', body, scripts: [DASHBOARD_SCRIPT] });
}

function row(action: TrackedAction, input: SiteInput): string {
  const decided = action.decidedIn;
  const responsibles = action.responsibles.length === 0 ? ['?'] : answerableFor(action.responsibles, input.config);
  const due = action.due ? formatIsoDay(action.due) : '';
  const deadline = action.deadline ? deadlineWithDue(action.deadline, action.due) : '—';
  const last = action.lastFollowUp;
  const lastText = last
    ? `<a href="${escapeAttribute(meetingPath(last.meeting.id))}">${escapeText(formatDay(parseIsoDate(last.meeting.meeting.date)!))}</a> : ${escapeText(ACTION_STATUS_LABELS[last.status])}${last.comment ? ` – ${escapeText(last.comment)}` : ''}`
    : '';
  const attributes = [
    `data-statut="${action.status}"`,
    `data-ouverte="${isOpen(action) ? 'oui' : 'non'}"`,
    `data-echeance="${due}"`,
    `data-responsables="${escapeAttribute(responsibles.join('|'))}"`,
    `data-groupe="${escapeAttribute(action.group)}"`,
  ].join(' ');
  return [
    `<tr id="${escapeAttribute(action.id)}" ${attributes}>`,
    `<td>${escapeText(action.id)}</td>`,
    `<td>${escapeText(action.description)}</td>`,
    `<td>${escapeText(action.responsibles.length === 0 ? 'À désigner' : formatResponsibles(action.responsibles, input.config))}</td>`,
    `<td class="echeance">${escapeText(deadline)}</td>`,
    `<td>${escapeText(ACTION_STATUS_LABELS[action.status])}</td>`,
    `<td><a href="${escapeAttribute(meetingPath(decided.id) + itemAnchorOfAction(decided, action.id))}">${escapeText(`${groupOf(input.config, decided.group).sigle}, ${formatDay(action.decidedOn)}`)}</a></td>`,
    `<td>${lastText}</td>`,
    '</tr>',
  ].join('');
}

/** Open actions per organisation; the late ones are counted by the page's script. */
function organisationSummary(actions: readonly TrackedAction[], organisations: readonly string[], input: SiteInput): string {
  const pages = organisationPages(input.config);
  const lines = organisations.map((name) => {
    const own = actions.filter((action) => answerableFor(action.responsibles, input.config).includes(name));
    const open = own.filter(isOpen).length;
    const page = pages.get(name);
    const label = page ? `<a href="${escapeAttribute(page)}">${escapeText(name)}</a>` : escapeText(formatResponsibles([name], input.config));
    return `<tr data-organisation="${escapeAttribute(name)}"><th scope="row">${label}</th><td>${open}</td><td class="retards">–</td><td>${own.length}</td></tr>`;
  });
  return [
    '<table id="par-organisation-tableau">',
    '<thead><tr><th scope="col">Organisation</th><th scope="col">Ouvertes</th><th scope="col">En retard</th><th scope="col">Total</th></tr></thead>',
    '<tbody>',
    ...lines,
    '</tbody></table>',
  ].join('\n');
}
