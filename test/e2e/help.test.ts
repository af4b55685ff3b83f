// The help of every command, as a rapporteur reads it in an 80-column terminal: in French, each
// line within the width, and no line broken before « : ; ! ? » or after « « ».
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/fixture-repo.js';
import { runBin } from '../helpers/run-cli.js';

const COMMANDS = [[], ['validate'], ['schema'], ['render'], ['actions'], ['new'], ['init'], ['hook'], ['hook', 'install']];

describe('gtm --help', () => {
  it.each(COMMANDS.map((command) => [command.join(' ') || '(gtm)', command]))('%s', async (_, command) => {
    const result = await runBin([...command, '--help'], { cwd: PROJECT_ROOT });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Utilisation : gtm/);
    expect(result.stdout).toContain('Options :');
    for (const line of result.stdout.split('\n')) {
      expect([...line].length, line).toBeLessThanOrEqual(80);
      expect(line, line).not.toMatch(/^\s*[:;!?»]/);
      expect(line, line).not.toMatch(/«\s*$/);
    }
  });
});
