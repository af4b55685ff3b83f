// The Markdown -> typeset blocks mapping, and what a meeting's PDF says besides its Markdown
// (footer reference, running header, watermark, metadata). Pure functions: no PDF is written.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadedMeeting } from '../../src/core/model.js';
import { configSchema } from '../../src/core/schema/config.js';
import { decodeEntities, inlineRuns } from '../../src/document/inline.js';
import { minutesDocument } from '../../src/document/index.js';
import { pageFurniture } from '../../src/render/page-furniture.js';
import { versionLabel } from '../../src/render/minutes.js';
import { markdownToBlocks } from '../../src/document/from-markdown.js';
import type { Block } from '../../src/document/index.js';
import { Lexer } from 'marked';
import { parse } from 'yaml';
import { BUNDLED_CONFIG, PROJECT_ROOT } from '../helpers/fixture-repo.js';

const golden = (id: string) => readFileSync(path.join(PROJECT_ROOT, 'test/golden', `${id}.md`), 'utf8');
const config = configSchema.parse(parse(BUNDLED_CONFIG));

function kinds(blocks: readonly Block[]): string[] {
  return blocks.map((block) => (block.kind === 'heading' ? `h${block.level}` : block.kind));
}

describe('markdownToBlocks', () => {
  const layout = markdownToBlocks(golden('2021-01-28-national'));

  it('takes the letterhead out of the body: centred lines, the first in bold', () => {
    expect(layout.letterhead).toEqual([
      { kind: 'paragraph', align: 'center', runs: [{ text: 'République du Niger', bold: true }] },
      { kind: 'paragraph', align: 'center', runs: [{ text: 'Fraternité – Travail – Progrès' }] },
      { kind: 'paragraph', align: 'center', runs: [{ text: 'Ministère de l’Intérieur et de la Décentralisation' }] },
      { kind: 'paragraph', align: 'center', runs: [{ text: 'Secrétariat Permanent du Cadre de Concertation sur la Migration' }] },
    ]);
    expect(JSON.stringify(layout.blocks)).not.toContain('République du Niger');
  });

  it('centres the headings and paragraphs of a gtm:centre region, a template’s choice, and still finds the title', () => {
    const centred = markdownToBlocks('<!-- gtm:centre -->\n\n# Le titre\n\nSous-titre\n\n<!-- /gtm:centre -->\n\n## Section\n\nTexte.\n');
    expect(centred.title).toBe('Le titre');
    expect(centred.blocks).toEqual([
      { kind: 'heading', level: 1, align: 'center', runs: [{ text: 'Le titre' }] },
      { kind: 'paragraph', align: 'center', runs: [{ text: 'Sous-titre' }] },
      { kind: 'heading', level: 2, runs: [{ text: 'Section' }] },
      { kind: 'paragraph', runs: [{ text: 'Texte.' }] },
    ]);
  });

  it('opens with the title, then the particulars as label/value rows without a header row', () => {
    expect(layout.title).toBe('Compte-rendu de la réunion du Groupe Technique sur la Migration – Coordination et partage de l’information');
    expect(layout.blocks[0]).toEqual({ kind: 'heading', level: 1, runs: [{ text: layout.title }] });
    const particulars = layout.blocks[1]!;
    expect(particulars.kind === 'table' && particulars).toMatchObject({ header: [], widths: [1, 4] });
    if (particulars.kind !== 'table') return;
    expect(particulars.rows.map((row) => row[0])).toEqual([
      [{ text: 'Date', bold: true }],
      [{ text: 'Heure', bold: true }],
      [{ text: 'Lieu', bold: true }],
      [{ text: 'Présence', bold: true }],
    ]);
    // <br> in the Présence cell: one organisation a line.
    const presence = particulars.rows[3]![1]!.map((run) => run.text).join('');
    expect(presence.split('\n')).toHaveLength(10);
    expect(presence.split('\n')[0]).toBe('MI/D – Ministère de l’Intérieur et de la Décentralisation');
  });

  it('keeps the sections’ structure: headings, lists, action tables weighted 6/3/2', () => {
    expect(kinds(layout.blocks).slice(0, 8)).toEqual(['h1', 'table', 'h2', 'list', 'h2', 'h3', 'h4', 'paragraph']);
    const actionTables = layout.blocks.filter((block) => block.kind === 'table' && block.header.length === 3);
    expect(actionTables).toHaveLength(4);
    for (const table of actionTables) {
      expect(table).toMatchObject({ widths: [6, 3, 2], header: [[{ text: 'Points d’action' }], [{ text: 'Personne/Agence responsable' }], [{ text: 'Date limite' }]] });
    }
    expect(actionTables[1]).toMatchObject({
      rows: [[[{ text: 'NIA-2101-1', bold: true }, { text: ' – Prise de contact pour des échanges bilatéraux' }], [{ text: 'À désigner' }], [{ text: '—' }]]],
    });
    const nested = layout.blocks.find((block) => block.kind === 'list' && block.items.some((item) => item.some((b) => b.kind === 'list')));
    expect(nested).toBeDefined();
  });

  it('ends with the signature kept together with the sentence before it, aligned right', () => {
    const last = layout.blocks[layout.blocks.length - 1]!;
    expect(last.kind).toBe('group');
    if (last.kind !== 'group') return;
    const [sentence, quality, spacer, name] = last.blocks;
    expect(sentence).toEqual({ kind: 'paragraph', runs: [{ text: 'La prochaine réunion est prévue le jeudi 4 mars 2021.' }] });
    expect(quality).toEqual({ kind: 'paragraph', align: 'right', runs: [{ text: 'Le Secrétaire Permanent' }] });
    expect(spacer).toMatchObject({ kind: 'paragraph', align: 'right' });
    expect(name).toEqual({ kind: 'paragraph', align: 'right', runs: [{ text: 'SOLY AMADOU', bold: true }] });
    expect(layout.footNote).toBeUndefined();
    expect(kinds(layout.blocks)).not.toContain('pageBreak');
  });

  it('starts the annexes on a new page and moves the end note to the footer', () => {
    const markdown = [
      '# Titre',
      '',
      'Texte.',
      '',
      '<!-- gtm:annexes -->',
      '',
      '## Annexes',
      '',
      '### Annexe 1 : Synthèse',
      '',
      '1. Un',
      '2. Deux',
      '',
      '<!-- /gtm:annexes -->',
      '',
      '<!-- gtm:pied -->',
      '',
      '---',
      '',
      '*Version du dépôt : 3f2a9c1 du 2 février 2021*',
      '',
      '<!-- /gtm:pied -->',
      '',
    ].join('\n');
    const result = markdownToBlocks(markdown);
    expect(kinds(result.blocks)).toEqual(['h1', 'paragraph', 'pageBreak', 'h2', 'h3', 'list']);
    expect(result.footNote).toBe('Version du dépôt : 3f2a9c1 du 2 février 2021');
    expect(minutesDocument(markdown, { reference: 'GTM – Compte-rendu du 28 janvier 2021', runningHeader: 'R', draft: false, metadata: {} as never }).footer).toEqual({
      left: 'GTM – Compte-rendu du 28 janvier 2021 – Version du dépôt : 3f2a9c1 du 2 février 2021',
    });
  });

  it('shows text that is not a hint, and reads a template without hints as plain body', () => {
    const result = markdownToBlocks('Avant\n\n<!-- un commentaire -->\n\n<div>brut</div>\n\n> Citation\n\n```\ncode  gardé\n```\n');
    expect(result.letterhead).toEqual([]);
    expect(result.blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Avant' }] },
      { kind: 'paragraph', align: 'left', runs: [{ text: '<div>brut</div>' }] },
      { kind: 'paragraph', runs: [{ text: 'Citation' }] },
      { kind: 'paragraph', align: 'left', runs: [{ text: 'code  gardé' }] },
    ]);
  });
});

describe('inline Markdown', () => {
  const runs = (markdown: string) => inlineRuns(new Lexer().inlineTokens(markdown));

  it('keeps bold, italic and links; soft breaks are spaces, <br> and hard breaks are line breaks', () => {
    expect(runs('**gras** et *italique*\nsuite<br>ligne')).toEqual([
      { text: 'gras', bold: true },
      { text: ' et ' },
      { text: 'italique', italic: true },
      { text: ' suite' },
      { text: '\n' },
      { text: 'ligne' },
    ]);
    expect(runs('voir <https://exemple.org/a?b=1> ou [le site](https://gtm.ne) et [local](fichier.pdf)')).toEqual([
      { text: 'voir ' },
      { text: 'https://exemple.org/a?b=1', link: 'https://exemple.org/a?b=1' },
      { text: ' ou ' },
      { text: 'le site', link: 'https://gtm.ne' },
      { text: ' et ' },
      { text: 'local' },
    ]);
  });

  it('shows escaped characters as typed and decodes character references', () => {
    expect(runs('5 \\* 3 \\| a\\_b &amp; &#233;t&eacute;').map((run) => run.text).join('')).toBe('5 * 3 | a_b & ét&eacute;');
    expect(decodeEntities('&constructor; &#0; &#x1F600; &nbsp;')).toBe('&constructor; \ufffd 😀 \u00a0');
  });
});

describe('pageFurniture', () => {
  const meeting = (statut: string, group = 'national'): LoadedMeeting =>
    ({ id: `2021-01-28-${group}`, group, meeting: { statut, date: '2021-01-28' } }) as unknown as LoadedMeeting;
  const committed = { version: { commit: '3f2a9c1', date: '2021-02-02' }, uncommitted: false };

  it('names the document in the footer, the short title on following pages, the group as author', () => {
    const context = pageFurniture(meeting('diffuse'), config, committed);
    expect(context).toMatchObject({
      reference: 'GTM – Compte-rendu du 28 janvier 2021',
      runningHeader: 'Compte-rendu du GTM',
      draft: false,
      metadata: {
        title: 'Compte-rendu de la réunion du Groupe Technique sur la Migration – Coordination et partage de l’information – 28 janvier 2021',
        author: 'Groupe Technique sur la Migration (GTM)',
        subject: 'Compte-rendu de la réunion du 28 janvier 2021',
        language: 'fr-FR',
      },
    });
    expect(pageFurniture(meeting('valide', 'zinder'), config, committed).reference).toBe('GTM Zinder – Compte-rendu du 28 janvier 2021');
  });

  it('is a draft when its status says so or when its file has uncommitted changes', () => {
    expect(pageFurniture(meeting('brouillon'), config, committed).draft).toBe(true);
    expect(pageFurniture(meeting('diffuse'), config, { ...committed, uncommitted: true }).draft).toBe(true);
    expect(pageFurniture(meeting('diffuse'), config, { version: undefined, uncommitted: false }).draft).toBe(false);
  });

  it('dates the document by its committed version, else by the meeting; never by the clock', () => {
    const iso = (source: Parameters<typeof pageFurniture>[2]) => pageFurniture(meeting('diffuse'), config, source).metadata.creationDate.toISOString();
    expect(iso(committed)).toBe('2021-02-02T12:00:00.000Z');
    expect(iso({ ...committed, uncommitted: true })).toBe('2021-01-28T12:00:00.000Z');
    expect(iso({ version: undefined, uncommitted: false })).toBe('2021-01-28T12:00:00.000Z');
  });

  it('labels the version as the templates print it', () => {
    expect(versionLabel(committed)).toBe('3f2a9c1 du 02/02/2021');
    expect(versionLabel({ ...committed, uncommitted: true })).toBe('3f2a9c1 modifiée');
    expect(versionLabel({ version: undefined, uncommitted: true })).toBeUndefined();
  });

  it('shortens the title for the running header when the group has no titre_court', () => {
    const bare = configSchema.parse({ ...parse(BUNDLED_CONFIG), groupes: { national: { ...parse(BUNDLED_CONFIG).groupes.national, titre_court: undefined } } });
    expect(pageFurniture(meeting('diffuse'), bare, committed).runningHeader).toBe('Compte-rendu de la réunion du Groupe Technique sur la Migration');
  });
});
