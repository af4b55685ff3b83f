// Validation learns the ledger: following up an action already closed, and postponing to a
// date before the meeting, are warnings at the follow-up's line and column.
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/core/repository/load.js';
import { diagnose } from '../../src/core/rules/index.js';
import { createFixtureRepo, minimalMeeting } from '../helpers/fixture-repo.js';

async function diagnosticsOf(meetings: Record<string, Record<string, unknown>>) {
  const repo = await createFixtureRepo({ meetings });
  try {
    return diagnose(await loadRepository(repo.root, { cache: false }));
  } finally {
    await repo.cleanup();
  }
}

const decided = minimalMeeting({
  date: '2023-06-20',
  ordre_du_jour: [{ titre: 'Point', actions: [{ id: 'NIA-2306-1', action: 'Partager', responsables: 'OIM' }] }],
});

describe('ledger rules', () => {
  it('warns when a follow-up names an action an earlier follow-up closed', async () => {
    const diagnostics = await diagnosticsOf({
      '2023-06-20-national': decided,
      '2023-07-20-national': minimalMeeting({ date: '2023-07-20', suivi_actions: [{ action: 'NIA-2306-1', statut: 'realise' }] }),
      '2023-08-20-national': minimalMeeting({ date: '2023-08-20', suivi_actions: [{ action: 'NIA-2306-1', statut: 'en_cours' }] }),
    });
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'suivi-action-close',
        message: 'suivi de l’action « NIA-2306-1 », déjà close (réalisée le 20 juillet 2023)',
        location: { file: 'meetings/2023-08-20-national.yaml', line: 10, column: 13 },
      },
    ]);
  });

  it('does not warn for follow-ups of open actions, nor once reopened', async () => {
    const diagnostics = await diagnosticsOf({
      '2023-06-20-national': decided,
      '2023-07-20-national': minimalMeeting({ date: '2023-07-20', suivi_actions: [{ action: 'NIA-2306-1', statut: 'en_cours' }] }),
      '2023-08-20-national': minimalMeeting({ date: '2023-08-20', suivi_actions: [{ action: 'NIA-2306-1', statut: 'abandonne' }] }),
    });
    expect(diagnostics).toEqual([]);
  });

  it('warns when a new deadline falls before the meeting that set it', async () => {
    const diagnostics = await diagnosticsOf({
      '2023-06-20-national': decided,
      '2023-07-20-national': minimalMeeting({
        date: '2023-07-20',
        suivi_actions: [{ action: 'NIA-2306-1', statut: 'reporte', nouvelle_echeance: '2023-06' }],
      }),
    });
    expect(diagnostics).toMatchObject([
      {
        severity: 'warning',
        code: 'echeance-passee',
        message: 'la date limite (2023-06) précède la réunion qui l’a fixée (2023-07-20)',
        location: { file: 'meetings/2023-07-20-national.yaml' },
      },
    ]);
  });
});
