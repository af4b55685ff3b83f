// Reads Word files back for tests with readers independent of gtm's writer: LibreOffice
// headless (converted to PDF, then read by poppler), pandoc (its JSON syntax tree) and mammoth
// (HTML). The parts' XML is read with fflate's unzip, for checks of what Word needs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/** The XML parts of a .docx, by name. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/**
 * Converts Word files to PDF with one LibreOffice run (it takes seconds to start), in a private
 * profile so that it never meets another soffice running on the machine. Returns the PDFs' paths.
 */
export function convertWithLibreOffice(files: readonly string[], outDir: string): string[] {
  const profile = mkdtempSync(path.join(tmpdir(), 'gtm-soffice-'));
  try {
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
    return files.map((file) => path.join(outDir, `${path.basename(file, '.docx')}.pdf`));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export function pdfPageCount(file: string): number {
  return Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

/** The text of a PDF in content order (poppler's pdftotext -raw): LibreOffice writes in reading order. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

// ---------- pandoc's syntax tree ----------

export interface PandocNode {
  t: string;
  c?: unknown;
}

export function pandocTree(file: string): PandocNode[] {
  return (JSON.parse(execFileSync('pandoc', ['-f', 'docx', '-t', 'json', file], { encoding: 'utf8', maxBuffer: 64 << 20 })) as { blocks: PandocNode[] }).blocks;
}

export function pandocMarkdown(file: string): string {
  return execFileSync('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Plain text of inline nodes. */
export function pandocInlineText(inlines: unknown): string {
  if (!Array.isArray(inlines)) return '';
  return inlines
    .map((node: PandocNode) => {
      switch (node.t) {
        case 'Str':
          return node.c as string;
        case 'Space':
        case 'SoftBreak':
        case 'LineBreak':
          return ' ';
        case 'Link':
          return pandocInlineText((node.c as unknown[])[1]);
        case 'Strong':
        case 'Emph':
        case 'Underline':
        case 'SmallCaps':
          return pandocInlineText(node.c);
        case 'Span':
          return pandocInlineText((node.c as unknown[])[1]);
        case 'Quoted':
          return pandocInlineText((node.c as unknown[])[1]);
        default:
          return '';
      }
    })
    .join('');
}

/** Every node of the tree, depth first, with its nesting of lists. */
export function* walkPandoc(value: unknown): Generator<PandocNode> {
  if (Array.isArray(value)) {
    for (const item of value) yield* walkPandoc(item);
  } else if (value && typeof value === 'object' && typeof (value as PandocNode).t === 'string') {
    yield value as PandocNode;
    yield* walkPandoc((value as PandocNode).c);
  }
}

/** A table of pandoc's tree as rows of cell texts: header rows, then body rows. */
export function pandocTableRows(table: PandocNode): string[][] {
  const [, , , head, bodies] = table.c as [unknown, unknown, unknown, [unknown, unknown[]], [unknown, unknown, unknown[], unknown[]][]];
  const rowTexts = (rows: unknown[]) =>
    rows.map((row) => ((row as [unknown, unknown[]])[1]).map((cell) => blocksText((cell as unknown[])[4] as PandocNode[])));
  return [...rowTexts(head[1]), ...bodies.flatMap((body) => rowTexts(body[3]))];
}

export function blocksText(blocks: readonly PandocNode[]): string {
  return blocks
    .map((block) => (block.t === 'Para' || block.t === 'Plain' ? pandocInlineText(block.c) : ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------- words in order ----------

/** Words as a reader sees them: letters and digits, compatibility forms unfolded (ligatures). */
export function words(text: string): string[] {
  return text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The first of `expected` that `actual` does not hold in order (other words may come between:
 * running headers, footers, list numbers); undefined when all are there.
 */
export function firstMissingInOrder(expected: readonly string[], actual: readonly string[]): { index: number; word: string; context: string } | undefined {
  let at = 0;
  for (const [index, word] of expected.entries()) {
    while (at < actual.length && actual[at] !== word) at++;
    if (at === actual.length) return { index, word, context: expected.slice(Math.max(0, index - 8), index + 3).join(' ') };
    at++;
  }
  return undefined;
}

/** What a reader sees of the compte-rendu's Markdown: its words, the layout hints and the end note (in the footer) left out. */
export function markdownWords(markdown: string): string[] {
  const body = markdown
    .replace(/<!-- gtm:pied -->[\s\S]*?<!-- \/gtm:pied -->/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\|\s*-{3}.*$/gm, '');
  return words(body);
}

export function sofficeAvailable(): boolean {
  return !spawnSync('soffice', ['--version'], { encoding: 'utf8' }).error;
}
