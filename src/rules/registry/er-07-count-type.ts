import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toObject } from '../values';
import { lifecyclePolicy, POLICY_TEXT, REPOSITORY, ruleLabel } from './lifecycle';

export const ER07_COUNT_TYPE: ResourceRule = {
  id: 'ECS-ER-07',
  title: 'ECR lifecycle countType: imageCountMoreThan without countUnit, sinceImagePushed with countUnit days',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Parses LifecyclePolicyText: a rule needs a countType; imageCountMoreThan takes no countUnit; sinceImagePushed needs countUnit days. Other (newer) count types are not checked.',
  deployError: 'PutLifecyclePolicy fails: InvalidParameterException on countType / countUnit.',
  fix: 'Use {"countType": "imageCountMoreThan", "countNumber": 10} or {"countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14}.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html',
  resourceTypes: [REPOSITORY],
  check(repo, ctx): RuleIssue[] {
    const rules = lifecyclePolicy(repo, ctx)?.rules ?? [];
    const issues: RuleIssue[] = [];
    for (const r of rules) {
      const sel = toObject(r.rule.selection);
      if (!sel) continue;
      const issue = (problem: string, fix: string) => issues.push({ property: POLICY_TEXT, value: sel, problem: `lifecycle ${ruleLabel(r)} ${problem}`, allowed: 'imageCountMoreThan without countUnit, or sinceImagePushed with countUnit days', fix });
      if (sel.countType === undefined) issue('has no countType', 'Set countType to imageCountMoreThan or sinceImagePushed.');
      else if (sel.countType === 'imageCountMoreThan' && sel.countUnit !== undefined) issue('sets countUnit with countType imageCountMoreThan', 'Remove countUnit.');
      else if (sel.countType === 'sinceImagePushed' && sel.countUnit !== 'days') issue(`uses countType sinceImagePushed with countUnit ${JSON.stringify(sel.countUnit)}`, 'Set countUnit to "days".');
    }
    return issues;
  },
};
