// `gtm import` of Word files the tests write themselves (test/helpers/docx-fixtures.ts): real
// tables with merged cells, numbered and nested lists, bookmarks, a page header repeating the
// title; and hostile .docx files (empty, corrupt, zip bombs, 500 pages, not a compte-rendu),
// each refused with a French message, exit 1, nothing written.
import { crc32, deflateRawSync } from 'node:zlib';
import { readdirSync, writeFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js';
import { docxBytes, longDocument, zinderMinutes } from '../helpers/docx-fixtures.js';
import { lostWords, sourceWords } from '../helpers/import-words.js';
import { runBin } from '../helpers/run-cli.js';
import { docxToHtml } from '../../src/import/docx.js';

let zinder: Buffer;
beforeAll(async () => {
  zinder = await docxBytes(zinderMinutes());
});

let repo: FixtureRepo | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
});

const meetingsOf = (fixture: FixtureRepo) => readdirSync(fixture.path('meetings')).sort();

describe('gtm import of a Word compte-rendu', () => {
  it('reads tables with merged cells, lists, the signature and the annex into a record gtm validate accepts', async () => {
    repo = await createFixtureRepo();
    writeFileSync(repo.path('CR GTM Zinder.docx'), zinder);
    const result = await runBin(['import', 'CR GTM Zinder.docx'], { cwd: repo.root });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('meetings/2023-03-16-zinder.yaml ← CR GTM Zinder.docx');
    expect(result.stdout).toContain('non repris (paragraphe 12) : présence : « ONG Tafiya Niger (TAFIYA) » absent de l’annuaire');
    const record = await repo.read('meetings/2023-03-16-zinder.yaml');
    expect(record).toMatch(/^groupe: zinder$/m);
    // Présence spans two rows of the header table: both rows are read.
    expect(record).toMatch(/presence:\n {2}- DRECM\/R\n {2}- OIM\n(?: {2}#.*\n)* {2}- CRD\n {2}- UNHCR\n/);
    // The responsible and the deadline merged over two actions belong to both.
    expect(record).toContain(
      '      - id: ZIN-2303-1\n        action: Partager le rapport trimestriel avec les membres\n        responsables: [OIM, DRECM/R]\n        echeance: 2023-03-31\n',
    );
    expect(record).toContain('      - id: ZIN-2303-2\n        action: Organiser une restitution à Magaria\n        responsables: [OIM, DRECM/R]\n        echeance: 2023-03-31\n');
    expect(record).toContain('        responsables: tous\n        echeance: Au cours de l’atelier\n');
    expect(record).toContain('        responsables: "?"\n        echeance: 2023-04\n');
    // « N/A » spanning the table and « //// » mean no action: the first and the fourth items have none.
    expect(record.match(/- id: /g)).toHaveLength(4);
    expect(record).toContain('      - le partage des données entre les acteurs :\n        - données de la DTM ;\n');
    expect(record).toContain('[site de la DTM](https://dtm.iom.int/niger)');
    expect(record).toContain('prochaine_reunion:\n  date: 2023-04-13\n  heure: "10:00"\n  lieu: dans la salle de la DRECM/R\n');
    expect(record).toContain('signature:\n  qualite: Le Rapporteur\n  nom: Moussa ISSAKA\n  structure: DRECM/R Zinder\n');
    expect(record).toContain('  - titre: Synthèse des recommandations\n    contenu: |\n      ### Recommandations\n\n      1. Renforcer la collecte');
    // The page header repeats the title: it is not read as a paragraph of the text; bookmarks leave no trace.
    expect(record.match(/Coordination et partage/g)).toHaveLength(1);
    expect(record).not.toContain('_Hlk1001');
    const validate = await runBin(['validate'], { cwd: repo.root });
    expect(validate.stdout).toContain('aucun problème');
    expect(validate.exitCode).toBe(0);
  });

  it('loses no word of the document', async () => {
    repo = await createFixtureRepo();
    writeFileSync(repo.path('cr.docx'), zinder);
    const result = await runBin(['import', '--dry-run', 'cr.docx'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    const { html } = await docxToHtml(zinder);
    const text = html.replace(/<\/(p|li|td|h\d)>/g, '\n').replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&');
    expect(lostWords(sourceWords(text), result.stdout)).toEqual([]);
  });

  it('--ajouter-annuaire adds the unknown organisation and the record names it', async () => {
    repo = await createFixtureRepo();
    writeFileSync(repo.path('cr.docx'), zinder);
    const result = await runBin(['import', '--ajouter-annuaire', 'cr.docx'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    expect(await repo.read('gtm.yaml')).toContain('  TAFIYA:\n    nom: ONG Tafiya Niger\n    type: ong\n');
    expect(await repo.read('meetings/2023-03-16-zinder.yaml')).toMatch(/^ {2}- TAFIYA$/m);
    expect((await runBin(['validate'], { cwd: repo.root })).exitCode).toBe(0);
  });
});

/** A zip archive written by hand, so that its directory can lie about sizes. */
function zip(entries: Array<{ name: string; data: Buffer; declaredSize?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const compressed = deflateRawSync(entry.data);
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(entry.data), 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(entry.data), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('gtm import of hostile Word files', () => {
  const documentXml = (body: string) =>
    Buffer.from(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);

  const cases: Array<[string, () => Promise<Buffer> | Buffer, RegExp]> = [
    ['an empty file', () => Buffer.alloc(0), /fichier vide : il n’y a rien à importer/],
    ['a Word document without text', () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({})] }] })), /document vide : il ne contient aucun texte/],
    ['bytes that are no zip', () => Buffer.from('Ceci n’est pas un document Word, seulement du texte renommé.'), /fichier \.docx illisible : ce n’est pas une archive Word valide/],
    ['a truncated document', () => zinder.subarray(0, Math.floor(zinder.length / 2)), /fichier \.docx illisible : ce n’est pas une archive Word valide/],
    ['a zip without word/document.xml', () => zip([{ name: 'readme.txt', data: Buffer.from('bonjour') }]), /ce fichier n’est pas un document Word \(\.docx\)/],
    [
      'a zip bomb that declares its size',
      () => zip([{ name: 'word/document.xml', data: Buffer.concat([documentXml(''), Buffer.alloc(40 * 1024 * 1024, 0x20)]) }]),
      /fichier \.docx anormal : une fois décompressé il dépasserait 32 Mo/,
    ],
    [
      'a zip bomb that lies about its size',
      () => zip([{ name: 'word/document.xml', data: Buffer.concat([documentXml(''), Buffer.alloc(40 * 1024 * 1024, 0x20)]), declaredSize: 2000 }]),
      /fichier \.docx anormal : une fois décompressé il dépasserait 32 Mo/,
    ],
    ['a document of 500 pages', () => docxBytes(longDocument(500)), /document de \d{3} pages environ : un compte-rendu en compte quelques-unes \(100 au plus\)/],
    [
      'a Word document that is not a compte-rendu',
      () => zip([{ name: 'word/document.xml', data: documentXml('<w:p><w:r><w:t>Liste des courses : riz, mil, sorgho.</w:t></w:r></w:p>') }]),
      /ce document ne ressemble pas à un compte-rendu du GTM/,
    ],
  ];

  it.each(cases)('refuses %s with a French message, exit 1, nothing written', async (_, make, message) => {
    repo ??= await createFixtureRepo();
    writeFileSync(repo.path('cr.docx'), await make());
    const before = await repo.read('gtm.yaml');
    const result = await runBin(['import', '--ajouter-annuaire', 'cr.docx'], { cwd: repo.root });
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('cr.docx');
    expect(result.stderr).toContain('rien n’est écrit pour ce document');
    expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(result.exitCode).toBe(1);
    expect(meetingsOf(repo)).toEqual([]);
    expect(await repo.read('gtm.yaml')).toBe(before);
  });
});
