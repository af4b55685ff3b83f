// The rapporteur's own Markdown (discussions, annexes) on its way into the minutes, attacked:
// shapes that made a regular expression backtrack exponentially or a scan run quadratically,
// each one much larger than a real discussion; and links, of which only http(s) and mailto
// survive, in the Markdown and in the document every other format is written from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Lexer, type Token, type Tokens } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import { frenchTypographyMarkdown } from '../../src/core/french/index.js';
import { markdownToBlocks } from '../../src/document/from-markdown.js';
import type { Block, Run } from '../../src/document/index.js';
import { embedMarkdown } from '../../src/render/markdown/discussion.js';
import { createFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runInProcess } from '../helpers/run-cli.js';

/** What a discussion becomes in the minutes' Markdown: embedded, then French typography. */
const minutes = (discussion: string) => frenchTypographyMarkdown(embedMarkdown(discussion, { headingLevel: 4 }));

describe('no exponential backtracking on container markers', () => {
  it.each([
    ['« > » répété 28 fois (le cas de l’attaque)', `${'> '.repeat(28)}x`, `${'> '.repeat(28)}x`],
    ['« > » répété 2 000 fois', `${'> '.repeat(2000)}x`, `${'> '.repeat(2000)}x`],
    ['« >» sans espaces, 2 000 fois', `${'>'.repeat(2000)} x`, `${'>'.repeat(2000)} x`],
    ['listes et citations mêlées, 500 niveaux', `${'- > 1. '.repeat(500)}x`, `${'- > 1. '.repeat(500)}x`],
    ['un titre sous 40 citations garde sa place et prend le niveau 4', `${'> '.repeat(40)}# Titre`, `${'> '.repeat(40)}#### Titre`],
    ['un titre fermé par des #', `## Titre ##  \n\ntexte`, '#### Titre\n\ntexte'],
    ['un faux titre de 7 #', `${'> '.repeat(30)}####### x`, `${'> '.repeat(30)}####### x`],
  ])('%s', (_, discussion, expected) => {
    expect(embedMarkdown(discussion, { headingLevel: 4 })).toBe(expected);
  });
});

const SIZE = 400_000;
const repeatTo = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length));

// Each shape once took time that grows with the square of its size (many seconds at this size,
// minutes at the 2 MB a file may hold); scanned once, each takes milliseconds. npm run bench
// measures them at the size limit.
const SHAPES: [name: string, text: string][] = [
  ['un long paragraphe (neutraliseInline)', repeatTo('Le **GTM** a vu <b>la</b> carte, https://example.org/x et `code` [lien](https://a.b) _ok_ \\* fin.\n')],
  ['une longue suite d’espaces avant « »', `${repeatTo(`a${' '.repeat(1000)}`)}»`],
  ['un seul mot très long (adresses électroniques)', 'a'.repeat(SIZE)],
  ['des accents graves de toutes longueurs, jamais refermés', Array.from({ length: 800 }, (_, k) => '`'.repeat(k + 1)).join(' ')],
  ['des crochets ouverts en début de ligne', repeatTo('[a\n')],
  ['une ligne de tableau sans fin', `${repeatTo('|-')}x`],
  ['des chevrons ouvrants', repeatTo('<a')],
  ['des cibles de lien ouvertes', repeatTo('[a](')],
  ['des titres suivis d’espaces', repeatTo(`# a${' '.repeat(300)}b\n`)],
  ['des adresses web collées', repeatTo('http://a. ')],
];

describe('time linear in the text', () => {
  it.each(SHAPES)('%s', (_, text) => {
    const out = minutes(text);
    expect(out.length).toBeGreaterThan(text.length / 4);
  }, 20_000);
});

/** Every link and image target marked sees in a Markdown text. */
function targets(markdown: string): string[] {
  const found: string[] = [];
  const walk = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'link' || token.type === 'image') found.push((token as Tokens.Link).href);
      const children = (token as { tokens?: Token[] }).tokens;
      if (children) walk(children);
      if (token.type === 'list') for (const item of (token as Tokens.List).items) walk(item.tokens);
    }
  };
  walk(new Lexer({ gfm: true }).lex(markdown));
  return found;
}

/** Every link of the document that the PDF and every other format are written from. */
function documentLinks(markdown: string): { text: string; link?: string }[] {
  const runs: Run[] = [];
  const collect = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if ('runs' in block && Array.isArray(block.runs)) runs.push(...(block.runs as Run[]));
      if ('items' in block && Array.isArray(block.items)) for (const item of block.items as Block[][]) collect(item);
      if ('blocks' in block && Array.isArray(block.blocks)) collect(block.blocks as Block[]);
    }
  };
  collect(markdownToBlocks(markdown).blocks);
  // Adjacent runs of the same link (or of none) read as one piece of text.
  const pieces: { text: string; link?: string }[] = [];
  for (const run of runs) {
    const last = pieces[pieces.length - 1];
    if (last && last.link === run.link) last.text += run.text;
    else pieces.push({ text: run.text, ...(run.link ? { link: run.link } : {}) });
  }
  return pieces;
}

describe('only http(s) and mailto links are links', () => {
  it.each([
    ['javascript: dans un lien (le cas de l’attaque)', '[clic](javascript:alert(1))', '[clic\\](javascript:alert(1))'],
    ['JAVASCRIPT: en capitales', '[clic](JAVASCRIPT:alert(1))', '[clic\\](JAVASCRIPT:alert(1))'],
    ['vbscript:', '[clic](vbscript:msgbox)', '[clic\\](vbscript:msgbox)'],
    ['data:', '[clic](data:text/html;base64,PHNjcmlwdD4=)', '[clic\\](data:text/html;base64,PHNjcmlwdD4=)'],
    ['file:', '[clic](file:///etc/passwd)', '[clic\\](file:///etc/passwd)'],
    ['ftp:', '[clic](ftp://example.org/a)', '[clic\\](ftp\\://example.org/a)'],
    ['entité dans le schéma', '[clic](jav&#x61;script:alert(1))', '[clic\\](jav&#x61;script:alert(1))'],
    ['chemin relatif', '[rapport](rapport.pdf)', '[rapport\\](rapport.pdf)'],
    ['cible entre chevrons', '[clic](<javascript:alert(1)>)', '[clic\\](\\<javascript:alert(1)>)'],
    ['image', '![x](javascript:alert(1))', '![x\\](javascript:alert(1))'],
    ['lien automatique javascript:', '<javascript:alert(1)>', '\\<javascript:alert(1)>'],
    ['définition de référence', '[ref]: javascript:alert(1)\n\n[clic][ref]', '\\[ref]\u00A0: javascript:alert(1)\n\n[clic][ref]'],
    ['définition dans une citation', '> [ref]: javascript:alert(1)\n\n[clic][ref]', '> \\[ref]\u00A0: javascript:alert(1)\n\n[clic][ref]'],
    ['définition dont la cible est à la ligne', '[ref]:\n  javascript:alert(1)\n\n[clic][ref]', '\\[ref]\u00A0:\n  javascript:alert(1)\n\n[clic][ref]'],
    ['adresse ftp nue', 'voir ftp://example.org/a', 'voir ftp\\://example.org/a'],
  ])('%s : montré comme du texte', (_, discussion, expected) => {
    const out = minutes(discussion);
    expect(out).toBe(expected);
    expect(targets(out)).toEqual([]);
    expect(documentLinks(out).filter((run) => run.link)).toEqual([]);
  });

  it.each([
    ['https', '[site](https://example.org/a?b=1)', ['https://example.org/a?b=1']],
    ['http en lien automatique', '<http://example.org>', ['http://example.org']],
    ['mailto', '[écrire](mailto:sp@example.org)', ['mailto:sp@example.org']],
    ['adresse électronique', '<sp@example.org>', ['mailto:sp@example.org']],
    ['adresse web nue', 'voir https://example.org/a.', ['https://example.org/a']],
    ['définition de référence https', '[ref]: https://example.org\n\n[site][ref]', ['https://example.org']],
  ])('%s : reste un lien', (_, discussion, expected) => {
    expect(targets(minutes(discussion))).toEqual(expected);
  });

  it('an <iframe> shows as text: no stray backslash, and the address inside is a whole link', () => {
    const out = minutes('Voir <iframe src="https://evil.example/x"></iframe> ici.');
    expect(out).toBe('Voir \\<iframe src="<https://evil.example/x>">\\</iframe> ici.');
    expect(documentLinks(out)).toEqual([
      { text: 'Voir <iframe src="' },
      { text: 'https://evil.example/x', link: 'https://evil.example/x' },
      { text: '"></iframe> ici.' },
    ]);
  });
});

describe('links through gtm render', () => {
  const repos: FixtureRepo[] = [];
  afterAll(async () => Promise.all(repos.map((repo) => repo.cleanup())));

  it('a javascript: link in a discussion is not live in the Markdown written', async () => {
    const valid = readFileSync(path.join(import.meta.dirname, 'fixtures', 'valide.yaml'), 'utf8');
    const meeting = valid.replace('    presentateur: SP/CCM\n', '    presentateur: SP/CCM\n    discussion: |\n      [clic](javascript:alert(1)) <javascript:alert(2)>\n');
    const repo = await createFixtureRepo({ meetings: { '2023-06-20-national.yaml': meeting } });
    repos.push(repo);
    const result = await runInProcess(['render', '2023-06-20-national', '--format', 'md', '-o', '-'], { cwd: repo.root });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('[clic\\](javascript:alert(1)) \\<javascript:alert(2)>');
    expect(targets(result.stdout).filter((href) => !/^(?:https?|mailto):/.test(href))).toEqual([]);
  });
});
