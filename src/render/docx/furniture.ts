// Page furniture: the running header (short title, pages 2 to N), the footer of every page
// (reference and version on the left, « Page N sur M » on the right as PAGE and NUMPAGES
// fields that Word and LibreOffice compute), and the draft watermark as Word writes its own
// (Conception > Filigrane): a VML WordArt shape in the header, which Word lists and removes as a
// watermark.
import { theme } from '../../typeset/style.js';
import { FONTS, hex, STYLE_IDS, TEXT_WIDTH } from './styles.js';
import { W_NAMESPACES, XML_DECLARATION, xmlAttribute, xmlText } from './xml.js';

const text = (value: string) => `<w:r><w:t xml:space="preserve">${xmlText(value)}</w:t></w:r>`;

/** A complex field with a cached result, so a reader that does not compute it shows a number. */
const field = (instruction: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instruction} \\* MERGEFORMAT </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;

export function footerXml(left: string): string {
  return (
    `${XML_DECLARATION}<w:ftr ${W_NAMESPACES}><w:p><w:pPr><w:pStyle w:val="${STYLE_IDS.footer}"/></w:pPr>` +
    `${text(left)}<w:r><w:tab/></w:r>${text('Page ')}${field('PAGE')}${text(' sur ')}${field('NUMPAGES')}</w:p></w:ftr>`
  );
}

/** The header of pages 2 to N (`index` 1) or of page 1 (`index` 2, no title: the letterhead is there). */
export function headerXml(title: string, watermark: string | undefined, index: number): string {
  const mark = watermark === undefined ? '' : watermarkRun(watermark, index);
  // Page 1's header is empty, and without the rule: its paragraph only anchors the watermark.
  const pPr = title === '' ? `<w:pPr><w:pStyle w:val="${STYLE_IDS.header}"/><w:pBdr><w:bottom w:val="nil"/></w:pBdr></w:pPr>` : `<w:pPr><w:pStyle w:val="${STYLE_IDS.header}"/></w:pPr>`;
  return `${XML_DECLARATION}<w:hdr ${W_NAMESPACES}><w:p>${pPr}${mark}${title === '' ? '' : text(title)}</w:p></w:hdr>`;
}

const POINTS_PER_TWIP = 1 / 20;

function watermarkRun(word: string, index: number): string {
  const width = Math.round(TEXT_WIDTH * POINTS_PER_TWIP);
  // WordArt stretches the word to its box: the box has the word's proportions, as in the PDF.
  const height = Math.round((width / Math.max(word.length, 1)) * 1.6);
  const style =
    `position:absolute;margin-left:0;margin-top:0;width:${width}pt;height:${height}pt;rotation:315;z-index:-251654144;` +
    'mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin';
  return (
    `<w:r><w:rPr><w:noProof/></w:rPr><w:pict>` +
    WORDART_SHAPE_TYPE +
    `<v:shape id="PowerPlusWaterMarkObject${index}" o:spid="_x0000_s${2048 + index}" type="#_x0000_t136" style="${style}" o:allowincell="f" fillcolor="#${hex(theme.watermark.color)}" stroked="f">` +
    `<v:fill opacity=".5"/><v:textpath style="font-family:&quot;${FONTS.text}&quot;;font-size:1pt;font-weight:bold" string="${xmlAttribute(word)}"/>` +
    `<w10:wrap anchorx="margin" anchory="margin" xmlns:w10="urn:schemas-microsoft-com:office:word"/></v:shape></w:pict></w:r>`
  );
}

/** Word's WordArt shape type (plain text), declared in each header: readers parse each part alone. */
const WORDART_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">' +
  '<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/>' +
  '<v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/>' +
  '<v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>' +
  '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>' +
  '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>' +
  '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>';
