// The rules `gtm validate` runs after the schema, in this order.
import type { Diagnostic } from '../diagnostics.js';
import { followUpsOfEarlierActions, uniqueActionIds } from './action-ids.js';
import { chronology } from './chronology.js';
import { knownGroupAndFileName } from './groups.js';
import { followUpOfClosedAction, postponementAfterMeeting } from './ledger.js';
import { layoutLimits } from './layout-limits.js';
import { knownOrganisations } from './organisations.js';
import type { Rule, RuleContext } from './rule.js';

export const rules: readonly Rule[] = [knownGroupAndFileName, knownOrganisations, chronology, uniqueActionIds, followUpsOfEarlierActions,
  followUpOfClosedAction, postponementAfterMeeting, layoutLimits];

export function runRules(context: RuleContext): Diagnostic[] {
  return rules.flatMap((rule) => rule(context));
}
