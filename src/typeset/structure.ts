// The document's logical structure, for tagged PDF (screen readers, reflow, accessibility
// checkers): a tree of standard structure types built by layout as it lays out blocks. Text
// marks name their element by its index; whatever carries no element (running header, footer,
// watermark, rules, table grid) is page furniture, an artifact.

export type StructureRole = 'Document' | 'H1' | 'H2' | 'H3' | 'H4' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD';

export interface StructureNode {
  readonly role: StructureRole;
  readonly children: number[];
}

export class Structure {
  /** Element 0 is the Document. */
  readonly nodes: StructureNode[] = [{ role: 'Document', children: [] }];

  add(role: StructureRole, parent: number): number {
    const id = this.nodes.length;
    this.nodes.push({ role, children: [] });
    this.nodes[parent]!.children.push(id);
    return id;
  }
}

export const DOCUMENT = 0;
