import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isUnresolved, orList, show, toArray, toObject } from '../values';
import { lifecyclePolicy, POLICY_TEXT, REPOSITORY, ruleLabel } from './lifecycle';

/** action.type values of the ECR lifecycle policy template (lower case, as ECR writes them). */
export const LIFECYCLE_ACTION_TYPES: readonly string[] = ['expire', 'transition'];

const POLICY_ALLOWED = 'a JSON object with a non-empty rules array';
const EXAMPLE = '{"rules": [{"rulePriority": 1, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14}, "action": {"type": "expire"}}]}';
const ACTION_ALLOWED = `action.type ${orList(LIFECYCLE_ACTION_TYPES)} (transition with targetStorageClass archive)`;

export const ER17_LIFECYCLE_POLICY_SHAPE: ResourceRule = {
  id: 'ECS-ER-17',
  title: 'ECR lifecycle policy text: JSON with a non-empty rules array, each rule with a selection and an action of a documented type',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Parses a literal LifecyclePolicyText: it must be JSON, an object with a non-empty rules array; every rule an object with a selection object and an action whose type is expire or transition. Text that does not resolve to a literal is skipped.',
  deployError: 'PutLifecyclePolicy fails: InvalidParameterException, the lifecycle policy text is not valid.',
  fix: `Write the policy as JSON (build it with JSON.stringify), e.g. ${EXAMPLE}.`,
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html',
  resourceTypes: [REPOSITORY],
  check(repo, ctx): RuleIssue[] {
    const policy = lifecyclePolicy(repo, ctx);
    if (!policy) return [];
    const text = policy.text;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return [{
        property: POLICY_TEXT,
        value: text,
        problem: `LifecyclePolicyText ${show(text)} is not valid JSON (${e instanceof Error ? e.message : String(e)})`,
        allowed: POLICY_ALLOWED,
        fix: `Fix the JSON syntax (build the text with JSON.stringify), e.g. ${EXAMPLE}.`,
      }];
    }
    const list = toArray(toObject(json)?.rules);
    if (!list) {
      const top = toObject(json);
      const what = !top ? `is JSON ${show(json)}, not an object` : top.rules === undefined ? 'has no rules array' : `has rules ${show(top.rules)}, not an array`;
      return [{
        property: POLICY_TEXT,
        value: json,
        problem: `LifecyclePolicyText ${what}`,
        allowed: POLICY_ALLOWED,
        fix: `Put the lifecycle rules in a top-level "rules" array, e.g. ${EXAMPLE}.`,
      }];
    }
    if (list.length === 0) {
      return [{
        property: POLICY_TEXT,
        value: json,
        problem: 'LifecyclePolicyText has an empty rules array',
        allowed: `${POLICY_ALLOWED} (at least one rule)`,
        fix: 'Add at least one lifecycle rule, or remove LifecyclePolicy from the repository.',
      }];
    }
    const issues: RuleIssue[] = [];
    list.forEach((item, index) => {
      const rule = toObject(item);
      if (!rule) {
        if (item !== null && typeof item === 'object' && !Array.isArray(item) && isUnresolved(item)) return;
        issues.push({
          property: POLICY_TEXT,
          value: item,
          problem: `lifecycle rule #${index} is ${show(item)}, not an object`,
          allowed: 'each rule an object with rulePriority, selection and action',
          fix: `Replace rule #${index} with an object such as ${JSON.stringify({ rulePriority: index + 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 10 }, action: { type: 'expire' } })}.`,
        });
        return;
      }
      const label = ruleLabel({ index, rule });
      if (!toObject(rule.selection)) {
        issues.push({
          property: POLICY_TEXT,
          value: rule.selection,
          problem: `lifecycle ${label} ${rule.selection === undefined ? 'has no selection' : `has selection ${show(rule.selection)}, not an object`}`,
          allowed: 'a selection object with tagStatus, countType and countNumber',
          fix: `Give rule #${index} a selection, e.g. "selection": {"tagStatus": "untagged", "countType": "imageCountMoreThan", "countNumber": 10}.`,
        });
      }
      const action = toObject(rule.action);
      if (!action) {
        issues.push({
          property: POLICY_TEXT,
          value: rule.action,
          problem: `lifecycle ${label} ${rule.action === undefined ? 'has no action' : `has action ${show(rule.action)}, not an object`}`,
          allowed: ACTION_ALLOWED,
          fix: `Add "action": {"type": "expire"} to rule #${index} (or {"type": "transition", "targetStorageClass": "archive"} to archive images).`,
        });
      } else if (typeof action.type !== 'string' || !LIFECYCLE_ACTION_TYPES.includes(action.type)) {
        const lower = typeof action.type === 'string' ? action.type.toLowerCase() : undefined;
        issues.push({
          property: POLICY_TEXT,
          value: action.type,
          problem: `lifecycle ${label} ${action.type === undefined ? 'has an action without type' : `has action.type ${show(action.type)}`}`,
          allowed: ACTION_ALLOWED,
          fix: lower !== undefined && LIFECYCLE_ACTION_TYPES.includes(lower)
            ? `Write action.type of rule #${index} in lower case: "${lower}".`
            : `Set action.type of rule #${index} to "expire" (delete the images) or "transition" (with "targetStorageClass": "archive", move them to archive storage).`,
        });
      }
    });
    return issues;
  },
};
