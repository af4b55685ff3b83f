// gtm commentaires <fichier.docx>: the comments and tracked changes a member made in a returned
// Word copy (author, date, text, the paragraph they sit on and its section), for the rapporteur
// to carry into the meeting's YAML. Reads the file only: it never writes anything.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { error, GtmError } from '../../core/diagnostics.js';
import { readReview, ReviewError, type ChangeKind, type Review, type ReviewProblem } from '../../review/docx-review.js';
import { colorsFor, type Colors } from '../colors.js';
import { terminalWidth, type Io } from '../io.js';
import { EXIT, type ExitCode } from '../exit.js';
import { wrap } from '../reporters/wrap.js';

export interface CommentsOptions {
  file: string;
  format: 'texte' | 'json';
}

const text = {
  missing: (file: string) => `fichier introuvable : ${file}`,
  directory: (file: string) => `${file} est un dossier : donnez le fichier .docx renvoyé par le membre`,
  unreadable: (file: string, detail: string) => `impossible de lire ${file} (${detail})`,
  problem: (file: string, problem: ReviewProblem): string => {
    switch (problem.kind) {
      case 'not-zip':
        return `${file} n’est pas un document Word (.docx) lisible : le fichier est endommagé ou d’un autre format`;
      case 'old-word':
        return `${file} est au format Word 97-2003 (.doc) : ouvrez-le dans Word et enregistrez-le au format .docx, puis relancez la commande`;
      case 'no-document':
        return `${file} est une archive zip mais pas un document Word : elle ne contient pas word/document.xml`;
      case 'too-large':
        return `${file} contient une partie de plus de 256 Mo : ce n’est pas un compte-rendu renvoyé`;
      case 'bad-xml':
        return `${file} est endommagé : ${problem.part} mal formé (ligne ${problem.line}, colonne ${problem.column})`;
    }
  },
  none: (file: string) => `Aucun commentaire ni modification suivie dans ${file}.\n`,
  comments: (count: number) => `Commentaires (${count})`,
  changes: (count: number) => `Modifications suivies (${count})`,
  unknownAuthor: 'auteur inconnu',
};

const KIND_LABELS: Readonly<Record<ChangeKind, string>> = {
  insertion: 'Insertion',
  suppression: 'Suppression',
  'deplacement-depuis': 'Déplacé depuis ici',
  'deplacement-vers': 'Déplacé ici',
};

export async function run(options: CommentsOptions, io: Io): Promise<ExitCode> {
  const shown = options.file;
  const bytes = await readFile(path.resolve(io.cwd, options.file)).catch((problem: NodeJS.ErrnoException) => {
    const message =
      problem.code === 'ENOENT' ? text.missing(shown) : problem.code === 'EISDIR' ? text.directory(shown) : text.unreadable(shown, problem.code ?? problem.message);
    throw new GtmError([error('fichier-illisible', message)]);
  });
  let review: Review;
  try {
    review = readReview(bytes);
  } catch (problem) {
    if (problem instanceof ReviewError) throw new GtmError([error('docx-illisible', text.problem(shown, problem.problem))]);
    throw problem;
  }
  await io.stdout(options.format === 'json' ? asJson(shown, review) : asText(shown, review, colorsFor(io, 'stdout'), terminalWidth(io)));
  return EXIT.ok;
}

/**
 * JSON for other tools. Fields (French, stable):
 *   fichier
 *   commentaires[]   auteur, date (as Word wrote it, or null), texte, passage (the text marked),
 *                    paragraphe (as it was sent), section (the heading above, or null)
 *   modifications[]  type (insertion | suppression | deplacement-depuis | deplacement-vers),
 *                    auteur, date, texte, paragraphe, section
 */
function asJson(file: string, review: Review): string {
  return `${JSON.stringify(
    {
      fichier: file,
      commentaires: review.comments.map((comment) => ({
        auteur: comment.author,
        date: comment.date ?? null,
        texte: comment.text,
        passage: comment.passage,
        paragraphe: comment.paragraph,
        section: comment.section ?? null,
      })),
      modifications: review.changes.map((change) => ({
        type: change.kind,
        auteur: change.author,
        date: change.date ?? null,
        texte: change.text,
        paragraphe: change.paragraph,
        section: change.section ?? null,
      })),
    },
    null,
    2,
  )}\n`;
}

const INDENT = '   ';

function asText(file: string, review: Review, colors: Colors, width: number): string {
  if (review.comments.length === 0 && review.changes.length === 0) return text.none(file);
  const lines: string[] = [];
  const room = Math.max(20, width - INDENT.length);
  // A field's further lines hang under its first: the labels stand out down the left.
  const field = (label: string, value: string) =>
    lines.push(...wrap(`${label}\u00a0: ${value}`, room - 2).map((line, i) => (i === 0 ? INDENT : `${INDENT}  `) + line));
  const heading = (number: number, parts: string[]) => lines.push(colors.bold(`${number}. ${parts.filter(Boolean).join(' – ')}`));
  if (review.comments.length > 0) {
    lines.push(colors.bold(text.comments(review.comments.length)), '');
    review.comments.forEach((comment, i) => {
      heading(i + 1, [comment.author || text.unknownAuthor, frenchDate(comment.date)]);
      if (comment.section) field('Section', comment.section);
      if (comment.passage !== '' && comment.passage !== comment.paragraph) field('Passage', `« ${comment.passage} »`);
      if (comment.paragraph !== '') field('Paragraphe', `« ${comment.paragraph} »`);
      const [first = '', ...more] = comment.text.split('\n');
      field('Commentaire', first);
      // Its further paragraphs under the first, indented.
      for (const line of more) lines.push(...wrap(line, room - 2).map((piece) => `${INDENT}  ${piece}`));
      lines.push('');
    });
  }
  if (review.changes.length > 0) {
    lines.push(colors.bold(text.changes(review.changes.length)), '');
    review.changes.forEach((change, i) => {
      heading(i + 1, [KIND_LABELS[change.kind], change.author || text.unknownAuthor, frenchDate(change.date)]);
      if (change.section) field('Section', change.section);
      field('Texte', `« ${change.text} »`);
      if (change.paragraph !== '') field('Paragraphe', `« ${change.paragraph} »`);
      lines.push('');
    });
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** « 12/07/2023 à 14:05 », read from the date as written: no time zone is applied. */
function frenchDate(date: string | undefined): string {
  if (date === undefined) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(date);
  if (!match) return date;
  const [, year, month, day, hour, minute] = match;
  return `${day}/${month}/${year}${hour !== undefined ? ` à ${hour}:${minute}` : ''}`;
}
