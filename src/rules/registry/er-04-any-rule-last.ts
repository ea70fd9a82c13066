import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toObject } from '../values';
import { lifecyclePolicy, POLICY_TEXT, REPOSITORY, ruleLabel } from './lifecycle';

export const ER04_ANY_RULE_LAST: ResourceRule = {
  id: 'ECS-ER-04',
  title: 'An ECR lifecycle rule with tagStatus any must have the highest rulePriority',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Parses LifecyclePolicyText and flags a tagStatus any rule whose rulePriority is not the highest of the policy (so at most one any rule can pass).',
  deployError: 'PutLifecyclePolicy fails: the rule with tagStatus any must have the highest rulePriority and be evaluated last.',
  fix: 'Give the tagStatus any rule the highest rulePriority, and keep only one such rule.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html',
  resourceTypes: [REPOSITORY],
  check(repo, ctx): RuleIssue[] {
    const rules = lifecyclePolicy(repo, ctx)?.rules;
    if (!rules) return [];
    const priorities = rules.map((r) => r.rule.rulePriority);
    if (!priorities.every((p) => typeof p === 'number')) return [];
    const highest = Math.max(...(priorities as number[]));
    const anyRules = rules.filter((r) => toObject(r.rule.selection)?.tagStatus === 'any');
    return anyRules.filter((r) => r.rule.rulePriority !== highest).map((r) => ({
      property: POLICY_TEXT,
      value: r.rule.rulePriority,
      problem: `lifecycle ${ruleLabel(r)} has tagStatus any but not the highest rulePriority (${highest})`,
      allowed: 'one tagStatus any rule, with the highest rulePriority',
      fix: `Set its rulePriority above ${highest}, or merge the any rules into one.`,
    }));
  },
};
