/** Test helpers for rules: build tiny templates and run one rule over them. */
import { QuotaProfile } from '../../src/quotas/quota-profile';
import { runRules } from '../../src/rules/engine';
import { AssemblyModel, CfnTemplate, StackInput } from '../../src/rules/model';
import { Finding, Rule } from '../../src/rules/rule';

export type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; [k: string]: unknown }>;

/** An assembly of one stack named TestStack holding the given resources. */
export function assemblyOf(resources: Resources, extra: Partial<CfnTemplate> = {}): AssemblyModel {
  return new AssemblyModel([{ name: 'TestStack', template: { Resources: resources, ...extra } }]);
}

/** An assembly of several stacks. */
export function assemblyOfStacks(stacks: StackInput[]): AssemblyModel {
  return new AssemblyModel(stacks);
}

/** Run one rule over a one-stack template. */
export function check(rule: Rule, resources: Resources, quotas?: QuotaProfile): Finding[] {
  return runRules(assemblyOf(resources), { rules: [rule], quotas });
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
