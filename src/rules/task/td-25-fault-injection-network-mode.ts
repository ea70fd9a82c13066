import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toBool } from '../values';
import { networkMode, TASK_DEFINITION } from './task-facts';

export const TD25_FAULT_INJECTION_NETWORK_MODE: ResourceRule = {
  id: 'ECS-TD-25',
  title: 'Fault injection needs the awsvpc or host network mode',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Flags EnableFaultInjection true on task definitions whose network mode is bridge or none.',
  deployError: 'RegisterTaskDefinition fails: fault injection is only supported with the awsvpc and host network modes.',
  fix: 'Use NetworkMode awsvpc or host, or turn EnableFaultInjection off.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fault-injection.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['EnableFaultInjection'],
  check(task): RuleIssue[] {
    const mode = networkMode(task);
    if (toBool(task.properties.EnableFaultInjection) !== true || mode === undefined || mode === 'awsvpc' || mode === 'host') return [];
    return [{
      property: 'Properties/EnableFaultInjection',
      value: task.properties.EnableFaultInjection,
      problem: `EnableFaultInjection with network mode ${mode}`,
      allowed: 'fault injection with NetworkMode awsvpc or host',
      fix: 'Set NetworkMode to awsvpc (or host), or remove EnableFaultInjection.',
    }];
  },
};
