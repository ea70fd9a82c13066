import { EcsQuota } from '../../quotas/quota-table';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { lifecyclePolicy, POLICY_TEXT, REPOSITORY } from './lifecycle';

export const ER09_LIFECYCLE_LIMITS: ResourceRule = {
  id: 'ECS-ER-09',
  title: 'ECR lifecycle policy: rule count and text length within the quotas',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Counts the rules of LifecyclePolicyText and measures its length against the non-adjustable ECR quotas (rules per lifecycle policy, lifecycle policy length).',
  deployError: 'PutLifecyclePolicy fails: the lifecycle policy exceeds the rule count or length limit.',
  fix: 'Merge rules (tagPatternList accepts several patterns) and shorten the policy.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html',
  resourceTypes: [REPOSITORY],
  check(repo, ctx): RuleIssue[] {
    const policy = lifecyclePolicy(repo, ctx);
    if (!policy) return [];
    const issues: RuleIssue[] = [];
    const maxRules = ctx.quotas.limit(EcsQuota.ECR_LIFECYCLE_RULES_PER_POLICY);
    if (policy.rules && policy.rules.length > maxRules) {
      issues.push({
        property: POLICY_TEXT,
        value: `${policy.rules.length} rules`,
        problem: `lifecycle policy has ${policy.rules.length} rules`,
        allowed: `at most ${maxRules} rules per lifecycle policy`,
        fix: `Merge rules with the same action into one rule with a tagPatternList, down to ${maxRules} or fewer.`,
      });
    }
    const maxLength = ctx.quotas.limit(EcsQuota.ECR_LIFECYCLE_POLICY_LENGTH);
    if (policy.text.length > maxLength) {
      issues.push({
        property: POLICY_TEXT,
        value: `${policy.text.length} characters`,
        problem: `LifecyclePolicyText is ${policy.text.length} characters long`,
        allowed: `at most ${maxLength} characters`,
        fix: 'Shorten rule descriptions and merge rules until the policy text fits.',
      });
    }
    return issues;
  },
};
