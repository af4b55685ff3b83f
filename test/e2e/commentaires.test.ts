// gtm commentaires <fichier.docx>, run as the built bin on returned copies made here three ways,
// so that the reader is never tested on its own writer's XML only: written by the `docx` npm
// package (comments, inserted and deleted runs), gtm's own .docx annotated by editing its XML
// as Word does, and that copy saved again by LibreOffice (a third writer of comments and
// revisions). Damaged and foreign files end in a French message, exit 1; nothing is written.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice } from '../helpers/docx.js';
import { bundledMeetings, createFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runBin } from '../helpers/run-cli.js';

let repo: FixtureRepo;
const AWA = 'Awa Moussa (OIM)';
const IBRAHIM = 'Ibrahim Diallo (SP/CCM)';

/** A returned copy as the `docx` package writes one: a heading, a comment, a deletion and an insertion. */
async function docxPackageCopy(): Promise<Buffer> {
  const document = new Document({
    comments: {
      children: [
        { id: 0, author: IBRAHIM, initials: 'ID', date: new Date(Date.UTC(2023, 6, 12, 9, 30)), children: [new Paragraph('Plutôt 9h30 ?'), new Paragraph('Voir la feuille de présence.')] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Compte-rendu de la réunion', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '1. Ouverture (SP/CCM)', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            children: [
              new TextRun('La séance est ouverte '),
              new CommentRangeStart(0),
              new TextRun('à 9h15'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
              new DeletedTextRun({ text: ' par le Secrétaire', id: 1, author: AWA, date: '2023-07-12T14:05:00Z' }),
              new InsertedTextRun({ text: ' par la Secrétaire permanente & <son> adjoint', id: 2, author: AWA, date: '2023-07-12T14:05:00Z' }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: '2. Divers', heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Points d’action')] }), new TableCell({ children: [new Paragraph('Date limite')] })] }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph({ children: [new TextRun('Relancer OCHA'), new InsertedTextRun({ text: ' avant la fin du mois', id: 3, author: IBRAHIM, date: '2023-07-13T08:00:00Z' })] })] }),
                  new TableCell({ children: [new Paragraph('—')] }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

const DATE = '2023-07-12T16:40:00Z';
const SENTENCE = 'Une mise à jour est prévue chaque trois (03) mois.';

/** gtm's own draft, annotated as Word does: a comment on a phrase, a deletion and an insertion. */
function annotate(gtmDocx: Uint8Array): Uint8Array {
  const parts = unzipSync(gtmDocx);
  const text = (name: string) => new TextDecoder().decode(parts[name]);
  const document = text('word/document.xml');
  expect(document).toContain(`${SENTENCE}</w:t></w:r>`);
  const annotated = document.replace(
    `${SENTENCE}</w:t></w:r>`,
    '</w:t></w:r><w:commentRangeStart w:id="7"/><w:r><w:t xml:space="preserve">Une mise à jour est prévue</w:t></w:r><w:commentRangeEnd w:id="7"/>' +
      '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="7"/></w:r>' +
      `<w:del w:id="8" w:author="${AWA}" w:date="${DATE}"><w:r><w:delText xml:space="preserve"> chaque trois (03) mois</w:delText></w:r></w:del>` +
      `<w:ins w:id="9" w:author="${AWA}" w:date="${DATE}"><w:r><w:t xml:space="preserve"> tous les </w:t></w:r></w:ins>` +
      `<w:ins w:id="10" w:author="${AWA}" w:date="${DATE}"><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">trois mois</w:t></w:r></w:ins>` +
      '<w:r><w:t>.</w:t></w:r>',
  );
  const comments =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:comment w:id="7" w:author="${AWA}" w:date="${DATE}" w:initials="AM"><w:p><w:r><w:t>Qui met à jour ? Préciser l’OSC.</w:t></w:r></w:p></w:comment></w:comments>`;
  const relationships = text('word/_rels/document.xml.rels').replace(
    '</Relationships>',
    '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
  );
  const types = text('[Content_Types].xml').replace(
    '</Types>',
    '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
  );
  return zipSync({
    ...parts,
    'word/document.xml': strToU8(annotated),
    'word/comments.xml': strToU8(comments),
    'word/_rels/document.xml.rels': strToU8(relationships),
    '[Content_Types].xml': strToU8(types),
  });
}

const commentaires = async (file: string, format = 'json') => {
  const result = await runBin(['commentaires', file, '--format', format], { cwd: repo.root });
  return { ...result, json: format === 'json' && result.exitCode === 0 ? JSON.parse(result.stdout) : undefined };
};

beforeAll(async () => {
  repo = await createFixtureRepo({ meetings: bundledMeetings() });
  writeFileSync(repo.path('paquet-docx.docx'), await docxPackageCopy());
  const draft = await runBin(['render', '2023-06-20-national', '--format', 'docx', '--projet', '-o', 'projet.docx'], { cwd: repo.root });
  expect(draft.exitCode).toBe(0);
  writeFileSync(repo.path('retour.docx'), annotate(readFileSync(repo.path('projet.docx'))));
  // LibreOffice saves the annotated copy again, with its own writer.
  mkdirSync(repo.path('libreoffice'));
  const profile = repo.path('profil-lo');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', repo.path('libreoffice'), repo.path('retour.docx')], {
    timeout: 120_000,
    stdio: 'ignore',
  });
}, 180_000);

afterAll(() => repo?.cleanup());

const SECTION = '2. Présentation de la cartographie des acteurs de la migration (Forum Réfugiés) › Points de discussion clés';
const PARAGRAPH =
  'La gestion de cette cartographie est assurée par Forum réfugiés avec la perspective de la transférer à des OSC membres du REMIDDH qui seront identifiées. ' + SENTENCE;

describe('gtm commentaires', () => {
  it('lists the comments and tracked changes of a copy written by the docx package', async () => {
    const { exitCode, stderr, json } = await commentaires('paquet-docx.docx');
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    const paragraph = 'La séance est ouverte à 9h15 par le Secrétaire.';
    expect(json).toEqual({
      fichier: 'paquet-docx.docx',
      commentaires: [
        { auteur: IBRAHIM, date: '2023-07-12T09:30:00.000Z', texte: 'Plutôt 9h30 ?\nVoir la feuille de présence.', passage: 'à 9h15', paragraphe: paragraph, section: '1. Ouverture (SP/CCM)' },
      ],
      modifications: [
        { type: 'suppression', auteur: AWA, date: '2023-07-12T14:05:00Z', texte: 'par le Secrétaire', paragraphe: paragraph, section: '1. Ouverture (SP/CCM)' },
        { type: 'insertion', auteur: AWA, date: '2023-07-12T14:05:00Z', texte: 'par la Secrétaire permanente & <son> adjoint', paragraphe: paragraph, section: '1. Ouverture (SP/CCM)' },
        { type: 'insertion', auteur: IBRAHIM, date: '2023-07-13T08:00:00Z', texte: 'avant la fin du mois', paragraphe: 'Relancer OCHA', section: '2. Divers' },
      ],
    });
  });

  it('shows them in French, wrapped to the terminal', async () => {
    // A line never breaks at the space French keeps before « : »; a field's further lines hang.
    const { exitCode, stdout } = await runBin(['commentaires', 'paquet-docx.docx'], { cwd: repo.root, env: { COLUMNS: '60' } });
    expect(exitCode).toBe(0);
    expect(stdout).toBe(
      [
        'Commentaires (1)',
        '',
        '1. Ibrahim Diallo (SP/CCM) – 12/07/2023 à 09:30',
        '   Section : 1. Ouverture (SP/CCM)',
        '   Passage : « à 9h15 »',
        '   Paragraphe : « La séance est ouverte à 9h15 par le',
        '     Secrétaire. »',
        '   Commentaire : Plutôt 9h30 ?',
        '     Voir la feuille de présence.',
        '',
        'Modifications suivies (3)',
        '',
        '1. Suppression – Awa Moussa (OIM) – 12/07/2023 à 14:05',
        '   Section : 1. Ouverture (SP/CCM)',
        '   Texte : « par le Secrétaire »',
        '   Paragraphe : « La séance est ouverte à 9h15 par le',
        '     Secrétaire. »',
        '',
        '2. Insertion – Awa Moussa (OIM) – 12/07/2023 à 14:05',
        '   Section : 1. Ouverture (SP/CCM)',
        '   Texte : « par la Secrétaire permanente & <son>',
        '     adjoint »',
        '   Paragraphe : « La séance est ouverte à 9h15 par le',
        '     Secrétaire. »',
        '',
        '3. Insertion – Ibrahim Diallo (SP/CCM) – 13/07/2023 à 08:00',
        '   Section : 2. Divers',
        '   Texte : « avant la fin du mois »',
        '   Paragraphe : « Relancer OCHA »',
        '',
      ].join('\n'),
    );
  });

  it('finds, in gtm’s own draft annotated as Word does, the paragraph and section each note sits on', async () => {
    const { exitCode, json } = await commentaires('retour.docx');
    expect(exitCode).toBe(0);
    expect(json.commentaires).toEqual([{ auteur: AWA, date: DATE, texte: 'Qui met à jour ? Préciser l’OSC.', passage: 'Une mise à jour est prévue', paragraphe: PARAGRAPH, section: SECTION }]);
    // One edit split over two runs is one insertion.
    expect(json.modifications).toEqual([
      { type: 'suppression', auteur: AWA, date: DATE, texte: 'chaque trois (03) mois', paragraphe: PARAGRAPH, section: SECTION },
      { type: 'insertion', auteur: AWA, date: DATE, texte: 'tous les trois mois', paragraphe: PARAGRAPH, section: SECTION },
    ]);
  });

  it('reads the same notes once LibreOffice has saved the copy with its own writer', async () => {
    const { exitCode, json } = await commentaires(path.join('libreoffice', 'retour.docx'));
    expect(exitCode).toBe(0);
    const strip = (notes: { date?: string }[]) => notes.map(({ date: _, ...rest }) => rest);
    expect(strip(json.commentaires)).toEqual([{ auteur: AWA, texte: 'Qui met à jour ? Préciser l’OSC.', passage: 'Une mise à jour est prévue', paragraphe: PARAGRAPH, section: SECTION }]);
    expect(strip(json.modifications)).toEqual([
      { type: 'suppression', auteur: AWA, texte: 'chaque trois (03) mois', paragraphe: PARAGRAPH, section: SECTION },
      { type: 'insertion', auteur: AWA, texte: 'tous les trois mois', paragraphe: PARAGRAPH, section: SECTION },
    ]);
  });

  it('says so when a copy comes back untouched, and writes nothing anywhere', async () => {
    const before = Object.fromEntries(readdirSync(repo.path('meetings')).map((name) => [name, readFileSync(repo.path('meetings', name))]));
    const listing = readdirSync(repo.root).sort();
    const result = await runBin(['commentaires', 'projet.docx'], { cwd: repo.root });
    expect(result).toEqual({ exitCode: 0, stderr: '', stdout: 'Aucun commentaire ni modification suivie dans projet.docx.\n' });
    expect((await commentaires('projet.docx')).json).toEqual({ fichier: 'projet.docx', commentaires: [], modifications: [] });
    expect(readdirSync(repo.root).sort()).toEqual(listing);
    for (const [name, bytes] of Object.entries(before)) expect(readFileSync(repo.path('meetings', name)).equals(bytes)).toBe(true);
  });

  it.each([
    ['texte.docx', () => Buffer.from('Ceci est un simple texte.\n'), /^erreur {2}texte\.docx n’est pas un document Word \(\.docx\) lisible : le fichier est endommagé ou d’un autre format/],
    ['tronque.docx', () => readFileSync(repo.path('projet.docx')).subarray(0, 3000), /n’est pas un document Word \(\.docx\) lisible/],
    ['ancien.doc', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /format Word 97-2003 \(\.doc\) : ouvrez-le dans Word et enregistrez-le au format \.docx/],
    ['archive.docx', () => Buffer.from(zipSync({ 'lisez-moi.txt': strToU8('bonjour') })), /archive zip mais pas un document Word : elle ne contient pas word\/document\.xml/],
    [
      'abime.docx',
      () => Buffer.from(zipSync({ 'word/document.xml': strToU8('<?xml version="1.0"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>\n<w:t>texte</w:p>') })),
      /abime\.docx est endommagé : word\/document\.xml mal formé \(ligne 3, colonne 16\)/,
    ],
  ])('refuses %s with a French message, exit 1', async (name, bytes, message) => {
    writeFileSync(repo.path(name), bytes());
    const result = await runBin(['commentaires', name], { cwd: repo.root });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/at .*\.js|Error:/);
  });

  it('names a missing file or a folder', async () => {
    expect(await runBin(['commentaires', 'absent.docx'], { cwd: repo.root })).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('fichier introuvable : absent.docx') });
    expect(await runBin(['commentaires', 'meetings'], { cwd: repo.root })).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('meetings est un dossier') });
    expect(await runBin(['commentaires'], { cwd: repo.root })).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('argument manquant') });
  });
});
