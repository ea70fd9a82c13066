/**
 * Runs rules of the engine on one L1 resource at synth time, so a construct
 * and the `cdk-ecs-kit` checks report a constraint with the same code and text.
 */
import { Annotations, CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { QuotaProfile } from '../../quotas/quota-profile';
import { runRules } from '../../rules/engine';
import { ALL_RULES } from '../../rules/index';
import { AssemblyModel } from '../../rules/model';
import { Rule, Severity } from '../../rules/rule';

/** Options for `validateWithRules`. */
export interface RuleValidationOptions {
  /** @default QuotaProfile.current() */
  readonly quotas?: QuotaProfile;
}

/** The rules with the given ids; an id unknown to the engine is a programming error. */
export function rulesById(ids: readonly string[]): Rule[] {
  return ids.map((id) => {
    const rule = ALL_RULES.find((r) => r.id === id);
    if (!rule) throw new Error(`validateWithRules: no rule '${id}' in ALL_RULES`);
    return rule;
  });
}

/** Ids of every rule that looks at task definitions, plus the assembly (quota) rules. */
export function taskDefinitionRuleIds(): string[] {
  return ALL_RULES
    .filter((r) => ('resourceTypes' in r ? r.resourceTypes.includes('AWS::ECS::TaskDefinition') : r.area === 'quota'))
    .map((r) => r.id);
}

/**
 * Render the L1 resource as CloudFormation, as the engine sees it. The
 * construct path is put in aws:cdk:path so messages name the construct.
 */
export function renderResource(cfn: CfnResource): { logicalId: string; json: Record<string, any> } | undefined {
  const stack = Stack.of(cfn);
  const rendered = stack.resolve((cfn as any)._toCloudFormation());
  const resources = rendered?.Resources ?? {};
  const logicalId = Object.keys(resources)[0];
  if (!logicalId) return undefined;
  const json = { ...resources[logicalId] };
  json.Metadata = { ...(json.Metadata ?? {}), 'aws:cdk:path': cfn.node.path };
  return { logicalId, json };
}

/** Run the rules over one resource and return the findings. */
export function checkResource(cfn: CfnResource, ruleIds: readonly string[], options: RuleValidationOptions = {}) {
  const rendered = renderResource(cfn);
  if (!rendered) return [];
  const model = new AssemblyModel([{
    name: Stack.of(cfn).stackName,
    template: { Resources: { [rendered.logicalId]: rendered.json as any } },
  }]);
  return runRules(model, { rules: rulesById(ruleIds), quotas: options.quotas });
}

/**
 * Add a node validation to `construct` that runs the named rules on `cfn`:
 * errors fail synth, warnings become acknowledgeable annotations (id = rule id).
 * Rules skip unresolved values themselves, so tokens never cause findings.
 */
export function validateWithRules(
  construct: IConstruct, cfn: CfnResource, ruleIds: readonly string[], options: RuleValidationOptions = {},
): void {
  rulesById(ruleIds); // fail fast on a typo, at construction
  construct.node.addValidation({
    validate: () => {
      const errors: string[] = [];
      for (const f of checkResource(cfn, ruleIds, options)) {
        if (f.severity === Severity.ERROR) errors.push(f.message);
        else Annotations.of(construct).addWarningV2(f.ruleId, f.message);
      }
      return errors;
    },
  });
}
