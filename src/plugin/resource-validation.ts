/**
 * Runs engine rules on one L1 resource at synth time, so a construct and the
 * plugin/CLI report a constraint with the same id and text: one source of
 * truth. Not exported from the package.
 */
import { Annotations, CfnElement, CfnResource, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { acknowledgementsOn, findAcknowledgement, PLUGIN_NAME } from './acknowledgements';
import { checkRenderedTemplate, stagePlugins, validationFailure } from '../internal/cdk-internals';
import { QuotaProfile } from '../quotas/quota-profile';
import { runRules } from '../rules/engine';
import { ALL_RULES } from '../rules/index';
import { AssemblyModel, CfnTemplate } from '../rules/model';
import { Finding, Rule, Severity } from '../rules/rule';

export interface ResourceValidationOptions {
  /** @default QuotaProfile.current() */
  readonly quotas?: QuotaProfile;
  /** Catalogue to pick rule ids from. @default ALL_RULES */
  readonly rules?: readonly Rule[];
}

/** The rules with the given ids; an unknown id is a programming error. */
export function rulesById(ids: readonly string[], catalogue: readonly Rule[] = ALL_RULES): readonly Rule[] {
  let index = CATALOGUES.get(catalogue);
  if (!index) {
    index = { byId: new Map(catalogue.map((r) => [r.id, r])), lists: new WeakMap() };
    CATALOGUES.set(catalogue, index);
  }
  let rules = index.lists.get(ids);
  if (!rules) {
    const byId = index.byId;
    rules = ids.map((id) => {
      const rule = byId.get(id);
      if (!rule) throw new Error(`validateWithRules: no rule '${id}' in the rule catalogue`);
      return rule;
    });
    index.lists.set(ids, rules);
  }
  return rules;
}

/**
 * Rules by id per catalogue, and the rule list of each id list a construct
 * passes (constructs pass shared constant lists): a thousand services look
 * their rules up once, not by scanning the catalogue each.
 */
const CATALOGUES = new WeakMap<readonly Rule[], { byId: Map<string, Rule>; lists: WeakMap<readonly string[], readonly Rule[]> }>();

let taskRuleIds: readonly string[] | undefined;

/** Ids of every rule that looks at task definitions, plus the assembly (quota) rules (one shared list). */
export function taskDefinitionRuleIds(): readonly string[] {
  taskRuleIds ??= ALL_RULES
    .filter((r) => ('resourceTypes' in r ? r.resourceTypes.includes('AWS::ECS::TaskDefinition') : r.area === 'quota'))
    .map((r) => r.id);
  return taskRuleIds;
}

/** One validateWithRules call: the rules to run on `cfn`, reported on `construct`. */
interface Registration {
  readonly construct: IConstruct;
  readonly cfn: CfnResource;
  readonly rules: readonly Rule[];
  /** Ids of `rules`: the findings this registration reports. */
  readonly ruleIds: ReadonlySet<string>;
  readonly quotas?: QuotaProfile;
}

const REGISTRATIONS = new WeakMap<Stack, Registration[]>();

/**
 * Run the named rules on `cfn` when the app synthesizes (after every later
 * change to it), on the resource as the stack's template renders it: errors
 * fail synth unless acknowledged with Validations.of(scope).acknowledge (as
 * EcsChecks allows). Warnings are EcsChecks' to report when it is registered (so
 * none is reported twice); otherwise they become annotations (id = rule id),
 * unless acknowledged. Rules skip unresolved
 * values themselves, so tokens never cause findings.
 *
 * The checks of a stack run once per synth, when aws-cdk-lib renders its
 * template, instead of in a node validation per construct that would render
 * and resolve each resource a second time.
 */
export function validateWithRules(
  construct: IConstruct, cfn: CfnResource, ruleIds: readonly string[], options: ResourceValidationOptions = {},
): void {
  const rules = rulesById(ruleIds, options.rules); // fail fast on a typo, at construction
  const stack = Stack.of(cfn);
  let registrations = REGISTRATIONS.get(stack);
  if (!registrations) {
    const list: Registration[] = [];
    registrations = list;
    REGISTRATIONS.set(stack, list);
    checkRenderedTemplate(stack, (template) => checkTemplate(stack, template as CfnTemplate, list));
  }
  registrations.push({ construct, cfn, rules, ruleIds: new Set(ruleIds), quotas: options.quotas });
}

/**
 * The registered rules over the stack's rendered template, in one engine pass
 * per stack (rules see the other resources of the stack, as EcsChecks does);
 * each registration reports the findings on its own resource and rule ids.
 * Throws the text aws-cdk-lib's own node validation throws.
 */
function checkTemplate(stack: Stack, template: CfnTemplate, registrations: readonly Registration[]): void {
  const ids = registrations.map((r) => stack.resolve(r.cfn.logicalId) as string);
  const registeredPaths = new Map(registrations.map((r, i) => [ids[i], r.cfn.node.path]));
  let allPaths: Map<string, string> | undefined;
  const constructPathOf = (logicalId: string) => registeredPaths.get(logicalId)
    ?? (allPaths ??= cfnElementPaths(stack)).get(logicalId);
  // With EcsChecks registered, the warnings are its to report: only error rules need to run here.
  const pluginReports = registrations.map((r) => ecsChecksRegistered(r.construct));
  const needed = (r: Registration, i: number) => (pluginReports[i] ? r.rules.filter((rule) => rule.severity === Severity.ERROR) : r.rules);
  // One pass per quota profile (constructs pass none, so one pass in practice).
  const byProfile = new Map<QuotaProfile | undefined, Map<string, Finding[]>>();
  for (const quotas of new Set(registrations.map((r) => r.quotas))) {
    const rules = sharedList([...new Set(registrations.flatMap((r, i) => (r.quotas === quotas ? needed(r, i) : [])))]);
    // templateSize 0: the file is not written yet; aws-cdk-lib checks the stack's size and resource count itself.
    const model = new AssemblyModel([{ name: stack.stackName, template, templateSize: 0, constructPathOf }]);
    const byResource = new Map<string, Finding[]>();
    for (const f of runRules(model, { rules, quotas })) byResource.set(f.logicalId, [...byResource.get(f.logicalId) ?? [], f]);
    byProfile.set(quotas, byResource);
  }
  const errors: string[] = [];
  registrations.forEach(({ construct, cfn, ruleIds, quotas }, i) => {
    for (const f of byProfile.get(quotas)?.get(ids[i]) ?? []) {
      const error = f.severity === Severity.ERROR;
      if (!ruleIds.has(f.ruleId) || (!error && pluginReports[i])) continue;
      // Acknowledged errors pass too, as EcsChecks lets them: the escape hatch for a finding that is wrong here.
      if (acknowledged(construct, f.ruleId, cfn.node.path)) continue;
      if (error) errors.push(`[${construct.node.path}] ${f.message}`);
      else Annotations.of(construct).addWarningV2(f.ruleId, f.message);
    }
  });
  if (errors.length > 0) throw validationFailure(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
}

/**
 * Rule lists of the stacks checked so far, by their ids: every stack of an app
 * usually needs the same rules, and the engine plans each list object once,
 * so a stack that needs the rules of an earlier one gets that list, not a copy.
 */
const RULE_LISTS = new Map<string, readonly Rule[]>();

function sharedList(rules: readonly Rule[]): readonly Rule[] {
  const key = rules.map((r) => r.id).join('\n');
  const known = RULE_LISTS.get(key);
  // Same ids from another catalogue (ResourceValidationOptions.rules) are other rules: keep them apart.
  if (known && known.every((r, i) => r === rules[i])) return known;
  RULE_LISTS.set(key, rules);
  return rules;
}

/** Construct path of each CloudFormation element of the stack, by logical id (only built when a message names another resource). */
function cfnElementPaths(stack: Stack): Map<string, string> {
  const paths = new Map<string, string>();
  for (const c of stack.node.findAll()) {
    if (CfnElement.isCfnElement(c) && Stack.of(c) === stack) paths.set(stack.resolve(c.logicalId) as string, c.node.path);
  }
  return paths;
}

/** True when EcsChecks is registered on a stage enclosing `construct` (it then reports the warnings). */
export function ecsChecksRegistered(construct: IConstruct): boolean {
  for (let stage = Stage.of(construct); stage; stage = Stage.of(stage.node.scope ?? stage)) {
    if (stagePlugins(stage).some((p) => p.name === PLUGIN_NAME)) return true;
    if (!stage.node.scope) break;
  }
  return false;
}

/**
 * `construct.node.addValidation` for a kit check reported at synth: its errors pass when `id` is
 * acknowledged on the construct, below it or above it (Validations.of(scope).acknowledge), as rule
 * errors do. For checks whose finding can be wrong for a use the kit does not see (a daemon's fixed port).
 */
export function addAcknowledgeableValidation(construct: IConstruct, id: string, validate: () => string[]): void {
  construct.node.addValidation({
    validate: () => {
      const errors = validate();
      // The check is about the whole construct: an acknowledgement on any part of it counts (task.taskDefinition).
      const acks = [...construct.node.scopes, ...construct.node.findAll()].flatMap((c) => acknowledgementsOn(c));
      return errors.length > 0 && acks.some((a) => a.ruleId === id) ? [] : errors;
    },
  });
}

/** An acknowledgement of the rule on the construct, the resource, or an ancestor. */
function acknowledged(construct: IConstruct, ruleId: string, resourcePath: string): boolean {
  const acks = [...construct.node.scopes, ...construct.node.findAll()].flatMap((c) => acknowledgementsOn(c));
  return findAcknowledgement(acks, ruleId, resourcePath.replace(/\/Resource$/, '')) !== undefined;
}
