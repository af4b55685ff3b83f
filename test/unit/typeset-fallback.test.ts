// Characters DejaVu Serif lacks (issue 14, item 10): drawn in DejaVu Sans when it has them
// (Tifinagh, ✓, arrows, emoticons), embedded as its own subset and copied back as written;
// what no font has, and right-to-left scripts, are warned about by `validate`, located; and the
// table of what the fonts draw, which `validate` reads without fonts, matches the fonts.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import { drawingProblems } from '../../src/document/drawable.js';
import { DRAWABLE } from '../../src/document/font-coverage.generated.js';
import { typeset } from '../../src/typeset/index.js';
import { createFixtureRepo, minimalMeeting, PROJECT_ROOT, type FixtureRepo } from '../helpers/fixture-repo.js';
import { readPdf } from '../helpers/pdf.js';
import { runInProcess } from '../helpers/run-cli.js';

const metadata = { title: 't', author: 'a', subject: 's', language: 'fr-FR' as const, creationDate: new Date(0) };
const repos: FixtureRepo[] = [];
afterAll(async () => Promise.all(repos.map((repo) => repo.cleanup())));

describe('the fallback font', () => {
  it('draws what DejaVu Serif lacks in DejaVu Sans, in text, headings and table cells', async () => {
    const text = 'Validé ✓ — en tifinagh : ⵜⴰⵎⴰⵣⵉⵖⵜ ; une flèche → et ☺ fin.';
    const bytes = await typeset({
      blocks: [
        { kind: 'heading', level: 2, runs: [{ text: 'Titre ✓' }] },
        { kind: 'paragraph', runs: [{ text }] },
        { kind: 'table', header: [[{ text: 'État' }]], rows: [[[{ text: 'ⵜⴰⵎⴰⵣⵉⵖⵜ ✓' }]]] },
      ],
      metadata,
    });
    const pdf = await readPdf(bytes);
    const names = pdf.fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toEqual(expect.arrayContaining(['DejaVuSerif', 'DejaVuSans', 'DejaVuSerif-Bold', 'DejaVuSans-Bold', 'DejaVuSansCondensed']));
    for (const font of pdf.fonts) expect(font).toMatchObject({ embedded: true, subset: true });
    const lines = pdf.pages[0]!.lines.map((line) => line.text).join('\n');
    expect(lines).toContain('ⵜⴰⵎⴰⵣⵉⵖⵜ');
    expect(lines).toContain('Titre ✓');
    expect(lines.replace(/\s+/g, ' ')).toContain('Validé ✓ — en tifinagh : ⵜⴰⵎⴰⵣⵉⵖⵜ');
    // Only the characters Serif lacks go to Sans: the Latin text around them stays one piece of Serif.
    const document = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
    const content = await (await document.getPage(1)).getTextContent();
    const validé = content.items.find((item) => 'str' in item && item.str.startsWith('Validé'));
    expect(validé).toBeDefined();
  });

  it('knows, without fonts, what the fonts draw (the generated table matches them)', async () => {
    const script = pathToFileURL(path.join(PROJECT_ROOT, 'scripts/font-coverage.mjs')).href;
    const { coverageRanges } = (await import(script)) as { coverageRanges: () => [number, number][] };
    expect(DRAWABLE.map((range) => (typeof range === 'number' ? [range, range] : [...range]))).toEqual(coverageRanges());
  });

  it('names what cannot be drawn and the right-to-left scripts', () => {
    expect(drawingProblems('Réunion du 20 juin 2023 : « bilan » – 9h30 ; OK ✓ ⵜⴰⵎⴰⵣⵉⵖⵜ → ☺')).toEqual({});
    expect(drawingProblems('合作 et 𓀀')).toEqual({ undrawable: '合' });
    expect(drawingProblems('مرحبا')).toEqual({ rightToLeft: 'arabe' });
    expect(drawingProblems('שלום')).toEqual({ rightToLeft: 'hébreu' });
    // Invisible formatting characters draw nothing and are not reported here.
    expect(drawingProblems('a\u200bb\ufe0f')).toEqual({});
  });
});

describe('validate warns about text the PDF cannot draw', () => {
  it('locates a character no font has and a right-to-left passage, and still accepts the record', async () => {
    const meeting = minimalMeeting({
      lieu: 'Salle ✓ ⵜⴰⵎⴰⵣⵉⵖⵜ',
      ordre_du_jour: [{ titre: 'Ouverture', presentateur: 'SP/CCM' }, { titre: 'Divers', discussion: 'Accord de coopération (合作).\n\nSalutation : مرحبا' }],
    });
    const repo = await createFixtureRepo({ meetings: { '2023-06-20-national': meeting } });
    repos.push(repo);
    const result = await runInProcess(['validate'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    const text = await repo.read('meetings/2023-06-20-national.yaml');
    const line = text.split('\n').findIndex((l) => l.trimStart().startsWith('discussion:')) + 1;
    expect(result.stdout).toMatch(new RegExp(`^meetings/2023-06-20-national\\.yaml:${line}:\\d+  avertissement  caractère que les polices du PDF n’ont pas : « 合 » \\(U\\+5408\\) ; le PDF affichera « \\? » à sa place  \\[caractere-non-dessinable\\]$`, 'm'));
    expect(result.stdout).toMatch(new RegExp(`^meetings/2023-06-20-national\\.yaml:${line}:\\d+  avertissement  texte en arabe, écrit de droite à gauche : .*\\[ecriture-droite-a-gauche\\]$`, 'm'));
    // The place of the ✓ and the Tifinagh, which are drawn, is not reported.
    expect(result.stdout).not.toContain(`:${text.split('\n').findIndex((l) => l.includes('lieu:')) + 1}:`);
  });
});
