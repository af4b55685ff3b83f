// The meeting record: one YAML file in meetings/, written by the rapporteur.
// Keys are French (ASCII, snake_case); every field is documented for the editor's completion.
import { z } from 'zod';
import { messages } from '../messages.js';
import { parseDeadline } from '../calendar.js';
import { acronym, actionId, deadline, isoDate, month, text, time } from './values.js';

export const RECORD_STATUSES = ['brouillon', 'valide', 'diffuse'] as const;
export const ACTION_STATUSES = ['ouvert', 'en_cours', 'realise', 'abandonne', 'reporte'] as const;
export const MODALITIES = ['presentiel', 'virtuel', 'hybride'] as const;

/** A deadline, checked: text that looks like a date must be a real one. */
const checkedDeadline = deadline.refine((value) => parseDeadline(value) !== undefined, {
  error: (issue) => messages.invalidDeadline(String(issue.input)),
});

/** Responsible organisations: acronyms, « ? » while undecided, « tous » for every member. */
const responsibles = z
  .union([acronym, z.array(acronym).min(1)])
  .meta({
    description:
      'Organisation(s) responsable(s) : un sigle, une liste de sigles, « ? » si elle n’est pas encore désignée, « tous » pour tous les acteurs.',
  });

export const actionPoint = z
  .strictObject({
    id: actionId,
    action: text.meta({ description: 'Ce qui doit être fait.' }),
    responsables: responsibles.optional(),
    echeance: checkedDeadline.optional(),
  })
  .meta({ description: 'Point d’action décidé pendant la réunion.' });

export const agendaItem = z
  .strictObject({
    titre: text.meta({ description: 'Intitulé du point, sans numéro : la numérotation est automatique.' }),
    presentateur: acronym
      .optional()
      .meta({ description: 'Sigle de l’organisation qui présente le point, par exemple OIM.' }),
    intervenant: text
      .optional()
      .meta({ description: 'Intervenant qui n’est pas une organisation de l’annuaire, par exemple « Consultant ».' }),
    discussion: z
      .string()
      .optional()
      .meta({ description: 'Points de discussion clés, en Markdown : listes, **gras**, sous-titres (###), liens.' }),
    actions: z.array(actionPoint).optional().meta({ description: 'Points d’action ; absent ou vide : « N/A ».' }),
  })
  .meta({ description: 'Point inscrit à l’ordre du jour.' });

export const followUp = z
  .strictObject({
    action: actionId.meta({ description: 'Identifiant de l’action suivie, décidée lors d’une réunion précédente.' }),
    statut: z.enum(ACTION_STATUSES).meta({ description: 'Nouvel état : ouvert, en_cours, realise, abandonne ou reporte.' }),
    commentaire: text.optional().meta({ description: 'Ce qui a été dit de l’action.' }),
    nouvelle_echeance: checkedDeadline.optional().meta({ description: 'Nouvelle date limite, pour une action reportée.' }),
  })
  .meta({ description: 'Suivi d’un point d’action d’une réunion précédente.' });

export const nextMeeting = z
  .strictObject({
    date: isoDate.optional().meta({ description: 'Date décidée (AAAA-MM-JJ).' }),
    mois: month.optional().meta({ description: 'Seulement le mois, quand le jour n’est pas fixé (AAAA-MM).' }),
    heure: time.optional(),
    lieu: text.optional().meta({ description: 'Lieu ou précision, par exemple « dans la salle habituelle ».' }),
  })
  .refine((value) => (value.date === undefined) !== (value.mois === undefined), {
    error: 'indiquez soit date, soit mois pour la prochaine réunion',
  })
  .meta({ description: 'Prochaine réunion, aussi précise que décidée.' });

export const signature = z
  .strictObject({
    qualite: text.meta({ description: 'Qualité du signataire, par exemple « Le Secrétaire Permanent ».' }),
    nom: text.meta({ description: 'Nom du signataire.' }),
    structure: text.optional().meta({ description: 'Structure du signataire (rapporteurs des groupes régionaux).' }),
  })
  .meta({ description: 'Signataire du compte-rendu.' });

export const annex = z
  .strictObject({
    titre: text.meta({ description: 'Titre de l’annexe.' }),
    contenu: z.string().meta({ description: 'Contenu en Markdown : sous-titres (###), listes numérotées, paragraphes.' }),
  })
  .meta({ description: 'Annexe du compte-rendu.' });

export const meetingSchema = z
  .strictObject({
    groupe: text
      .optional()
      .meta({ description: 'Groupe qui s’est réuni (clé de groupes dans gtm.yaml) ; le groupe par défaut si absent.' }),
    statut: z
      .enum(RECORD_STATUSES)
      .meta({ description: 'État du compte-rendu : brouillon, valide (adopté) ou diffuse (envoyé aux membres).' }),
    date: isoDate,
    heure_debut: time.optional(),
    heure_fin: time.optional(),
    lieu: text.optional().meta({ description: 'Lieu de la réunion ; le lieu habituel du groupe si absent.' }),
    modalite: z
      .enum(MODALITIES)
      .optional()
      .meta({ description: 'presentiel (par défaut), virtuel ou hybride.' }),
    outil: text.optional().meta({ description: 'Outil de visioconférence, par exemple Skype.' }),
    presence: z
      .array(acronym)
      .min(1)
      .meta({ description: 'Sigles des organisations présentes, tels que dans l’annuaire de gtm.yaml.' }),
    ordre_du_jour: z.array(agendaItem).min(1).meta({ description: 'Points inscrits à l’ordre du jour, dans l’ordre.' }),
    suivi_actions: z
      .array(followUp)
      .optional()
      .meta({ description: 'Suivi des points d’action des réunions précédentes.' }),
    prochaine_reunion: nextMeeting.optional(),
    signature: signature.optional().meta({ description: 'Signataire ; le signataire habituel du groupe si absent.' }),
    annexes: z.array(annex).optional(),
  })
  .meta({ title: 'Réunion du GTM', description: 'Compte-rendu d’une réunion du Groupe Technique sur la Migration.' });

export type Meeting = z.infer<typeof meetingSchema>;
export type AgendaItem = z.infer<typeof agendaItem>;
export type ActionPoint = z.infer<typeof actionPoint>;
export type FollowUp = z.infer<typeof followUp>;
export type NextMeeting = z.infer<typeof nextMeeting>;
export type Signature = z.infer<typeof signature>;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export { isReservedResponsible, responsiblesOf } from './responsibles.js';
