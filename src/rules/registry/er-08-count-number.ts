import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toObject } from '../values';
import { lifecyclePolicy, POLICY_TEXT, REPOSITORY, ruleLabel } from './lifecycle';

export const ER08_COUNT_NUMBER: ResourceRule = {
  id: 'ECS-ER-08',
  title: 'ECR lifecycle selection countNumber must be a whole number of 1 or more',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Parses LifecyclePolicyText and checks selection.countNumber of every rule: a whole number >= 1 (images to keep for imageCountMoreThan, days for sinceImagePushed).',
  deployError: 'PutLifecyclePolicy fails: InvalidParameterException, countNumber must be greater than 0.',
  fix: 'Use a countNumber of 1 or more.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html',
  resourceTypes: [REPOSITORY],
  check(repo, ctx): RuleIssue[] {
    const rules = lifecyclePolicy(repo, ctx)?.rules;
    if (!rules) return [];
    const issues: RuleIssue[] = [];
    for (const r of rules) {
      const selection = toObject(r.rule.selection);
      if (!selection || !('countNumber' in selection)) continue;
      const n = selection.countNumber;
      if (typeof n === 'number' && Number.isInteger(n) && n >= 1) continue;
      const unit = selection.countType === 'sinceImagePushed' ? 'days' : 'images';
      issues.push({
        property: POLICY_TEXT,
        value: n,
        problem: `lifecycle ${ruleLabel(r)} has selection.countNumber ${JSON.stringify(n)}`,
        allowed: 'a whole number of 1 or more',
        fix: `Set countNumber of rule #${r.index} to the number of ${unit} to keep (1 or more).`,
      });
    }
    return issues;
  },
};
