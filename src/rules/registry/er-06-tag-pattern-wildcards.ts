import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toObject } from '../values';
import { lifecyclePolicy, POLICY_TEXT, REPOSITORY, ruleLabel } from './lifecycle';

const MAX_WILDCARDS = 4;

export const ER06_TAG_PATTERN_WILDCARDS: ResourceRule = {
  id: 'ECS-ER-06',
  title: 'ECR lifecycle tag patterns allow at most 4 wildcards',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Parses LifecyclePolicyText and counts the * wildcards of every tagPatternList entry.',
  deployError: 'PutLifecyclePolicy fails: a tag pattern can contain at most 4 wildcards.',
  fix: 'Use at most 4 * wildcards per tag pattern.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html',
  resourceTypes: [REPOSITORY],
  check(repo, ctx): RuleIssue[] {
    const rules = lifecyclePolicy(repo, ctx)?.rules ?? [];
    return rules.flatMap((r) => (toArray(toObject(r.rule.selection)?.tagPatternList) ?? [])
      .filter((p): p is string => typeof p === 'string' && (p.match(/\*/g)?.length ?? 0) > MAX_WILDCARDS)
      .map((p) => ({
        property: POLICY_TEXT,
        value: p,
        problem: `lifecycle ${ruleLabel(r)} tag pattern ${JSON.stringify(p)} has ${p.match(/\*/g)!.length} wildcards`,
        allowed: `at most ${MAX_WILDCARDS} * wildcards per pattern`,
        fix: 'Merge neighbouring wildcards or use a tagPrefixList.',
      })));
  },
};
