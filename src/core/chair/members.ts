// Who a group's documents go to: its members (gtm.yaml `membres`, else the organisations that
// took part in its last meeting) and their contacts; who convenes it (`presidence`). Pure.
import { participantsOf } from '../attendance.js';
import { frenchOrder } from '../french/index.js';
import type { LoadedMeeting } from '../model.js';
import type { Config, Contact, Group } from '../schema/config.js';

export interface Recipient {
  organisation: string;
  contact: Contact;
}

export interface Circulation {
  /** The member organisations, as gtm.yaml lists them (or as the last meeting saw them). */
  members: string[];
  /** Every member's contacts, in the members' order. */
  recipients: Recipient[];
  /** Members with no contact: nobody to write to. */
  withoutContact: string[];
}

export function circulationOf(config: Config, group: Group, groupMeetings: readonly LoadedMeeting[]): Circulation {
  const last = groupMeetings.at(-1);
  const members = group.membres ?? (last ? participantsOf(last.meeting) : []);
  const recipients: Recipient[] = [];
  const withoutContact: string[] = [];
  for (const organisation of members) {
    const contacts = config.organisations[organisation]?.contacts ?? [];
    if (contacts.length === 0) withoutContact.push(organisation);
    for (const contact of contacts) recipients.push({ organisation, contact });
  }
  return { members, recipients, withoutContact };
}

/**
 * The organisation that convenes the group: `presidence` in gtm.yaml; else whoever opened its
 * last meeting; else the SP/CCM (national) or the DRECM/R (regional) when the directory has it.
 */
export function chairOf(config: Config, group: Group, groupMeetings: readonly LoadedMeeting[]): string | undefined {
  if (group.presidence !== undefined) return group.presidence;
  const opening = groupMeetings.at(-1)?.meeting.ordre_du_jour.find((item) => /^ouverture\b/i.test(item.titre.trim()));
  if (opening?.presentateur !== undefined) return opening.presentateur;
  const usual = group.region !== undefined ? 'DRECM/R' : 'SP/CCM';
  return Object.hasOwn(config.organisations, usual) ? usual : undefined;
}

/** The chair's first contact: the organiser of a calendar invitation, the sender of an e-mail. */
export function chairContact(config: Config, chair: string | undefined): Recipient | undefined {
  const contact = chair === undefined ? undefined : config.organisations[chair]?.contacts?.[0];
  return contact && chair !== undefined ? { organisation: chair, contact } : undefined;
}

/**
 * Entries grouped by the responsibles of their action (one shared by two appears under both;
 * « ? » for an action still to assign): organisations and collectives in French order, then
 * « tous », then « ? ».
 */
export function groupByResponsible<T extends { action: { responsibles: readonly string[] } }>(entries: readonly T[]): { responsible: string; actions: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    for (const responsible of entry.action.responsibles.length > 0 ? entry.action.responsibles : ['?']) {
      const list = groups.get(responsible);
      if (list) list.push(entry);
      else groups.set(responsible, [entry]);
    }
  }
  const rank = (name: string) => (name === '?' ? 2 : name === 'tous' ? 1 : 0);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || frenchOrder(a, b)).map(([responsible, actions]) => ({ responsible, actions }));
}
