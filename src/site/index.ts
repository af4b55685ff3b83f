// The static site of a repository, as files: path (relative to the site's folder, with « / »)
// → content. Pure: the command (cli/commands/site.ts) gathers the input and writes the files,
// only those whose content changed. The same input gives the same bytes.
import { actionsPage, DASHBOARD_SCRIPT } from './actions-page.js';
import { homePage } from './home.js';
import { meetingPage } from './meeting-page.js';
import { meetingPath, type SiteInput } from './model.js';
import { organisationFiles } from './organisation-pages.js';
import { SEARCH_INDEX_SCRIPT, SEARCH_SCRIPT, searchIndexScript, searchPage } from './search-page.js';

export { FINGERPRINT_META, meetingPath } from './model.js';
export type { DownloadFormat, SiteInput, SiteMeeting } from './model.js';

/** Written at the site's root: marks a folder as gtm's, whose stale pages it may remove. */
export const SITE_MARKER = '.gtm-site';

export function buildSite(input: SiteInput): Map<string, string> {
  const files = new Map<string, string>();
  files.set('index.html', homePage(input));
  // A meeting without its document keeps the page already written from the same inputs.
  for (const meeting of input.meetings) if (meeting.spec) files.set(meetingPath(meeting.loaded.id), meetingPage({ ...meeting, spec: meeting.spec }));
  files.set('actions.html', actionsPage(input));
  for (const [path, page] of organisationFiles(input)) files.set(path, page);
  files.set('recherche.html', searchPage(input));
  files.set(SEARCH_INDEX_SCRIPT, searchIndexScript(input));
  files.set(SEARCH_SCRIPT, input.scripts.search);
  files.set(DASHBOARD_SCRIPT, input.scripts.dashboard);
  files.set(SITE_MARKER, 'Site produit par gtm (gtm site) : ce dossier est réécrit à chaque fois.\n');
  return files;
}
