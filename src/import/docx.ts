// A .docx read as HTML by mammoth, after checks that keep a hostile file from costing memory
// or time: the archive's directory is read first, every part mammoth will read is inflated
// once under a size limit (a zip bomb lies about its sizes), and a document far longer than a
// compte-rendu is refused before it is converted.
import { inflateRawSync } from 'node:zlib';

export class DocxProblem extends Error {}

/** Uncompressed text parts of a compte-rendu weigh a few hundred KB; images are never read. */
const MAX_PARTS_BYTES = 32 * 1024 * 1024;
/** A compte-rendu has a few pages, with its annexes a few dozen. */
export const MAX_PAGES = 100;
/** Characters of text per page of a typical compte-rendu (about 500 words). */
const CHARACTERS_PER_PAGE = 3000;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function readDirectory(bytes: Buffer): ZipEntry[] {
  const corrupt = () => new DocxProblem('fichier .docx illisible : ce n’est pas une archive Word valide (fichier abîmé ou mal renommé) ; ouvrez-le dans Word et enregistrez-le à nouveau au format .docx');
  if (bytes.length < 22) throw corrupt();
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw corrupt();
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new DocxProblem('archive .docx trop grande (format ZIP64) : ce n’est pas un compte-rendu ordinaire');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw corrupt();
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      localOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** An entry's bytes, inflated with at most `limit` bytes of output. */
function inflateEntry(bytes: Buffer, entry: ZipEntry, limit: number): Buffer {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw new DocxProblem('fichier .docx abîmé : une partie de l’archive est introuvable ; enregistrez-le à nouveau depuis Word');
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new DocxProblem('fichier .docx compressé d’une façon que Word n’utilise pas : enregistrez-le à nouveau depuis Word');
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(limit, 1) });
  } catch (problem) {
    if ((problem as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || problem instanceof RangeError) throw bomb();
    throw new DocxProblem('fichier .docx abîmé : une partie de l’archive ne se décompresse pas ; enregistrez-le à nouveau depuis Word');
  }
}

const bomb = () =>
  new DocxProblem(
    `fichier .docx anormal : une fois décompressé il dépasserait ${MAX_PARTS_BYTES / 1024 / 1024} Mo de texte (archive piégée ?) ; il n’est pas lu`,
  );

/** The checks above; returns the text of word/document.xml's runs, to estimate the length. */
export function checkDocx(bytes: Buffer): void {
  const entries = readDirectory(bytes);
  const document = entries.find((entry) => entry.name === 'word/document.xml');
  if (!document) throw new DocxProblem('ce fichier n’est pas un document Word (.docx) : il n’a pas de partie word/document.xml');
  // The parts mammoth reads; images (word/media) and embedded files are never read.
  const parts = entries.filter((entry) => /\.(xml|rels)$/.test(entry.name) && !entry.name.startsWith('word/embeddings/'));
  const declared = parts.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > MAX_PARTS_BYTES) throw bomb();
  let budget = MAX_PARTS_BYTES;
  let documentXml = '';
  let declaredPages = 0;
  for (const entry of parts) {
    // A part may not inflate to more than it declares: a lie is a bomb.
    const inflated = inflateEntry(bytes, entry, Math.min(entry.size, budget) + 1);
    if (inflated.length > entry.size) throw bomb();
    budget -= inflated.length;
    if (entry === document) documentXml = inflated.toString('utf8');
    if (entry.name === 'docProps/app.xml') declaredPages = Number(/<Pages>(\d+)<\/Pages>/.exec(inflated.toString('utf8'))?.[1] ?? 0);
  }
  let characters = 0;
  for (const match of documentXml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) characters += match[1]!.length;
  const pageBreaks = (documentXml.match(/<w:br [^>]*w:type="page"/g) ?? []).length + 1;
  const pages = Math.max(declaredPages, pageBreaks, Math.ceil(characters / CHARACTERS_PER_PAGE));
  if (pages > MAX_PAGES) {
    throw new DocxProblem(
      `document de ${pages} pages environ : un compte-rendu en compte quelques-unes (${MAX_PAGES} au plus) ; est-ce bien un compte-rendu ? Importez les comptes-rendus un par un`,
    );
  }
}

/**
 * The part of mammoth's default style map an import reads (headings, lists, bold): mammoth
 * parses its style map on every conversion, and the whole default map doubles the time of a
 * compte-rendu's conversion; footnotes and « Normal » map to paragraphs without a rule.
 */
const STYLE_MAP = [
  ...[1, 2, 3, 4, 5, 6].flatMap((level) => [`p.Heading${level} => h${level}:fresh`, `p[style-name='heading ${level}'] => h${level}:fresh`]),
  "r[style-name='Strong'] => strong",
  ...[1, 2, 3, 4, 5].flatMap((level) =>
    (['ul', 'ol'] as const).map((tag) => {
      const parents = Array.from({ length: level - 1 }, () => 'ul|ol > li > ').join('');
      return `p:${tag === 'ul' ? 'unordered' : 'ordered'}-list(${level}) => ${level === 1 ? '' : parents}${tag} > li:fresh`;
    }),
  ),
];

/** The document as HTML (mammoth), images left out; mammoth's warnings as they come. */
export async function docxToHtml(bytes: Buffer): Promise<{ html: string; warnings: string[] }> {
  checkDocx(bytes);
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      { styleMap: STYLE_MAP, includeDefaultStyleMap: false, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), externalFileAccess: false },
    );
    // Styles without a rule are paragraphs: worth no warning.
    const warnings = result.messages.filter((message) => message.type === 'warning' && !/^Unrecognised (paragraph|run) style/.test(message.message));
    return { html: result.value, warnings: warnings.map((message) => message.message) };
  } catch (problem) {
    throw new DocxProblem(`fichier .docx illisible (${problem instanceof Error ? problem.message.split('\n')[0] : String(problem)}) : enregistrez-le à nouveau depuis Word`);
  }
}
