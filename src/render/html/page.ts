// The shell of every HTML page gtm writes: French, UTF-8, its stylesheet inside, nothing
// fetched from elsewhere (the only scripts are files beside the page, or inline).
import { escapeAttribute, escapeText } from './escape.js';

export interface HtmlPage {
  title: string;
  /** <meta name=…> entries, in the order given. */
  meta?: readonly (readonly [string, string])[];
  css: string;
  body: string;
  /** Script files beside the page (relative URLs), loaded at the end of the body. */
  scripts?: readonly string[];
  /** A script written into the page. */
  inlineScript?: string;
}

export function htmlPage(page: HtmlPage): string {
  const meta = (page.meta ?? []).map(([name, content]) => `<meta name="${escapeAttribute(name)}" content="${escapeAttribute(content)}">`);
  const scripts = (page.scripts ?? []).map((src) => `<script src="${escapeAttribute(src)}"></script>`);
  if (page.inlineScript !== undefined) scripts.push(`<script>${safeScript(page.inlineScript)}</script>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(page.title)}</title>`,
    // No icon to fetch: a browser would otherwise ask the server for /favicon.ico.
    '<link rel="icon" href="data:,">',
    ...meta,
    `<style>${page.css.replace(/<\/style/gi, '<\\/style')}</style>`,
    '</head>',
    '<body>',
    page.body,
    ...scripts,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A script's text never closes its element early. */
export function safeScript(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
