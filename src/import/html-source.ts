// A .docx as mammoth writes it to HTML, read into blocks. Tables keep their cells: merged cells
// (colspan, rowspan) are expanded into the grid, their text in every position they cover; a
// row of one cell is page layout (the GTM's sections are one-column tables) and yields the
// blocks inside it. Paragraphs are counted as Word counts them, to place every block.
import type { Block } from './blocks.js';
import { tokenizeHtml } from './inline-html.js';

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
}
type Node = Element | string;

const VOID = new Set(['br', 'img', 'hr']);

function parseTree(html: string): Element {
  const root: Element = { name: 'root', attributes: {}, children: [] };
  const stack: Element[] = [root];
  for (const token of tokenizeHtml(html)) {
    const top = stack[stack.length - 1]!;
    if (token.type === 'text') top.children.push(token.text);
    else if (token.type === 'open') {
      const element: Element = { name: token.name, attributes: token.attributes, children: [] };
      top.children.push(element);
      if (!token.selfClosing && !VOID.has(token.name)) stack.push(element);
    } else {
      const at = stack.map((element) => element.name).lastIndexOf(token.name);
      if (at > 0) stack.length = at;
    }
  }
  return root;
}

const BLOCK_NAMES = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'div', 'blockquote']);

/** Inline content as Markdown. */
function inline(nodes: readonly Node[]): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += node;
      continue;
    }
    const inner = inline(node.children);
    switch (node.name) {
      case 'strong':
      case 'b':
        out += inner.trim() === '' ? inner : `**${inner}**`;
        break;
      case 'em':
      case 'i':
        out += inner.trim() === '' ? inner : `*${inner}*`;
        break;
      case 'br':
        out += '\n';
        break;
      case 'a': {
        const href = node.attributes.href;
        // Anchors without href are Word's bookmarks: no text of the document.
        if (!href) out += inner;
        else out += inner.trim() === '' || inner.trim() === href ? `<${href}>` : `[${inner}](${href})`;
        break;
      }
      default:
        out += inner;
    }
  }
  return out;
}

export function readHtmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let paragraph = 0;
  const push = (block: Omit<Block, 'gapBefore' | 'place'>, at = paragraph) =>
    blocks.push({ ...block, gapBefore: 0, place: { paragraph: Math.max(at, 1) } });

  const visit = (element: Element, depth: number, cell: boolean): void => {
    let loose: Node[] = [];
    const flushLoose = () => {
      const text = inline(loose).replace(/\s+/g, ' ').trim();
      loose = [];
      if (text !== '') {
        paragraph++;
        push({ kind: 'paragraph', text, cell });
      }
    };
    for (const node of element.children) {
      if (typeof node === 'string' || !BLOCK_NAMES.has(node.name)) {
        loose.push(node);
        continue;
      }
      flushLoose();
      const name = node.name;
      if (name === 'p') {
        paragraph++;
        const text = inline(node.children).replace(/[ \t]+/g, ' ').trim();
        if (text !== '') push({ kind: 'paragraph', text, cell });
      } else if (/^h[1-6]$/.test(name)) {
        paragraph++;
        push({ kind: 'heading', text: inline(node.children).replace(/\s+/g, ' ').trim(), level: Number(name[1]), cell });
      } else if (name === 'ul' || name === 'ol') {
        for (const item of node.children) {
          if (typeof item === 'string' || item.name !== 'li') continue;
          paragraph++;
          const own = item.children.filter((child) => typeof child === 'string' || !['ul', 'ol', 'table'].includes(child.name));
          const ownText = own.map((child) => (typeof child !== 'string' && child.name === 'p' ? `${inline(child.children)} ` : inline([child]))).join('');
          push({ kind: 'item', text: ownText.replace(/\s+/g, ' ').trim(), marker: name, level: depth, cell });
          for (const child of item.children) {
            if (typeof child !== 'string' && (child.name === 'ul' || child.name === 'ol' || child.name === 'table')) {
              visit({ name: 'div', attributes: {}, children: [child] }, depth + 1, cell);
            }
          }
        }
      } else if (name === 'table') {
        visitTable(node);
      } else {
        visit(node, depth, cell);
      }
    }
    flushLoose();
  };

  const visitTable = (table: Element): void => {
    const rows = collect(table, 'tr');
    const grid: Element[][] = [];
    rows.forEach((row, rowIndex) => {
      grid[rowIndex] ??= [];
      let column = 0;
      for (const cellElement of row.children) {
        if (typeof cellElement === 'string' || (cellElement.name !== 'td' && cellElement.name !== 'th')) continue;
        while (grid[rowIndex]![column]) column++;
        const colspan = Math.max(1, Math.min(64, Number(cellElement.attributes.colspan) || 1));
        const rowspan = Math.max(1, Math.min(rows.length - rowIndex, Number(cellElement.attributes.rowspan) || 1));
        for (let r = 0; r < rowspan; r++) {
          grid[rowIndex + r] ??= [];
          for (let c = 0; c < colspan; c++) grid[rowIndex + r]![column + c] = cellElement;
        }
        column += colspan;
      }
    });
    const texts = new Map<Element, string>();
    grid.forEach((row) => {
      const distinct = [...new Set(row.filter(Boolean))];
      if (distinct.length === 0) return;
      if (distinct.length === 1 && !texts.has(distinct[0]!)) {
        // A one-cell row is layout: its content is read as blocks.
        texts.set(distinct[0]!, '');
        visit(distinct[0]!, 0, true);
        return;
      }
      const start = paragraph + 1;
      const cells = [...row].map((element) => {
        if (!element) return '';
        if (!texts.has(element)) texts.set(element, cellText(element, () => paragraph++));
        return texts.get(element)!;
      });
      push({ kind: 'row', text: cells.join('\t'), cells, cell: true }, start);
    });
  };

  visit(parseTree(html), 0, false);
  return blocks;
}

/** The rows of a table, not those of the tables nested in its cells. */
function collect(table: Element, name: string): Element[] {
  const found: Element[] = [];
  const walk = (element: Element) => {
    for (const child of element.children) {
      if (typeof child === 'string') continue;
      if (child.name === name) found.push(child);
      else if (child.name !== 'table') walk(child);
    }
  };
  walk(table);
  return found;
}

/** A cell's text: its paragraphs and items one per line; counts the paragraphs it holds. */
function cellText(element: Element, count: () => void): string {
  const lines: string[] = [];
  const walk = (node: Element) => {
    let loose = '';
    for (const child of node.children) {
      if (typeof child === 'string' || !BLOCK_NAMES.has(child.name)) {
        loose += inline([child]);
        continue;
      }
      if (loose.trim() !== '') lines.push(loose.trim());
      loose = '';
      if (child.name === 'p' || child.name === 'li' || /^h[1-6]$/.test(child.name)) {
        count();
        const text = inline(child.children.filter((inner) => typeof inner === 'string' || !['ul', 'ol', 'table'].includes(inner.name)))
          .replace(/\s+/g, ' ')
          .trim();
        if (text !== '') lines.push(text);
        for (const inner of child.children) if (typeof inner !== 'string' && ['ul', 'ol', 'table'].includes(inner.name)) walk(inner);
      } else walk(child);
    }
    if (loose.trim() !== '') lines.push(loose.trim());
  };
  walk(element);
  return lines.join('\n');
}
