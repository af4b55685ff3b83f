// The document's blocks as WordprocessingML: headings in the heading styles, paragraphs of runs
// (bold, italic, links), lists as Word numbered and bulleted lists, tables whose header row
// repeats on each page, keep-together groups, page breaks. Relationship and numbering ids are
// counted in document order: the same blocks give the same XML.
import type { Align, Block, Run } from '../../document/index.js';
import { theme } from '../../typeset/style.js';
import { BULLET_NUM_ID, hex, STYLE_IDS, TEXT_WIDTH, twips } from './styles.js';
import { xmlText } from './xml.js';

/** What the body's XML refers to outside itself. */
export interface BodyParts {
  /** External link targets, in order of first use; rIds are given by the caller's offset. */
  links: string[];
  /** One numbering instance per numbered list, so that each one restarts at its own start. */
  orderedLists: { numId: number; level: number; start: number }[];
}

interface ParagraphOptions {
  style?: string;
  align?: Align;
  keepNext?: boolean;
  keepLines?: boolean;
  numbering?: { numId: number; level: number };
  indent?: number;
  /** A horizontal rule: the paragraph's bottom border. */
  rule?: boolean;
}

const JC: Readonly<Record<Align, string>> = { left: 'left', justify: 'both', center: 'center', right: 'right' };

export class BodyWriter {
  readonly parts: BodyParts = { links: [], orderedLists: [] };
  private readonly linkIds = new Map<string, string>();
  private pageBreakPending = false;

  constructor(
    private readonly firstLinkRelationship: number,
    private readonly firstNumId: number,
  ) {}

  blocks(blocks: readonly Block[], options: ParagraphOptions = {}): string {
    return blocks.map((block) => this.block(block, options)).join('');
  }

  /** Letterhead lines: centred, small; space after the last as in the PDF. */
  letterhead(blocks: readonly Block[]): string {
    const xml = this.blocks(blocks, { style: STYLE_IDS.letterhead });
    const space = `<w:p><w:pPr><w:pStyle w:val="${STYLE_IDS.letterhead}"/><w:spacing w:after="${twips(theme.letterhead.spaceAfter - theme.paragraphSpacing)}"/></w:pPr></w:p>`;
    return blocks.length > 0 ? xml + space : xml;
  }

  private block(block: Block, options: ParagraphOptions, listLevel = -1): string {
    switch (block.kind) {
      case 'heading':
        return this.paragraph(block.runs, { style: STYLE_IDS.heading(block.level), ...(block.align ? { align: block.align } : {}) });
      case 'paragraph':
        return this.paragraph(block.runs, { ...options, ...(block.align ? { align: block.align } : {}) });
      case 'list':
        return this.list(block, listLevel + 1);
      case 'table':
        return this.table(block);
      case 'group':
        return this.group(block.blocks, options);
      case 'rule':
        return this.paragraph([], { ...options, rule: true });
      case 'pageBreak':
        this.pageBreakPending = true;
        return '';
      case 'chart':
        // Word is not drawn into: the chart's data, as the table it was written from.
        return this.table({
          kind: 'table',
          header: [[{ text: block.labelHeader }], [{ text: block.valueHeader }]],
          rows: block.bars.map((bar) => [[{ text: bar.label }], [{ text: `${String(bar.value).replace('.', ',')}${block.unit ? `\u00a0${block.unit}` : ''}` }]]),
          widths: [3, 1],
        });
    }
  }

  /** Every paragraph of the group kept with the next and whole: Word moves it as one. */
  private group(blocks: readonly Block[], options: ParagraphOptions): string {
    const xml = blocks.map((block, i) => this.block(block, { ...options, keepLines: true, keepNext: i < blocks.length - 1 }));
    return xml.join('');
  }

  private list(list: Extract<Block, { kind: 'list' }>, level: number): string {
    let numId = BULLET_NUM_ID;
    if (list.ordered) {
      numId = this.firstNumId + this.parts.orderedLists.length;
      this.parts.orderedLists.push({ numId, level, start: list.start ?? 1 });
    }
    const indent = twips(theme.list.indent * (level + 1));
    return list.items
      .map((item) => {
        let numbered = false;
        return item
          .map((block) => {
            if (block.kind === 'list') return this.list(block, level + 1);
            if (block.kind === 'paragraph' && !numbered) {
              numbered = true;
              return this.paragraph(block.runs, { style: STYLE_IDS.list, align: block.align ?? 'left', numbering: { numId, level } });
            }
            if (block.kind === 'paragraph') return this.paragraph(block.runs, { style: STYLE_IDS.list, align: block.align ?? 'left', indent });
            return this.block(block, {}, level);
          })
          .join('');
      })
      .join('');
  }

  paragraph(runs: readonly Run[], options: ParagraphOptions = {}): string {
    let pPr = '';
    if (options.style) pPr += `<w:pStyle w:val="${options.style}"/>`;
    if (options.keepNext) pPr += '<w:keepNext/>';
    if (options.keepLines) pPr += '<w:keepLines/>';
    if (this.pageBreakPending) {
      pPr += '<w:pageBreakBefore/>';
      this.pageBreakPending = false;
    }
    if (options.rule) pPr += `<w:pBdr><w:bottom w:val="single" w:sz="${Math.round(theme.rule.width * 8)}" w:space="1" w:color="${hex(theme.rule.color)}"/></w:pBdr>`;
    if (options.numbering) pPr += `<w:numPr><w:ilvl w:val="${options.numbering.level}"/><w:numId w:val="${options.numbering.numId}"/></w:numPr>`;
    if (options.indent !== undefined) pPr += `<w:ind w:left="${options.indent}"/>`;
    if (options.align) pPr += `<w:jc w:val="${JC[options.align]}"/>`;
    return `<w:p><w:pPr>${pPr}</w:pPr>${this.runs(runs)}</w:p>`;
  }

  /** Runs in order; consecutive runs of one link share one hyperlink. */
  runs(runs: readonly Run[]): string {
    let xml = '';
    for (let i = 0; i < runs.length; ) {
      const link = runs[i]!.link;
      if (link === undefined) {
        xml += runXml(runs[i]!);
        i++;
        continue;
      }
      let inner = '';
      while (i < runs.length && runs[i]!.link === link) inner += runXml(runs[i++]!, STYLE_IDS.hyperlink);
      xml += `<w:hyperlink r:id="${this.linkId(link)}" w:history="1">${inner}</w:hyperlink>`;
    }
    return xml;
  }

  private linkId(target: string): string {
    let id = this.linkIds.get(target);
    if (!id) {
      id = `rId${this.firstLinkRelationship + this.parts.links.length}`;
      this.parts.links.push(target);
      this.linkIds.set(target, id);
    }
    return id;
  }

  private table(table: Extract<Block, { kind: 'table' }>): string {
    // A page break before a table goes on an empty paragraph: a table has no page-break property.
    const before = this.pageBreakPending ? this.paragraph([]) : '';
    const columns = Math.max(table.header.length, ...table.rows.map((row) => row.length), 1);
    const weights = table.widths && table.widths.length === columns && table.widths.every((w) => w > 0) ? table.widths : new Array(columns).fill(1);
    const total = weights.reduce((sum, w) => sum + w, 0);
    const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
    const row = (cells: readonly Run[][], header: boolean) => {
      const trPr = header ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
      const tcs = widths.map((width, i) => {
        const shading = header ? `<w:shd w:val="clear" w:color="auto" w:fill="${hex(theme.table.headerFill)}"/>` : '';
        const runs = (cells[i] ?? []).map((run) => (header ? { ...run, bold: true } : run));
        // A header cell is kept with the next row: a header never ends a page alone.
        return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shading}</w:tcPr>${this.paragraph(runs, { style: STYLE_IDS.tableText, ...(header ? { keepNext: true } : {}) })}</w:tc>`;
      });
      return `<w:tr>${trPr}${tcs.join('')}</w:tr>`;
    };
    const spacing = (points: number) => `<w:p><w:pPr><w:spacing w:after="0" w:line="${twips(points)}" w:lineRule="exact"/></w:pPr></w:p>`;
    return (
      before +
      `<w:tbl><w:tblPr><w:tblStyle w:val="${STYLE_IDS.table}"/><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>` +
      `<w:tblGrid>${widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>` +
      (table.header.length > 0 ? row(table.header, true) : '') +
      table.rows.map((cells) => row(cells, false)).join('') +
      `</w:tbl>` +
      spacing(theme.table.spaceAfter)
    );
  }
}

function runXml(run: Run, characterStyle?: string): string {
  let rPr = characterStyle ? `<w:rStyle w:val="${characterStyle}"/>` : '';
  if (run.bold) rPr += '<w:b/><w:bCs/>';
  if (run.italic) rPr += '<w:i/><w:iCs/>';
  const content = run.text
    .split(/(\n|\t)/)
    .map((piece) => (piece === '\n' ? '<w:br/>' : piece === '\t' ? '<w:tab/>' : piece === '' ? '' : `<w:t xml:space="preserve">${xmlText(piece)}</w:t>`))
    .join('');
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${content}</w:r>`;
}
