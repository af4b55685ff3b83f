// The document outline (bookmarks): one entry per heading, nested by level, each opening its
// page at the heading.
import { PDFName, PDFNumber, type PDFContext, type PDFDict, type PDFRef } from 'pdf-lib';
import type { AnchorMark, Page } from '../marks.js';
import { textString } from './strings.js';

interface Entry {
  readonly anchor: AnchorMark;
  readonly page: PDFRef;
  readonly children: Entry[];
}

/** Registers the outline and returns its reference, or undefined for a document without headings. */
export function writeOutline(context: PDFContext, pages: readonly Page[], pageRefs: readonly PDFRef[], pageHeight: number): PDFRef | undefined {
  const root: Entry[] = [];
  const open: Entry[] = [];
  pages.forEach((page, i) => {
    for (const mark of page.marks) {
      if (mark.kind !== 'anchor') continue;
      const entry: Entry = { anchor: mark, page: pageRefs[i]!, children: [] };
      while (open.length > 0 && open[open.length - 1]!.anchor.level >= mark.level) open.pop();
      (open.length > 0 ? open[open.length - 1]!.children : root).push(entry);
      open.push(entry);
    }
  });
  if (root.length === 0) return undefined;

  const outlineRef = context.nextRef();
  const level = writeLevel(context, root, outlineRef, pageHeight);
  context.assign(outlineRef, context.obj({ Type: 'Outlines', First: level.first, Last: level.last, Count: level.visible }));
  return outlineRef;
}

/**
 * Writes sibling entries under `parent`; returns the first and last references and how many
 * entries are visible (these, and the descendants of open ones). Sections (level 1) start open,
 * their subsections closed.
 */
function writeLevel(context: PDFContext, entries: readonly Entry[], parent: PDFRef, pageHeight: number): { first: PDFRef; last: PDFRef; visible: number } {
  const refs = entries.map(() => context.nextRef());
  let visible = 0;
  entries.forEach((entry, i) => {
    const top = Math.round((pageHeight - entry.anchor.y) * 100) / 100;
    const dict: PDFDict = context.obj({
      Title: textString(entry.anchor.title),
      Parent: parent,
      Dest: [entry.page, 'XYZ', null, top, null],
    });
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < entries.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
    visible += 1;
    if (entry.children.length > 0) {
      const children = writeLevel(context, entry.children, refs[i]!, pageHeight);
      const open = entry.anchor.level < 2;
      dict.set(PDFName.of('First'), children.first);
      dict.set(PDFName.of('Last'), children.last);
      dict.set(PDFName.of('Count'), PDFNumber.of(open ? children.visible : -children.visible));
      if (open) visible += children.visible;
    }
    context.assign(refs[i]!, dict);
  });
  return { first: refs[0]!, last: refs[refs.length - 1]!, visible };
}
