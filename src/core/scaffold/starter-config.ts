// The gtm.yaml that `gtm init` writes: the GTM's groups, letterhead and organisation directory,
// as in the project's own gtm.yaml (a unit test keeps their data identical). It lives in the
// bundle as text, since the installed tool must not read the project checkout.
export const STARTER_CONFIG = `# yaml-language-server: $schema=./schema/config.schema.json
#
# Configuration du dépôt des comptes-rendus du Groupe Technique sur la Migration (GTM),
# créée par « gtm init » : c’est un point de départ, à relire et adapter (nom du signataire,
# rapporteurs des GTM régionaux, organisations membres).
#
# Ce fichier décrit :
#   - l’en-tête officiel imprimé en première page de chaque compte-rendu (entete) ;
#   - les groupes qui se réunissent : le GTM national et les GTM régionaux (groupes) ;
#   - l’annuaire des organisations, par sigle (organisations).
#
# Conseils d’écriture :
#   - une clé suivie de « : » puis de sa valeur ; l’indentation (espaces, jamais de tabulations)
#     indique ce qui appartient à quoi ;
#   - les lignes qui commencent par « # » sont des commentaires : l’outil les ignore ;
#   - mettez une valeur entre guillemets si elle contient « : » suivi d’un espace, ou commence
#     par un caractère spécial (« * », « & », « ! », « [ », « { »…).
#   - après une modification, lancez « gtm validate » pour vérifier le fichier.

# En-tête officiel de la première page.
entete:
  pays: République du Niger
  devise: Fraternité – Travail – Progrès
  ministere: Ministère de l’Intérieur et de la Décentralisation
  secretariat: Secrétariat Permanent du Cadre de Concertation sur la Migration

# Groupe utilisé quand un fichier de réunion ne précise pas « groupe: ».
groupe_par_defaut: national

# Les groupes qui se réunissent. La clé (national, agadez…) est celle qu’on écrit dans
# « groupe: » d’une réunion et à la fin du nom de fichier : meetings/2023-06-20-national.yaml.
# Le code (NIA, AGZ…) préfixe les identifiants des points d’action : NIA-2306-1 est la première
# action décidée par le GTM national en juin 2023.
groupes:
  national:
    code: NIA
    nom: Groupe Technique sur la Migration
    sigle: GTM
    titre: Compte-rendu de la réunion du Groupe Technique sur la Migration – Coordination et partage de l’information
    # Titre court, répété en haut des pages suivantes du PDF.
    titre_court: Compte-rendu du GTM
    # Lieu imprimé quand une réunion ne précise pas « lieu: ».
    lieu_habituel: Salle de réunion de la DGECEM-R, Niamey
    # Signataire imprimé quand une réunion ne précise pas « signature: ».
    signataire:
      qualite: Le Secrétaire Permanent
      nom: SOLY AMADOU
    # L’organisation qui préside et convoque les réunions (organisateur de l’invitation).
    presidence: SP/CCM
    # Les organisations membres, attendues à chaque réunion : un membre qui n’est ni présent ni
    # excusé est compté absent (gtm bilan) ; la convocation et le compte-rendu leur sont envoyés
    # (gtm convocation, gtm diffuser), à l’adresse des contacts de l’annuaire.
    membres:
      - MI/D
      - SP/CCM
      - DGECEM-R
      - OIM
      - UNHCR
      - UNICEF
      - UNFPA
      - ONU Femmes
      - CICR
      - CRN
      - DRC/MMC
      - GIZ/APM

  # Les GTM régionaux sont présidés par la direction régionale de l’état civil, des migrations
  # et des réfugiés (DRECM/R) ; leurs comptes-rendus sont signés par le rapporteur.
  agadez:
    code: AGZ
    nom: Groupe Technique sur la Migration d’Agadez
    sigle: GTM Agadez
    region: Agadez
    titre: Compte-rendu de la réunion du Groupe Technique sur la Migration (GTM) AGADEZ – Coordination et partage de l’information
    titre_court: Compte-rendu du GTM Agadez
    lieu_habituel: Direction régionale de l’état civil, des migrations et des réfugiés, Agadez
    signataire:
      qualite: Le Rapporteur
      # Remplacez par le nom du rapporteur désigné.
      nom: Rapporteur du GTM régional
      structure: DRECM/R Agadez

  tahoua:
    code: THA
    nom: Groupe Technique sur la Migration de Tahoua
    sigle: GTM Tahoua
    region: Tahoua
    titre: Compte-rendu de la réunion du Groupe Technique sur la Migration (GTM) TAHOUA – Coordination et partage de l’information
    titre_court: Compte-rendu du GTM Tahoua
    lieu_habituel: Direction régionale de l’état civil, des migrations et des réfugiés, Tahoua
    signataire:
      qualite: Le Rapporteur
      # Remplacez par le nom du rapporteur désigné.
      nom: Rapporteur du GTM régional
      structure: DRECM/R Tahoua

  zinder:
    code: ZIN
    nom: Groupe Technique sur la Migration de Zinder
    sigle: GTM Zinder
    region: Zinder
    titre: Compte-rendu de la réunion du Groupe Technique sur la Migration (GTM) ZINDER – Coordination et partage de l’information
    titre_court: Compte-rendu du GTM Zinder
    lieu_habituel: Direction régionale de l’état civil, des migrations et des réfugiés, Zinder
    signataire:
      qualite: Le Rapporteur
      # Remplacez par le nom du rapporteur désigné.
      nom: Rapporteur du GTM régional
      structure: DRECM/R Zinder

# Annuaire des organisations. La clé est le sigle, écrit une seule façon, tel qu’on l’utilise
# dans « presence: », « presentateur: » et « responsables: » des réunions (par exemple
# « ONU Femmes », et non « ONUFemmes »). Pour une organisation sans sigle, la clé est un nom
# court (« Forum Réfugiés », « CRD »).
# type : etat, agence_onu, ong, ptf (partenaire technique et financier), osc (société civile)
# ou autre.
# Pour ajouter une organisation, copiez un bloc de trois lignes et adaptez-le.
# contacts (facultatif) : les personnes qui reçoivent convocations et comptes-rendus, par exemple
#   OIM:
#     nom: Organisation Internationale pour les Migrations
#     type: agence_onu
#     contacts:
#       - nom: Mme Aïchatou Moussa
#         fonction: Point focal migration
#         email: amoussa@exemple.org
organisations:
  # --- Structures de l’État ---
  MI/D:
    nom: Ministère de l’Intérieur et de la Décentralisation
    type: etat
  SP/CCM:
    nom: Secrétariat Permanent du Cadre de Concertation sur la Migration
    type: etat
  DGECEM-R:
    nom: Direction Générale de l’État Civil, des Migrations et des Réfugiés
    type: etat
  DM:
    nom: Direction des Migrations
    type: etat
  DRECM/R:
    nom: Direction Régionale de l’État Civil, des Migrations et des Réfugiés
    type: etat
  MAE/C:
    nom: Ministère des Affaires Étrangères et de la Coopération (Direction des Nigériens à l’Extérieur)
    type: etat
  MPF/PE:
    nom: Ministère de la Promotion de la Femme et de la Protection de l’Enfant
    type: etat
  MCI/EJ:
    nom: Ministère du Commerce, de l’Industrie et de l’Entrepreneuriat des Jeunes
    type: etat
  MET/PS:
    nom: Ministère de l’Emploi, du Travail et de la Protection Sociale
    type: etat
  INS:
    nom: Institut National de la Statistique
    type: etat
  ANLTP/TIM:
    nom: Agence Nationale de Lutte contre la Traite des Personnes et le Trafic Illicite de Migrants
    type: etat

  # --- Agences du système des Nations Unies ---
  OIM:
    nom: Organisation Internationale pour les Migrations
    type: agence_onu
  UNHCR:
    nom: Haut-Commissariat des Nations Unies pour les Réfugiés
    type: agence_onu
  UNICEF:
    nom: Fonds des Nations Unies pour l’Enfance
    type: agence_onu
  UNFPA:
    nom: Fonds des Nations Unies pour la Population
    type: agence_onu
  ONU Femmes:
    nom: Entité des Nations Unies pour l’Égalité des Sexes et l’Autonomisation des Femmes
    type: agence_onu
  BIT:
    nom: Bureau International du Travail
    type: agence_onu
  HCDH:
    nom: Haut-Commissariat des Nations Unies aux Droits de l’Homme
    type: agence_onu
  OCHA:
    nom: Bureau de la Coordination des Affaires Humanitaires des Nations Unies
    type: agence_onu
  RCO:
    nom: Bureau du Coordonnateur Résident du Système des Nations Unies
    type: agence_onu
  UNDESA:
    nom: Département des Affaires Économiques et Sociales des Nations Unies
    type: agence_onu

  # --- Partenaires techniques et financiers ---
  DUE:
    nom: Délégation de l’Union Européenne au Niger
    type: ptf
  EUCAP-Sahel:
    nom: Mission de l’Union Européenne de renforcement des capacités au Niger (EUCAP Sahel Niger)
    type: ptf
  GIZ/APM:
    nom: Coopération allemande (GIZ) – Projet Appui-conseil en matière de Politique Migratoire
    type: ptf

  # --- Mouvement de la Croix-Rouge ---
  CICR:
    nom: Comité International de la Croix-Rouge
    type: autre
  CRN:
    nom: Croix-Rouge Nigérienne
    type: ong
  CRD:
    nom: Croix-Rouge Danoise
    type: ong
  CRE:
    nom: Croix-Rouge Espagnole
    type: ong

  # --- Organisations non gouvernementales ---
  DRC/MMC:
    nom: Conseil Danois pour les Réfugiés (DRC) – Mixed Migration Centre (MMC)
    type: ong
  Forum Réfugiés:
    nom: Forum réfugiés
    type: ong
  OXFAM:
    nom: Oxfam
    type: ong
  JMED:
    nom: ONG Jeunesse – Enfance – Migration – Développement
    type: ong
  GRASPI:
    nom: ONG GRASPI
    type: ong
  ONG Karkara:
    nom: ONG Karkara
    type: ong

  # --- Société civile ---
  REMIDDH:
    nom: Réseau Migration, Développement et Droits Humains
    type: osc

# Responsables collectifs, utilisables dans « responsables: » comme un sigle : « PTF » désigne
# toutes les organisations de type ptf de l’annuaire ; un collectif peut aussi lister ses
# membres (membres: [DRECM/R, OIM]). « gtm actions --responsable DUE » liste aussi les actions
# confiées aux PTF.
collectifs:
  PTF:
    nom: Les partenaires techniques et financiers
    types: [ptf]
  OSC:
    nom: Les organisations de la société civile
    types: [osc]
  Agences ONU:
    nom: Les agences du système des Nations Unies
    types: [agence_onu]
`;
