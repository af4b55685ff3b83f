// Organisations as the minutes name them (« ONUFemmes », « Ministère de l’Intérieur (MI) »,
// « Croix Rouge Danoise », « MMC/DRC ») matched to the directory of gtm.yaml. A match is
// exact (the acronym as the directory writes it), sure (the same letters, or the full name),
// or approximate: the last kind is a guess, always reported.
import type { Organisation } from '../core/schema/config.js';
import { compact, editDistance, fold } from './normalize.js';

export type OrganisationMatch =
  | { kind: 'exact'; acronym: string }
  | { kind: 'sure' | 'approximate'; acronym: string; reason: string }
  | { kind: 'unknown'; proposal: ProposedOrganisation };

export interface ProposedOrganisation {
  acronym: string;
  nom: string;
  type: Organisation['type'];
}

const STOP_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'a', 'en', 'pour', 'sur', 'au', 'aux', 'of', 'the', 'and']);

const contentWords = (text: string) => fold(text).split(' ').filter((word) => word !== '' && !STOP_WORDS.has(word));
const acronymParts = (acronym: string) => fold(acronym).split(' ').filter(Boolean);
const sameWord = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 6 && editDistance(a, b, 1) <= 1);

/** An organisation as written, without list punctuation: « -Direction des Migrations ; » → « Direction des Migrations ». */
export function cleanOrganisationName(written: string): string {
  return written
    .replace(/^[\s·•▪\-–—*]+/, '')
    .replace(/[\s;,.:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function matchOrganisation(written: string, directory: Record<string, Organisation>): OrganisationMatch {
  const name = cleanOrganisationName(written);
  const keys = Object.keys(directory);
  if (Object.hasOwn(directory, name)) return { kind: 'exact', acronym: name };
  const parenthesis = /^(.*?)\s*\(([^()]+)\)$/.exec(name);
  const outer = parenthesis ? parenthesis[1]!.trim() : name;
  const inner = parenthesis ? parenthesis[2]!.trim() : undefined;
  const forms = inner !== undefined ? [inner, outer, name] : [name];

  for (const form of forms) {
    if (Object.hasOwn(directory, form)) return { kind: 'sure', acronym: form, reason: 'sigle entre parenthèses' };
  }
  for (const form of forms) {
    const letters = compact(form);
    const key = keys.find((candidate) => compact(candidate) === letters);
    if (key && letters !== '') return { kind: 'sure', acronym: key, reason: 'même sigle, écrit autrement' };
  }
  for (const form of forms) {
    const folded = fold(form);
    const key = keys.find((candidate) => fold(directory[candidate]!.nom) === folded);
    if (key) return { kind: 'sure', acronym: key, reason: 'nom complet de l’annuaire' };
  }

  const unique = (candidates: string[], reason: string): OrganisationMatch | undefined => {
    const distinct = [...new Set(candidates)];
    return distinct.length === 1 ? { kind: 'approximate', acronym: distinct[0]!, reason } : undefined;
  };
  for (const form of forms) {
    const parts = acronymParts(form);
    if (parts.length < 1 || parts.length > 4) continue;
    const set = [...parts].sort().join(' ');
    const found =
      unique(keys.filter((key) => acronymParts(key).length > 1 && [...acronymParts(key)].sort().join(' ') === set), 'mêmes sigles dans un autre ordre') ??
      unique(keys.filter((key) => fold(form).startsWith(`${fold(key)} `)), 'sigle suivi d’un complément') ??
      (parts.length === 1 && parts[0]!.length >= 2 && /^[A-Z]/.test(form)
        ? unique(keys.filter((key) => acronymParts(key).length > 1 && acronymParts(key)[0] === parts[0]), 'début du sigle')
        : undefined) ??
      (compact(form).length >= 4
        ? unique(keys.filter((key) => editDistance(compact(form), compact(key), 1) <= 1), 'sigle à une lettre près')
        : undefined);
    if (found) return found;
  }

  // The full name, word by word: every word written is in the directory's name (a letter may differ).
  const words = contentWords(outer);
  if (words.length >= 2) {
    const scored = keys
      .map((key) => {
        const target = contentWords(directory[key]!.nom);
        const matched = words.filter((word) => target.some((other) => sameWord(word, other))).length;
        return { key, score: matched / words.length, coverage: matched / Math.max(target.length, 1) };
      })
      .filter((candidate) => candidate.score >= 0.75 && candidate.coverage >= 0.5)
      .sort((a, b) => b.score - a.score || b.coverage - a.coverage);
    const best = scored[0];
    const second = scored[1];
    if (best && !(second && second.score === best.score && second.coverage === best.coverage)) {
      return { kind: 'approximate', acronym: best.key, reason: `nom proche de « ${directory[best.key]!.nom} »` };
    }
  }
  return { kind: 'unknown', proposal: proposeOrganisation(name, inner, outer) };
}

/** A directory entry for an organisation the directory does not know: its acronym, name and a guessed type. */
function proposeOrganisation(name: string, inner: string | undefined, outer: string): ProposedOrganisation {
  const looksLikeAcronym = (text: string) => /^[A-Z0-9][A-Za-z0-9/&.\-]{1,15}$/.test(text) && (text.match(/[A-Z]/g) ?? []).length >= 2;
  if (inner !== undefined && looksLikeAcronym(inner)) return { acronym: inner, nom: outer, type: guessType(outer) };
  return { acronym: name, nom: name, type: guessType(name) };
}

function guessType(name: string): Organisation['type'] {
  const folded = fold(name);
  if (/^(ong|association)\b|croix rouge|croissant rouge/.test(folded)) return 'ong';
  if (/nations unies|^onu\b|^un /.test(folded)) return 'agence_onu';
  if (/^(ministere|direction|secretariat|agence nationale|institut national|gouvernorat|mairie|commune|conseil regional|prefecture|haut commissariat a)\b/.test(folded)) return 'etat';
  if (/^(reseau|collectif|federation|union des|coordination des)\b/.test(folded)) return 'osc';
  return 'autre';
}
