// A compte-rendu as one self-contained, accessible HTML page, written from its DocumentSpec
// (the same document the PDF typesets): letterhead, title, sections with their ids, tables with
// header cells, the signature, annexes; a print stylesheet gives A4 pages like the PDF's, with
// the running header, the footer and « PROJET » across a draft. Pure: document in, text out.
import type { DocumentSpec } from '../../document/index.js';
import { blockWriter } from './blocks.js';
import { escapeAttribute, escapeText } from './escape.js';
import { htmlPage } from './page.js';
import { DOCUMENT_CSS, pageRules } from './style.js';

export { escapeAttribute, escapeText } from './escape.js';
export { htmlPage, safeScript, type HtmlPage } from './page.js';
export { DOCUMENT_CSS } from './style.js';

export interface HtmlOptions {
  /** Links above the page (the site's way back home), as HTML. */
  navigation?: string;
  /** The same compte-rendu in other formats: « Télécharger le PDF ». */
  downloads?: readonly { label: string; href: string }[];
  /** Extra CSS for the page (the site's). */
  css?: string;
  /** A script written into the page (gtm serve's reload). */
  inlineScript?: string;
  /** More <meta name=…> entries. */
  meta?: readonly (readonly [string, string])[];
}

export function renderHtml(spec: DocumentSpec, options: HtmlOptions = {}): string {
  const writer = blockWriter(spec);
  const parts: string[] = [];
  if (options.navigation !== undefined) parts.push(`<nav class="navigation" aria-label="Navigation">${options.navigation}</nav>`);
  parts.push('<main class="page" id="contenu">');
  if (spec.watermark !== undefined) {
    parts.push(`<div class="filigrane" aria-hidden="true"><span>${escapeText(spec.watermark)}</span></div>`);
    parts.push(`<p class="ecran mention-projet"><strong>${escapeText(spec.watermark)}</strong> : document provisoire.</p>`);
  }
  if (options.downloads && options.downloads.length > 0) {
    const links = options.downloads.map((link) => `<a href="${escapeAttribute(link.href)}">${escapeText(link.label)}</a>`);
    parts.push(`<p class="telechargements">${links.join(' ')}</p>`);
  }
  if (spec.firstPageHeader) parts.push(`<header class="entete-officiel">\n${writer.blocks(spec.firstPageHeader)}\n</header>`);
  parts.push('<article>', writer.blocks(spec.blocks), '</article>');
  if (spec.footer) parts.push(`<footer class="pied">${escapeText(spec.footer.left)}</footer>`);
  parts.push('</main>');

  const { metadata } = spec;
  return htmlPage({
    title: metadata.title,
    meta: [
      ['author', metadata.author],
      ['description', metadata.subject],
      ...(metadata.keywords ? [['keywords', metadata.keywords.join(', ')] as const] : []),
      ['generator', 'gtm'],
      ['dcterms.created', metadata.creationDate.toISOString().slice(0, 10)],
      ...(options.meta ?? []),
    ],
    css: `${DOCUMENT_CSS}\n${pageRules(spec.runningHeader, spec.footer?.left)}${options.css ? `\n${options.css}` : ''}`,
    body: parts.join('\n'),
    ...(options.inlineScript !== undefined ? { inlineScript: options.inlineScript } : {}),
  });
}
