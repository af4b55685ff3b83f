// The meeting record: one YAML file in meetings/, written by the rapporteur.
// Keys are French (ASCII, snake_case); every field is documented for the editor's completion.
import * as z from 'zod/mini';
import { messages } from '../messages.js';
import { parseDeadline } from '../calendar.js';
import { acronym, actionId, deadline, documented, isoDate, month, text, time } from './values.js';

export const RECORD_STATUSES = ['brouillon', 'valide', 'diffuse'] as const;
export const ACTION_STATUSES = ['ouvert', 'en_cours', 'realise', 'abandonne', 'reporte'] as const;
export const MODALITIES = ['presentiel', 'virtuel', 'hybride'] as const;
export const ATTENDANCE_STATUSES = ['present', 'excuse', 'absent', 'represente'] as const;

/** A deadline, checked: text that looks like a date must be a real one. */
const checkedDeadline = deadline.check(
  z.refine((value) => parseDeadline(value) !== undefined, { error: (issue) => messages.invalidDeadline(String(issue.input)) }),
);

/** Responsible organisations: acronyms, « ? » while undecided, « tous » for every member. */
const responsibles = documented(z.union([acronym, z.array(acronym).check(z.minLength(1))]), {
  description:
    'Organisation(s) responsable(s) : un sigle, une liste de sigles, « ? » si elle n’est pas encore désignée, « tous » pour tous les acteurs.',
});

export const actionPoint = documented(
  z.strictObject({
    id: actionId,
    action: documented(text, { description: 'Ce qui doit être fait.' }),
    responsables: z.optional(responsibles),
    echeance: z.optional(checkedDeadline),
  }),
  { description: 'Point d’action décidé pendant la réunion.' },
);

export const agendaItem = documented(
  z.strictObject({
    titre: documented(text, { description: 'Intitulé du point, sans numéro : la numérotation est automatique.' }),
    presentateur: documented(z.optional(acronym), { description: 'Sigle de l’organisation qui présente le point, par exemple OIM.' }),
    intervenant: documented(z.optional(text), {
      description: 'Intervenant qui n’est pas une organisation de l’annuaire, par exemple « Consultant ».',
    }),
    discussion: documented(z.optional(z.string()), {
      description: 'Points de discussion clés, en Markdown : listes, **gras**, sous-titres (###), liens.',
    }),
    actions: documented(z.optional(z.array(actionPoint)), { description: 'Points d’action ; absent ou vide : « N/A ».' }),
  }),
  { description: 'Point inscrit à l’ordre du jour.' },
);

export const followUp = documented(
  z.strictObject({
    action: documented(actionId, { description: 'Identifiant de l’action suivie, décidée lors d’une réunion précédente.' }),
    statut: documented(z.enum(ACTION_STATUSES), { description: 'Nouvel état : ouvert, en_cours, realise, abandonne ou reporte.' }),
    commentaire: documented(z.optional(text), { description: 'Ce qui a été dit de l’action.' }),
    nouvelle_echeance: documented(z.optional(checkedDeadline), { description: 'Nouvelle date limite, pour une action reportée.' }),
  }),
  { description: 'Suivi d’un point d’action d’une réunion précédente.' },
);

export const nextMeeting = documented(
  z
    .strictObject({
      date: documented(z.optional(isoDate), { description: 'Date décidée (AAAA-MM-JJ).' }),
      mois: documented(z.optional(month), { description: 'Seulement le mois, quand le jour n’est pas fixé (AAAA-MM).' }),
      heure: z.optional(time),
      lieu: documented(z.optional(text), { description: 'Lieu ou précision, par exemple « dans la salle habituelle ».' }),
    })
    .check(
      z.refine((value) => (value.date === undefined) !== (value.mois === undefined), {
        error: 'indiquez soit date, soit mois pour la prochaine réunion',
      }),
    ),
  { description: 'Prochaine réunion, aussi précise que décidée.' },
);

export const signature = documented(
  z.strictObject({
    qualite: documented(text, { description: 'Qualité du signataire, par exemple « Le Secrétaire Permanent ».' }),
    nom: documented(text, { description: 'Nom du signataire.' }),
    structure: documented(z.optional(text), { description: 'Structure du signataire (rapporteurs des groupes régionaux).' }),
  }),
  { description: 'Signataire du compte-rendu.' },
);

export const annex = documented(
  z.strictObject({
    titre: documented(text, { description: 'Titre de l’annexe.' }),
    contenu: documented(z.string(), { description: 'Contenu en Markdown : sous-titres (###), listes numérotées, paragraphes.' }),
  }),
  { description: 'Annexe du compte-rendu.' },
);

export const participant = documented(
  z.strictObject({
    nom: documented(text, { description: 'Nom de la personne, par exemple « M. Issoufou Garba ».' }),
    fonction: documented(z.optional(text), { description: 'Fonction, par exemple « Chef de division ».' }),
  }),
  { description: 'Personne qui a représenté l’organisation à la réunion.' },
);

/** An organisation's attendance in detail; a plain acronym in the list means « present ». */
export const attendanceRecord = documented(
  z.strictObject({
    organisation: acronym,
    statut: documented(z.optional(z.enum(ATTENDANCE_STATUSES)), {
      description: 'present (par défaut), excuse, absent, ou represente (par une autre organisation ou une personne : voir represente_par).',
    }),
    represente_par: documented(z.optional(text), { description: 'Pour « statut: represente » : par qui, par exemple SP/CCM.' }),
    participants: documented(z.optional(z.array(participant)), { description: 'Les personnes présentes pour l’organisation (nom, fonction).' }),
  }),
  { description: 'Présence d’une organisation, en détail : statut, représentation, participants.' },
);

export const meetingSchema = documented(
  z.strictObject({
    groupe: documented(z.optional(text), {
      description: 'Groupe qui s’est réuni (clé de groupes dans gtm.yaml) ; le groupe par défaut si absent.',
    }),
    statut: documented(z.enum(RECORD_STATUSES), {
      description: 'État du compte-rendu : brouillon, valide (adopté) ou diffuse (envoyé aux membres).',
    }),
    date: isoDate,
    heure_debut: z.optional(time),
    heure_fin: z.optional(time),
    lieu: documented(z.optional(text), { description: 'Lieu de la réunion ; le lieu habituel du groupe si absent.' }),
    modalite: documented(z.optional(z.enum(MODALITIES)), { description: 'presentiel (par défaut), virtuel ou hybride.' }),
    outil: documented(z.optional(text), { description: 'Outil de visioconférence, par exemple Skype.' }),
    presence: documented(z.array(z.union([acronym, attendanceRecord])).check(z.minLength(1)), {
      description:
        'Organisations présentes, par sigle de l’annuaire de gtm.yaml ; ou en détail { organisation, statut, represente_par, participants } (excusées, représentées, noms des participants).',
    }),
    ordre_du_jour: documented(z.array(agendaItem).check(z.minLength(1)), { description: 'Points inscrits à l’ordre du jour, dans l’ordre.' }),
    suivi_actions: documented(z.optional(z.array(followUp)), { description: 'Suivi des points d’action des réunions précédentes.' }),
    prochaine_reunion: z.optional(nextMeeting),
    signature: documented(z.optional(signature), { description: 'Signataire ; le signataire habituel du groupe si absent.' }),
    annexes: z.optional(z.array(annex)),
  }),
  { title: 'Réunion du GTM', description: 'Compte-rendu d’une réunion du Groupe Technique sur la Migration.' },
);

export type Meeting = z.infer<typeof meetingSchema>;
export type AgendaItem = z.infer<typeof agendaItem>;
export type ActionPoint = z.infer<typeof actionPoint>;
export type FollowUp = z.infer<typeof followUp>;
export type NextMeeting = z.infer<typeof nextMeeting>;
export type Signature = z.infer<typeof signature>;
export type AttendanceEntry = Meeting['presence'][number];
export type AttendanceRecord = z.infer<typeof attendanceRecord>;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export type RecordStatus = (typeof RECORD_STATUSES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export { isReservedResponsible, responsiblesOf } from './responsibles.js';
