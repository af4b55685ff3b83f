// The repository's configuration, gtm.yaml at its root: groups, letterhead, organisations.
import { z } from 'zod';
import { text } from './values.js';
import { signature } from './meeting.js';

export const ORGANISATION_KINDS = ['etat', 'agence_onu', 'ong', 'ptf', 'osc', 'autre'] as const;

export const groupSchema = z
  .strictObject({
    code: z
      .string()
      .regex(/^[A-Z]{2,5}$/, { error: 'code de 2 à 5 lettres majuscules, par exemple NIA' })
      .meta({ description: 'Code court du groupe, préfixe des identifiants d’action (NIA-2306-1).' }),
    nom: text.meta({ description: 'Nom du groupe, par exemple « Groupe Technique sur la Migration ».' }),
    sigle: text.meta({ description: 'Sigle du groupe, par exemple GTM.' }),
    region: text.optional().meta({ description: 'Région d’un groupe régional (Agadez, Tahoua, Zinder).' }),
    titre: text.meta({ description: 'Titre des comptes-rendus du groupe.' }),
    titre_court: text.optional().meta({ description: 'Titre court, en en-tête des pages suivantes du PDF.' }),
    lieu_habituel: text.meta({ description: 'Lieu habituel des réunions.' }),
    signataire: signature.meta({ description: 'Signataire habituel des comptes-rendus.' }),
  })
  .meta({ description: 'Un groupe qui se réunit : le GTM national ou un GTM régional.' });

export const organisationSchema = z
  .strictObject({
    nom: text.meta({ description: 'Nom complet de l’organisation.' }),
    type: z
      .enum(ORGANISATION_KINDS)
      .meta({ description: 'etat, agence_onu, ong, ptf (partenaire technique et financier), osc (société civile) ou autre.' }),
  })
  .meta({ description: 'Organisation membre ou invitée.' });

export const configSchema = z
  .strictObject({
    entete: z
      .strictObject({
        pays: text.meta({ description: 'Par exemple « République du Niger ».' }),
        devise: text.meta({ description: 'Par exemple « Fraternité – Travail – Progrès ».' }),
        ministere: text,
        secretariat: text,
      })
      .meta({ description: 'En-tête officiel de la première page.' }),
    groupe_par_defaut: text.meta({ description: 'Clé du groupe utilisé quand une réunion ne précise pas son groupe.' }),
    groupes: z.record(z.string(), groupSchema).meta({ description: 'Groupes, par clé (national, agadez, tahoua, zinder…).' }),
    organisations: z
      .record(z.string(), organisationSchema)
      .meta({ description: 'Annuaire des organisations, par sigle.' }),
  })
  .meta({ title: 'Configuration gtm.yaml', description: 'Configuration d’un dépôt de comptes-rendus du GTM.' });

export type Config = z.infer<typeof configSchema>;
export type Group = z.infer<typeof groupSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
