/** Reading the lifecycle policy text of an AWS::ECR::Repository. */
import { TemplateResource } from '../model';
import { RuleContext } from '../rule';
import { toArray, toObject } from '../values';

export const REPOSITORY = 'AWS::ECR::Repository';
export const POLICY_TEXT = 'Properties/LifecyclePolicy/LifecyclePolicyText';

export interface LifecycleRule {
  readonly index: number;
  readonly rule: Record<string, unknown>;
}

export interface LifecyclePolicy {
  /** The policy text as CloudFormation passes it to ECR. */
  readonly text: string;
  /** Parsed rules; undefined when the text is not JSON with a rules array. */
  readonly rules?: LifecycleRule[];
}

/** The lifecycle policy of a repository, when its text resolves to a literal string. */
export function lifecyclePolicy(repo: TemplateResource, ctx: RuleContext): LifecyclePolicy | undefined {
  const lp = toObject(repo.properties.LifecyclePolicy);
  if (!lp || lp.LifecyclePolicyText === undefined) return undefined;
  const text = ctx.assembly.resolveString(lp.LifecyclePolicyText, repo.stack);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { text };
  }
  const list = toArray(toObject(json)?.rules);
  if (!list) return { text };
  const rules: LifecycleRule[] = [];
  list.forEach((r, index) => {
    const rule = toObject(r);
    if (rule) rules.push({ index, rule });
  });
  return { text, rules };
}

/** "rule #2 (priority 3)" for messages. */
export function ruleLabel(r: LifecycleRule): string {
  const p = r.rule.rulePriority;
  return `rule #${r.index}${typeof p === 'number' ? ` (rulePriority ${p})` : ''}`;
}
