// Responsibles of an action point, without the schema: the ledger and the rules read them on
// every run, including the runs that never load zod (everything came from the parse cache).
import type { ActionPoint } from './meeting.js';

/** Responsibles as a list; empty while undecided (« ? »). */
export function responsiblesOf(action: Pick<ActionPoint, 'responsables'>): string[] {
  const list = action.responsables === undefined ? [] : Array.isArray(action.responsables) ? action.responsables : [action.responsables];
  return list.filter((name) => name !== '?');
}

/** Reserved words in responsables that are not organisations. */
export function isReservedResponsible(name: string): boolean {
  return name === '?' || name.toLowerCase() === 'tous';
}
