/**
 * Runs engine rules on one L1 resource at synth time, so a construct and the
 * plugin/CLI report a constraint with the same id and text: one source of
 * truth. Not exported from the package.
 */
import { Annotations, CfnResource, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { acknowledgementsOn, findAcknowledgement, PLUGIN_NAME } from './acknowledgements';
import { renderCfnResource, stagePlugins } from '../internal/cdk-internals';
import { QuotaProfile } from '../quotas/quota-profile';
import { runRules } from '../rules/engine';
import { ALL_RULES } from '../rules/index';
import { AssemblyModel, CfnResourceJson } from '../rules/model';
import { Finding, Rule, Severity } from '../rules/rule';

export interface ResourceValidationOptions {
  /** @default QuotaProfile.current() */
  readonly quotas?: QuotaProfile;
  /** Catalogue to pick rule ids from. @default ALL_RULES */
  readonly rules?: readonly Rule[];
}

/** The rules with the given ids; an unknown id is a programming error. */
export function rulesById(ids: readonly string[], catalogue: readonly Rule[] = ALL_RULES): Rule[] {
  return ids.map((id) => {
    const rule = catalogue.find((r) => r.id === id);
    if (!rule) throw new Error(`validateWithRules: no rule '${id}' in the rule catalogue`);
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
 * Render the L1 resource as CloudFormation, as the engine sees it, with the
 * construct path in aws:cdk:path so messages name the construct.
 */
export function renderResource(cfn: CfnResource): Record<string, CfnResourceJson> {
  // Rendered as the stack renders it (cdk-internals); resolve turns tokens into intrinsics.
  const rendered = Stack.of(cfn).resolve(renderCfnResource(cfn)) as {
    Resources?: Record<string, CfnResourceJson>;
  };
  const resources: Record<string, CfnResourceJson> = {};
  for (const [logicalId, json] of Object.entries(rendered.Resources ?? {})) {
    resources[logicalId] = { ...json, Metadata: { ...json.Metadata, 'aws:cdk:path': cfn.node.path } };
  }
  return resources;
}

/** Run the named rules over one resource and return the findings. */
export function checkResource(cfn: CfnResource, ruleIds: readonly string[], options: ResourceValidationOptions = {}): Finding[] {
  const wanted = new Set(ruleIds);
  const rules = (options.rules ?? ALL_RULES).filter((r) => wanted.has(r.id));
  if (rules.length === 0) return [];
  const model = new AssemblyModel([{ name: Stack.of(cfn).stackName, template: { Resources: renderResource(cfn) } }]);
  return runRules(model, { rules, quotas: options.quotas });
}

/**
 * Add a node validation to `construct` that runs the named rules on `cfn`
 * when the app synthesizes (after every later change to it): errors fail
 * synth. Warnings are EcsChecks' to report when it is registered (so none is
 * reported twice); otherwise they become annotations (id = rule id), unless
 * acknowledged with Validations.of(scope).acknowledge. Rules skip unresolved
 * values themselves, so tokens never cause findings.
 */
export function validateWithRules(
  construct: IConstruct, cfn: CfnResource, ruleIds: readonly string[], options: ResourceValidationOptions = {},
): void {
  rulesById(ruleIds, options.rules); // fail fast on a typo, at construction
  construct.node.addValidation({
    validate: () => {
      const errors: string[] = [];
      const pluginReports = ecsChecksRegistered(construct);
      for (const f of checkResource(cfn, ruleIds, options)) {
        if (f.severity === Severity.ERROR) errors.push(f.message);
        else if (!pluginReports && !acknowledged(construct, f.ruleId, cfn.node.path)) Annotations.of(construct).addWarningV2(f.ruleId, f.message);
      }
      return errors;
    },
  });
}

/** True when EcsChecks is registered on a stage enclosing `construct` (it then reports the warnings). */
export function ecsChecksRegistered(construct: IConstruct): boolean {
  for (let stage = Stage.of(construct); stage; stage = Stage.of(stage.node.scope ?? stage)) {
    if (stagePlugins(stage).some((p) => p.name === PLUGIN_NAME)) return true;
    if (!stage.node.scope) break;
  }
  return false;
}

/** An acknowledgement of the rule on the construct, the resource, or an ancestor. */
function acknowledged(construct: IConstruct, ruleId: string, resourcePath: string): boolean {
  const acks = [...construct.node.scopes, ...construct.node.findAll()].flatMap((c) => acknowledgementsOn(c));
  return findAcknowledgement(acks, ruleId, resourcePath.replace(/\/Resource$/, '')) !== undefined;
}
