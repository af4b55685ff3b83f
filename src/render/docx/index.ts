// The compte-rendu as a Word document, written from the same DocumentSpec the PDF typesets:
// the OOXML parts (body, styles, numbering, running header, footer with PAGE/NUMPAGES fields,
// Word's own « PROJET » watermark on a draft, document properties) zipped with fixed entry
// times. Pure: DocumentSpec in, bytes out; the same spec gives the same bytes in any time zone.
import { zipSync } from 'fflate';
import type { DocumentSpec } from '../../document/index.js';
import { BodyWriter } from './body.js';
import { footerXml, headerXml } from './furniture.js';
import { appXml, contentTypesXml, coreXml, documentRelationshipsXml, packageRelationshipsXml, settingsXml } from './package.js';
import { BULLET_NUM_ID, numberingXml, PAGE, stylesXml } from './styles.js';
import { W_NAMESPACES, XML_DECLARATION } from './xml.js';

/** rId1-rId7 are the fixed parts (see package.ts); links come after. */
const FIRST_LINK_RELATIONSHIP = 8;

export function renderDocx(spec: DocumentSpec): Uint8Array {
  const body = new BodyWriter(FIRST_LINK_RELATIONSHIP, BULLET_NUM_ID + 1);
  const content = body.letterhead(spec.firstPageHeader ?? []) + body.blocks(spec.blocks);
  const sectionProperties =
    `<w:sectPr><w:headerReference w:type="default" r:id="rId4"/><w:headerReference w:type="first" r:id="rId5"/>` +
    `<w:footerReference w:type="default" r:id="rId6"/><w:footerReference w:type="first" r:id="rId7"/>` +
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
    `<w:pgMar w:top="${PAGE.margin.top}" w:right="${PAGE.margin.right}" w:bottom="${PAGE.margin.bottom}" w:left="${PAGE.margin.left}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"/>` +
    // The letterhead stands where the running header would: page 1 has a header of its own.
    `<w:titlePg/></w:sectPr>`;
  const document = `${XML_DECLARATION}<w:document ${W_NAMESPACES}><w:body>${content}${sectionProperties}</w:body></w:document>`;

  const watermark = spec.watermark;
  const footer = footerXml(spec.footer?.left ?? '');
  const encode = (text: string) => new TextEncoder().encode(text);
  const parts: Record<string, string> = {
    '[Content_Types].xml': contentTypesXml(),
    '_rels/.rels': packageRelationshipsXml(),
    'docProps/core.xml': coreXml(spec.metadata),
    'docProps/app.xml': appXml(),
    'word/document.xml': document,
    'word/_rels/document.xml.rels': documentRelationshipsXml(body.parts.links),
    'word/styles.xml': stylesXml(),
    'word/numbering.xml': numberingXml(body.parts.orderedLists),
    'word/settings.xml': settingsXml(),
    'word/header1.xml': headerXml(spec.runningHeader ?? '', watermark, 1),
    'word/header2.xml': headerXml('', watermark, 2),
    'word/footer1.xml': footer,
    'word/footer2.xml': footer,
  };
  const time = zipTime(spec.metadata.creationDate);
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, encode(xml)])), { level: 6, mtime: time });
}

/**
 * The zip format stores local date and time fields, which fflate reads from a Date's local
 * components: a Date built from the document date's UTC fields has the same local fields in
 * every time zone, so the entries' times never depend on where gtm runs.
 */
function zipTime(date: Date): Date {
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 12, 0, 0);
}
