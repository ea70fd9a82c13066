import { ResourceRule, RuleIssue, Severity } from '../rule';
import { EXPRESS_API, EXPRESS_SERVICE, usesOwnTaskDefinition } from './express-facts';

/** Fields that TaskDefinitionArn replaces (the ECS API reference for taskDefinitionArn). */
const TASK_FIELDS = ['PrimaryContainer', 'ExecutionRoleArn', 'TaskRoleArn', 'Cpu', 'Memory'];

export const XM08_TASK_DEFINITION_EXCLUSIVE: ResourceRule = {
  id: 'ECS-XM-08',
  title: 'Express TaskDefinitionArn is not combined with PrimaryContainer, roles, Cpu or Memory',
  area: 'service',
  severity: Severity.ERROR,
  description: 'With TaskDefinitionArn the task definition carries the container, roles and size: PrimaryContainer, ExecutionRoleArn, TaskRoleArn, Cpu and Memory must be left out.',
  deployError: 'CreateExpressGatewayService fails: taskDefinitionArn cannot be specified with primaryContainer, executionRoleArn, taskRoleArn, cpu or memory.',
  fix: 'Remove the listed fields, or remove TaskDefinitionArn.',
  source: EXPRESS_API,
  resourceTypes: [EXPRESS_SERVICE],
  check(service): RuleIssue[] {
    if (!usesOwnTaskDefinition(service)) return [];
    return TASK_FIELDS.filter((f) => service.properties[f] !== undefined).map((f) => ({
      property: `Properties/${f}`,
      value: service.properties[f],
      problem: `${f} is set together with TaskDefinitionArn`,
      allowed: `TaskDefinitionArn without ${TASK_FIELDS.join(', ')}`,
      fix: `Remove ${f}: the task definition defines it.`,
    }));
  },
};
