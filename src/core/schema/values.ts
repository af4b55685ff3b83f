// Scalar value types shared by the meeting and configuration schemas. Each one checks the
// written form (what the rapporteur types) and explains the expected form in French.
// zod's mini build: the same checks as its classic API, a twentieth of the code to load
// (30 KB, not 590), which every thread that checks files pays once.
import * as z from 'zod/mini';
import { messages } from '../messages.js';
import { parseIsoDate, parseMonth, parseTime } from '../calendar.js';

/**
 * The schema with `meta` (a description for the editors' JSON Schema), as classic zod's
 * `.meta()`: a copy registered with it, which inherits what the original carried.
 */
export function documented<T extends z.ZodMiniType>(schema: T, meta: z.core.GlobalMeta): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, meta);
  return copy;
}

/** Non-empty text. Numbers and booleans are refused: YAML turned them into something else. */
export const text = z.string().check(z.trim(), z.minLength(1));

export const isoDate = documented(
  z.string().check(z.refine((value) => parseIsoDate(value) !== undefined, { error: (issue) => messages.invalidDate(String(issue.input)) })),
  { description: 'Date au format AAAA-MM-JJ, par exemple 2023-06-20.', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
);

export const month = documented(
  z.string().check(z.refine((value) => parseMonth(value) !== undefined, { error: (issue) => messages.invalidMonth(String(issue.input)) })),
  { description: 'Mois au format AAAA-MM, par exemple 2021-04.', pattern: '^\\d{4}-\\d{2}$' },
);

export const time = documented(
  z.string().check(z.refine((value) => parseTime(value) !== undefined, { error: (issue) => messages.invalidTime(String(issue.input)) })),
  {
    description: 'Heure entre guillemets : "9:30", "09:30" ou "9h30".',
    pattern: '^([01]?\\d|2[0-3])\\s*[:hH]\\s*([0-5]\\d)?$',
  },
);

/** Identifier of an action point: short, typed by hand, unique in the repository. */
export const actionId = documented(
  z.string().check(
    z.regex(/^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/, { error: (issue) => messages.invalidActionId(String(issue.input)) }),
    z.maxLength(24, { error: (issue) => messages.invalidActionId(String(issue.input)) }),
  ),
  { description: 'Identifiant du point d’action, unique dans le dépôt, par exemple NIA-2306-1.' },
);

/** Organisation acronym as listed in gtm.yaml's directory (checked by a rule, not here). */
export const acronym = documented(text, { description: 'Sigle d’une organisation de l’annuaire de gtm.yaml, par exemple OIM.' });

/** A deadline as written: a date, a month, a year, « prochaine réunion », or free words. */
export const deadline = documented(z.union([z.string().check(z.trim(), z.minLength(1)), z.number().check(z.int())]), {
  description:
    'Date limite : 2023-07-31, un mois (2023-07), une année (2023), « prochaine réunion », ou des mots (« Au cours de l’atelier »).',
});

/** An e-mail address: one « @ », a dotted domain, no space (what mail clients accept). */
export const email = documented(
  z.string().check(
    z.trim(),
    z.regex(/^[^\s@<>(),;:"\[\]]+@[^\s@<>(),;:"\[\]]+\.[^\s@<>(),;:"\[\].]{2,}$/, { error: (issue) => messages.invalidEmail(String(issue.input)) }),
  ),
  { description: 'Adresse électronique, par exemple prenom.nom@exemple.org.' },
);
