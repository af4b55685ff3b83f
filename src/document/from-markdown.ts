// The compte-rendu's Markdown -> typeset blocks. The Markdown (from the templates, possibly
// overridden by the repository) is the single source of both outputs; the PDF only adds what
// Markdown cannot say, read from the layout hints the templates leave in HTML comments:
//   <!-- gtm:entete -->    letterhead of the first page (centred, first line bold)
//   <!-- gtm:signature --> signature block, kept together and aligned right
//   <!-- gtm:annexes -->   annexes, starting on a new page
//   <!-- gtm:pied -->      end note (the source's version), moved to the footer of every page
//   <!-- gtm:centre -->    headings and paragraphs centred (a template's choice, e.g. the title)
//   <!-- gtm:graphique unite="%" max="100" --> a table (label | value) drawn as a bar chart
import { Lexer, type Token, type Tokens } from 'marked';
import type { Block, Run } from './blocks.js';
import { decodeEntities, inlineRuns, plainText } from './inline.js';

export interface MinutesLayout {
  /** Letterhead lines (gtm:entete). */
  letterhead: Block[];
  /** The text of the first level-1 heading: the document's title. */
  title: string | undefined;
  /** Everything else, in order, the footer note excepted. */
  blocks: Block[];
  /** Plain text of the gtm:pied region, for the footer. */
  footNote: string | undefined;
}

type Region = 'entete' | 'signature' | 'annexes' | 'pied' | 'centre';
const REGIONS: readonly Region[] = ['entete', 'signature', 'annexes', 'pied', 'centre'];
const HINT = /<!--\s*(\/?)gtm:([a-z-]+)\s*-->/g;
/** The chart hint, with its optional attributes: <!-- gtm:graphique unite="%" max="100" -->. */
const CHART_HINT = /<!--\s*(\/?)gtm:graphique((?:\s+[a-z]+="[^"]*")*)\s*-->/g;

/** Column weights by column count: the text of an action gets most of the width. */
const COLUMN_WEIGHTS: Readonly<Record<number, readonly number[]>> = {
  3: [6, 3, 2],
  5: [5, 2.6, 2, 1.5, 3],
};
/** The meeting's particulars (Date, Heure, Lieu, Présence): a label and its value. */
const PARTICULARS_WEIGHTS = [1, 4];

export function markdownToBlocks(markdown: string): MinutesLayout {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const layout: MinutesLayout = { letterhead: [], title: undefined, blocks: [], footNote: undefined };
  const open: Region[] = [];
  let signature: Block[] | undefined;
  const pied: Block[] = [];
  /** Before the first section heading, a two-column table holds the meeting's particulars. */
  let inTitleBlock = false;

  const target = (): Block[] => {
    const region = open.filter((name) => name !== 'centre').at(-1);
    if (region === 'entete') return layout.letterhead;
    if (region === 'pied') return pied;
    if (signature && open.includes('signature')) return signature;
    return layout.blocks;
  };
  /** Adds blocks where the open regions say; inside gtm:centre, headings and paragraphs centred. */
  const place = (...blocks: Block[]) => {
    const centred = open.includes('centre');
    target().push(...(centred ? blocks.map((block): Block => (block.kind === 'heading' || block.kind === 'paragraph' ? { ...block, align: 'center' } : block)) : blocks));
  };

  /** Inside a gtm:graphique region: its attributes, and its table becomes a chart. */
  let chart: Record<string, string> | undefined;

  for (const token of tokens) {
    if (token.type === 'html') {
      for (const [, closing, attributes] of token.raw.matchAll(CHART_HINT)) {
        chart = closing ? undefined : Object.fromEntries([...attributes!.matchAll(/([a-z]+)="([^"]*)"/g)].map(([, key, value]) => [key!, value!]));
      }
      for (const [, closing, name] of token.raw.matchAll(HINT)) {
        const region = REGIONS.find((r) => r === name);
        if (!region) continue;
        if (closing) {
          const at = open.lastIndexOf(region);
          if (at < 0) continue;
          open.splice(at);
          if (region === 'signature' && signature && !open.includes('signature')) {
            closeSignature(layout.blocks, signature);
            signature = undefined;
          }
        } else {
          open.push(region);
          if (region === 'signature') signature ??= [];
          if (region === 'annexes') layout.blocks.push({ kind: 'pageBreak' });
        }
      }
      if (!isOnlyComments(token.raw)) place(...blocksOf([token]));
      continue;
    }
    if (token.type === 'heading' && open.every((region) => region === 'centre')) {
      const heading = token as Tokens.Heading;
      if (heading.depth === 1 && layout.title === undefined) {
        layout.title = plainText(inlineRuns(heading.tokens));
        inTitleBlock = true;
      } else if (heading.depth <= 2) inTitleBlock = false;
    }
    if (token.type === 'table' && chart && (token as Tokens.Table).header.length >= 2) {
      place(chartBlock(token as Tokens.Table, chart));
      continue;
    }
    if (token.type === 'table' && inTitleBlock && (token as Tokens.Table).header.length === 2) {
      place(particularsTable(token as Tokens.Table));
      continue;
    }
    place(...blocksOf([token]));
  }
  // A region left open by an overriding template still shows its content.
  if (signature) closeSignature(layout.blocks, signature);

  layout.letterhead = letterheadBlocks(layout.letterhead);
  const note = pied.flatMap(textOfBlock).join(' ').replace(/\s+/g, ' ').trim();
  layout.footNote = note === '' ? undefined : note;
  return layout;
}

function isOnlyComments(html: string): boolean {
  return html.replace(/<!--[\s\S]*?-->/g, '').trim() === '';
}

function blocksOf(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const { depth, tokens: inline } = token as Tokens.Heading;
        blocks.push({ kind: 'heading', level: Math.min(4, Math.max(1, depth)) as 1 | 2 | 3 | 4, runs: inlineRuns(inline) });
        break;
      }
      case 'paragraph':
        blocks.push({ kind: 'paragraph', runs: inlineRuns((token as Tokens.Paragraph).tokens) });
        break;
      case 'text': {
        // Text of a tight list item: a paragraph without the space around.
        const text = token as Tokens.Text;
        blocks.push({ kind: 'paragraph', runs: text.tokens ? inlineRuns(text.tokens) : [{ text: decodeEntities(text.text) }] });
        break;
      }
      case 'list': {
        const list = token as Tokens.List;
        const start = typeof list.start === 'number' ? list.start : 1;
        blocks.push({
          kind: 'list',
          ordered: list.ordered,
          ...(list.ordered && start !== 1 ? { start } : {}),
          items: list.items.map((item) => {
            const content = blocksOf(item.tokens);
            if (item.task) content.unshift({ kind: 'paragraph', runs: [{ text: item.checked ? '☑' : '☐' }] });
            return content;
          }),
        });
        break;
      }
      case 'table': {
        const table = token as Tokens.Table;
        const weights = COLUMN_WEIGHTS[table.header.length];
        blocks.push({
          kind: 'table',
          header: table.header.map((cell) => inlineRuns(cell.tokens)),
          rows: table.rows.map((row) => row.map((cell) => inlineRuns(cell.tokens))),
          ...(weights ? { widths: [...weights] } : {}),
        });
        break;
      }
      case 'blockquote':
        blocks.push(...blocksOf((token as Tokens.Blockquote).tokens));
        break;
      case 'code':
        // Preformatted text keeps its lines.
        blocks.push({ kind: 'paragraph', align: 'left', runs: [{ text: (token as Tokens.Code).text }] });
        break;
      case 'hr':
        blocks.push({ kind: 'rule' });
        break;
      case 'html': {
        const text = token.raw.replace(/<!--[\s\S]*?-->/g, '').trim();
        if (text !== '') blocks.push({ kind: 'paragraph', align: 'left', runs: [{ text }] });
        break;
      }
      case 'space':
      case 'def':
        break;
      default:
        if (token.raw.trim() !== '') blocks.push({ kind: 'paragraph', runs: [{ text: token.raw.trim() }] });
    }
  }
  return blocks;
}

/** A label | value table as a bar chart; a value that is not a number counts as 0. */
function chartBlock(table: Tokens.Table, attributes: Record<string, string>): Block {
  const text = (cell: Tokens.TableCell) => plainText(inlineRuns(cell.tokens)).trim();
  const number = (written: string) => {
    const value = Number(written.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.'));
    return Number.isFinite(value) ? value : 0;
  };
  const max = attributes.max === undefined ? undefined : number(attributes.max);
  return {
    kind: 'chart',
    chart: 'bars',
    labelHeader: text(table.header[0]!),
    valueHeader: text(table.header[1]!),
    bars: table.rows.map((row) => ({ label: row[0] ? text(row[0]) : '', value: row[1] ? number(text(row[1])) : 0 })),
    ...(max !== undefined && max > 0 ? { max } : {}),
    ...(attributes.unite ? { unit: attributes.unite } : {}),
  };
}

/** Label | value rows, all alike: the first row is data, not a header; labels in bold. */
function particularsTable(table: Tokens.Table): Block {
  const row = (cells: Tokens.TableCell[]): Run[][] =>
    cells.map((cell, i) => (i === 0 ? inlineRuns(cell.tokens, { bold: true }) : inlineRuns(cell.tokens)));
  return { kind: 'table', header: [], rows: [row(table.header), ...table.rows.map(row)], widths: [...PARTICULARS_WEIGHTS] };
}

/** The letterhead's paragraphs as centred lines, the first (the State) in bold. */
function letterheadBlocks(blocks: readonly Block[]): Block[] {
  let first = true;
  return blocks.map((block) => {
    if (block.kind !== 'paragraph') return block;
    const runs = first ? block.runs.map((run) => ({ ...run, bold: true })) : block.runs;
    first = false;
    return { ...block, runs, align: 'center' };
  });
}

/**
 * The signature as a group that moves whole, taking the paragraph before it along: a signature
 * never stands alone at the top of a page. Its lines are aligned right, with room for the
 * handwritten signature and the stamp before the name.
 */
function closeSignature(body: Block[], signature: readonly Block[]): void {
  if (signature.length === 0) return;
  const aligned = signature.map((block): Block => (block.kind === 'paragraph' ? { ...block, align: 'right' } : block));
  const spacer: Block = { kind: 'paragraph', align: 'right', runs: [{ text: '\u00a0\n\u00a0' }] };
  const blocks = aligned.length > 1 ? [aligned[0]!, spacer, ...aligned.slice(1)] : aligned;
  const previous = body[body.length - 1];
  if (previous?.kind === 'paragraph') body.pop();
  body.push({ kind: 'group', keepTogether: true, blocks: previous?.kind === 'paragraph' ? [previous, ...blocks] : blocks });
}

function textOfBlock(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return [plainText(block.runs)];
    case 'list':
      return block.items.flatMap((item) => item.flatMap(textOfBlock));
    case 'table':
      return [...block.header, ...block.rows.flat()].map(plainText);
    case 'group':
      return block.blocks.flatMap(textOfBlock);
    case 'chart':
      return block.bars.map((bar) => `${bar.label} ${bar.value}`);
    default:
      return [];
  }
}
