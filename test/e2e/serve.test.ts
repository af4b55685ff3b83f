// gtm serve, run as the built bin: the preview on 127.0.0.1 at the port it prints, read in
// Chromium; a saved edit reloads the page within a second, an edit that breaks the file shows
// the French diagnostics at their lines, a fix brings the document back; Ctrl+C stops it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { FixtureRepo } from '../helpers/fixture-repo.js';
import { BIN, runBin } from '../helpers/run-cli.js';
import { launchBrowser, watchedPage, type TestBrowser } from '../helpers/browser.js';
import { createSiteRepo, JULY, siteMeetings } from '../helpers/site-fixture.js';

let browser: TestBrowser;
let repo: FixtureRepo;
beforeAll(async () => {
  [browser, repo] = await Promise.all([launchBrowser(), createSiteRepo()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), repo?.cleanup()]);
});

interface Preview {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts gtm serve and waits (10 s at most) for the address it prints. */
async function startPreview(args: string[] = []): Promise<Preview> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: repo.root, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed: ${stdout} ${stderr}`)), 10_000);
    const poll = setInterval(() => {
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout);
      if (found) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(found[0]);
      }
    }, 20);
    void exited.then(() => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`gtm serve stopped: ${stdout} ${stderr}`));
    });
  });
  return { child, url, output: () => stdout + stderr, exited };
}

const julyMeeting = () => siteMeetings()[`${JULY}.yaml`] as Record<string, unknown>;

describe('gtm serve', () => {
  it('shows the meeting, reloads on a save, shows errors at their lines, and stops on Ctrl+C', async () => {
    const preview = await startPreview([JULY]);
    try {
      expect(preview.output()).toBe(`Aperçu sur ${preview.url} (Ctrl+C pour arrêter) : la page se recharge à chaque enregistrement.\n`);
      const { page, errors } = await watchedPage(browser);
      await page.goto(preview.url);
      expect(await page.locator('#point-2').textContent()).toBe('2. Sécurité sur les sites aurifères (OIM)');
      // Give the page a moment to subscribe to the server's events before saving.
      await page.waitForTimeout(200);

      // A saved edit: the page shows it within a second.
      const edited = { ...julyMeeting(), ordre_du_jour: [{ titre: 'Ouverture', presentateur: 'SP/CCM' }, { titre: 'Bilan des convois de Dirkou' }] };
      const saved = Date.now();
      await repo.write(`meetings/${JULY}.yaml`, stringify(edited));
      await page.waitForFunction(() => document.getElementById('point-2')?.textContent === '2. Bilan des convois de Dirkou', undefined, { timeout: 1000 });
      expect(Date.now() - saved).toBeLessThan(1000);

      // An edit that breaks the file: the diagnostics, located, instead of the document.
      const broken = stringify({ ...julyMeeting(), presence: ['SP/CCM', 'OIMM'] });
      const line = broken.split('\n').indexOf('  - OIMM') + 1;
      await repo.write(`meetings/${JULY}.yaml`, broken);
      await page.waitForFunction(() => document.querySelector('pre.diagnostics') !== null, undefined, { timeout: 1000 });
      expect(await page.locator('h1').textContent()).toBe('1 erreur à corriger');
      const report = (await page.locator('pre.diagnostics').textContent()) ?? '';
      expect(report).toContain(`meetings/${JULY}.yaml:${line}:5  erreur  organisation inconnue « OIMM », vouliez-vous dire OIM ?`);
      expect(report).toContain(`${line} |   - OIMM`);

      // Fixed: the document is back.
      await repo.write(`meetings/${JULY}.yaml`, stringify(julyMeeting()));
      await page.waitForFunction(() => document.getElementById('point-2') !== null, undefined, { timeout: 1000 });
      expect(errors).toEqual([]);
      await page.close();

      const missing = await fetch(new URL('/autre', preview.url));
      expect(missing.status).toBe(404);
    } finally {
      preview.child.kill('SIGINT');
    }
    expect(await preview.exited).toBe(0);
    expect(preview.output().endsWith('Aperçu arrêté.\n')).toBe(true);
  });

  it('follows the meeting file saved last when none is named', async () => {
    const preview = await startPreview();
    try {
      const { page } = await watchedPage(browser);
      await page.goto(preview.url);
      expect(await page.locator('h1').textContent()).toContain('Compte-rendu');
      expect(await page.locator('.pied').textContent()).toContain('20 juillet 2023');
      await page.waitForTimeout(200);
      const [name, meeting] = Object.entries(siteMeetings()).find(([file]) => file.startsWith('2021-01-28'))!;
      await repo.write(`meetings/${name}`, `${meeting as string}\n`);
      await page.waitForFunction(() => document.querySelector('.pied')?.textContent?.includes('28 janvier 2021'), undefined, { timeout: 1000 });
      await page.close();
    } finally {
      preview.child.kill('SIGINT');
    }
    expect(await preview.exited).toBe(0);
  });

  it('refuses a port already taken, in French', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runBin(['serve', '--port', String(port)], { cwd: repo.root });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(`le port ${port} est déjà pris : choisissez-en un autre avec --port, ou --port 0 pour un port libre`);
      const bad = await runBin(['serve', '--port', 'abc'], { cwd: repo.root });
      expect(bad.exitCode).toBe(2);
      expect(bad.stderr).toContain('--port attend un numéro de port entre 0 et 65535, pas « abc »');
    } finally {
      blocker.close();
    }
  });
});
