// Reads back what src/cli/report.ts prints, so hostile tests assert on the text the rapporteur
// actually sees: « fichier:ligne:colonne  erreur  message  [code] ».
export interface ReportedProblem {
  code: string;
  /** « file:line:column », or '' when the diagnostic has no place. */
  at: string;
  message: string;
  severity: 'erreur' | 'avertissement';
}

const LINE = /^(?:(\S+:\d+:\d+)  )?(erreur|avertissement)  (.*)  \[([a-z0-9-]+)\]$/;

export function parseReport(text: string): ReportedProblem[] {
  return text.split('\n').flatMap((line) => {
    const match = LINE.exec(line);
    return match ? [{ at: match[1] ?? '', severity: match[2] as ReportedProblem['severity'], message: match[3]!, code: match[4]! }] : [];
  });
}

/** Whether `at` points inside `text`: line ≤ number of lines, column ≤ line length + 1. */
export function isInside(at: string, text: string): boolean {
  const match = /:(\d+):(\d+)$/.exec(at);
  if (!match) return false;
  const [line, column] = [Number(match[1]), Number(match[2])];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  return line >= 1 && column >= 1 && line <= lines.length && column <= lines[line - 1]!.length + 1;
}

/** The marks of a crash: the internal-error notice or a JavaScript stack frame. */
export function looksLikeCrash(output: string): boolean {
  return /erreur interne/.test(output) || /^\s+at .+:\d+:\d+\)?$/m.test(output);
}
