// What a member did to a returned Word copy: the comments (with the passage they mark) and the
// tracked changes (insertions, deletions, moves), each with its author, its date when Word
// wrote one, the paragraph it sits on and the heading of its section. Pure: the file's bytes
// in, the notes out (or a problem to report); it never writes anything. Works on any .docx,
// not only gtm's: parts are found by name and elements by namespace, whatever their prefixes.
import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface ReviewComment {
  author: string;
  /** As Word wrote it (ISO 8601, usually Word's local time marked « Z »); undefined when absent. */
  date: string | undefined;
  text: string;
  /** The text the comment marks (empty for a comment on a point). */
  passage: string;
  paragraph: string;
  section: string | undefined;
}

/** The headings above a place, outermost first, joined: « 2. Présentation… › Points de discussion clés ». */
export const SECTION_SEPARATOR = ' › ';

/** A move is two changes: the text where it was taken from, and where it was put. */
export type ChangeKind = 'insertion' | 'suppression' | 'deplacement-depuis' | 'deplacement-vers';

export interface ReviewChange {
  kind: ChangeKind;
  author: string;
  date: string | undefined;
  text: string;
  paragraph: string;
  section: string | undefined;
}

export interface Review {
  comments: ReviewComment[];
  changes: ReviewChange[];
}

export type ReviewProblem =
  | { kind: 'not-zip' }
  | { kind: 'old-word' }
  | { kind: 'no-document' }
  | { kind: 'too-large' }
  | { kind: 'bad-xml'; part: string; line: number; column: number; detail: string };

export class ReviewError extends Error {
  constructor(readonly problem: ReviewProblem) {
    super(problem.kind);
  }
}

/** A returned compte-rendu is a few hundred kB; a part this large is a zip bomb, not a document. */
const MAX_PART = 256 << 20;
const PARTS = ['word/document.xml', 'word/comments.xml', 'word/styles.xml'];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

export function readReview(bytes: Uint8Array): Review {
  const parts = unpack(bytes);
  const document = parts.get('word/document.xml');
  if (document === undefined) throw new ReviewError({ kind: 'no-document' });
  const headingStyles = parts.has('word/styles.xml') ? readHeadingStyles(parts.get('word/styles.xml')!) : new Map<string, number>();
  const comments = parts.has('word/comments.xml') ? readComments(parts.get('word/comments.xml')!) : new Map<string, CommentBody>();
  return readDocument(document, headingStyles, comments);
}

function unpack(bytes: Uint8Array): Map<string, string> {
  if (OLE_SIGNATURE.every((byte, i) => bytes[i] === byte)) throw new ReviewError({ kind: 'old-word' });
  let files: Record<string, Uint8Array>;
  let tooLarge = false;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!PARTS.includes(file.name)) return false;
        if (file.originalSize > MAX_PART) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch {
    throw new ReviewError({ kind: 'not-zip' });
  }
  if (tooLarge) throw new ReviewError({ kind: 'too-large' });
  const decoder = new TextDecoder('utf-8');
  return new Map(Object.entries(files).map(([name, data]) => [name, decoder.decode(data)]));
}

/** Parses one part, calling `visit` for its events; a malformed part is a ReviewError placed in it. */
function parse(part: string, xml: string, visit: { open?(tag: SaxesTagNS): void; close?(tag: SaxesTagNS): void; text?(text: string): void }): void {
  const parser = new SaxesParser({ xmlns: true });
  let failure: ReviewProblem | undefined;
  parser.on('error', (problem) => {
    // Where the parser stood when it gave up: the first problem is the one to report.
    failure ??= { kind: 'bad-xml', part, line: parser.line, column: parser.column, detail: problem.message.replace(/^[^:]*:\d+:\d+: /, '') };
  });
  if (visit.open) parser.on('opentag', visit.open);
  if (visit.close) parser.on('closetag', visit.close);
  if (visit.text) parser.on('text', visit.text);
  parser.write(xml).close();
  if (failure) throw new ReviewError(failure);
}

const isW = (tag: SaxesTagNS, local: string) => tag.uri === W && tag.local === local;
const attribute = (tag: SaxesTagNS, local: string): string | undefined => {
  for (const value of Object.values(tag.attributes)) if (value.uri === W && value.local === local) return value.value;
  return undefined;
};

/** Heading styles by id, with their level: those Word names « heading N », or that set an outline level. */
function readHeadingStyles(xml: string): Map<string, number> {
  const headings = new Map<string, number>();
  let current: string | undefined;
  parse('word/styles.xml', xml, {
    open(tag) {
      if (isW(tag, 'style')) current = attribute(tag, 'styleId');
      else if (current && isW(tag, 'name') && /^heading \d$/i.test(attribute(tag, 'val') ?? '')) headings.set(current, Number(attribute(tag, 'val')!.slice(-1)));
      else if (current && isW(tag, 'outlineLvl') && !headings.has(current) && outlineLevel(tag) <= 9) headings.set(current, outlineLevel(tag));
    },
    close(tag) {
      if (isW(tag, 'style')) current = undefined;
    },
  });
  return headings;
}

interface CommentBody {
  author: string;
  date: string | undefined;
  text: string;
}

function readComments(xml: string): Map<string, CommentBody> {
  const comments = new Map<string, CommentBody>();
  let current: { id: string; body: CommentBody; paragraphs: string[] } | undefined;
  let inText = false;
  parse('word/comments.xml', xml, {
    open(tag) {
      if (isW(tag, 'comment')) {
        current = { id: attribute(tag, 'id') ?? '', body: { author: attribute(tag, 'author') ?? '', date: attribute(tag, 'date'), text: '' }, paragraphs: [] };
      } else if (current && isW(tag, 'p')) current.paragraphs.push('');
      else if (current && isW(tag, 't')) inText = true;
      else if (current && (isW(tag, 'tab') || isW(tag, 'br'))) appendLast(current.paragraphs, ' ');
    },
    text(text) {
      if (current && inText) appendLast(current.paragraphs, text);
    },
    close(tag) {
      if (isW(tag, 't')) inText = false;
      else if (current && isW(tag, 'comment')) {
        current.body.text = current.paragraphs.map(tidy).filter((line) => line !== '').join('\n');
        comments.set(current.id, current.body);
        current = undefined;
      }
    },
  });
  return comments;
}

function appendLast(lines: string[], text: string): void {
  if (lines.length === 0) lines.push('');
  lines[lines.length - 1] += text;
}

/** Word's outline levels count from 0 for « heading 1 »; 9 is body text. */
const outlineLevel = (tag: SaxesTagNS) => Number(attribute(tag, 'val') ?? '0') + 1;

const tidy = (text: string) => text.replace(/[ \t\r\n]+/g, ' ').trim();

/** A tracked change being read: runs inside one w:ins, w:del, w:moveFrom or w:moveTo. */
interface OpenChange {
  kind: ChangeKind;
  author: string;
  date: string | undefined;
  text: string;
}

/** What a paragraph holds while it is read; its text is the original (deletions in, insertions out). */
interface ParagraphState {
  original: string;
  /** Its heading level, 0 for body text. */
  level: number;
  changes: OpenChange[];
  /** Text was seen outside any change since the last change: a later change is a new one. */
  plainSinceChange: boolean;
  /** The heading of the section it is in, known when it starts. */
  section: string | undefined;
}

const CHANGE_KINDS: Readonly<Record<string, ChangeKind>> = {
  ins: 'insertion',
  del: 'suppression',
  moveFrom: 'deplacement-depuis',
  moveTo: 'deplacement-vers',
};

/** Text that was in the copy gtm sent: unchanged, deleted, or moved away from here. */
const wasSent = (change: OpenChange | undefined) => !change || change.kind === 'suppression' || change.kind === 'deplacement-depuis';

function readDocument(xml: string, headingStyles: ReadonlyMap<string, number>, bodies: ReadonlyMap<string, CommentBody>): Review {
  const changes: ReviewChange[] = [];
  const paragraphs: ParagraphState[] = [];
  const openChanges: OpenChange[] = [];
  /** Comments in the order the document marks them, with the paragraph where their range starts. */
  const anchors = new Map<string, { paragraph: ParagraphState | undefined; passage: string; open: boolean }>();
  /** The headings above, by level (index 1 = level 1). */
  const outline: (string | undefined)[] = [];
  const sectionAt = (): string | undefined => {
    const headings = outline.filter((heading): heading is string => heading !== undefined);
    // Below the title (the one level-1 heading of a compte-rendu), its sections tell more.
    const below = outline.slice(2).filter((heading): heading is string => heading !== undefined);
    const shown = below.length > 0 ? below : headings;
    return shown.length > 0 ? shown.join(SECTION_SEPARATOR) : undefined;
  };
  let inText = false;

  const paragraph = () => paragraphs[paragraphs.length - 1];
  const addText = (text: string) => {
    const change = openChanges[openChanges.length - 1];
    if (change) change.text += text;
    const current = paragraph();
    if (current && wasSent(change)) current.original += text;
    if (current && !change) current.plainSinceChange = true;
    for (const anchor of anchors.values()) if (anchor.open && wasSent(change)) anchor.passage += text;
  };
  const anchor = (id: string) => {
    if (!anchors.has(id)) anchors.set(id, { paragraph: paragraph(), passage: '', open: false });
    return anchors.get(id)!;
  };

  parse('word/document.xml', xml, {
    open(tag) {
      if (tag.uri !== W) return;
      switch (tag.local) {
        case 'p':
          paragraphs.push({ original: '', level: 0, changes: [], plainSinceChange: true, section: sectionAt() });
          break;
        case 'pStyle':
          if (paragraph() && headingStyles.has(attribute(tag, 'val') ?? '')) paragraph()!.level = headingStyles.get(attribute(tag, 'val')!)!;
          break;
        case 'outlineLvl':
          if (paragraph() && outlineLevel(tag) <= 9) paragraph()!.level = outlineLevel(tag);
          break;
        case 'ins':
        case 'del':
        case 'moveFrom':
        case 'moveTo':
          // A paragraph mark's own insertion or deletion (empty, in w:rPr) holds no text.
          if (!tag.isSelfClosing) openChanges.push({ kind: CHANGE_KINDS[tag.local]!, author: attribute(tag, 'author') ?? '', date: attribute(tag, 'date'), text: '' });
          break;
        case 't':
        case 'delText':
          inText = true;
          break;
        case 'tab':
          // A run's tab, not a tab stop of w:tabs (which has a position).
          if (attribute(tag, 'pos') === undefined) addText('\t');
          break;
        case 'br':
        case 'cr':
          addText(' ');
          break;
        case 'noBreakHyphen':
          addText('\u2011');
          break;
        case 'commentRangeStart':
          anchor(attribute(tag, 'id') ?? '').open = true;
          break;
        case 'commentRangeEnd':
          anchor(attribute(tag, 'id') ?? '').open = false;
          break;
        case 'commentReference':
          anchor(attribute(tag, 'id') ?? '');
          break;
      }
    },
    text(text) {
      if (inText) addText(text);
    },
    close(tag) {
      if (tag.uri !== W) return;
      switch (tag.local) {
        case 't':
        case 'delText':
          inText = false;
          break;
        case 'ins':
        case 'del':
        case 'moveFrom':
        case 'moveTo': {
          if (tag.isSelfClosing) break;
          const change = openChanges.pop();
          const current = paragraph();
          if (!change || !current || tidy(change.text) === '') break;
          const previous = current.changes[current.changes.length - 1];
          // Word splits one edit into a change per run: glue those of one author, kind and date.
          if (previous && !current.plainSinceChange && previous.kind === change.kind && previous.author === change.author && previous.date === change.date) {
            previous.text += change.text;
          } else current.changes.push(change);
          current.plainSinceChange = false;
          break;
        }
        case 'p': {
          const done = paragraphs.pop();
          if (!done) break;
          const text = tidy(done.original);
          if (done.level > 0 && text !== '') {
            outline.length = done.level;
            outline[done.level] = text;
          }
          // A heading's own changes belong to its section.
          const own = done.level > 0 && text !== '' ? sectionAt() : done.section;
          done.section = own;
          for (const change of done.changes) changes.push({ ...change, text: tidy(change.text), paragraph: text, section: own });
          // A passage over several paragraphs reads with a space between them.
          for (const range of anchors.values()) if (range.open) range.passage += ' ';
          break;
        }
      }
    },
  });

  const comments: ReviewComment[] = [];
  const commentOf = (id: string, paragraph: ParagraphState | undefined, passage: string): ReviewComment => {
    const body = bodies.get(id);
    const text = paragraph ? tidy(paragraph.original) : '';
    return {
      author: body?.author ?? '',
      date: body?.date,
      text: body?.text ?? '',
      passage: tidy(passage),
      paragraph: text,
      section: paragraph?.section,
    };
  };
  for (const [id, { paragraph, passage }] of anchors) comments.push(commentOf(id, paragraph, passage));
  // A comment the body never marks (on a header, say) is still listed.
  for (const id of bodies.keys()) if (!anchors.has(id)) comments.push(commentOf(id, undefined, ''));
  return { comments, changes };
}
