// gtm render (PDF, the default format), run as the built bin on fixture repositories; the
// build is made once per test run by test/global-setup.ts.
import { execFileSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledMeetings, createFixtureRepo, PROJECT_ROOT, type FixtureRepo } from '../helpers/fixture-repo.js';
import { readPdf } from '../helpers/pdf.js';
import { runBin } from '../helpers/run-cli.js';

const fixtures: FixtureRepo[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((fixture) => fixture.cleanup()));
});

async function bundledRepo(): Promise<FixtureRepo> {
  const repo = await createFixtureRepo({ meetings: bundledMeetings() });
  fixtures.push(repo);
  return repo;
}

/** The same commit wherever and whenever the test runs: fixed identity and dates. */
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

const footerOf = (page: { lines: readonly { text: string }[] }) => page.lines[page.lines.length - 1]!.text;
const watermarks = (pdf: Awaited<ReturnType<typeof readPdf>>) => pdf.pages.flatMap((page) => page.items.filter((item) => item.rotated).map((item) => item.text.trim()));

describe('gtm render (PDF)', () => {
  it('writes the latest meeting to rendus/<id>.pdf by default', async () => {
    const repo = await bundledRepo();
    const result = await runBin(['render'], { cwd: repo.root });
    expect(result).toMatchObject({ exitCode: 0, stderr: '', stdout: 'écrit : rendus/2023-06-20-national.pdf\n' });
    const pdf = await readPdf(repo.path('rendus/2023-06-20-national.pdf'));
    expect(pdf.pages[0]!.lines.map((line) => line.text)).toContain('Date mardi 20 juin 2023');
    expect(footerOf(pdf.pages[0]!)).toBe(`GTM – Compte-rendu du 20 juin 2023 Page 1 / ${pdf.pageCount}`);
  });

  it('writes to standard output with « -o - » the very bytes of the file, which readers accept from a pipe', async () => {
    const repo = await bundledRepo();
    const bin = path.join(PROJECT_ROOT, 'bin', 'gtm.js');
    expect((await runBin(['render', '2021-01-28-national'], { cwd: repo.root })).exitCode).toBe(0);
    const file = readFileSync(repo.path('rendus/2021-01-28-national.pdf'));
    const piped = execFileSync(process.execPath, [bin, 'render', '2021-01-28-national', '-o', '-'], { cwd: repo.root });
    expect(piped.length).toBe(file.length);
    expect(piped.equals(file)).toBe(true);
    // poppler reads the PDF from the pipe itself; qpdf (which needs to seek) checks the bytes piped to a file.
    const shell = (command: string) => execFileSync('sh', ['-c', command], { cwd: repo.root, encoding: 'utf8', env: { ...process.env, GTM: bin } });
    expect(shell('"$0" "$GTM" render 2021-01-28-national -o - | pdfinfo -'.replace('$0', process.execPath))).toMatch(/^Pages:\s+\d+$/m);
    shell(`"${process.execPath}" "$GTM" render 2021-01-28-national -o - > piped.pdf`);
    expect(execFileSync('qpdf', ['--check', 'piped.pdf'], { cwd: repo.root, encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
    expect(readFileSync(repo.path('piped.pdf')).equals(file)).toBe(true);
  });

  it('renders every meeting into a folder with --all', async () => {
    const repo = await bundledRepo();
    const result = await runBin(['render', '--all', '-o', 'sortie'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      'écrit : sortie/2021-01-28-national.pdf',
      'écrit : sortie/2021-09-21-national.pdf',
      'écrit : sortie/2023-06-20-national.pdf',
    ]);
    expect(readdirSync(repo.path('sortie')).sort()).toEqual(['2021-01-28-national.pdf', '2021-09-21-national.pdf', '2023-06-20-national.pdf']);
    for (const name of readdirSync(repo.path('sortie'))) expect(readFileSync(repo.path('sortie', name)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('never writes into meetings/ nor onto a meeting file', async () => {
    const repo = await bundledRepo();
    const before = await repo.read('meetings/2023-06-20-national.yaml');
    for (const output of ['meetings/2023-06-20-national.yaml', 'meetings/rendu.pdf', 'meetings']) {
      const result = await runBin(['render', '-o', output], { cwd: repo.root });
      expect(result.exitCode, output).toBe(2);
      expect(result.stderr, output).toContain('les fichiers de réunion, gtm.yaml et le dossier meetings/ ne sont jamais modifiés');
    }
    expect(await repo.read('meetings/2023-06-20-national.yaml')).toBe(before);
    expect(readdirSync(repo.path('meetings')).sort()).toEqual(Object.keys(bundledMeetings()).sort());
  });

  it('prints the git version in the footer, dates the document by it, and marks local changes « PROJET »', async () => {
    const repo = await bundledRepo();
    const commit = commitAll(repo.root);
    expect((await runBin(['render', '2021-01-28-national', '-o', 'net.pdf'], { cwd: repo.root })).exitCode).toBe(0);
    const clean = await readPdf(repo.path('net.pdf'));
    expect(footerOf(clean.pages[0]!)).toBe(`GTM – Compte-rendu du 28 janvier 2021 – Version du dépôt : ${commit} du 23/06/2023 Page 1 / ${clean.pageCount}`);
    expect(clean.info.CreationDate).toBe('D:20230623120000Z');
    expect(watermarks(clean)).toEqual([]);
    // The Markdown carries the same version, in its closing note.
    expect((await runBin(['render', '2021-01-28-national', '--format', 'md', '-o', 'net.md'], { cwd: repo.root })).exitCode).toBe(0);
    expect(readFileSync(repo.path('net.md'), 'utf8')).toMatch(new RegExp(`\\*Version du dépôt\u00a0: ${commit} du 23/06/2023\\*\n\n<!-- /gtm:pied -->\n$`));

    appendFileSync(repo.path('meetings/2021-01-28-national.yaml'), '# relu\n');
    expect((await runBin(['render', '2021-01-28-national', '-o', 'modifie.pdf'], { cwd: repo.root })).exitCode).toBe(0);
    const changed = await readPdf(repo.path('modifie.pdf'));
    expect(footerOf(changed.pages[0]!)).toBe(`GTM – Compte-rendu du 28 janvier 2021 – Version du dépôt : ${commit} modifiée Page 1 / ${changed.pageCount}`);
    expect(watermarks(changed)).toEqual(new Array(changed.pageCount).fill('PROJET'));
    expect(changed.info.CreationDate).toBe('D:20210128120000Z');
  });

  it('gives byte-identical PDFs twice and from two copies of the repository in different folders', async () => {
    const [first, second] = [await bundledRepo(), await bundledRepo()];
    expect(commitAll(first.root)).toBe(commitAll(second.root));
    const render = async (repo: FixtureRepo, output: string) => {
      expect((await runBin(['render', '--all', '-o', output], { cwd: repo.root })).exitCode).toBe(0);
      return readdirSync(repo.path(output)).sort().map((name) => readFileSync(repo.path(output, name)));
    };
    const a = await render(first, 'a');
    const again = await render(first, 'b');
    const elsewhere = await render(second, 'a');
    expect(a).toHaveLength(3);
    a.forEach((bytes, i) => {
      expect(bytes.equals(again[i]!)).toBe(true);
      expect(bytes.equals(elsewhere[i]!)).toBe(true);
      // Nothing of the machine in the file.
      expect(bytes.includes(Buffer.from(first.root))).toBe(false);
    });
  });
});

describe('the PDF stack loads only for PDF output', () => {
  const dist = path.join(PROJECT_ROOT, 'dist');
  const source = (file: string) => readFileSync(path.join(dist, file), 'utf8');
  const staticImports = (file: string) => [...source(file).matchAll(/(?:import|export)\s*(?:[\w${}\s,*]*?from\s*)?["']\.\/([\w.-]+\.js)["']/g)].map((m) => m[1]!);
  const dynamicImports = (file: string) => [...source(file).matchAll(/import\(\s*["']\.\/([\w.-]+\.js)["']\s*\)/g)].map((m) => m[1]!);
  const closure = (roots: readonly string[]) => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      staticImports(file).forEach(visit);
    };
    roots.forEach(visit);
    return seen;
  };

  it('puts pdf-lib and the typesetter in a chunk that --format md, docx and html never import', () => {
    const renderChunk = dynamicImports('main.js').find((file) => file.startsWith('render-'))!;
    expect(renderChunk).toBeDefined();
    // The registry of formats (render/formats.ts) imports each format's module (files.ts) lazily.
    const formats = [...new Set([...closure(['main.js', renderChunk])].flatMap(dynamicImports).filter((file) => file.startsWith('files-')))];
    expect(formats).toHaveLength(4);
    const isPdfStack = (file: string) => source(file).includes('PDFDocument');
    const usesPdfStack = (file: string) => [...closure([file])].some(isPdfStack);
    const pdfFormats = formats.filter(usesPdfStack);
    expect(pdfFormats).toHaveLength(1);
    for (const other of formats.filter((file) => !usesPdfStack(file))) {
      expect([...closure(['main.js', renderChunk, other])].filter(isPdfStack)).toEqual([]);
    }
  });
});
