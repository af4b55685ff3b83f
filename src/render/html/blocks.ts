// DocumentSpec blocks → HTML elements. Headings keep their levels (the document's outline),
// tables their header cells (th scope="col"; a table without a header row, the meeting's
// particulars, has its first column as row headers), lists their numbering. Text is escaped and
// kept as typed: the no-break spaces and typographic marks of the French text stay.
import { headingIds, type Block, type DocumentSpec, type Run } from '../../document/index.js';
import { escapeAttribute, escapeText } from './escape.js';

export interface BlockWriter {
  blocks(blocks: readonly Block[]): string;
}

/** One writer per document: its headings' ids are decided for the whole document at once. */
export function blockWriter(spec: Pick<DocumentSpec, 'blocks' | 'firstPageHeader'>): BlockWriter {
  const ids = headingIds(spec);
  const write = (blocks: readonly Block[]): string => blocks.map(block).join('\n');

  function block(item: Block): string {
    switch (item.kind) {
      case 'heading': {
        const id = ids.get(item);
        return `<h${item.level}${id === undefined ? '' : ` id="${escapeAttribute(id)}"`}>${runs(item.runs)}</h${item.level}>`;
      }
      case 'paragraph':
        return `<p${item.align && item.align !== 'justify' ? ` class="${item.align}"` : ''}>${runs(item.runs)}</p>`;
      case 'list': {
        const tag = item.ordered ? 'ol' : 'ul';
        const start = item.ordered && item.start !== undefined ? ` start="${item.start}"` : '';
        const entries = item.items.map((content) => `<li>${listItem(content)}</li>`).join('\n');
        return `<${tag}${start}>\n${entries}\n</${tag}>`;
      }
      case 'table':
        return table(item);
      case 'group':
        return `<div class="ensemble">\n${write(item.blocks)}\n</div>`;
      case 'rule':
        return '<hr>';
      case 'pageBreak':
        return '<div class="saut-de-page" aria-hidden="true"></div>';
      case 'chart':
        return chart(item);
    }
  }

  /** A bar chart as the table of its data, each value with a bar drawn by the stylesheet. */
  function chart(item: Extract<Block, { kind: 'chart' }>): string {
    const max = Math.max(item.max ?? 0, ...item.bars.map((bar) => bar.value));
    const rows = item.bars.map((bar) => {
      const width = max > 0 ? ((bar.value / max) * 100).toFixed(1) : '0';
      const value = `${bar.value}${item.unit ? `\u00a0${item.unit}` : ''}`;
      return `<tr><th scope="row">${escapeText(bar.label)}</th><td><span class="barre" style="width:${width}%" aria-hidden="true"></span> ${escapeText(value)}</td></tr>`;
    });
    return [
      '<div class="tableau"><table class="graphique">',
      `<thead><tr><th scope="col">${escapeText(item.labelHeader)}</th><th scope="col">${escapeText(item.valueHeader)}</th></tr></thead>`,
      '<tbody>',
      ...rows,
      '</tbody></table></div>',
    ].join('\n');
  }

  /** A tight item's single paragraph is written bare, as a browser shows a Markdown list. */
  function listItem(content: readonly Block[]): string {
    const only = content[0];
    if (content.length === 1 && only?.kind === 'paragraph') return runs(only.runs);
    return write(content);
  }

  function table(item: Extract<Block, { kind: 'table' }>): string {
    const lines = ['<div class="tableau"><table>'];
    if (item.widths) {
      const total = item.widths.reduce((sum, weight) => sum + weight, 0);
      lines.push(`<colgroup>${item.widths.map((weight) => `<col style="width:${((weight / total) * 100).toFixed(1)}%">`).join('')}</colgroup>`);
    }
    if (item.header.length > 0) {
      lines.push(`<thead><tr>${item.header.map((cell) => `<th scope="col">${runs(cell)}</th>`).join('')}</tr></thead>`);
    }
    const rowHeaders = item.header.length === 0;
    lines.push('<tbody>');
    for (const row of item.rows) {
      const cells = row.map((cell, index) =>
        rowHeaders && index === 0 ? `<th scope="row">${runs(cell, true)}</th>` : `<td>${runs(cell)}</td>`,
      );
      lines.push(`<tr>${cells.join('')}</tr>`);
    }
    lines.push('</tbody></table></div>');
    return lines.join('\n');
  }

  return { blocks: write };
}

/** Styled runs as inline HTML; `plainBold` drops bold that a header cell already gives. */
export function runs(list: readonly Run[], plainBold = false): string {
  return list
    .map((run) => {
      let html = escapeText(run.text).replace(/\n/g, '<br>');
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold && !plainBold) html = `<strong>${html}</strong>`;
      if (run.link !== undefined) html = `<a href="${escapeAttribute(run.link)}">${html}</a>`;
      return html;
    })
    .join('');
}
