// gtm import's core: a legacy compte-rendu (a .docx, or text extracted from Word or PDF) into
// the text of a meeting record and a report. Pure apart from the .docx reading (mammoth),
// which works on bytes; the command reads and writes the files.
import type { Config } from '../core/schema/config.js';
import type { SourceDocument } from './blocks.js';
import { decodeText, looksBinary } from './decode.js';
import { DocxProblem, docxToHtml } from './docx.js';
import type { Draft } from './draft.js';
import { readHtmlBlocks } from './html-source.js';
import { NotAMeeting, recognise } from './recognise.js';
import { readTextBlocks } from './text-source.js';

export { placeLabel, placeIndex, type Place } from './blocks.js';
export type { Draft, Finding } from './draft.js';
export { recordText } from './record-text.js';
export { appendOrganisations } from './directory.js';

/** A document that cannot be imported, with the French reason. */
export class ImportProblem extends Error {}

/** Far above any compte-rendu in text (tens of KB). */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

export interface ImportInput {
  /** The file's name, for its extension and a year it may give. */
  name: string;
  bytes: Buffer;
}

export interface ImportContext {
  config: Config;
  group?: string;
  usedActionIds: ReadonlySet<string>;
}

/** The source's blocks, from a .docx or from text. */
export async function readSource(input: ImportInput): Promise<SourceDocument> {
  if (input.bytes.length === 0) throw new ImportProblem('fichier vide : il n’y a rien à importer');
  if (/\.docx$/i.test(input.name)) {
    try {
      const { html, warnings } = await docxToHtml(input.bytes);
      return { blocks: readHtmlBlocks(html), artefacts: [], notes: warnings.length > 0 ? [`${warnings.length} mise(s) en forme de Word non reconnue(s), le texte est repris`] : [] };
    } catch (problem) {
      if (problem instanceof DocxProblem) throw new ImportProblem(problem.message);
      throw problem;
    }
  }
  if (/\.(doc|pdf|odt|rtf)$/i.test(input.name)) {
    throw new ImportProblem('format non lu : gtm import lit les fichiers .docx et .txt ; enregistrez le document au format .docx depuis Word (ou copiez son texte dans un fichier .txt)');
  }
  if (input.bytes.length > MAX_TEXT_BYTES) {
    throw new ImportProblem(`fichier trop volumineux (${Math.round(input.bytes.length / 1024)} Ko) : un compte-rendu en texte fait quelques dizaines de Ko ; est-ce bien un compte-rendu ?`);
  }
  if (input.bytes[0] === 0x50 && input.bytes[1] === 0x4b) throw new ImportProblem('ce fichier est un document Word ou une archive : renommez-le en .docx pour l’importer');
  const decoded = decodeText(input.bytes);
  if (!decoded.note?.includes('UTF-16') && looksBinary(input.bytes)) throw new ImportProblem('ce fichier n’est pas un fichier texte : gtm import lit les fichiers .docx et .txt');
  return { ...readTextBlocks(decoded.text), notes: decoded.note ? [decoded.note] : [] };
}

export async function importDocument(input: ImportInput, context: ImportContext): Promise<Draft> {
  const source = await readSource(input);
  if (source.blocks.every((block) => block.text.trim() === '')) throw new ImportProblem('document vide : il ne contient aucun texte');
  try {
    return recognise(source, { config: context.config, fileName: input.name, usedActionIds: context.usedActionIds, ...(context.group ? { group: context.group } : {}) });
  } catch (problem) {
    if (problem instanceof NotAMeeting) throw new ImportProblem(problem.message);
    throw problem;
  }
}
