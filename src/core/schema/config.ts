// The repository's configuration, gtm.yaml at its root: groups, letterhead, organisations.
import * as z from 'zod/mini';
import { acronym, documented, email, text } from './values.js';
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
    presidence: documented(z.optional(acronym), {
      description: 'Sigle de l’organisation qui préside le groupe et convoque ses réunions (SP/CCM, DRECM/R) ; par défaut celle qui a ouvert la dernière réunion.',
    }),
    membres: documented(z.optional(z.array(acronym)), {
      description: 'Sigles des organisations membres du groupe, attendues à chaque réunion : la présence, la convocation, la diffusion et le bilan s’en servent.',
    }),
  }),
  { description: 'Un groupe qui se réunit : le GTM national ou un GTM régional.' },
);

export const contactSchema = documented(
  z.strictObject({
    nom: documented(text, { description: 'Nom de la personne, par exemple « Mme Aïchatou Moussa ».' }),
    fonction: documented(z.optional(text), { description: 'Fonction, par exemple « Point focal migration ».' }),
    email: email,
  }),
  { description: 'Personne à qui envoyer convocations et comptes-rendus.' },
);

const organisationKind = documented(z.enum(ORGANISATION_KINDS), {
  description: 'etat, agence_onu, ong, ptf (partenaire technique et financier), osc (société civile) ou autre.',
});

export const organisationSchema = documented(
  z.strictObject({
    nom: documented(text, { description: 'Nom complet de l’organisation.' }),
    type: organisationKind,
    contacts: documented(z.optional(z.array(contactSchema)), {
      description: 'Personnes qui reçoivent la convocation et le compte-rendu (nom, fonction, email).',
    }),
  }),
  { description: 'Organisation membre ou invitée.' },
);

export const collectiveSchema = documented(
  z
    .strictObject({
      nom: documented(text, { description: 'Nom affiché dans les comptes-rendus, par exemple « Les partenaires techniques et financiers ».' }),
      types: documented(z.optional(z.array(organisationKind)), {
        description: 'Types de l’annuaire dont toutes les organisations font partie du collectif, par exemple [ptf].',
      }),
      membres: documented(z.optional(z.array(acronym)), { description: 'Sigles des organisations du collectif.' }),
    })
    .check(
      z.refine((value) => (value.types?.length ?? 0) + (value.membres?.length ?? 0) > 0, {
        error: 'indiquez les types (types: [ptf]) ou les membres (membres: [OIM, UNHCR]) du collectif',
      }),
    ),
  { description: 'Un responsable collectif : les organisations de certains types de l’annuaire, ou une liste.' },
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
    collectifs: documented(z.optional(z.record(z.string(), collectiveSchema)), {
      description: 'Responsables collectifs (« PTF », « OSC »…), par nom court, utilisables dans « responsables: ».',
    }),
  }),
  { title: 'Configuration gtm.yaml', description: 'Configuration d’un dépôt de comptes-rendus du GTM.' },
);

export type Config = z.infer<typeof configSchema>;
export type Group = z.infer<typeof groupSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Collective = z.infer<typeof collectiveSchema>;
