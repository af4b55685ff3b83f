// The home page: every compte-rendu, by group (in gtm.yaml's order) then by year, latest first,
// each with its downloads and the titles of its agenda items.
import { escapeAttribute, escapeText } from '../render/html/index.js';
import { sitePage } from './layout.js';
import { DOWNLOAD_LABELS, groupOf, meetingDay, meetingPath, type SiteInput, type SiteMeeting } from './model.js';

export function homePage(input: SiteInput): string {
  const byGroup = new Map<string, SiteMeeting[]>();
  for (const meeting of input.meetings) {
    const list = byGroup.get(meeting.loaded.group) ?? [];
    list.push(meeting);
    byGroup.set(meeting.loaded.group, list);
  }
  const sections: string[] = [`<h1>Comptes-rendus des réunions</h1>`, `<p>${input.meetings.length} réunion${input.meetings.length > 1 ? 's' : ''}.</p>`];
  for (const key of Object.keys(input.config.groupes)) {
    const meetings = byGroup.get(key);
    if (!meetings) continue;
    const group = groupOf(input.config, key);
    sections.push(`<section aria-labelledby="groupe-${escapeAttribute(key)}">`, `<h2 id="groupe-${escapeAttribute(key)}">${escapeText(group.nom)}</h2>`);
    const byYear = new Map<string, SiteMeeting[]>();
    for (const meeting of [...meetings].reverse()) {
      const year = meeting.loaded.meeting.date.slice(0, 4);
      byYear.set(year, [...(byYear.get(year) ?? []), meeting]);
    }
    for (const [year, list] of byYear) {
      sections.push(`<h3 id="${escapeAttribute(`${key}-${year}`)}">${year}</h3>`, '<ul class="reunions">', ...list.map(entry), '</ul>');
    }
    sections.push('</section>');
  }
  if (input.meetings.length === 0) sections.push('<p>Aucune réunion pour le moment.</p>');
  return sitePage({ title: 'Comptes-rendus', root: '', section: 'accueil', body: sections.join('\n') });
}

function entry(meeting: SiteMeeting): string {
  const { loaded } = meeting;
  const page = meetingPath(loaded.id);
  const draft = meeting.draft ? '<span class="etiquette projet">projet</span>' : '';
  const downloads = meeting.downloads
    .map((format) => `<a href="${escapeAttribute(page.replace(/\.html$/, `.${format}`))}">${DOWNLOAD_LABELS[format]}</a>`)
    .join(' ');
  const items = loaded.meeting.ordre_du_jour.map((item) => item.titre);
  return [
    `<li><a href="${escapeAttribute(page)}">${escapeText(meetingDay(loaded))}</a>${draft}`,
    downloads === '' ? '' : ` <span class="liens">${downloads}</span>`,
    `<br><small>${escapeText(items.join(' · '))}</small></li>`,
  ].join('');
}
