import { ResourceRule, RuleIssue, Severity } from '../rule';
import { fargateRunnerLabel, undeclaredFargateServices } from './service-facts';
import { requiresFargate, TASK_DEFINITION } from './task-facts';

export const TD04_FARGATE_TASK_SIZE_REQUIRED: ResourceRule = {
  id: 'ECS-TD-04',
  title: 'Fargate task definitions need task-level Cpu and Memory',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Re-checks L1 and escape-hatch templates: a task definition that requires FARGATE, or that a Fargate service runs, must set both Cpu and Memory. aws-cdk-lib checks this only for its L2 task definitions. The built-in validator reports the task side as E3048.',
  deployError: 'RegisterTaskDefinition fails: Fargate requires task definition to have cpu and memory values; CreateService fails when a Fargate service runs a task definition without them.',
  fix: 'Set Cpu and Memory to a valid Fargate size.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size',
  resourceTypes: [TASK_DEFINITION],
  check(task, context): RuleIssue[] {
    const missing = (['Cpu', 'Memory'] as const).filter((p) => task.properties[p] === undefined);
    if (missing.length === 0) return [];
    const declared = requiresFargate(task) === true;
    const services = declared ? [] : undeclaredFargateServices(task, context);
    if (!declared && services.length === 0) return [];
    return missing.map((p) => ({
      property: `Properties/${p}`,
      value: undefined,
      problem: declared
        ? `Fargate task definition has no task-level ${p}`
        : `task definition ${fargateRunnerLabel(services)} has no task-level ${p}`,
      allowed: p === 'Cpu' ? 'a Fargate cpu value: 256 to 16384' : 'a Fargate memory value matching the cpu',
      fix: `Set ${p}, e.g. Cpu "256" with Memory "512".`,
      ...(declared ? { builtInOverlap: 'E3048' } : {}),
    }));
  },
};
