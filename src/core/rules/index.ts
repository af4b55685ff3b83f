// The rules `gtm validate` runs after the schema, in this order, and the one step that places
// their findings in the files.
import type { Diagnostic, Finding } from '../diagnostics.js';
import type { Repository } from '../model.js';
import { locateFindings } from '../reading/locate.js';
import { actionIds } from './action-ids.js';
import { chronology } from './chronology.js';
import { knownGroupAndFileName } from './groups.js';
import { followUpOfClosedAction, postponementAfterMeeting } from './ledger.js';
import { drawableText } from './drawable-text.js';
import { layoutLimits } from './layout-limits.js';
import { knownOrganisations } from './organisations.js';
import type { Rule, RuleContext } from './rule.js';

export const rules: readonly Rule[] = [
  knownGroupAndFileName,
  knownOrganisations,
  chronology,
  actionIds,
  followUpOfClosedAction,
  postponementAfterMeeting,
  layoutLimits,
  drawableText,
];

export function runRules(context: RuleContext): Finding[] {
  return rules.flatMap((rule) => rule(context));
}

/** Every problem of a loaded repository: what loading found, then the rules' findings, located. */
export function diagnose(repository: Repository): Diagnostic[] {
  const texts = new Map(repository.meetings.map((meeting) => [meeting.relativePath, meeting.text]));
  const findings = runRules({ config: repository.config, meetings: repository.meetings });
  return [...repository.diagnostics, ...locateFindings(findings, (file) => texts.get(file) ?? '')];
}
