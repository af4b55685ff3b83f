// A meeting file with a YAML or schema error is never taken for an absent meeting (issue 14,
// item 2): every command reports that file's own diagnostics, exits 1 and writes nothing —
// `render` does not fall back to the meeting before it, `render <its id>` does not say
// « introuvable », `gtm new` does not copy presence and follow-ups from an older meeting.
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledMeetings, createFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runBin, runInProcess } from '../helpers/run-cli.js';

const NEWEST = 'meetings/2023-06-20-national.yaml';

const BREAKS = {
  // « : » followed by a space inside a plain value: a YAML syntax error.
  yaml: {
    edit: (text: string) => text.replace('  - titre: Ouverture', '  - titre: Réunion: budget'),
    place: `${NEWEST}:23:12`,
    message: '« : » suivi d’une espace dans une valeur',
  },
  // Well-formed YAML the schema refuses.
  schema: {
    edit: (text: string) => text.replace(/^statut: diffuse$/m, 'statut: publie'),
    place: `${NEWEST}:3:9`,
    message: 'valeur « publie » non reconnue',
  },
} as const;

const COMMANDS: Array<[string, string[]]> = [
  ['validate', ['validate']],
  ['render', ['render', '--format', 'md']],
  ['render (PDF)', ['render']],
  ['render --all', ['render', '--all', '--format', 'md']],
  ['render <its id>', ['render', '2023-06-20-national', '--format', 'md']],
  ['render <its path>', ['render', NEWEST, '--format', 'md']],
  ['render <another id>', ['render', '2021-09-21-national', '--format', 'md']],
  ['render <its id> -o -', ['render', '2023-06-20-national', '--format', 'md', '-o', '-']],
  ['actions', ['actions']],
  ['actions --reunion <its id>', ['actions', '--reunion', '2023-06-20-national']],
  ['new', ['new']],
  ['new --date', ['new', '--date', '2023-07-20']],
];

for (const [kind, broken] of Object.entries(BREAKS)) {
  describe(`a meeting file with a ${kind} error`, () => {
    let repo: FixtureRepo;
    beforeAll(async () => {
      const meetings = bundledMeetings();
      const newest = '2023-06-20-national.yaml';
      const text = meetings[newest]!;
      const edited = broken.edit(text);
      expect(edited).not.toBe(text);
      repo = await createFixtureRepo({ meetings: { ...meetings, [newest]: edited } });
    });
    afterAll(() => repo.cleanup());

    for (const [name, args] of COMMANDS) {
      it(`${name}: the file's diagnostics, exit 1, nothing written`, async () => {
        const before = readdirSync(repo.path('meetings')).sort();
        const result = await runInProcess(args, { cwd: repo.root });
        const output = result.stdout + result.stderr;
        expect(result.exitCode, output).toBe(1);
        expect(output).toContain(`${broken.place}  erreur  `);
        expect(output).toContain(broken.message);
        expect(output).not.toMatch(/introuvable|vouliez-vous dire/);
        if (args[0] !== 'validate') expect(result.stdout).toBe('');
        expect(existsSync(repo.path('rendus'))).toBe(false);
        expect(readdirSync(repo.path('meetings')).sort()).toEqual(before);
      });
    }

    it('the built bin says the same', async () => {
      const result = await runBin(['render', '--format', 'md'], { cwd: repo.root });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(`${broken.place}  erreur  `);
      expect(result.stdout).toBe('');
      expect(existsSync(repo.path('rendus'))).toBe(false);
    });
  });
}
