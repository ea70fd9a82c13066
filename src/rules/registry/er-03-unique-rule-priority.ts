import { ResourceRule, RuleIssue, Severity } from '../rule';
import { lifecyclePolicy, POLICY_TEXT, REPOSITORY, ruleLabel } from './lifecycle';

export const ER03_UNIQUE_RULE_PRIORITY: ResourceRule = {
  id: 'ECS-ER-03',
  title: 'ECR lifecycle rules need unique whole-number rulePriority values of 1 or more',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Parses LifecyclePolicyText and flags rulePriority values that are missing, not whole numbers >= 1, or used by more than one rule. aws-cdk-lib accepts two rules with the same explicit rulePriority.',
  deployError: 'PutLifecyclePolicy fails: InvalidParameterException, rulePriority values must be unique.',
  fix: 'Give every lifecycle rule its own rulePriority (1, 2, 3, ...).',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html',
  resourceTypes: [REPOSITORY],
  check(repo, ctx): RuleIssue[] {
    const rules = lifecyclePolicy(repo, ctx)?.rules;
    if (!rules) return [];
    const issues: RuleIssue[] = [];
    const seen = new Map<number, number>();
    const used = rules.map((r) => r.rule.rulePriority).filter((p): p is number => typeof p === 'number');
    const next = Math.max(0, ...used.filter(Number.isFinite)) + 1;
    for (const r of rules) {
      const p = r.rule.rulePriority;
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 1) {
        issues.push({
          property: POLICY_TEXT,
          value: p,
          problem: `lifecycle ${ruleLabel(r)} has rulePriority ${JSON.stringify(p)}`,
          allowed: 'a whole number of 1 or more, unique across the rules',
          fix: `Set rulePriority of rule #${r.index} to ${next} (or another unused number).`,
        });
        continue;
      }
      const first = seen.get(p);
      if (first !== undefined) {
        issues.push({
          property: POLICY_TEXT,
          value: p,
          problem: `lifecycle rule #${r.index} repeats rulePriority ${p} of rule #${first}`,
          allowed: 'a unique rulePriority per rule',
          fix: `Give rule #${r.index} an unused rulePriority such as ${next}.`,
        });
      } else {
        seen.set(p, r.index);
      }
    }
    return issues;
  },
};
