import { ResourceRule, RuleIssue, Severity } from '../rule';
import { orList, show, toObject } from '../values';
import { lifecyclePolicy, POLICY_TEXT, REPOSITORY, ruleLabel } from './lifecycle';

/** countType values of the ECR lifecycle policy template. */
export const LIFECYCLE_COUNT_TYPES: readonly string[] = ['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled', 'sinceImageTransitioned'];

const COUNT_FORMS = 'imageCountMoreThan without countUnit, or sinceImagePushed with countUnit days';
const COUNT_TYPES_ALLOWED = `countType ${orList(LIFECYCLE_COUNT_TYPES)} (exact spelling)`;

/** The documented count type a misspelt one most likely means: same letters ignoring case, or the one it starts or ends. */
function meant(value: string): string | undefined {
  const v = value.toLowerCase();
  if (v.length < 5) return undefined;
  const hits = LIFECYCLE_COUNT_TYPES.filter((t) => t.toLowerCase() === v || t.toLowerCase().startsWith(v) || v.startsWith(t.toLowerCase()));
  return hits.length === 1 ? hits[0] : undefined;
}

export const ER07_COUNT_TYPE: ResourceRule = {
  id: 'ECS-ER-07',
  title: 'ECR lifecycle countType: a documented count type; imageCountMoreThan without countUnit, sinceImagePushed with countUnit days',
  area: 'registry',
  severity: Severity.ERROR,
  description: `Parses LifecyclePolicyText: a rule needs a countType, one of ${orList(LIFECYCLE_COUNT_TYPES)} (exact spelling); imageCountMoreThan takes no countUnit; sinceImagePushed needs countUnit days. The countUnit of sinceImagePulled and sinceImageTransitioned is not checked.`,
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
      const issue = (problem: string, fix: string, allowed = COUNT_FORMS) => issues.push({ property: POLICY_TEXT, value: sel, problem: `lifecycle ${ruleLabel(r)} ${problem}`, allowed, fix });
      if (sel.countType === undefined) {
        issue('has no countType', 'Set countType to imageCountMoreThan or sinceImagePushed.');
      } else if (typeof sel.countType !== 'string' || !LIFECYCLE_COUNT_TYPES.includes(sel.countType)) {
        const guess = typeof sel.countType === 'string' ? meant(sel.countType) : undefined;
        issue(`has countType ${show(sel.countType)}, which is not a documented count type`,
          guess ? `Set countType of rule #${r.index} to "${guess}" (the documented spelling).` : `Set countType of rule #${r.index} to one of ${orList(LIFECYCLE_COUNT_TYPES)}.`,
          COUNT_TYPES_ALLOWED);
      } else if (sel.countType === 'imageCountMoreThan' && sel.countUnit !== undefined) {
        issue('sets countUnit with countType imageCountMoreThan', 'Remove countUnit.');
      } else if (sel.countType === 'sinceImagePushed' && sel.countUnit !== 'days') {
        issue(sel.countUnit === undefined ? 'uses countType sinceImagePushed without countUnit' : `uses countType sinceImagePushed with countUnit ${JSON.stringify(sel.countUnit)}`, 'Set countUnit to "days".');
      }
    }
    return issues;
  },
};
