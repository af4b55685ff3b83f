// gtm render --format docx, run as the built bin on fixture repositories, and read back by
// readers that share nothing with gtm's writer: LibreOffice headless (to PDF: opens, pages,
// words in order, not blank), pandoc (headings, tables, lists), mammoth (HTML), and the XML
// parts for what Word needs (repeated header rows, fr-FR, PAGE/NUMPAGES, the draft watermark).
// LibreOffice is slow to start: every file is converted in one run, in beforeAll.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longMeeting } from '../fixtures/long-meeting/long-meeting.js';
import {
  convertWithLibreOffice,
  docxParts,
  firstMissingInOrder,
  markdownWords,
  pandocInlineText,
  pandocMarkdown,
  pandocTableRows,
  pandocTree,
  pdfPageCount,
  pdfText,
  walkPandoc,
  words,
  type PandocNode,
} from '../helpers/docx.js';
import { bundledMeetings, createFixtureRepo, minimalMeeting, type FixtureRepo } from '../helpers/fixture-repo.js';
import { renderPages } from '../helpers/pdf.js';
import { BIN, runBin } from '../helpers/run-cli.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Rapporteur',
  GIT_AUTHOR_EMAIL: 'rapporteur@example.org',
  GIT_COMMITTER_NAME: 'Rapporteur',
  GIT_COMMITTER_EMAIL: 'rapporteur@example.org',
  GIT_AUTHOR_DATE: '2023-06-23T10:00:00+01:00',
  GIT_COMMITTER_DATE: '2023-06-23T10:00:00+01:00',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function commitAll(root: string): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: GIT_ENV, encoding: 'utf8' });
  git('init', '--quiet');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Comptes-rendus');
  return git('log', '-1', '--format=%h').trim();
}

const IDS = ['2021-01-28-national', '2021-09-21-national', '2023-06-20-national'] as const;
const HOSTILE_TEXT = 'Texte & <balise> "guillemets" \'apostrophes\' | barre 🌍🇳🇪 fine\u202finsécable ' + 'Anticonstitutionnellement'.repeat(12);
const ACTION_COUNT = 500;

/** A meeting made to break writers: markup characters, emoji, U+202F, endless words, 500 actions. */
function hostileMeeting(): Record<string, unknown> {
  const actions = Array.from({ length: ACTION_COUNT }, (_, i) => ({
    id: `NIA-2306-${i + 1}`,
    action: `Action ${i + 1} : ${HOSTILE_TEXT}`,
    responsables: i % 2 === 0 ? 'OIM' : ['SP/CCM', 'UNICEF'],
    echeance: '2023-07-31',
  }));
  const base = longMeeting();
  return {
    ...base,
    ordre_du_jour: [
      { titre: `Ouverture ${HOSTILE_TEXT.slice(0, 60)}`, presentateur: 'SP/CCM', discussion: `${HOSTILE_TEXT}\n\n- **gras & <b>** *italique « ok »* [lien & retour](https://example.org/?a=1&b=<2>)\n  1. imbriqué ${HOSTILE_TEXT}` },
      { titre: 'Plan de travail', presentateur: 'SP/CCM', discussion: 'Les actions suivent.', actions },
    ],
  };
}

let repo: FixtureRepo;
let hostile: FixtureRepo;
let commit: string;
const out = (...parts: string[]) => repo.path('sortie', ...parts);
const docx = (id: string) => readFileSync(out(`${id}.docx`));
let libreOffice: Map<string, string>;

beforeAll(async () => {
  repo = await createFixtureRepo({ meetings: bundledMeetings() });
  commit = commitAll(repo.root);
  hostile = await createFixtureRepo({
    meetings: {
      '2023-06-20-national': hostileMeeting(),
      '2023-07-20-national': minimalMeeting({
        date: '2023-07-20',
        suivi_actions: [
          { action: 'NIA-2306-1', statut: 'realise', commentaire: HOSTILE_TEXT },
          { action: 'NIA-2306-2', statut: 'en_cours' },
        ],
      }),
    },
  });
  for (const format of ['docx', 'pdf', 'md']) {
    const result = await runBin(['render', '--all', '--format', format, '-o', 'sortie'], { cwd: repo.root });
    expect(result, format).toMatchObject({ exitCode: 0, stderr: '' });
  }
  const draft = await runBin(['render', '2021-01-28-national', '--format', 'docx', '--projet', '-o', 'sortie/projet.docx'], { cwd: repo.root });
  expect(draft).toMatchObject({ exitCode: 0, stderr: '', stdout: 'écrit : sortie/projet.docx\n' });
  for (const [id, name] of [['2023-06-20-national', 'hostile'], ['2023-07-20-national', 'suivi']]) {
    const result = await runBin(['render', id!, '--format', 'docx', '-o', repo.path('sortie', `${name}.docx`)], { cwd: hostile.root });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
  }
  mkdirSync(out('lo'));
  // Not the 500 actions: LibreOffice takes half a minute over their 86 pages; pandoc and mammoth read them.
  const files = [...IDS.map((id) => out(`${id}.docx`)), out('projet.docx')];
  const pdfs = convertWithLibreOffice(files, out('lo'));
  libreOffice = new Map(files.map((file, i) => [path.basename(file, '.docx'), pdfs[i]!]));
}, 180_000);

afterAll(async () => {
  await repo?.cleanup();
  await hostile?.cleanup();
});

describe('gtm render --format docx', () => {
  it('writes rendus/<id>.docx by default, and the same bytes to stdout with « -o - »', async () => {
    const result = await runBin(['render', '--format', 'docx'], { cwd: repo.root });
    expect(result).toMatchObject({ exitCode: 0, stderr: '', stdout: 'écrit : rendus/2023-06-20-national.docx\n' });
    const file = readFileSync(repo.path('rendus/2023-06-20-national.docx'));
    expect(file.equals(docx('2023-06-20-national'))).toBe(true);
    const piped = (format: string) => execFileSync(process.execPath, [BIN, 'render', '--format', format, '-o', '-'], { cwd: repo.root });
    expect(piped('docx').equals(file)).toBe(true);
    // The PDF's bytes go to stdout as they are too.
    expect(piped('pdf').equals(readFileSync(out('2023-06-20-national.pdf')))).toBe(true);
  });

  it('gives the same bytes in any time zone, and nothing of the machine', async () => {
    for (const TZ of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
      const result = await runBin(['render', '--all', '--format', 'docx', '-o', `tz-${TZ.replace('/', '-')}`], { cwd: repo.root, env: { TZ } });
      expect(result.exitCode).toBe(0);
      for (const id of IDS) {
        const bytes = readFileSync(repo.path(`tz-${TZ.replace('/', '-')}`, `${id}.docx`));
        expect(bytes.equals(docx(id)), `${id} in ${TZ}`).toBe(true);
        expect(bytes.includes(Buffer.from(repo.root))).toBe(false);
      }
    }
  });

  it('opens in LibreOffice: about as many pages as gtm’s PDF, none blank', () => {
    for (const id of IDS) {
      const pages = pdfPageCount(libreOffice.get(id)!);
      expect(Math.abs(pages - pdfPageCount(out(`${id}.pdf`))), id).toBeLessThanOrEqual(1);
      for (const page of renderPages(libreOffice.get(id)!)) expect(page.inkFraction, `${id} page ${page.page}`).toBeGreaterThan(0.005);
    }
  });

  it('says, in LibreOffice, every word of the Markdown in order, with the footer’s fields computed', () => {
    for (const id of IDS) {
      // pdftotext gives no-break spaces as spaces.
      const text = pdfText(libreOffice.get(id)!).replace(/[\u00a0\u202f]/g, ' ');
      const missing = firstMissingInOrder(markdownWords(readFileSync(out(`${id}.md`), 'utf8')), words(text));
      expect(missing, id).toBeUndefined();
      const pages = pdfPageCount(libreOffice.get(id)!);
      // The footer: reference, version, and « Page N sur M » from the PAGE and NUMPAGES fields.
      for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} sur ${pages}`);
      expect(text).toContain(`Version du dépôt : ${commit} du 23/06/2023`);
      // The running header stands on pages 2 to N only: page 1 has the letterhead.
      expect(text.split('\f')[0]).not.toContain('Compte-rendu du GTM\n');
      if (pages > 1) expect(text.split('\f')[1]).toContain('Compte-rendu du GTM');
    }
  });

  it('reads back in pandoc: headings at their levels, the agenda and lists as lists, tables of three columns', () => {
    const tree = pandocTree(out('2021-01-28-national.docx'));
    const headings = [...walkPandoc(tree)].filter((node) => node.t === 'Header').map((node) => {
      const [level, , inlines] = node.c as [number, unknown, unknown];
      return `${level} ${pandocInlineText(inlines)}`;
    });
    expect(headings.slice(0, 4)).toEqual([
      '1 Compte-rendu de la réunion du Groupe Technique sur la Migration – Coordination et partage de l’information',
      '2 Points inscrits à l’ordre du jour',
      '2 1. Récapitulatif des rencontres du GTM de l’année 2020 (SP/CCM)',
      '3 Points de discussion clés',
    ]);
    // The discussion's own headings (### in the record) sit under « Points de discussion clés ».
    expect(headings).toContain('4 Récapitulatif des réunions GTM 2020');

    // The agenda: a real numbered list, right after its heading.
    const agendaAt = tree.findIndex((node) => node.t === 'Header' && pandocInlineText((node.c as unknown[])[2]) === 'Points inscrits à l’ordre du jour');
    const agenda = tree[agendaAt + 1]!;
    expect(agenda.t).toBe('OrderedList');
    expect((agenda.c as [unknown, unknown[]])[1]).toHaveLength(5);

    // Nested bullets (section 3) are lists inside list items.
    const nested = [...walkPandoc(tree)].filter((node) => node.t === 'BulletList' && [...walkPandoc(node.c)].some((inner) => inner.t === 'BulletList'));
    expect(nested.length).toBeGreaterThan(0);

    // Tables: the particulars (two columns), then action tables of three columns with their header.
    const tables = [...walkPandoc(tree)].filter((node) => node.t === 'Table').map((node) => pandocTableRows(node as PandocNode));
    expect(tables[0]!.map((row) => row[0])).toEqual(['Date', 'Heure', 'Lieu', 'Présence']);
    const actionTables = tables.filter((rows) => rows[0]![0] === 'Points d’action');
    expect(actionTables.length).toBeGreaterThanOrEqual(4);
    for (const rows of actionTables) for (const row of rows) expect(row).toHaveLength(3);
    expect(actionTables.flat()).toContainEqual(['NIA-2101-1 – Prise de contact pour des échanges bilatéraux', 'À désigner', '—']);

    // Bold, italics and links survive.
    const markdown = pandocMarkdown(out('2023-06-20-national.docx'));
    expect(markdown).toContain('**SOLY AMADOU**');
    // A link whose text is its address, as pandoc writes it.
    expect(markdown).toContain('<https://dtm.iom.int/fr/reports/niger-cartographie-des-mobilites-mai-2023>');
  });

  it('reads back in mammoth: headings, ordered and nested lists, tables of three cells a row', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: docx('2021-01-28-national') });
    expect(html).toMatch(/<h1>Compte-rendu de la réunion du Groupe Technique sur la Migration/);
    expect(html).toContain('<h2>Points inscrits à l’ordre du jour</h2><ol><li>');
    expect(html).toMatch(/<h3>Points de discussion clés<\/h3>/);
    expect(html).toMatch(/<ul><li>Principale tendance migratoire au Niger en 2020\s:<ul><li>/);
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((match) => [...match[1]!.matchAll(/<t[dh]>/g)].length);
    // Four action tables of a header and one row each.
    expect(rows.filter((cells) => cells === 3)).toHaveLength(8);
    expect(html).toContain('<strong>SOLY AMADOU</strong>');
  });

  it('has what Word needs: repeated header rows, French, A4 and the PDF’s margins, page fields, properties', () => {
    const parts = docxParts(docx('2021-01-28-national'));
    const document = parts['word/document.xml']!;
    // Each action table's first row repeats on every page.
    const tables = document.match(/<w:tbl>.*?<\/w:tbl>/g)!;
    const actionTables = tables.filter((table) => table.includes('Points d’action'));
    for (const table of actionTables) expect(table).toMatch(/^<w:tbl>.*?<w:tr><w:trPr><w:tblHeader\/><\/w:trPr>/);
    expect(tables[0]).not.toContain('w:tblHeader');
    expect(parts['word/styles.xml']).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr>.*<w:lang w:val="fr-FR"/);
    expect(parts['word/styles.xml']).toContain('<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>');
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(document).toMatch(/<w:pgMar w:top="1417" w:right="1247" w:bottom="1304" w:left="1417"/);
    for (const footer of ['word/footer1.xml', 'word/footer2.xml']) {
      expect(parts[footer]).toMatch(/<w:instrText[^>]*> PAGE /);
      expect(parts[footer]).toMatch(/<w:instrText[^>]*> NUMPAGES /);
    }
    // The signature moves as one: every paragraph but the last is kept with the next.
    const signature = /<w:p><w:pPr>(?:(?!<w:p>).)*?<w:keepNext\/><w:keepLines\/>(?:(?!<w:p>).)*?Le Secrétaire Permanent/.exec(document);
    expect(signature).not.toBeNull();
    // French spaces stay characters: U+00A0 before « : » and U+202F before « ; ».
    expect(document).toContain('\u00a0:');
    expect(document).toMatch(/\u202f;/);
    expect(parts['docProps/core.xml']).toContain('<dc:title>Compte-rendu de la réunion du Groupe Technique sur la Migration – Coordination et partage de l’information – 28 janvier 2021</dc:title>');
    expect(parts['docProps/core.xml']).toContain('<dc:creator>Groupe Technique sur la Migration (GTM)</dc:creator>');
    expect(parts['docProps/core.xml']).toContain('<dc:subject>Compte-rendu de la réunion du 28 janvier 2021</dc:subject>');
    // Dated by the commit of the version printed, never by the clock.
    expect(parts['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-06-23T12:00:00Z</dcterms:created>');
  });

  it('carries Word’s « PROJET » watermark on a draft only: --projet, a brouillon, or local changes', async () => {
    const hasWatermark = (bytes: Uint8Array) => {
      const parts = docxParts(bytes);
      return ['word/header1.xml', 'word/header2.xml'].map((name) => /<v:shape id="PowerPlusWaterMarkObject\d+"[^>]*>.*string="PROJET"/.test(parts[name]!));
    };
    for (const id of IDS) expect(hasWatermark(docx(id)), id).toEqual([false, false]);
    expect(hasWatermark(readFileSync(out('projet.docx')))).toEqual([true, true]);
    // LibreOffice shows it, behind the text, on every page.
    const draftPages = renderPages(libreOffice.get('projet')!);
    const cleanPages = renderPages(libreOffice.get('2021-01-28-national')!);
    expect(draftPages).toHaveLength(cleanPages.length);
    draftPages.forEach((page, i) => expect(page.inkFraction, `page ${i + 1}`).toBeGreaterThan(cleanPages[i]!.inkFraction * 1.05));

    appendFileSync(repo.path('meetings/2021-09-21-national.yaml'), '# relu\n');
    expect((await runBin(['render', '2021-09-21-national', '--format', 'docx', '-o', 'modifie.docx'], { cwd: repo.root })).exitCode).toBe(0);
    expect(hasWatermark(readFileSync(repo.path('modifie.docx')))).toEqual([true, true]);
    execFileSync('git', ['checkout', '--', 'meetings/2021-09-21-national.yaml'], { cwd: repo.root });
  });

  it('keeps hostile text whole: markup characters, emoji, U+202F, endless words, 500 actions', async () => {
    const tree = pandocTree(out('hostile.docx'));
    const tables = [...walkPandoc(tree)].filter((node) => node.t === 'Table').map((node) => pandocTableRows(node as PandocNode));
    const actions = tables.find((rows) => rows.length === ACTION_COUNT + 1)!;
    expect(actions).toBeDefined();
    for (const row of actions) expect(row).toHaveLength(3);
    // pandoc splits words at U+202F; mammoth, below, shows it kept.
    const asPandocSays = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(actions[ACTION_COUNT]![0]).toBe(asPandocSays(`NIA-2306-${ACTION_COUNT} – Action ${ACTION_COUNT} : ${HOSTILE_TEXT}`));
    expect(pandocMarkdown(out('hostile.docx'))).toContain('🌍🇳🇪');
    const paragraphs = [...walkPandoc(tree)].filter((node) => node.t === 'Para').map((node) => pandocInlineText(node.c));
    expect(paragraphs.map(asPandocSays)).toContain(asPandocSays(HOSTILE_TEXT));
    const { value: raw } = await mammoth.extractRawText({ buffer: readFileSync(out('hostile.docx')) });
    const firstAction = raw.split('\n').find((line) => line.startsWith('NIA-2306-1 – Action 1'));
    expect(firstAction?.endsWith(HOSTILE_TEXT)).toBe(true);
    // The annexes start a new page; the signature before them stays in one piece.
    const document = docxParts(readFileSync(out('hostile.docx')))['word/document.xml']!;
    expect(document).toMatch(/<w:p><w:pPr><w:pStyle w:val="Heading2"\/><w:pageBreakBefore\/><\/w:pPr><w:r><w:t xml:space="preserve">Annexes<\/w:t>/);
    expect(document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    const links = [...walkPandoc(tree)].filter((node) => node.t === 'Link').map((node) => ((node.c as unknown[])[2] as [string])[0]);
    expect(links).toContain('https://example.org/?a=1&b=<2>');
  });

  it('writes the follow-up table with its five columns', () => {
    const tables = [...walkPandoc(pandocTree(out('suivi.docx')))].filter((node) => node.t === 'Table').map((node) => pandocTableRows(node as PandocNode));
    const followUp = tables.find((rows) => rows[0]![0] === 'Point d’action')!;
    expect(followUp.map((row) => row.length)).toEqual([5, 5, 5]);
    expect(followUp[1]![0]).toMatch(/^NIA-2306-1 – Action 1 : Texte & <balise>/);
    expect(followUp[2]![3]).toBe('En cours');
    expect(docxParts(readFileSync(out('suivi.docx')))['word/document.xml']).toMatch(/<w:tr><w:trPr><w:tblHeader\/><\/w:trPr>(?:(?!<\/w:tr>).)*Point d’action/);
  });

  it('refuses --projet for Markdown, which has no watermark', async () => {
    const result = await runBin(['render', '--format', 'md', '--projet'], { cwd: repo.root });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--projet s’applique aux formats pdf, docx et html');
    expect(readdirSync(repo.path('sortie')).filter((name) => name.endsWith('.md'))).toHaveLength(3);
  });
});
