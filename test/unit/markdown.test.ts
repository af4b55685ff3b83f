// The compte-rendu in Markdown: goldens of the three real meetings, structure read back with
// marked, markdownlint, and hostile text.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { lint } from 'markdownlint/sync';
import { lexer, type Token, type Tokens } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GtmError } from '../../src/core/diagnostics.js';
import type { Repository } from '../../src/core/model.js';
import { loadRepository } from '../../src/core/repository/load.js';
import { parseErrorColumn } from '../../src/render/markdown/compile.js';
import { renderMarkdownFiles } from '../../src/render/markdown/files.js';
import { MARKDOWNLINT_CONFIG } from '../../src/render/markdown/lint-rules.js';
import { nextMeetingSentence, placeOf } from '../../src/render/markdown/view-model.js';
import { bundledMeetings, createFixtureRepo, minimalMeeting, PROJECT_ROOT, type FixtureRepo } from '../helpers/fixture-repo.js';

const GOLDEN_DIR = path.join(PROJECT_ROOT, 'test', 'golden');

async function renderAll(repository: Repository): Promise<Map<string, string>> {
  const rendered = await renderMarkdownFiles(repository.meetings, repository, { sources: new Map() });
  return new Map([...rendered].map(([meeting, markdown]) => [meeting.id, markdown]));
}

function lintProblems(markdown: string): string {
  return lint({ strings: { document: markdown }, config: MARKDOWNLINT_CONFIG }).toString();
}

function walk(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    const children = (token as { tokens?: Token[] }).tokens;
    if (children) walk(children, visit);
    if (token.type === 'list') for (const item of (token as Tokens.List).items) walk(item.tokens, visit);
  }
}

const headings = (markdown: string) => lexer(markdown).filter((token): token is Tokens.Heading => token.type === 'heading');
const tables = (markdown: string) => lexer(markdown).filter((token): token is Tokens.Table => token.type === 'table');

describe('the three bundled meetings', () => {
  let repository: Repository;
  let rendered: Map<string, string>;
  let copy: FixtureRepo;
  beforeAll(async () => {
    // A copy outside git: the goldens must not carry this checkout's commit in their footer.
    copy = await createFixtureRepo({ meetings: bundledMeetings() });
    repository = await loadRepository(copy.root, { cache: false });
    rendered = await renderAll(repository);
  });
  afterAll(() => copy.cleanup());

  it('match their golden files (UPDATE_GOLDEN=1 regenerates them)', () => {
    expect(rendered.size).toBe(3);
    for (const [id, markdown] of rendered) {
      const golden = path.join(GOLDEN_DIR, `${id}.md`);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(golden, markdown);
      }
      expect(markdown, id).toBe(readFileSync(golden, 'utf8'));
    }
  });

  it('render the same bytes twice', async () => {
    const again = await renderAll(repository);
    for (const [id, markdown] of rendered) expect(again.get(id)).toBe(markdown);
  });

  it('pass markdownlint', () => {
    for (const [id, markdown] of rendered) expect(lintProblems(markdown), id).toBe('');
  });

  it('have one title, the agenda, and one numbered section per item then the next steps', () => {
    for (const loaded of repository.meetings) {
      const markdown = rendered.get(loaded.id)!;
      const all = headings(markdown);
      expect(all.filter((heading) => heading.depth === 1).map((heading) => heading.text)).toEqual([
        repository.config.groupes[loaded.group]!.titre,
      ]);
      const sections = all.filter((heading) => heading.depth === 2).map((heading) => heading.text);
      const items = loaded.meeting.ordre_du_jour.map((item, index) => `${index + 1}. ${item.titre}`);
      const numbered = sections.filter((text) => /^\d+\. /.test(text));
      const expected = loaded.meeting.prochaine_reunion ? [...items, `${items.length + 1}. Coordination prochaines étapes`] : items;
      expect(numbered.map((text) => text.replace(/ \([^()]*\)$/, '').replace(/\u202F|\u00A0/g, ' '))).toEqual(
        expected.map((text) => text.replace(/\u202F|\u00A0/g, ' ')),
      );
      expect(sections[0]).toBe('Points inscrits à l’ordre du jour');

      // The agenda list carries the same numbers as the sections.
      const agenda = lexer(markdown).find((token): token is Tokens.List => token.type === 'list' && token.ordered)!;
      expect(agenda.start).toBe(1);
      expect(agenda.items.length).toBe(expected.length);
      expect(agenda.items.at(-1)!.text.startsWith(loaded.meeting.prochaine_reunion ? 'Coordination prochaines étapes' : loaded.meeting.ordre_du_jour.at(-1)!.titre.slice(0, 10))).toBe(true);

      // Discussions never reach the levels of the document's own headings.
      for (const heading of all.filter((heading) => heading.depth >= 3)) {
        if (heading.depth === 3) expect(['Points de discussion clés', 'Annexe']).toContain(heading.text.startsWith('Annexe') ? 'Annexe' : heading.text);
      }
    }
  });

  it('show every action id in a three-column table, with N/A for items without action', () => {
    for (const loaded of repository.meetings) {
      const markdown = rendered.get(loaded.id)!;
      const actionTables = tables(markdown).filter((table) => table.header[0]?.text === 'Points d’action');
      expect(actionTables.length).toBe(loaded.meeting.ordre_du_jour.length);
      loaded.meeting.ordre_du_jour.forEach((item, index) => {
        const table = actionTables[index]!;
        expect(table.header.map((cell) => cell.text)).toEqual(['Points d’action', 'Personne/Agence responsable', 'Date limite']);
        for (const row of table.rows) expect(row.length).toBe(3);
        if (!item.actions?.length) expect(table.rows.map((row) => row[0]!.text)).toEqual(['N/A']);
        else expect(table.rows.map((row) => row[0]!.text.replace(/^\*\*(.+?)\*\* – .*$/, '$1'))).toEqual(item.actions.map((action) => action.id));
      });
    }
  });

  it('write the header table and the next meeting as in the originals', () => {
    const june = rendered.get('2023-06-20-national')!;
    const header = tables(june)[0]!;
    expect([header.header, ...header.rows].map((row) => row[0]!.text)).toEqual(['Date', 'Heure', 'Lieu', 'Présence']);
    expect(header.header[1]!.text).toBe('mardi 20 juin 2023');
    expect(header.rows[0]![1]!.text).toBe('9h15 – 11h00');
    expect(june).toContain('La prochaine réunion est prévue le jeudi 20 juillet 2023 à 9h30, dans la salle habituelle.');
    expect(june).toContain('<https://dtm.iom.int/fr/reports/niger-cartographie-des-mobilites-mai-2023>');
    const january = rendered.get('2021-01-28-national')!;
    expect(january).toContain('| Lieu | Virtuelle (Skype) |');
    expect(january).toContain('La prochaine réunion est prévue le jeudi 4 mars 2021.');
    expect(january).toContain('| **NIA-2101-2** – Prise de contact avec OCHA pour la création du pont GTM-HNO-HRP | SP/CCM, DRC/MMC | — |');
    expect(january).toMatch(/<!-- gtm:signature -->\n\nLe Secrétaire Permanent\n\n\*\*SOLY AMADOU\*\*\n\n<!-- \/gtm:signature -->/);
    expect(january.startsWith('<!-- gtm:entete -->\n\nRépublique du Niger\n')).toBe(true);
  });
});

describe('sentences and places', () => {
  it('writes the next meeting as precisely as it was decided', () => {
    expect(nextMeetingSentence({ date: '2023-07-20', heure: '9:30', lieu: 'dans la salle habituelle' })).toBe(
      'La prochaine réunion est prévue le jeudi 20 juillet 2023 à 9h30, dans la salle habituelle.',
    );
    expect(nextMeetingSentence({ mois: '2021-04' })).toBe('La prochaine réunion est prévue au mois d’avril 2021.');
    expect(nextMeetingSentence({ date: '2021-03-04' })).toBe('La prochaine réunion est prévue le jeudi 4 mars 2021.');
    expect(nextMeetingSentence({ date: '2023-03-01', lieu: 'Salle DGECEM-R.' })).toBe(
      'La prochaine réunion est prévue le mercredi 1er mars 2023, au lieu suivant : Salle DGECEM-R.',
    );
  });

  it('names the video tool once', () => {
    const group = { lieu_habituel: 'Salle de réunion de la DGECEM-R' };
    expect(placeOf({ modalite: 'virtuel', outil: 'Skype' }, group)).toBe('Virtuelle (Skype)');
    expect(placeOf({ modalite: 'virtuel', outil: 'Skype', lieu: 'Virtuelle (skype)' }, group)).toBe('Virtuelle (skype)');
    expect(placeOf({ modalite: 'virtuel', outil: 'Zoom', lieu: 'Visioconférence' }, group)).toBe('Visioconférence (Zoom)');
    expect(placeOf({ modalite: 'virtuel' }, group)).toBe('Virtuelle');
    expect(placeOf({ modalite: 'hybride', outil: 'Teams' }, group)).toBe('Salle de réunion de la DGECEM-R, et en ligne (Teams)');
    expect(placeOf({}, group)).toBe('Salle de réunion de la DGECEM-R');
  });
});

describe('hostile text', () => {
  let fixture: FixtureRepo;
  let markdown: string;
  const longWord = 'x'.repeat(400);
  beforeAll(async () => {
    fixture = await createFixtureRepo({
      meetings: {
        '2023-05-10-national': minimalMeeting({ date: '2023-05-10', ordre_du_jour: [{ titre: 'Bilan', actions: [{ id: 'NIA-2305-1', action: 'Relancer' }] }] }),
        '2023-06-20-national': minimalMeeting({
          statut: 'brouillon',
          ordre_du_jour: [
            {
              titre: '# 2023. *Gras* | pipe <script>alert(1)</script> {{titre}} [x](javascript:alert(1)) _a_ ~~b~~ $x$ &amp;',
              intervenant: '{{#each x}}Consultant|**',
              discussion: [
                '# Titre de premier niveau',
                '',
                '<script>alert("x")</script> et <img src=x onerror=alert(1)> mais `<code>` reste',
                '',
                '<!-- gtm:signature -->',
                '',
                'Setext',
                '======',
                '',
                'Lien nu https://exemple.ne/a_b?c=1 et {{> signature}}',
                '',
                '```',
                '<b>non fermé',
              ].join('\n'),
              actions: [
                { id: 'NIA-2306-1', action: `Ligne 1 | avec pipe\nLigne 2 *étoile* <b>gras</b>\n- tiret ${longWord}`, responsables: ['OIM', 'SP/CCM'], echeance: '2023-07' },
                { id: 'NIA-2306-2', action: '1. Numéro {{this}} \\ antislash', responsables: 'tous', echeance: 'prochaine réunion' },
              ],
            },
          ],
          suivi_actions: [{ action: 'NIA-2305-1', statut: 'reporte', commentaire: 'Retard | pipe\nseconde ligne', nouvelle_echeance: '2023-09-30' }],
          prochaine_reunion: { mois: '2023-08', lieu: 'dans la salle | habituelle *' },
          signature: { qualite: 'Le Rapporteur <b>', nom: '*NOM*', structure: '[DRECM/R](http://x)' },
          annexes: [{ titre: 'Synthèse | 1', contenu: '## Recommandations\n\n1. Première\n2. Seconde <iframe>' }],
        }),
      },
    });
    const repository = await loadRepository(fixture.root);
    markdown = (await renderAll(repository)).get('2023-06-20-national')!;
  });
  afterAll(() => fixture.cleanup());

  it('passes markdownlint', () => {
    expect(lintProblems(markdown)).toBe('');
  });

  it('lets no HTML through and keeps template syntax as text', () => {
    const html: string[] = [];
    walk(lexer(markdown), (token) => {
      if (token.type === 'html' && !/^<!-- \/?gtm:[a-z]+ -->\s*$/.test(token.raw) && token.raw !== '<br>') html.push(token.raw);
    });
    expect(html).toEqual([]);
    expect(markdown).toContain('{{titre}}');
    expect(markdown).toContain('{{> signature}}');
    expect(markdown).not.toMatch(/&#x27;|&amp;amp;|&lt;/);
    // The fake layout mark from the discussion is text, not a second signature block.
    expect(markdown.match(/^<!-- gtm:signature -->$/gm)).toHaveLength(1);
  });

  it('keeps the document structure: one title, discussion headings below the section', () => {
    const all = headings(markdown);
    expect(all.filter((heading) => heading.depth === 1)).toHaveLength(1);
    const section = all.findIndex((heading) => heading.depth === 2 && heading.text.startsWith('1. '));
    expect(section).toBeGreaterThan(0);
    expect(all[section + 1]).toMatchObject({ depth: 3, text: 'Points de discussion clés' });
    expect(all[section + 2]).toMatchObject({ depth: 4, text: 'Titre de premier niveau' });
    expect(all[section + 3]).toMatchObject({ depth: 4, text: 'Setext' });
    // The unclosed code fence is closed: the action table and the next section still follow.
    expect(all.some((heading) => heading.depth === 2 && heading.text.startsWith('2. Coordination prochaines étapes'))).toBe(true);
  });

  it('keeps every table rectangular, pipes and line breaks inside their cell', () => {
    for (const table of tables(markdown)) for (const row of table.rows) expect(row.length).toBe(table.header.length);
    const actions = tables(markdown).find((table) => table.header[0]?.text === 'Points d’action')!;
    expect(actions.rows).toHaveLength(2);
    expect(actions.rows[0]![0]!.text).toContain('Ligne 1 | avec pipe<br>Ligne 2');
    expect(actions.rows[0]![0]!.text).toContain(longWord);
    expect(actions.rows[0]![1]!.text).toBe('OIM, SP/CCM');
    expect(actions.rows[0]![2]!.text).toBe('juillet 2023');
    expect(actions.rows[1]![1]!.text).toBe('Tous les acteurs');
    expect(actions.rows[1]![2]!.text).toBe('prochaine réunion');
    const followUp = tables(markdown).find((table) => table.header[0]?.text === 'Point d’action')!;
    expect(followUp.header.map((cell) => cell.text)).toEqual(['Point d’action', 'Personne/Agence responsable', 'Date limite', 'État', 'Commentaire']);
    expect(followUp.rows[0]!.map((cell) => cell.text)).toEqual([
      '**NIA-2305-1** – Relancer',
      'À désigner',
      '30 septembre 2023',
      'Reporté',
      'Retard | pipe<br>seconde ligne',
    ]);
  });

  it('escapes plain-text fields so they show as typed', () => {
    const title = headings(markdown).find((heading) => heading.depth === 2 && heading.text.startsWith('1. '))!;
    const inline = title.tokens.map((token) => token.type);
    expect(inline.every((type) => type === 'text' || type === 'escape')).toBe(true);
    expect(markdown).toContain('*Projet de compte-rendu, soumis aux commentaires des membres.*');
    expect(markdown).toContain('au mois d’août 2023, dans la salle \\| habituelle \\*.');
    expect(markdown).toContain('**\\*NOM\\***');
  });
});

describe('template overrides', () => {
  let fixture: FixtureRepo;
  beforeAll(async () => {
    fixture = await createFixtureRepo({ meetings: { '2023-06-20-national': minimalMeeting() } });
  });
  afterAll(() => fixture.cleanup());

  async function renderWith(files: Record<string, string>): Promise<string> {
    for (const [name, text] of Object.entries(files)) await fixture.write(`templates/${name}`, text);
    const repository = await loadRepository(fixture.root);
    return (await renderAll(repository)).get('2023-06-20-national')!;
  }

  it('replaces a partial by the file of the same name, with the helpers available', async () => {
    const markdown = await renderWith({ 'signature.md.hbs': 'Signé : {{texte signature.nom}} pour {{nom_complet "OIM"}}\n' });
    expect(markdown).toContain('Signé\u00A0: SOLY AMADOU pour OIM (Organisation Internationale pour les Migrations)');
    expect(markdown).not.toContain('gtm:signature');
  });

  it('reports a broken override in French with its file and line', async () => {
    await fixture.write('templates/signature.md.hbs', 'Ligne 1\n{{#if signature}}\nLigne 3\n{{/each}}\n');
    const repository = await loadRepository(fixture.root);
    const problem = await renderAll(repository).catch((caught: unknown) => caught);
    expect(problem).toBeInstanceOf(GtmError);
    const [diagnostic] = (problem as GtmError).diagnostics;
    expect(diagnostic).toMatchObject({ code: 'modele-invalide', location: { file: 'templates/signature.md.hbs', line: 2 } });
    expect(diagnostic!.message).toContain('{{#if}} est fermé par {{/each}}');
  });

  it('places a syntax error at its line and column', async () => {
    await fixture.write('templates/signature.md.hbs', 'Ligne 1\nSigné : {{texte signature.nom}\nLigne 3\n');
    const problem = await renderAll(await loadRepository(fixture.root)).catch((caught: unknown) => caught);
    const [diagnostic] = (problem as GtmError).diagnostics;
    // The single « } » that should have been « }} ».
    expect(diagnostic).toMatchObject({ code: 'modele-invalide', location: { file: 'templates/signature.md.hbs', line: 2, column: 30 } });
    expect(parseErrorColumn('un texte assez long pour dépasser vingt caractères {{ }}', 1, 'Parse error on line 1:\n...vingt caractères {{ }}\n-----------------------^')).toBe(55);
    expect(parseErrorColumn('{{x}', 1, 'Parse error on line 1:\nautre chose\n---^')).toBe(1);
  });

  it('reports a misspelt field and a missing partial with their file', async () => {
    await fixture.write('templates/signature.md.hbs', 'Ligne 1\n\n{{texte signature.nomm}}\n');
    let problem = await renderAll(await loadRepository(fixture.root)).catch((caught: unknown) => caught);
    expect((problem as GtmError).diagnostics[0]).toMatchObject({ location: { file: 'templates/signature.md.hbs', line: 3 } });
    expect((problem as GtmError).diagnostics[0]!.message).toContain('« signature.nomm »');
    await fixture.write('templates/signature.md.hbs', '{{> tampon}}\n');
    problem = await renderAll(await loadRepository(fixture.root)).catch((caught: unknown) => caught);
    expect((problem as GtmError).diagnostics[0]!.message).toContain('partiel « tampon »');
    expect((problem as GtmError).diagnostics[0]!.location?.file).toBe('templates/signature.md.hbs');
  });

  it('cannot reach prototypes from a template', async () => {
    await fixture.write('templates/signature.md.hbs', '[{{texte signature.constructor.name}}]\n');
    const markdown = await renderAll(await loadRepository(fixture.root)).catch((caught: unknown) => caught);
    // Either strict mode refuses it, or prototype access is denied: never « Object ».
    if (typeof markdown === 'string') expect(markdown).not.toContain('[Object]');
    else expect(markdown).toBeInstanceOf(GtmError);
  });
});
