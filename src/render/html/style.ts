// The stylesheet embedded in every page: on screen a readable column, in print an A4 page like
// the PDF (margins, running header, « Page N / M » footer, letterhead, « PROJET » watermark),
// through CSS paged media. Fonts are the reader's own serif (DejaVu Serif first, as in the
// PDF): a page never fetches anything.
export const DOCUMENT_CSS = `
:root { color-scheme: light; --encre: #1b1b1b; --trait: #8a8a8a; --fond-entete: #eceff3; --lien: #0b4f8a; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; color: var(--encre); background: #f4f4f1; }
body { margin: 0; line-height: 1.45; }
a { color: var(--lien); }
.page { max-width: 52rem; margin: 1.5rem auto; padding: 2.5rem 3rem; background: #fff; box-shadow: 0 0 0.4rem rgba(0,0,0,.15); position: relative; }
.entete-officiel { text-align: center; font-size: .9rem; margin-bottom: 1.5rem; }
.entete-officiel p { margin: .15rem 0; }
h1 { font-size: 1.45rem; text-align: center; margin: 1rem 0 1.25rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .6rem; border-bottom: 1px solid var(--trait); padding-bottom: .15rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
h4 { font-size: 1rem; font-style: italic; margin: 1rem 0 .3rem; }
p { margin: .5rem 0; text-align: justify; hyphens: auto; }
p.left { text-align: left; } p.center { text-align: center; } p.right { text-align: right; }
ul, ol { margin: .4rem 0 .4rem 1.2rem; padding-left: 1rem; }
.tableau { overflow-x: auto; margin: .8rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { border: 1px solid var(--trait); padding: .3rem .45rem; vertical-align: top; text-align: left; }
thead th { background: var(--fond-entete); }
tbody th { font-weight: bold; }
.graphique td { width: 70%; }
.graphique .barre { display: inline-block; height: .8rem; background: #5b7fa3; vertical-align: middle; margin-right: .3rem; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.ensemble { break-inside: avoid; }
.ensemble p { text-align: right; }
.pied { margin-top: 2rem; border-top: 1px solid var(--trait); padding-top: .4rem; font-size: .8rem; color: #444; }
.filigrane { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center; pointer-events: none; z-index: 10; }
.filigrane span { transform: rotate(-35deg); font-size: 8rem; font-weight: bold; letter-spacing: .5rem; color: rgba(120,120,120,.16); }
.navigation { max-width: 52rem; margin: 1rem auto 0; padding: 0 .5rem; font-family: system-ui, sans-serif; font-size: .95rem; }
.navigation a { margin-right: 1rem; }
.telechargements { font-family: system-ui, sans-serif; font-size: .95rem; margin: 0 0 1rem; }
.telechargements a { margin-right: 1rem; }
.saut-de-page { border-top: 1px dashed var(--trait); margin: 2rem 0; }
@media (max-width: 40rem) { .page { padding: 1.2rem; margin: 0; } }
@media print {
  html, body { background: #fff; font-size: 11pt; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .navigation, .telechargements, .pied, .ecran { display: none; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, h4 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .saut-de-page { break-before: page; border: 0; margin: 0; }
}
`;

/** A4 pages: the running header from page 2 on, the reference and « Page N / M » at the foot. */
export function pageRules(runningHeader: string | undefined, footerLeft: string | undefined): string {
  const box = (where: string, content: string | undefined, size: string) =>
    content === undefined ? '' : `@${where} { content: ${cssString(content)}; font: ${size} "DejaVu Serif", serif; color: #444; }`;
  return [
    '@page { size: A4; margin: 22mm 20mm 20mm;',
    box('top-center', runningHeader, '9pt'),
    box('bottom-left', footerLeft, '8pt'),
    '@bottom-right { content: "Page " counter(page) " / " counter(pages); font: 8pt "DejaVu Serif", serif; color: #444; } }',
    '@page :first { @top-center { content: none; } }',
  ].join('\n');
}

/** A CSS string literal; « < » escaped so that no text can close the style element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n]/g, (character) => `\\${character.codePointAt(0)!.toString(16)} `)}"`;
}
