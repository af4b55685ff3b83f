// The Word styles of the compte-rendu, from the PDF's typographic scale (typeset/style.ts), so
// that both formats keep the same sizes, spaces, greys and margins. Headings use Word's built-in
// style ids (Heading1…: « Titre 1 » in a French Word), so the navigation pane and a table of
// contents work. Fonts are ones every Word has (Cambria for the text, Calibri for tables and
// page furniture); LibreOffice substitutes their metric-compatible twins Caladea and Carlito.
import { theme, type Color, type TextStyle } from '../../typeset/style.js';
import { XML_DECLARATION, W_NAMESPACES } from './xml.js';

export const FONTS = { text: 'Cambria', narrow: 'Calibri' } as const;

/** Twentieths of a point, Word's unit of length. */
export const twips = (points: number): number => Math.round(points * 20);
/** Half-points, Word's unit of font size. */
const halfPoints = (points: number): number => Math.round(points * 2);

export const PAGE = {
  width: twips(theme.page.width),
  height: twips(theme.page.height),
  margin: {
    top: twips(theme.page.margin.top),
    bottom: twips(theme.page.margin.bottom),
    left: twips(theme.page.margin.left),
    right: twips(theme.page.margin.right),
  },
  /** Distances of the header and footer text from the page's edges, as in the PDF. */
  header: twips(theme.runningHeader.baseline - theme.runningHeader.text.size),
  footer: twips(theme.footer.baseline - 2),
};
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export function hex(color: Color): string {
  return color.map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('').toUpperCase();
}

export const STYLE_IDS = {
  letterhead: 'GtmEntete',
  tableText: 'GtmTableau',
  table: 'GtmGrille',
  list: 'ListParagraph',
  header: 'Header',
  footer: 'Footer',
  hyperlink: 'Hyperlink',
  heading: (level: 1 | 2 | 3 | 4) => `Heading${level}`,
} as const;

function runProperties(style: TextStyle, font: string = style.family === 'condensed' ? FONTS.narrow : FONTS.text): string {
  return (
    `<w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>` +
    (style.bold ? '<w:b/><w:bCs/>' : '') +
    (style.italic ? '<w:i/><w:iCs/>' : '') +
    `<w:color w:val="${hex(style.color)}"/><w:sz w:val="${halfPoints(style.size)}"/><w:szCs w:val="${halfPoints(style.size)}"/></w:rPr>`
  );
}

/** Baseline-to-baseline distance, never less: a larger glyph (an emoji) still gets its room. */
const lineSpacing = (style: TextStyle) => `w:line="${twips(style.lineHeight)}" w:lineRule="atLeast"`;

function paragraphStyle(id: string, name: string, pPr: string, rPr: string, extra = ''): string {
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>${extra}<w:pPr>${pPr}</w:pPr>${rPr}</w:style>`;
}

export function stylesXml(): string {
  const { body, headings, table, letterhead, runningHeader, footer, link, list } = theme;
  const headingStyles = ([1, 2, 3, 4] as const).map((level) => {
    const style = headings[level];
    return paragraphStyle(
      STYLE_IDS.heading(level),
      `heading ${level}`,
      `<w:keepNext/><w:keepLines/><w:spacing w:before="${twips(style.spaceBefore)}" w:after="${twips(style.spaceAfter)}" ${lineSpacing(style)}/><w:jc w:val="left"/><w:outlineLvl w:val="${level - 1}"/>`,
      runProperties(style),
      `<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>`,
    );
  });
  const cellBorder = `w:val="single" w:sz="${Math.round(table.ruleWidth * 8)}" w:space="0" w:color="${hex(table.ruleColor)}"`;
  return (
    XML_DECLARATION +
    `<w:styles ${W_NAMESPACES}>` +
    `<w:docDefaults><w:rPrDefault>${runProperties(body).replace('</w:rPr>', '<w:lang w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="ar-SA"/></w:rPr>')}</w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:after="${twips(theme.paragraphSpacing)}" ${lineSpacing(body)}/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>` +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
    headingStyles.join('') +
    paragraphStyle(
      STYLE_IDS.letterhead,
      'En-tête officiel',
      `<w:spacing w:after="0" ${lineSpacing(letterhead.text)}/><w:jc w:val="center"/>`,
      runProperties(letterhead.text),
    ) +
    paragraphStyle(
      STYLE_IDS.tableText,
      'Texte de tableau',
      `<w:spacing w:after="0" ${lineSpacing(table.cell)}/><w:jc w:val="left"/>`,
      runProperties(table.cell),
    ) +
    paragraphStyle(
      STYLE_IDS.list,
      'List Paragraph',
      `<w:spacing w:after="${twips(list.itemSpacing)}"/><w:ind w:left="${twips(list.indent)}"/>`,
      '',
      '<w:uiPriority w:val="34"/><w:qFormat/>',
    ) +
    paragraphStyle(
      STYLE_IDS.header,
      'header',
      `<w:pBdr><w:bottom w:val="single" w:sz="${Math.round(theme.rules.width * 8)}" w:space="${runningHeader.ruleGap}" w:color="${hex(theme.rules.color)}"/></w:pBdr><w:spacing w:after="0"/><w:jc w:val="left"/>`,
      runProperties(runningHeader.text, FONTS.narrow),
    ) +
    paragraphStyle(
      STYLE_IDS.footer,
      'footer',
      `<w:pBdr><w:top w:val="single" w:sz="${Math.round(theme.rules.width * 8)}" w:space="${footer.ruleGap / 2}" w:color="${hex(theme.rules.color)}"/></w:pBdr>` +
        `<w:tabs><w:tab w:val="right" w:pos="${TEXT_WIDTH}"/></w:tabs><w:spacing w:after="0"/><w:jc w:val="left"/>`,
      runProperties(footer.text, FONTS.narrow),
    ) +
    `<w:style w:type="character" w:styleId="${STYLE_IDS.hyperlink}"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:rPr><w:color w:val="${hex(link.color)}"/><w:u w:val="single"/></w:rPr></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `<w:style w:type="table" w:styleId="${STYLE_IDS.table}"><w:name w:val="Grille du compte-rendu"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr>` +
    `<w:tblBorders><w:top ${cellBorder}/><w:left ${cellBorder}/><w:bottom ${cellBorder}/><w:right ${cellBorder}/><w:insideH ${cellBorder}/><w:insideV ${cellBorder}/></w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="${twips(table.padding.y)}" w:type="dxa"/><w:left w:w="${twips(table.padding.x)}" w:type="dxa"/><w:bottom w:w="${twips(table.padding.y)}" w:type="dxa"/><w:right w:w="${twips(table.padding.x)}" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `</w:styles>`
  );
}

/** Bullets by depth as in the PDF; numbers « 1. », then « a. », then « i. », as Word does. */
export function numberingXml(orderedInstances: readonly { numId: number; level: number; start: number }[]): string {
  const { indent, bullets } = theme.list;
  const level = (ilvl: number, format: string, text: string) =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/>` +
    `<w:pPr><w:ind w:left="${twips(indent * (ilvl + 1))}" w:hanging="${twips(indent)}"/></w:pPr></w:lvl>`;
  const bulletLevels = Array.from({ length: 9 }, (_, i) => level(i, 'bullet', bullets[i % bullets.length]!)).join('');
  const orderedFormats = ['decimal', 'lowerLetter', 'lowerRoman'];
  const orderedLevels = Array.from({ length: 9 }, (_, i) => level(i, orderedFormats[i % 3]!, `%${i + 1}.`)).join('');
  return (
    XML_DECLARATION +
    `<w:numbering ${W_NAMESPACES}>` +
    `<w:abstractNum w:abstractNumId="${BULLET_ABSTRACT}"><w:multiLevelType w:val="hybridMultilevel"/>${bulletLevels}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="${ORDERED_ABSTRACT}"><w:multiLevelType w:val="hybridMultilevel"/>${orderedLevels}</w:abstractNum>` +
    `<w:num w:numId="${BULLET_NUM_ID}"><w:abstractNumId w:val="${BULLET_ABSTRACT}"/></w:num>` +
    orderedInstances
      .map(
        ({ numId, level: ilvl, start }) =>
          `<w:num w:numId="${numId}"><w:abstractNumId w:val="${ORDERED_ABSTRACT}"/><w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride></w:num>`,
      )
      .join('') +
    `</w:numbering>`
  );
}

const BULLET_ABSTRACT = 0;
const ORDERED_ABSTRACT = 1;
/** Every bullet list shares one numbering; each numbered list has its own, so it restarts. */
export const BULLET_NUM_ID = 1;
