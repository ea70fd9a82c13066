import { ResourceRule, RuleIssue, Severity } from '../rule';
import { requiresFargate, TASK_DEFINITION } from './task-facts';

export const TD04_FARGATE_TASK_SIZE_REQUIRED: ResourceRule = {
  id: 'ECS-TD-04',
  title: 'Fargate task definitions need task-level Cpu and Memory',
  area: 'task',
  severity: Severity.ERROR,
  builtInOverlap: ['E3048'],
  description: 'Re-checks L1 and escape-hatch templates: a task definition that requires FARGATE must set both Cpu and Memory. aws-cdk-lib checks this only for its L2 task definitions.',
  deployError: 'RegisterTaskDefinition fails: Fargate requires task definition to have cpu and memory values.',
  fix: 'Set Cpu and Memory to a valid Fargate size.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size',
  resourceTypes: [TASK_DEFINITION],
  check(task): RuleIssue[] {
    if (requiresFargate(task) !== true) return [];
    return (['Cpu', 'Memory'] as const)
      .filter((p) => task.properties[p] === undefined)
      .map((p) => ({
        property: `Properties/${p}`,
        value: undefined,
        problem: `Fargate task definition has no task-level ${p}`,
        allowed: p === 'Cpu' ? 'a Fargate cpu value: 256 to 16384' : 'a Fargate memory value matching the cpu',
        fix: `Set ${p}, e.g. Cpu "256" with Memory "512".`,
      }));
  },
};
