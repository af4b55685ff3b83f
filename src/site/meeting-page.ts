// A compte-rendu's page on the site: the document's own HTML (render/html), with the site's
// menu above and its downloads.
import { renderHtml } from '../render/html/index.js';
import { menu, SITE_CSS_FOR_DOCUMENTS } from './layout.js';
import { DOWNLOAD_LABELS, FINGERPRINT_META, type SiteMeeting } from './model.js';
import type { DocumentSpec } from '../document/index.js';

export function meetingPage(meeting: SiteMeeting & { spec: DocumentSpec }): string {
  return renderHtml(meeting.spec, {
    ...(meeting.fingerprint !== undefined ? { meta: [[FINGERPRINT_META, meeting.fingerprint] as const] } : {}),
    navigation: menu('../'),
    downloads: meeting.downloads.map((format) => ({ label: `Télécharger en ${DOWNLOAD_LABELS[format]}`, href: `${meeting.loaded.id}.${format}` })),
    css: SITE_CSS_FOR_DOCUMENTS,
  });
}
