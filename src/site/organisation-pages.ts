// A page per organisation of the directory: the meetings it attended (of how many its groups
// held), the agenda items it presented, and the actions it is responsible for, alone or shared.
import { attendanceOf, tookPart } from '../core/attendance.js';
import { formatDay } from '../core/french/index.js';
import { ACTION_STATUS_LABELS } from '../core/french/index.js';
import { isOpen } from '../core/ledger/index.js';
import { deadlineWithDue } from '../core/ledger/wording.js';
import { escapeAttribute, escapeText } from '../render/html/index.js';
import { sitePage } from './layout.js';
import { answerableFor, groupOf, itemAnchorOfAction, meetingLabel, meetingPath, organisationPages, type SiteInput } from './model.js';

const KIND_LABELS: Readonly<Record<string, string>> = {
  etat: 'Administration',
  agence_onu: 'Agence des Nations unies',
  ong: 'ONG',
  ptf: 'Partenaire technique et financier',
  osc: 'Société civile',
  autre: 'Autre',
};

/** Page path → HTML, the index of organisations included. */
export function organisationFiles(input: SiteInput): Map<string, string> {
  const pages = new Map<string, string>();
  const paths = organisationPages(input.config);
  const entries = Object.entries(input.config.organisations).sort(([a], [b]) => a.localeCompare(b, 'fr'));
  const index = entries.map(
    ([acronym, organisation]) =>
      `<li><a href="${escapeAttribute(`../${paths.get(acronym)!}`)}">${escapeText(acronym)}</a> – ${escapeText(organisation.nom)}</li>`,
  );
  pages.set(
    'organisations/index.html',
    sitePage({
      title: 'Organisations',
      root: '../',
      section: 'organisations',
      body: ['<h1>Organisations</h1>', '<ul class="colonnes">', ...index, '</ul>'].join('\n'),
    }),
  );
  for (const [acronym, organisation] of entries) {
    pages.set(paths.get(acronym)!, organisationPage(input, acronym, organisation.nom, organisation.type));
  }
  return pages;
}

function organisationPage(input: SiteInput, acronym: string, name: string, kind: string): string {
  const same = (written: string) => written.toUpperCase() === acronym.toUpperCase();
  const link = (id: string, anchor: string, label: string) => `<a href="${escapeAttribute(`../${meetingPath(id)}${anchor}`)}">${escapeText(label)}</a>`;

  const groups = new Set<string>();
  let excused = 0;
  const attended = input.meetings.filter((meeting) => {
    const own = attendanceOf(meeting.loaded.meeting, groupOf(input.config, meeting.loaded.group)).find((entry) => same(entry.organisation));
    if (own) groups.add(meeting.loaded.group);
    if (own?.status === 'excuse') excused++;
    return own !== undefined && tookPart(own);
  });
  const heldByItsGroups = input.meetings.filter((meeting) => groups.has(meeting.loaded.group)).length;
  const presentations = input.meetings.flatMap((meeting) =>
    meeting.loaded.meeting.ordre_du_jour.flatMap((item, index) =>
      item.presentateur !== undefined && same(item.presentateur)
        ? [`<li>${link(meeting.loaded.id, `#point-${index + 1}`, meetingLabel(meeting.loaded, input.config))} : ${escapeText(item.titre)}</li>`]
        : [],
    ),
  );
  const actions = input.ledger.actions.filter((action) => answerableFor(action.responsibles, input.config).some(same));
  const actionRows = actions.map((action) => {
    const deadline = action.deadline ? deadlineWithDue(action.deadline, action.due) : '—';
    return `<tr data-ouverte="${isOpen(action) ? 'oui' : 'non'}"><td>${escapeText(action.id)}</td><td>${escapeText(action.description)}</td><td>${escapeText(deadline)}</td><td>${escapeText(ACTION_STATUS_LABELS[action.status])}</td><td>${link(action.decidedIn.id, itemAnchorOfAction(action.decidedIn, action.id), formatDay(action.decidedOn))}</td></tr>`;
  });
  const open = actions.filter(isOpen).length;

  const body = [
    `<h1>${escapeText(acronym)}</h1>`,
    `<p>${escapeText(name)} (${escapeText(KIND_LABELS[kind] ?? kind)})</p>`,
    '<h2 id="presence">Présence</h2>',
    attended.length === 0
      ? '<p>Aucune présence enregistrée.</p>'
      : `<p>Présente à ${attended.length} réunion${attended.length > 1 ? 's' : ''} sur ${heldByItsGroups} tenue${heldByItsGroups > 1 ? 's' : ''} par ses groupes${excused > 0 ? `, excusée à ${excused}` : ''}.</p>\n<ul>\n${attended
          .map((meeting) => `<li>${link(meeting.loaded.id, '', meetingLabel(meeting.loaded, input.config))}</li>`)
          .join('\n')}\n</ul>`,
    '<h2 id="presentations">Présentations</h2>',
    presentations.length === 0 ? '<p>Aucune présentation.</p>' : `<ul>\n${presentations.join('\n')}\n</ul>`,
    '<h2 id="actions">Points d’action</h2>',
    actions.length === 0
      ? '<p>Aucun point d’action.</p>'
      : [
          `<p>${actions.length} action${actions.length > 1 ? 's' : ''}, dont ${open} ouverte${open > 1 ? 's' : ''}. <a href="../actions.html?responsable=${encodeURIComponent(acronym)}">Voir dans le tableau des actions</a></p>`,
          '<table><thead><tr><th scope="col">Identifiant</th><th scope="col">Action</th><th scope="col">Date limite</th><th scope="col">État</th><th scope="col">Décidée le</th></tr></thead><tbody>',
          ...actionRows,
          '</tbody></table>',
        ].join('\n'),
  ].join('\n');
  return sitePage({ title: acronym, root: '../', section: 'organisations', body });
}
