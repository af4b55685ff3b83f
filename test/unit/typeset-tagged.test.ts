// Tagged PDF, read back with pdf.js (getStructTree, marked content in the text): the structure
// tree has the document's headings, paragraphs, lists and tables in reading order; every piece
// of body text belongs to an element of it, and page furniture (running header, footer,
// watermark) is marked as an artifact; the catalog says the file is tagged and in French.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { typeset } from '../../src/typeset/index.js';
import { compteRendu } from './typeset-document.fixture.js';

interface TreeNode {
  role?: string;
  type?: string;
  id?: string;
  children?: TreeNode[];
}

interface TaggedPage {
  tree: TreeNode;
  /** Text of the page, each piece with the marked content it lies in: an MCID's id, or 'Artifact'. */
  pieces: { text: string; owner: string | undefined; y: number }[];
}

let document: pdfjs.PDFDocumentProxy;
const pages: TaggedPage[] = [];

beforeAll(async () => {
  const bytes = await typeset({ ...compteRendu(), runningHeader: 'Compte-rendu du GTM', footer: { left: 'GTM – Compte-rendu du 20 juin 2023' }, watermark: 'PROJET' });
  document = await pdfjs.getDocument({ data: bytes, verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const pieces: TaggedPage['pieces'] = [];
    let owner: string | undefined;
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') owner = item.id ?? (item as { tag?: string }).tag;
        else if (item.type === 'endMarkedContent') owner = undefined;
      } else if (item.str.trim() !== '') pieces.push({ text: item.str, owner, y: item.transform[5] });
    }
    pages.push({ tree: (await page.getStructTree()) as TreeNode, pieces });
  }
});

/** The content ids of a tree, depth first: its reading order. */
function contentIds(node: TreeNode): string[] {
  if (node.type === 'content') return [node.id!];
  return (node.children ?? []).flatMap(contentIds);
}

function roles(node: TreeNode, into = new Set<string>()): Set<string> {
  if (node.role) into.add(node.role);
  for (const child of node.children ?? []) roles(child, into);
  return into;
}

describe('tagged PDF', () => {
  it('says it is tagged, in French', async () => {
    expect(await document.getMarkInfo()).toMatchObject({ Marked: true });
    const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Language).toBe('fr-FR');
  });

  it('has a tree of headings, paragraphs, lists and tables under one Document', () => {
    const all = new Set<string>();
    for (const { tree } of pages) {
      expect(tree.role).toBe('Root');
      expect(tree.children!.map((c) => c.role)).toEqual(['Document']);
      roles(tree, all);
    }
    for (const role of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD']) expect(all, role).toContain(role);
  });

  it('puts every piece of body text in the tree, in the order it is read, and page furniture in artifacts', () => {
    for (const [index, { tree, pieces }] of pages.entries()) {
      const inTree = contentIds(tree);
      // Reading order: the tree's order is the order of the page's content.
      const owners = [...new Set(pieces.map((p) => p.owner).filter((o): o is string => o !== undefined && o !== 'Artifact'))];
      expect(owners).toEqual(inTree);
      for (const piece of pieces) expect(piece.owner, piece.text).toBeDefined();
      const artifacts = pieces.filter((p) => p.owner === 'Artifact').map((p) => p.text);
      expect(artifacts).toContain('PROJET');
      expect(artifacts.some((text) => text.startsWith('Page '))).toBe(true);
      expect(artifacts.some((text) => text.includes('GTM – Compte-rendu du 20 juin 2023'))).toBe(true);
      if (index > 0) expect(artifacts).toContain('Compte-rendu du GTM');
      // Visual order: outside tables, each element's text starts below the previous one's.
      const firstY = new Map<string, number>();
      for (const piece of pieces) if (piece.owner && piece.owner !== 'Artifact' && !firstY.has(piece.owner)) firstY.set(piece.owner, piece.y);
      const ys = inTree.map((id) => firstY.get(id)!);
      const falls = ys.filter((y, i) => i > 0 && y > ys[i - 1]! + 0.5).length;
      // Going back up happens only from one table cell (or list label) to the next on the same row.
      expect(falls).toBeLessThanOrEqual(inTree.length / 2);
    }
  });

  it('keeps the text of body and tree identical', () => {
    const body = pages.flatMap(({ pieces }) => pieces.filter((p) => p.owner !== 'Artifact').map((p) => p.text)).join(' ');
    expect(body).toContain('Points inscrits à l’ordre du jour');
    expect(body).not.toContain('PROJET');
  });
});
