import { ResourceRule, RuleIssue, Severity } from '../rule';
import { serviceConnectTask } from './service-connect';
import { SERVICE } from './service-facts';
import { requiresFargate } from '../task/task-facts';

export const SC06_TASK_MEMORY: ResourceRule = {
  id: 'ECS-SC-06',
  title: 'Service Connect needs task-level memory on EC2 task definitions',
  area: 'service',
  severity: Severity.ERROR,
  description: "Flags services with Service Connect enabled whose (resolved) EC2 task definition has no task-level Memory: the Service Connect proxy takes its share from the task's memory.",
  deployError: 'The service is rejected: the task definition must set the task memory limit to use Service Connect.',
  fix: "Set task-level memory with at least 64 MiB spare for the proxy: the kit's Ec2Task memoryMiB, or aws-cdk-lib's ecs.TaskDefinition with compatibility EC2 and memoryMiB (Ec2TaskDefinition has no task memory).",
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration'],
  check(service, ctx): RuleIssue[] {
    const task = serviceConnectTask(service, ctx);
    if (!task || requiresFargate(task) !== false) return [];
    if (task.properties.Memory !== undefined) return [];
    return [{
      property: 'Properties/ServiceConnectConfiguration/Enabled',
      value: true,
      problem: `Service Connect is enabled but task definition ${task.path} sets no task-level Memory`,
      allowed: 'Service Connect with a task definition that sets Memory',
      fix: `Set Memory on ${task.path} to the containers' memory plus at least 64 MiB for the Service Connect proxy: memoryMiB on the kit's Ec2Task, `
        + 'or an aws-cdk-lib ecs.TaskDefinition with compatibility EC2 and memoryMiB (Ec2TaskDefinition has no task memory)',
    }];
  },
};
