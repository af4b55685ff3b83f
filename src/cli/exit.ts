// The exit codes of gtm, documented in the README (« Codes de sortie »). Commands return one by
// name; main maps the errors they throw (usage or data) to the same codes, in one place.
export const EXIT = { ok: 0, invalidData: 1, usage: 2, internal: 3 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
