// Reads PDFs back for tests, with readers independent of the writer: pdfjs-dist (Mozilla's
// reader) for text, fonts, links and metadata; poppler's pdftoppm for rendering pages to pixels.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextItem {
  readonly text: string;
  /** Left edge and baseline, in points from the top-left corner of the page. */
  readonly x: number;
  readonly baseline: number;
  readonly width: number;
  /** Font size (the text matrix's scale). */
  readonly size: number;
  /** Whether the text is rotated (the watermark). */
  readonly rotated: boolean;
  readonly font: string;
}

export interface PdfLine {
  readonly text: string;
  readonly baseline: number;
  /** Left edge of the first item and right edge of the last. */
  readonly left: number;
  readonly right: number;
}

export interface PdfLink {
  readonly uri: string;
  /** [left, top, right, bottom] in points from the top-left corner of the page. */
  readonly rect: readonly [number, number, number, number];
}

export interface PdfPage {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfTextItem[];
  /** Upright text grouped by baseline, top to bottom; items of a line joined with a space when apart. */
  readonly lines: readonly PdfLine[];
  readonly links: readonly PdfLink[];
}

export interface PdfFont {
  /** As written in the file, e.g. "ABCDEF+DejaVuSerif". */
  readonly name: string;
  readonly embedded: boolean;
  /** Named with a six-capital subset tag. */
  readonly subset: boolean;
}

export interface PdfOutlineEntry {
  readonly title: string;
  /** 0 for the top level. */
  readonly depth: number;
  readonly page: number;
}

export interface PdfContent {
  readonly pageCount: number;
  /** The bookmarks, flattened in order. */
  readonly outline: readonly PdfOutlineEntry[];
  readonly pages: readonly PdfPage[];
  readonly fonts: readonly PdfFont[];
  readonly info: Readonly<Record<string, unknown>>;
  readonly language: string | undefined;
}

export async function readPdf(source: string | Uint8Array): Promise<PdfContent> {
  const data = typeof source === 'string' ? new Uint8Array(readFileSync(source)) : new Uint8Array(source);
  const document = await pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const metadata = await document.getMetadata();
    const info = metadata.info as Record<string, unknown>;
    const pages: PdfPage[] = [];
    const fonts = new Map<string, PdfFont>();
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      const operators = await page.getOperatorList();
      const fontNames = new Map<string, string>();
      operators.fnArray.forEach((fn, i) => {
        if (fn !== pdfjs.OPS.setFont) return;
        const id = (operators.argsArray[i] as [string])[0];
        const font = page.commonObjs.get(id) as { name: string; missingFile: boolean };
        fontNames.set(id, font.name);
        fonts.set(font.name, { name: font.name, embedded: !font.missingFile, subset: /^[A-Z]{6}\+/.test(font.name) });
      });
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, , , e, f] = item.transform as number[];
        items.push({
          text: item.str,
          x: e!,
          baseline: height - f!,
          width: item.width,
          size: Math.hypot(a!, b!),
          rotated: Math.abs(b!) > 1e-6,
          font: fontNames.get(item.fontName) ?? item.fontName,
        });
      }
      const annotations = (await page.getAnnotations()) as { subtype: string; url?: string; rect: number[] }[];
      const links = annotations
        .filter((annotation) => annotation.subtype === 'Link' && annotation.url)
        .map((annotation): PdfLink => {
          const [x1, y1, x2, y2] = annotation.rect as [number, number, number, number];
          return { uri: annotation.url!, rect: [x1, height - y2, x2, height - y1] };
        });
      pages.push({ number, width, height, items, lines: groupLines(items), links });
      page.cleanup();
    }
    const outline: PdfOutlineEntry[] = [];
    type Node = { title: string; dest: unknown; items: Node[] };
    const visit = async (nodes: Node[] | null, depth: number): Promise<void> => {
      for (const node of nodes ?? []) {
        const destination = typeof node.dest === 'string' ? await document.getDestination(node.dest) : (node.dest as unknown[] | null);
        const target = destination?.[0];
        const page = target && typeof target === 'object' ? (await document.getPageIndex(target as { num: number; gen: number })) + 1 : 0;
        outline.push({ title: node.title, depth, page });
        await visit(node.items, depth + 1);
      }
    };
    await visit((await document.getOutline()) as Node[] | null, 0);
    return {
      pageCount: document.numPages,
      outline,
      pages,
      fonts: [...fonts.values()],
      info,
      language: typeof info.Language === 'string' ? info.Language : undefined,
    };
  } finally {
    await document.destroy();
  }
}

function groupLines(items: readonly PdfTextItem[]): PdfLine[] {
  const byBaseline = new Map<number, PdfTextItem[]>();
  for (const item of items) {
    if (item.rotated) continue;
    const key = Math.round(item.baseline * 2) / 2;
    const line = byBaseline.get(key) ?? [];
    line.push(item);
    byBaseline.set(key, line);
  }
  return [...byBaseline.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([baseline, line]) => {
      line.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const item of line) {
        const apart = item.x - end > 0.15 * item.size;
        if (text !== '' && apart && !text.endsWith(' ') && !item.text.startsWith(' ')) text += ' ';
        text += item.text;
        end = Math.max(end, item.x + item.width);
      }
      return { text, baseline, left: line[0]!.x, right: end };
    });
}

/** Whether poppler's pdftoppm can be run (Debian package poppler-utils). */
export function pdftoppmAvailable(): boolean {
  const result = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
  return !result.error;
}

export interface RenderedPage {
  readonly page: number;
  readonly width: number;
  readonly height: number;
  /** Share of pixels that are not white: 0 for a blank page. */
  readonly inkFraction: number;
}

/** Renders every page in grey levels with pdftoppm and measures how much of it is inked. */
export function renderPages(pdfPath: string, dpi = 40): RenderedPage[] {
  const directory = mkdtempSync(join(tmpdir(), 'gtm-pdftoppm-'));
  try {
    const result = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', pdfPath, join(directory, 'page')], { encoding: 'utf8' });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);
    return readdirSync(directory)
      .filter((name) => name.endsWith('.pgm'))
      .sort((a, b) => pageNumber(a) - pageNumber(b))
      .map((name) => ({ page: pageNumber(name), ...inkOfPgm(readFileSync(join(directory, name))) }));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function pageNumber(fileName: string): number {
  return Number(/-(\d+)\.pgm$/.exec(fileName)![1]);
}

/** Binary PGM (P5): a text header "P5 width height maxval" then one byte per pixel. */
function inkOfPgm(file: Buffer): { width: number; height: number; inkFraction: number } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(file.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = file.subarray(header[0].length, header[0].length + width * height);
  let inked = 0;
  for (const pixel of pixels) if (pixel < 250) inked++;
  return { width, height, inkFraction: inked / (width * height) };
}
