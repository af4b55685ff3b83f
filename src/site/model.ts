// What the site is generated from: the repository's meetings, each with its document (the same
// DocumentSpec every format is written from), the action ledger, and the scripts its pages load.
import { parseIsoDate } from '../core/calendar.js';
import { collectiveMembers, isCollective } from '../core/collectives.js';
import { formatDay } from '../core/french/index.js';
import type { Ledger } from '../core/ledger/index.js';
import type { LoadedMeeting } from '../core/model.js';
import type { Config, Group } from '../core/schema/config.js';
import type { DocumentSpec } from '../document/index.js';

export type DownloadFormat = 'pdf' | 'docx';

export interface SiteMeeting {
  loaded: LoadedMeeting;
  /** Its document; absent when the page already written from the same inputs is kept. */
  spec?: DocumentSpec;
  /** Shown as « projet » (the document's watermark). */
  draft: boolean;
  /** Files of the same compte-rendu beside its page (reunions/<id>.pdf…), when there are. */
  downloads: readonly DownloadFormat[];
  /** A digest of everything its page is made of, written in the page (see cli/commands/site.ts). */
  fingerprint?: string;
}

/** The <meta> name under which a compte-rendu's page carries its fingerprint. */
export const FINGERPRINT_META = 'gtm-empreinte';

export interface SiteInput {
  config: Config;
  /** Sorted by date, then id. */
  meetings: readonly SiteMeeting[];
  ledger: Ledger;
  /** The browser scripts (bundled at build time), written beside the pages. */
  scripts: { search: string; dashboard: string };
}

export const DOWNLOAD_LABELS: Readonly<Record<DownloadFormat, string>> = { pdf: 'PDF', docx: 'Word' };

export function groupOf(config: Config, key: string): Group {
  const group = Object.hasOwn(config.groupes, key) ? config.groupes[key] : undefined;
  // Validation refuses an unknown group before the site is built; this guards direct callers.
  if (!group) throw new Error(`unknown group ${key}`);
  return group;
}

/** « mardi 20 juin 2023 ». */
export function meetingDay(loaded: LoadedMeeting): string {
  return formatDay(parseIsoDate(loaded.meeting.date)!, { weekday: true });
}

export { meetingLabel } from '../search/documents.js';

export function meetingPath(id: string): string {
  return `reunions/${id}.html`;
}

/** The anchor of the agenda item that holds an action (#point-N), as the page numbers them. */
export function itemAnchorOfAction(loaded: LoadedMeeting, actionId: string): string {
  const wanted = actionId.toUpperCase();
  const index = loaded.meeting.ordre_du_jour.findIndex((item) => item.actions?.some((action) => action.id.toUpperCase() === wanted));
  return index < 0 ? '' : `#point-${index + 1}`;
}

/** Each organisation's page, organisations/<slug>.html, unique even when two acronyms fold alike. */
export function organisationPages(config: Config): Map<string, string> {
  const pages = new Map<string, string>();
  const used = new Set<string>();
  for (const acronym of Object.keys(config.organisations).sort()) {
    let slug = organisationSlug(acronym);
    while (used.has(slug)) slug = `${slug}-bis`;
    used.add(slug);
    pages.set(acronym, `organisations/${slug}.html`);
  }
  return pages;
}

/** « SP/CCM » → sp-ccm. */
function organisationSlug(acronym: string): string {
  const slug = acronym
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'organisation' : slug;
}

/**
 * Who answers for an action: its responsibles as written, and the members of any collective
 * among them (« les PTF »), so that an organisation's filter and page list what falls to it.
 */
export function answerableFor(responsibles: readonly string[], config: Config): string[] {
  const names = new Set<string>();
  for (const name of responsibles) {
    names.add(name);
    if (isCollective(config, name)) for (const member of collectiveMembers(config, name)) names.add(member);
  }
  return [...names];
}
