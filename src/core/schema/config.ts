// The repository's configuration, gtm.yaml at its root: groups, letterhead, organisations.
import * as z from 'zod/mini';
import { documented, text } from './values.js';
import { signature } from './meeting.js';

export const ORGANISATION_KINDS = ['etat', 'agence_onu', 'ong', 'ptf', 'osc', 'autre'] as const;

export const groupSchema = documented(
  z.strictObject({
    code: documented(z.string().check(z.regex(/^[A-Z]{2,5}$/, { error: 'code de 2 à 5 lettres majuscules, par exemple NIA' })), {
      description: 'Code court du groupe, préfixe des identifiants d’action (NIA-2306-1).',
    }),
    nom: documented(text, { description: 'Nom du groupe, par exemple « Groupe Technique sur la Migration ».' }),
    sigle: documented(text, { description: 'Sigle du groupe, par exemple GTM.' }),
    region: documented(z.optional(text), { description: 'Région d’un groupe régional (Agadez, Tahoua, Zinder).' }),
    titre: documented(text, { description: 'Titre des comptes-rendus du groupe.' }),
    titre_court: documented(z.optional(text), { description: 'Titre court, en en-tête des pages suivantes du PDF.' }),
    lieu_habituel: documented(text, { description: 'Lieu habituel des réunions.' }),
    signataire: documented(signature, { description: 'Signataire habituel des comptes-rendus.' }),
  }),
  { description: 'Un groupe qui se réunit : le GTM national ou un GTM régional.' },
);

export const organisationSchema = documented(
  z.strictObject({
    nom: documented(text, { description: 'Nom complet de l’organisation.' }),
    type: documented(z.enum(ORGANISATION_KINDS), {
      description: 'etat, agence_onu, ong, ptf (partenaire technique et financier), osc (société civile) ou autre.',
    }),
  }),
  { description: 'Organisation membre ou invitée.' },
);

export const configSchema = documented(
  z.strictObject({
    entete: documented(
      z.strictObject({
        pays: documented(text, { description: 'Par exemple « République du Niger ».' }),
        devise: documented(text, { description: 'Par exemple « Fraternité – Travail – Progrès ».' }),
        ministere: text,
        secretariat: text,
      }),
      { description: 'En-tête officiel de la première page.' },
    ),
    groupe_par_defaut: documented(text, { description: 'Clé du groupe utilisé quand une réunion ne précise pas son groupe.' }),
    groupes: documented(z.record(z.string(), groupSchema), { description: 'Groupes, par clé (national, agadez, tahoua, zinder…).' }),
    organisations: documented(z.record(z.string(), organisationSchema), { description: 'Annuaire des organisations, par sigle.' }),
  }),
  { title: 'Configuration gtm.yaml', description: 'Configuration d’un dépôt de comptes-rendus du GTM.' },
);

export type Config = z.infer<typeof configSchema>;
export type Group = z.infer<typeof groupSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
