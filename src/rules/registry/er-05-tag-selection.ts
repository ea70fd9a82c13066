import { ResourceRule, RuleIssue, Severity } from '../rule';
import { show, toArray, toObject } from '../values';
import { lifecyclePolicy, POLICY_TEXT, REPOSITORY, ruleLabel } from './lifecycle';

/** tagStatus values ECR accepts, exactly as written (lower case). */
export const TAG_STATUSES: readonly string[] = ['tagged', 'untagged', 'any'];

const LISTS_ALLOWED = 'tagged with one of tagPrefixList / tagPatternList; untagged and any with neither';
const TAG_STATUS_ALLOWED = 'tagStatus exactly tagged, untagged or any (lower case)';
const TAG_STATUS_FIX = '"untagged", "any", or "tagged" with a tagPrefixList or tagPatternList';

export const ER05_TAG_SELECTION: ResourceRule = {
  id: 'ECS-ER-05',
  title: 'ECR lifecycle rules: tagStatus tagged, untagged or any; tagged needs tagPrefixList or tagPatternList, untagged/any take neither',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Parses LifecyclePolicyText and checks each rule selection: tagStatus is required and is exactly tagged, untagged or any (lower case); tagged needs exactly one of a non-empty tagPrefixList or tagPatternList; untagged and any rules set neither.',
  deployError: 'PutLifecyclePolicy fails: InvalidParameterException on the rule selection.',
  fix: 'Give every rule a tagStatus of tagged, untagged or any; for tagged rules set tagPrefixList or tagPatternList (not both); remove both from untagged and any rules.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html',
  resourceTypes: [REPOSITORY],
  check(repo, ctx): RuleIssue[] {
    const rules = lifecyclePolicy(repo, ctx)?.rules ?? [];
    const issues: RuleIssue[] = [];
    for (const r of rules) {
      const sel = toObject(r.rule.selection);
      if (!sel) continue;
      const lists = (['tagPrefixList', 'tagPatternList'] as const).filter((k) => sel[k] !== undefined);
      const issue = (problem: string, fix: string, allowed = LISTS_ALLOWED) => issues.push({ property: POLICY_TEXT, value: sel, problem: `lifecycle ${ruleLabel(r)} ${problem}`, allowed, fix });
      if (sel.tagStatus === 'tagged') {
        if (lists.length === 0) issue('selects tagged images without tagPrefixList or tagPatternList', 'Add tagPrefixList (e.g. ["prod"]) or tagPatternList (e.g. ["prod*"]).');
        else if (lists.length === 2) issue('sets both tagPrefixList and tagPatternList', 'Keep one of tagPrefixList and tagPatternList.');
        else if (toArray(sel[lists[0]])?.length === 0) issue(`has an empty ${lists[0]}`, `Put at least one entry in ${lists[0]}.`);
      } else if (sel.tagStatus === 'untagged' || sel.tagStatus === 'any') {
        if (lists.length > 0) issue(`selects ${sel.tagStatus} images but sets ${lists.join(' and ')}`, `Remove ${lists.join(' and ')}, or use tagStatus tagged.`);
      } else if (sel.tagStatus === undefined) {
        issue('has no tagStatus', `Set tagStatus of rule #${r.index} to ${TAG_STATUS_FIX}.`, TAG_STATUS_ALLOWED);
      } else {
        const lower = typeof sel.tagStatus === 'string' ? sel.tagStatus.toLowerCase() : undefined;
        issue(`has tagStatus ${show(sel.tagStatus)}, which is not tagged, untagged or any`,
          lower !== undefined && TAG_STATUSES.includes(lower) ? `Write tagStatus of rule #${r.index} in lower case: "${lower}".` : `Set tagStatus of rule #${r.index} to ${TAG_STATUS_FIX}.`,
          TAG_STATUS_ALLOWED);
      }
    }
    return issues;
  },
};
