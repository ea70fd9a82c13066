import { ResourceRule, RuleIssue, Severity } from '../rule';
import { networkMode, TASK_DEFINITION } from './task-facts';

export const TD09_PROXY_AWSVPC: ResourceRule = {
  id: 'ECS-TD-09',
  title: 'ProxyConfiguration (App Mesh) requires the awsvpc network mode',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Flags ProxyConfiguration on task definitions whose network mode is not awsvpc.',
  deployError: 'RegisterTaskDefinition fails: proxy configuration is only supported with the awsvpc network mode.',
  fix: 'Set NetworkMode to awsvpc, or remove ProxyConfiguration.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ProxyConfiguration.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ProxyConfiguration'],
  check(task): RuleIssue[] {
    const mode = networkMode(task);
    if (task.properties.ProxyConfiguration === undefined || mode === undefined || mode === 'awsvpc') return [];
    return [{
      property: 'Properties/ProxyConfiguration',
      value: task.properties.ProxyConfiguration,
      problem: `ProxyConfiguration with network mode ${mode}`,
      allowed: 'ProxyConfiguration only with NetworkMode awsvpc',
      fix: 'Set NetworkMode to awsvpc.',
    }];
  },
};
