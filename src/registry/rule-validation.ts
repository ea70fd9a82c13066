/**
 * Runs the kit's engine rules on one rendered L1 resource as a construct
 * validation, so a construct and the CLI/plugin report the same errors with
 * the same ids and messages. Not exported from the package.
 */
import { Annotations, CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { runRules } from '../rules/engine';
import { ALL_RULES } from '../rules/index';
import { AssemblyModel, CfnResourceJson } from '../rules/model';
import { Rule, Severity } from '../rules/rule';

/** Rule ids the registry constructs run on their own L1 resources. */
export const LIFECYCLE_RULE_IDS = ['ECS-ER-03', 'ECS-ER-08', 'ECS-ER-09'] as const;
export const REPLICATION_RULE_IDS = ['ECS-ER-15'] as const;

/**
 * Add a validation to `scope` that renders `resource` at synth time (after
 * every addLifecycleRule/addRule call) and runs the given rules on it.
 */
export function addRuleValidation(
  scope: IConstruct, resource: CfnResource, ruleIds: readonly string[], rules: readonly Rule[] = ALL_RULES,
): void {
  scope.node.addValidation({ validate: () => checkRenderedResource(scope, resource, ruleIds, rules) });
}

/**
 * Error messages of the rules' findings on the rendered resource; warnings
 * become annotations. `rules` is the catalogue to pick the ids from.
 */
export function checkRenderedResource(
  scope: IConstruct, resource: CfnResource, ruleIds: readonly string[], rules: readonly Rule[] = ALL_RULES,
): string[] {
  const selected = rules.filter((r) => ruleIds.includes(r.id));
  if (selected.length === 0) return [];
  const stack = Stack.of(resource);
  // _toCloudFormation is how the stack itself renders a resource; resolve turns tokens into intrinsics.
  const rendered = stack.resolve((resource as unknown as { _toCloudFormation(): object })._toCloudFormation()) as {
    Resources?: Record<string, CfnResourceJson>;
  };
  const resources: Record<string, CfnResourceJson> = {};
  for (const [logicalId, json] of Object.entries(rendered.Resources ?? {})) {
    // Give findings the construct path even when path metadata is off.
    resources[logicalId] = { ...json, Metadata: { ...json.Metadata, 'aws:cdk:path': resource.node.path } };
  }
  const assembly = new AssemblyModel([{ name: stack.stackName, template: { Resources: resources } }]);
  const errors: string[] = [];
  for (const finding of runRules(assembly, { rules: selected })) {
    if (finding.severity === Severity.ERROR) errors.push(finding.message);
    else Annotations.of(scope).addWarningV2(finding.ruleId, finding.message);
  }
  return errors;
}
