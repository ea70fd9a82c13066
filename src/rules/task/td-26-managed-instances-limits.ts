import { ResourceRule, RuleIssue, Severity } from '../rule';
import { compatibilities } from './compatibilities';
import { isWindows, TASK_DEFINITION } from './task-facts';

const UNSUPPORTED = ['EphemeralStorage', 'IpcMode', 'ProxyConfiguration'] as const;

export const TD26_MANAGED_INSTANCES_LIMITS: ResourceRule = {
  id: 'ECS-TD-26',
  title: 'Managed Instances tasks: no EphemeralStorage, IpcMode, ProxyConfiguration or Windows',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Flags EphemeralStorage, IpcMode, ProxyConfiguration and a Windows operating system family on task definitions that require MANAGED_INSTANCES.',
  deployError: 'RegisterTaskDefinition fails: the parameter is not supported for tasks running on Amazon ECS Managed Instances.',
  fix: 'Remove the parameter, or drop MANAGED_INSTANCES from RequiresCompatibilities.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-instances-task-definitions.html',
  resourceTypes: [TASK_DEFINITION],
  check(task): RuleIssue[] {
    if (!(compatibilities(task) ?? []).includes('MANAGED_INSTANCES')) return [];
    const issues: RuleIssue[] = UNSUPPORTED.filter((p) => task.properties[p] !== undefined).map((p) => ({
      property: `Properties/${p}`,
      value: task.properties[p],
      problem: `MANAGED_INSTANCES task definition sets ${p}`,
      allowed: `no ${p} on Managed Instances`,
      fix: `Remove ${p}.`,
    }));
    if (isWindows(task) === true) {
      issues.push({
        property: 'Properties/RuntimePlatform/OperatingSystemFamily',
        value: (task.properties.RuntimePlatform as Record<string, unknown>).OperatingSystemFamily,
        problem: 'MANAGED_INSTANCES task definition uses a Windows operating system family',
        allowed: 'Linux tasks on Managed Instances',
        fix: 'Use a Linux image and OperatingSystemFamily LINUX, or run Windows tasks on EC2 or Fargate.',
      });
    }
    return issues;
  },
};
