// Who a group's documents go to: its members (gtm.yaml `membres`, else the organisations that
// took part in its last meeting) and their contacts; who convenes it (`presidence`). Pure.
import { participantsOf } from '../attendance.js';
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
