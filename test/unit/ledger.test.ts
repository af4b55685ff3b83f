// The ledger folds follow-ups into each action's state: every status transition, every
// deadline form, postponements, several groups, and « prochaine réunion » resolution.
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/core/calendar.js';
import { actionsAsFollowedUp, ageInDays, buildLedger, isDueSoon, isLate, ledgerBefore, type TrackedAction } from '../../src/core/ledger/index.js';
import { loadRepository } from '../../src/core/repository/load.js';
import { syntheticRepo } from '../helpers/fixture-repo.js';
import type { LoadedMeeting } from '../../src/core/model.js';
import type { Config } from '../../src/core/schema/config.js';
import { meetingSchema, type ActionPoint, type FollowUp, type NextMeeting } from '../../src/core/schema/meeting.js';

const config = { groupe_par_defaut: 'national' } as unknown as Config;

interface Spec {
  group?: string;
  actions?: Array<Partial<ActionPoint> & { id: string }>;
  followUps?: FollowUp[];
  next?: NextMeeting;
}

function meeting(date: string, spec: Spec = {}): LoadedMeeting {
  const group = spec.group ?? 'national';
  const data = meetingSchema.parse({
    groupe: group,
    statut: 'valide',
    date,
    presence: ['OIM'],
    ordre_du_jour: [{ titre: 'Point', actions: (spec.actions ?? []).map((action) => ({ action: `Action ${action.id}`, ...action })) }],
    ...(spec.followUps ? { suivi_actions: spec.followUps } : {}),
    ...(spec.next ? { prochaine_reunion: spec.next } : {}),
  });
  const id = `${date}-${group}`;
  return {
    id,
    file: `/repo/meetings/${id}.yaml`,
    relativePath: `meetings/${id}.yaml`,
    text: '',
    meeting: data,
    group,
  } as LoadedMeeting;
}

const day = (iso: string) => parseIsoDate(iso)!;
const ledgerOf = (...meetings: LoadedMeeting[]) => buildLedger(meetings);
const only = (...meetings: LoadedMeeting[]): TrackedAction => {
  const { actions } = ledgerOf(...meetings);
  expect(actions).toHaveLength(1);
  return actions[0]!;
};

describe('statuses', () => {
  it('starts open, with no follow-up', () => {
    const action = only(meeting('2023-06-20', { actions: [{ id: 'A-1', responsables: 'OIM' }] }));
    expect(action.status).toBe('ouvert');
    expect(action.followUps).toEqual([]);
    expect(action.lastFollowUp).toBeUndefined();
    expect(action.responsibles).toEqual(['OIM']);
  });

  it.each(['ouvert', 'en_cours', 'realise', 'abandonne', 'reporte'] as const)('takes the status %s from a follow-up', (statut) => {
    const action = only(
      meeting('2023-06-20', { actions: [{ id: 'A-1' }] }),
      meeting('2023-07-20', { followUps: [{ action: 'A-1', statut, commentaire: 'Dit en séance' }] }),
    );
    expect(action.status).toBe(statut);
    expect(action.lastFollowUp).toMatchObject({ status: statut, previousStatus: 'ouvert', comment: 'Dit en séance', index: 0 });
    expect(action.lastFollowUp?.meeting.id).toBe('2023-07-20-national');
  });

  it('folds follow-ups in meeting order whatever the input order, and keeps the last one', () => {
    const action = only(
      meeting('2023-09-20', { followUps: [{ action: 'a-1', statut: 'realise', commentaire: 'Fait' }] }),
      meeting('2023-06-20', { actions: [{ id: 'A-1' }] }),
      meeting('2023-07-20', { followUps: [{ action: 'A-1', statut: 'en_cours' }] }),
    );
    expect(action.followUps.map((followUp) => [followUp.previousStatus, followUp.status])).toEqual([
      ['ouvert', 'en_cours'],
      ['en_cours', 'realise'],
    ]);
    expect(action.status).toBe('realise');
    expect(action.lastFollowUp?.comment).toBe('Fait');
  });

  it('can reopen a closed action', () => {
    const action = only(
      meeting('2023-06-20', { actions: [{ id: 'A-1' }] }),
      meeting('2023-07-20', { followUps: [{ action: 'A-1', statut: 'abandonne' }] }),
      meeting('2023-08-20', { followUps: [{ action: 'A-1', statut: 'ouvert' }] }),
    );
    expect(action.status).toBe('ouvert');
  });

  it('ignores follow-ups of unknown actions, of the same meeting or of an earlier date', () => {
    const ledger = ledgerOf(
      meeting('2023-06-20', { actions: [{ id: 'A-1' }], followUps: [{ action: 'A-1', statut: 'realise' }] }),
      meeting('2023-05-20', { followUps: [{ action: 'A-1', statut: 'realise' }, { action: 'Z-9', statut: 'realise' }] }),
    );
    expect(ledger.byId('A-1')?.status).toBe('ouvert');
    expect(ledger.byId('Z-9')).toBeUndefined();
  });

  it('finds actions by id whatever the case, and keeps the first of duplicated ids', () => {
    const ledger = ledgerOf(
      meeting('2023-06-20', { actions: [{ id: 'A-1', responsables: 'OIM' }] }),
      meeting('2023-07-20', { actions: [{ id: 'a-1', responsables: 'UNHCR' }] }),
    );
    expect(ledger.actions).toHaveLength(1);
    expect(ledger.byId('a-1')?.responsibles).toEqual(['OIM']);
  });
});

describe('deadlines', () => {
  const withDeadline = (echeance: string | number) => only(meeting('2023-06-20', { actions: [{ id: 'A-1', echeance }] }));

  it('falls due on an exact date', () => {
    expect(withDeadline('2023-07-31')).toMatchObject({ deadline: { kind: 'date' }, due: day('2023-07-31') });
  });
  it('falls due on the last day of a month', () => {
    expect(withDeadline('2024-02')).toMatchObject({ deadline: { kind: 'month' }, due: day('2024-02-29') });
  });
  it('falls due on 31 December of a year', () => {
    expect(withDeadline(2023)).toMatchObject({ deadline: { kind: 'year', written: '2023' }, due: day('2023-12-31') });
  });
  it('keeps words as written, never due and never late', () => {
    const action = withDeadline('Au cours de l’atelier');
    expect(action.deadline).toEqual({ kind: 'words', written: 'Au cours de l’atelier' });
    expect(action.due).toBeUndefined();
    expect(isLate(action, day('2099-01-01'))).toBe(false);
  });
  it('has no deadline when none was set', () => {
    const action = only(meeting('2023-06-20', { actions: [{ id: 'A-1' }] }));
    expect(action.deadline).toBeUndefined();
    expect(isLate(action, day('2099-01-01'))).toBe(false);
  });

  it('takes the new deadline of a postponement, and the latest of several', () => {
    const decided = meeting('2023-06-20', { actions: [{ id: 'A-1', echeance: '2023-07-31' }] });
    const first = meeting('2023-07-20', { followUps: [{ action: 'A-1', statut: 'reporte', nouvelle_echeance: '2023-09' }] });
    const second = meeting('2023-09-20', { followUps: [{ action: 'A-1', statut: 'reporte', nouvelle_echeance: '2023-12-15' }] });
    const once = only(decided, first);
    expect(once).toMatchObject({ status: 'reporte', initialDeadline: { written: '2023-07-31' }, deadline: { written: '2023-09' }, due: day('2023-09-30') });
    expect(once.deadlineSetIn).toBe(first);
    expect(only(decided, first, second).due).toEqual(day('2023-12-15'));
  });

  it('keeps the deadline when a follow-up does not change it', () => {
    const action = only(
      meeting('2023-06-20', { actions: [{ id: 'A-1', echeance: '2023-07-31' }] }),
      meeting('2023-07-20', { followUps: [{ action: 'A-1', statut: 'en_cours' }] }),
    );
    expect(action.due).toEqual(day('2023-07-31'));
  });
});

describe('« prochaine réunion »', () => {
  it('is unscheduled while the group announced no next meeting', () => {
    const action = only(meeting('2023-06-20', { actions: [{ id: 'A-1', echeance: 'prochaine réunion' }] }));
    expect(action.deadline?.kind).toBe('next-meeting');
    expect(action.due).toBeUndefined();
  });

  it('falls on the announced date, or the last day of the announced month', () => {
    const dated = only(meeting('2023-06-20', { actions: [{ id: 'A-1', echeance: 'Prochaine Réunion' }], next: { date: '2023-07-20' } }));
    expect(dated.due).toEqual(day('2023-07-20'));
    const month = only(meeting('2023-06-20', { actions: [{ id: 'A-1', echeance: 'prochaine réunion' }], next: { mois: '2023-08' } }));
    expect(month.due).toEqual(day('2023-08-31'));
  });

  it('falls on the next meeting actually held by the same group, not by another group', () => {
    const ledger = ledgerOf(
      meeting('2023-06-20', { actions: [{ id: 'A-1', echeance: 'prochaine réunion' }], next: { date: '2023-07-20' } }),
      meeting('2023-06-25', { group: 'agadez' }),
      meeting('2023-07-27'),
      meeting('2023-08-30'),
    );
    expect(ledger.byId('A-1')?.due).toEqual(day('2023-07-27'));
  });

  it('is relative to the meeting that postponed it', () => {
    const action = only(
      meeting('2023-06-20', { actions: [{ id: 'A-1', echeance: '2023-06-30' }] }),
      meeting('2023-07-20', { followUps: [{ action: 'A-1', statut: 'reporte', nouvelle_echeance: 'prochaine réunion' }] }),
      meeting('2023-08-24'),
    );
    expect(action.due).toEqual(day('2023-08-24'));
  });

  it('gives each group its next meeting as last announced', () => {
    const ledger = ledgerOf(
      meeting('2023-06-20', { next: { date: '2023-07-20' } }),
      meeting('2023-07-20', { next: { mois: '2023-09' } }),
      meeting('2023-07-01', { group: 'zinder', next: { date: '2023-10-02', lieu: 'DRECM/R' } }),
      meeting('2023-08-01', { group: 'zinder' }),
    );
    expect(ledger.nextMeetingOf('national')).toMatchObject({ day: day('2023-09-30'), announced: { mois: '2023-09' } });
    expect(ledger.nextMeetingOf('zinder')).toMatchObject({ day: day('2023-10-02'), announced: { lieu: 'DRECM/R' } });
    expect(ledger.nextMeetingOf('agadez')).toBeUndefined();
  });
});

describe('several groups', () => {
  const repository = [
    meeting('2023-06-20', { actions: [{ id: 'NIA-1', responsables: ['OIM', 'UNHCR'] }, { id: 'NIA-2', responsables: '?' }] }),
    meeting('2023-06-22', { group: 'zinder', actions: [{ id: 'ZIN-1', responsables: 'Tous' }] }),
    meeting('2023-07-20', { followUps: [{ action: 'NIA-1', statut: 'realise' }] }),
    meeting('2023-07-22', { group: 'zinder', followUps: [{ action: 'ZIN-1', statut: 'en_cours' }] }),
  ];

  it('keeps each action in the group that decided it, in meeting order', () => {
    const ledger = ledgerOf(...repository);
    expect(ledger.actions.map((action) => [action.id, action.group])).toEqual([
      ['NIA-1', 'national'],
      ['NIA-2', 'national'],
      ['ZIN-1', 'zinder'],
    ]);
    expect(ledger.byId('NIA-2')?.responsibles).toEqual([]);
    expect(ledger.byId('ZIN-1')?.responsibles).toEqual(['tous']);
  });

  it('lists the open actions of a group', () => {
    const ledger = ledgerOf(...repository);
    expect(ledger.openActionsOf('national').map((action) => action.id)).toEqual(['NIA-2']);
    expect(ledger.openActionsOf('zinder').map((action) => action.id)).toEqual(['ZIN-1']);
  });

  it('gives the state as a meeting held at a given date sees it', () => {
    const before = ledgerBefore(repository, { date: '2023-07-20' });
    expect(before.openActionsOf('national').map((action) => action.id)).toEqual(['NIA-1', 'NIA-2']);
    const after = ledgerBefore(repository, { date: '2023-07-21' });
    expect(after.openActionsOf('national').map((action) => action.id)).toEqual(['NIA-2']);
  });
});

describe('lateness on a reference day', () => {
  const action = (statut?: 'realise' | 'en_cours' | 'reporte') =>
    only(
      meeting('2023-06-20', { actions: [{ id: 'A-1', echeance: '2023-07-31' }] }),
      ...(statut ? [meeting('2023-07-20', { followUps: [{ action: 'A-1', statut }] })] : []),
    );

  it('is late the day after its due day, not on it', () => {
    expect(isLate(action(), day('2023-07-31'))).toBe(false);
    expect(isLate(action(), day('2023-08-01'))).toBe(true);
  });
  it('is never late once done', () => {
    expect(isLate(action('realise'), day('2024-01-01'))).toBe(false);
    expect(isLate(action('en_cours'), day('2024-01-01'))).toBe(true);
  });
  it('is due soon within 14 days', () => {
    expect(isDueSoon(action(), day('2023-07-16'))).toBe(false);
    expect(isDueSoon(action(), day('2023-07-17'))).toBe(true);
    expect(isDueSoon(action(), day('2023-07-31'))).toBe(true);
    expect(isDueSoon(action(), day('2023-08-01'))).toBe(false);
  });
  it('knows its age in days', () => {
    expect(ageInDays(action(), day('2023-07-20'))).toBe(30);
  });
});

describe('shared values', () => {
  it('normalises lists of responsibles without changing the meeting’s own list', () => {
    const decided = meeting('2023-06-20', {
      actions: [
        { id: 'A-1', responsables: ['OIM', 'UNHCR'] },
        { id: 'A-2', responsables: ['OIM', 'TOUS'] },
        { id: 'A-3', responsables: ['OIM', '?'] },
      ],
    });
    const ledger = ledgerOf(decided);
    expect(ledger.actions.map((action) => action.responsibles)).toEqual([['OIM', 'UNHCR'], ['OIM', 'tous'], ['OIM']]);
    expect(decided.meeting.ordre_du_jour[0]!.actions!.map((action) => action.responsables)).toEqual([['OIM', 'UNHCR'], ['OIM', 'TOUS'], ['OIM', '?']]);
  });

  it('gives each action its own follow-ups and due day when several write the same deadline', () => {
    const ledger = ledgerOf(
      meeting('2023-06-20', { actions: [{ id: 'A-1', echeance: '2023-07' }, { id: 'A-2', echeance: '2023-07' }, { id: 'A-3', echeance: 2023 }] }),
      meeting('2023-07-20', { followUps: [{ action: 'A-1', statut: 'en_cours' }, { action: 'A-2', statut: 'reporte', nouvelle_echeance: '2023' }] }),
      meeting('2023-08-20', { followUps: [{ action: 'A-1', statut: 'realise' }] }),
    );
    const [first, second, third] = ledger.actions;
    expect(first!.due).toEqual(day('2023-07-31'));
    expect(second!.due).toEqual(day('2023-12-31'));
    expect(third!.due).toEqual(day('2023-12-31'));
    expect(second!.initialDeadline).toMatchObject({ kind: 'month', written: '2023-07' });
    expect(first!.followUps.map((followUp) => followUp.status)).toEqual(['en_cours', 'realise']);
    expect(second!.followUps.map((followUp) => followUp.status)).toEqual(['reporte']);
    expect(third!.followUps).toEqual([]);
  });
});

describe('the follow-up tables of every meeting, in one fold', () => {
  it('show each action exactly as the ledger of the meetings before it does', async () => {
    const repo = await syntheticRepo(120);
    try {
      const { meetings } = await loadRepository(repo.root, { cache: false });
      const views = actionsAsFollowedUp(meetings);
      let compared = 0;
      for (const meeting of meetings) {
        const before = ledgerBefore(meetings, { date: meeting.meeting.date, id: meeting.id });
        for (const followUp of meeting.meeting.suivi_actions ?? []) {
          const expected = before.byId(followUp.action);
          const seen = views.get(meeting)!.get(followUp.action.toUpperCase());
          expect(seen, `${meeting.id} ${followUp.action}`).toEqual(
            expected && { id: expected.id, description: expected.description, responsibles: expected.responsibles, ...(expected.deadline ? { deadline: expected.deadline } : {}) },
          );
          compared++;
        }
      }
      // Postponed deadlines are among them: the views are not just the decisions.
      expect(compared).toBeGreaterThan(100);
      expect(meetings.some((meeting) => meeting.meeting.suivi_actions?.some((followUp) => followUp.nouvelle_echeance !== undefined))).toBe(true);
    } finally {
      await repo.cleanup();
    }
  });

  it('agree with the ledger for meetings of two groups held the same day', () => {
    const decided = meeting('2023-06-20', { group: 'agadez', actions: [{ id: 'AGZ-1', echeance: '2023-07-01' }] });
    const sameDay = meeting('2023-06-20', { group: 'zinder', followUps: [{ action: 'AGZ-1', statut: 'reporte', nouvelle_echeance: '2023-08-01' }] });
    const later = meeting('2023-07-20', { followUps: [{ action: 'agz-1', statut: 'en_cours' }] });
    const views = actionsAsFollowedUp([later, sameDay, decided]);
    for (const loaded of [decided, sameDay, later]) {
      const expected = ledgerBefore([later, sameDay, decided], { date: loaded.meeting.date, id: loaded.id }).byId('AGZ-1');
      expect(views.get(loaded)!.get('AGZ-1')?.deadline).toEqual(loaded.meeting.suivi_actions ? expected?.deadline : undefined);
    }
    // The later meeting sees the postponement decided the same day as the action, by another group.
    expect(views.get(later)!.get('AGZ-1')?.deadline).toMatchObject({ written: '2023-08-01' });
  });
});
