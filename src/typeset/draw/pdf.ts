// The drawing stage, the only one that touches pdf-lib: pages of marks -> PDF bytes. It uses
// pdf-lib's object model and writer only (no fontkit, no standard fonts), which keeps the bundle
// small and the output reproducible: object order follows the document, nothing reads the clock,
// and the file identifier is a hash of the content.
import { PDFContext, PDFHexString, PDFName, PDFString, PDFWriter, type PDFDict, type PDFRef } from 'pdf-lib';
import type { DocumentMetadata } from '../../document/blocks.js';
import type { FontLibrary } from '../fonts/library.js';
import type { LinkMark, Page } from '../marks.js';
import type { Structure } from '../structure.js';
import { contentStream, FontResources, num } from './content.js';
import { deflated } from './deflate.js';
import { embedFont } from './embedFont.js';
import { fingerprint } from './fingerprint.js';
import { writeOutline } from './outline.js';
import { writeStructureTree } from './structure.js';
import { SRGB_IDENTIFIER, srgbProfile, xmpMetadata } from './pdfa.js';
import { asciiString, textString, uriString } from './strings.js';

export interface PdfInput {
  readonly pages: readonly Page[];
  /** The structure the pages' text is tagged with (tagged PDF). */
  readonly structure?: Structure;
  readonly pageSize: { readonly width: number; readonly height: number };
  readonly metadata: DocumentMetadata;
  readonly library: FontLibrary;
  /** Named in the document information as the creating application. */
  readonly creator: string;
}

export async function writePdf(input: PdfInput): Promise<Uint8Array> {
  const { pages, pageSize, metadata, library } = input;
  const fonts = new FontResources();
  const roleOf = (tag: number) => input.structure?.nodes[tag]?.role ?? 'P';
  const contents = pages.map((page) => contentStream(page.marks, pageSize.height, library, fonts, roleOf));

  const context = PDFContext.create();
  // What the file identifier is derived from: checksums of every stream, and the metadata.
  const identity: string[] = [];
  const fontRefs: Record<string, PDFRef> = {};
  for (const [face, name] of fonts.names) {
    const embedded = embedFont(context, library.face(face));
    fontRefs[name] = embedded.ref;
    identity.push(embedded.checksum);
  }
  const resources = context.register(context.obj({ Font: context.obj(fontRefs), ProcSet: ['PDF', 'Text'] }));

  const pagesRef = context.nextRef();
  const mediaBox = [0, 0, round(pageSize.width), round(pageSize.height)];
  const kids = pages.map((page, i) => {
    const content = deflated(context, contents[i]!.stream);
    identity.push(content.checksum);
    const dict = context.obj({
      Type: 'Page',
      Parent: pagesRef,
      MediaBox: mediaBox,
      Resources: resources,
      Contents: context.register(content.stream),
      StructParents: i,
    });
    const links = page.marks.filter((mark): mark is LinkMark => mark.kind === 'link');
    if (links.length > 0) {
      const annotations = links.map((link) => context.register(linkAnnotation(context, link, pageSize.height)));
      dict.set(PDFName.of('Annots'), context.obj(annotations));
    }
    return context.register(dict);
  });
  context.assign(pagesRef, context.obj({ Type: 'Pages', Kids: kids, Count: kids.length }));

  const date = PDFString.fromDate(metadata.creationDate);
  const producer = `${input.creator} (pdf-lib)`;
  const info: Record<string, PDFString | PDFHexString> = {
    Title: textString(metadata.title),
    Author: textString(metadata.author),
    Subject: textString(metadata.subject),
    Creator: textString(input.creator),
    Producer: textString(producer),
    CreationDate: date,
    ModDate: date,
  };
  if (metadata.keywords && metadata.keywords.length > 0) info.Keywords = textString(metadata.keywords.join(', '));
  identity.push(JSON.stringify([metadata, input.creator, pageSize, pages.map((page) => page.marks.filter((m) => m.kind === 'link' || m.kind === 'anchor'))]));
  context.trailerInfo.Info = context.register(context.obj(info));
  // PDF/A-2b: the XMP metadata naming the conformance and repeating /Info, and the sRGB output intent.
  const xmp = context.stream(new TextEncoder().encode(xmpMetadata(metadata, input.creator, producer)), { Type: 'Metadata', Subtype: 'XML' });
  const profile = context.flateStream(srgbProfile(), { N: 3 });
  const outputIntent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: asciiString(SRGB_IDENTIFIER),
    Info: asciiString(SRGB_IDENTIFIER),
    DestOutputProfile: context.register(profile),
  });
  const catalog = context.obj({
    Type: 'Catalog',
    Pages: pagesRef,
    Lang: asciiString(metadata.language),
    PageLayout: 'OneColumn',
    ViewerPreferences: context.obj({ DisplayDocTitle: true }),
    Metadata: context.register(xmp),
    OutputIntents: [context.register(outputIntent)],
  });
  // Tagged PDF: the structure tree, and the mark that says the file is tagged.
  if (input.structure) {
    catalog.set(PDFName.of('StructTreeRoot'), writeStructureTree(context, input.structure, kids, contents.map((c) => c.elements)));
    catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  }
  const outline = writeOutline(context, pages, kids, pageSize.height);
  if (outline) catalog.set(PDFName.of('Outlines'), outline);
  context.trailerInfo.Root = context.register(catalog);
  const id = PDFHexString.of(fingerprint(identity.join(' ')));
  context.trailerInfo.ID = context.obj([id, id]);

  return PDFWriter.forContext(context, Number.MAX_SAFE_INTEGER).serializeToBuffer();
}

function linkAnnotation(context: PDFContext, link: LinkMark, pageHeight: number): PDFDict {
  return context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [link.x, pageHeight - link.y - link.height, link.x + link.width, pageHeight - link.y].map(round),
    Border: [0, 0, 0],
    // PDF/A: annotations are printed (flag 4), never hidden.
    F: 4,
    A: { Type: 'Action', S: 'URI', URI: uriString(link.uri) },
  });
}

function round(value: number): number {
  return Number(num(value));
}
