// What recognition makes of a compte-rendu: the meeting's fields, each with the comments the
// record will carry at its place, and the findings the report lists (guesses, notes, what
// could not be placed), each with its place in the source.
import type { Place } from './blocks.js';
import type { ProposedOrganisation } from './organisations.js';

export interface Finding {
  kind: 'guess' | 'note' | 'unplaced';
  text: string;
  place?: Place;
}

/** An organisation named in the source: known (acronym), or unknown with a proposed directory entry. */
export interface NamedOrganisation {
  written: string;
  acronym?: string;
  unknown?: ProposedOrganisation;
  /** Comment lines for the record, beside the value. */
  comments: string[];
}

export interface DraftAction {
  id: string;
  action: string;
  /** « ? » while undecided, « tous », or organisations. */
  responsibles: '?' | 'tous' | NamedOrganisation[];
  deadline?: string | number;
  comments: string[];
}

export interface DraftItem {
  titre: string;
  presentateur?: string;
  intervenant?: string;
  discussion?: string;
  actions: DraftAction[];
  comments: string[];
  /** Comments about the discussion: placed before it (a comment inside a block scalar would be text). */
  discussionComments: string[];
}

export interface DraftNextMeeting {
  date?: string;
  mois?: string;
  heure?: string;
  lieu?: string;
}

export interface Draft {
  group: string;
  isDefaultGroup: boolean;
  date: string;
  heureDebut?: string;
  heureFin?: string;
  lieu?: string;
  modalite?: 'presentiel' | 'virtuel' | 'hybride';
  outil?: string;
  presence: NamedOrganisation[];
  items: DraftItem[];
  next?: DraftNextMeeting;
  signature?: { qualite: string; nom: string; structure?: string };
  annexes: Array<{ titre: string; contenu: string; comments: string[] }>;
  comments: { top: string[]; header: string[]; presence: string[]; agenda: string[]; next: string[]; signature: string[]; end: string[] };
  findings: Finding[];
}
