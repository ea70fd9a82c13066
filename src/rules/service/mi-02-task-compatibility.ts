import { ResourceRule, RuleIssue, Severity } from '../rule';
import { launchKind, SERVICE, serviceTask } from './service-facts';
import { compatibilities } from '../task/compatibilities';

export const MI02_TASK_COMPATIBILITY: ResourceRule = {
  id: 'ECS-MI-02',
  title: 'Services on Managed Instances run task definitions that require MANAGED_INSTANCES',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags services whose capacity provider strategy uses only Managed Instances providers (or LaunchType MANAGED_INSTANCES) while the task definition in the template does not list MANAGED_INSTANCES in RequiresCompatibilities.',
  deployError: 'CreateService fails: the task definition does not support the MANAGED_INSTANCES launch type.',
  fix: 'Add MANAGED_INSTANCES to the task definition\'s RequiresCompatibilities (ManagedInstancesTask does), or run the service on capacity its task supports.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-instances-task-definitions.html',
  resourceTypes: [SERVICE],
  check(service, ctx): RuleIssue[] {
    if (launchKind(service, ctx) !== 'MANAGED_INSTANCES') return [];
    const task = serviceTask(service, ctx);
    const compat = task && compatibilities(task);
    if (!task || !compat || compat.includes('MANAGED_INSTANCES')) return [];
    return [{
      property: 'Properties/TaskDefinition',
      value: service.properties.TaskDefinition,
      problem: `the service runs on Managed Instances but task definition ${task.path} requires ${compat.length ? compat.join(', ') : 'no compatibility (EC2 by default)'}`,
      allowed: 'a task definition with MANAGED_INSTANCES in RequiresCompatibilities',
      fix: 'Add MANAGED_INSTANCES to RequiresCompatibilities (network mode awsvpc or host), or use a ManagedInstancesTask.',
    }];
  },
};
