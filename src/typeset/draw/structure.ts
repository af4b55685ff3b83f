// The structure tree of a tagged PDF: one StructElem per element of the document's structure
// (structure.ts) that holds content, in reading order, each leaf pointing to its marked-content
// sequences page by page; the parent tree maps each page's MCIDs back to their elements, which
// is how readers (pdf.js, screen readers) find an element from the page.
import { PDFNumber, type PDFContext, type PDFRef } from 'pdf-lib';
import type { Structure } from '../structure.js';

/** The elements of each page's MCIDs, as contentStream reported them. */
export type PageElements = readonly (readonly number[])[];

/** Registers the StructTreeRoot and returns its reference; each page gets its /StructParents index (the page's). */
export function writeStructureTree(context: PDFContext, structure: Structure, pageRefs: readonly PDFRef[], pages: PageElements): PDFRef {
  const { nodes } = structure;
  /** Each element's content: [page, mcid] in order. */
  const content = nodes.map(() => [] as [number, number][]);
  pages.forEach((elements, page) => elements.forEach((element, mcid) => content[element]!.push([page, mcid])));
  // An element is written when it or a descendant holds content.
  const holds = new Array<boolean>(nodes.length).fill(false);
  for (let id = nodes.length - 1; id >= 0; id--) holds[id] = content[id]!.length > 0 || nodes[id]!.children.some((child) => holds[child]);

  const rootRef = context.nextRef();
  const refs = nodes.map((_, id) => (holds[id] ? context.nextRef() : undefined));
  const write = (id: number, parent: PDFRef) => {
    const node = nodes[id]!;
    const ref = refs[id]!;
    const first = content[id]![0];
    // Content on the element's own page (Pg) is named by its MCID alone; elsewhere by a reference to its page.
    const kids = [
      ...node.children.filter((child) => holds[child]).map((child) => refs[child]!),
      ...content[id]!.map(([page, mcid]) => (page === first![0] ? PDFNumber.of(mcid) : context.obj({ Type: 'MCR', Pg: pageRefs[page]!, MCID: mcid }))),
    ];
    context.assign(
      ref,
      context.obj({ Type: 'StructElem', S: node.role, P: parent, ...(first ? { Pg: pageRefs[first[0]]! } : {}), K: kids }),
    );
    for (const child of node.children) if (holds[child]) write(child, ref);
  };
  if (holds[0]) write(0, rootRef);

  const nums: (PDFNumber | PDFRef | ReturnType<PDFContext['obj']>)[] = [];
  pages.forEach((elements, page) => {
    nums.push(PDFNumber.of(page), context.register(context.obj(elements.map((element) => refs[element]!))));
  });
  const parentTree = context.register(context.obj({ Nums: nums }));
  context.assign(
    rootRef,
    context.obj({
      Type: 'StructTreeRoot',
      K: holds[0] ? [refs[0]!] : [],
      ParentTree: parentTree,
      ParentTreeNextKey: pages.length,
    }),
  );
  return rootRef;
}

