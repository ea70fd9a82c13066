/** Test helpers for rules: build tiny templates and run one rule over them. */
import { QuotaProfile } from '../../src/quotas/quota-profile';
import { gateOpen, runRules } from '../../src/rules/engine';
import { AssemblyModel, CfnTemplate, StackInput } from '../../src/rules/model';
import { Finding, isAssemblyRule, Rule } from '../../src/rules/rule';

export type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; [k: string]: unknown }>;

/** An assembly of one stack named TestStack holding the given resources. */
export function assemblyOf(resources: Resources, extra: Partial<CfnTemplate> = {}): AssemblyModel {
  return new AssemblyModel([{ name: 'TestStack', template: { Resources: resources, ...extra } }]);
}

/** An assembly of several stacks. */
export function assemblyOfStacks(stacks: StackInput[]): AssemblyModel {
  return new AssemblyModel(stacks);
}

/** Run one rule over a one-stack template (and check its onlyWith paths on the same template). */
export function check(rule: Rule, resources: Resources, quotas?: QuotaProfile): Finding[] {
  expectSilentWithoutGate(rule, resources, quotas);
  return runRules(assemblyOf(resources), { rules: [rule], quotas });
}

/**
 * A rule with `onlyWith` paths must report nothing on a resource where all of them are absent (the
 * engine does not call it there). Checked on every template a rule test builds: each resource of the
 * rule's types is stripped of those paths and the rule's own check, called directly, must stay quiet.
 */
export function expectSilentWithoutGate(rule: Rule, resources: Resources, quotas: QuotaProfile = QuotaProfile.current()): void {
  if (isAssemblyRule(rule) || !rule.onlyWith) return;
  for (const [id, res] of Object.entries(resources)) {
    if (!rule.resourceTypes.includes(res.Type) || !res.Properties) continue;
    const stripped = structuredClone(resources);
    for (const p of rule.onlyWith) removePath(stripped[id].Properties, p.split('/'));
    const model = assemblyOf(stripped);
    const resource = model.stacks[0].resource(id)!;
    if (gateOpen(rule, resource.properties)) throw new Error(`${rule.id}: onlyWith paths still hold after removing them from ${id}`);
    const issues = rule.check(resource, { assembly: model, stack: model.stacks[0], quotas });
    if (issues.length > 0) {
      throw new Error(`${rule.id} reports on ${id} without any of its onlyWith paths (${rule.onlyWith.join(', ')}): ${issues.map((i) => i.problem).join('; ')}`);
    }
  }
}

/** Delete a `/`-split path (`*`: every item of a list) from a value. */
export function removePath(value: unknown, path: readonly string[]): void {
  if (value === null || typeof value !== 'object') return;
  const [key, ...rest] = path;
  if (key === '*') {
    if (Array.isArray(value)) for (const item of value) removePath(item, rest);
    return;
  }
  if (rest.length === 0) delete (value as Record<string, unknown>)[key];
  else removePath((value as Record<string, unknown>)[key], rest);
}

/** Run one rule over an assembly. */
export function checkAssembly(rule: Rule, assembly: AssemblyModel, quotas?: QuotaProfile): Finding[] {
  return runRules(assembly, { rules: [rule], quotas });
}

/** A Fargate task definition resource with the given overrides. */
export function fargateTask(props: Record<string, unknown> = {}): Resources[string] {
  return {
    Type: 'AWS::ECS::TaskDefinition',
    Properties: {
      RequiresCompatibilities: ['FARGATE'],
      NetworkMode: 'awsvpc',
      Cpu: '256',
      Memory: '512',
      ContainerDefinitions: [{ Name: 'app', Image: 'nginx:1.27', Essential: true }],
      ...props,
    },
  };
}
