import { ResourceRule, RuleIssue, Severity } from '../rule';
import { networkMode } from '../task/task-facts';
import { toArray, toObject } from '../values';
import { SERVICE, serviceTask } from './service-facts';

export const SV23_SERVICE_REGISTRIES: ResourceRule = {
  id: 'ECS-SV-23',
  title: 'One service registry per service; bridge/host need ContainerName and ContainerPort; not with network mode none',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags more than one ServiceRegistries entry, a registry without ContainerName/ContainerPort for bridge or host tasks (SRV records), and registries on tasks with network mode none.',
  deployError: 'CreateService fails: only one service registry is supported; bridge and host need a containerName and containerPort; service discovery does not support network mode none.',
  fix: 'Keep one registry; for bridge/host tasks set ContainerName and ContainerPort (SRV records).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceRegistries'],
  check(service, ctx): RuleIssue[] {
    const list = toArray(service.properties.ServiceRegistries);
    if (!list || list.length === 0) return [];
    const issues: RuleIssue[] = [];
    if (list.length > 1) {
      issues.push({ property: 'Properties/ServiceRegistries', value: `${list.length} registries`, problem: `service has ${list.length} ServiceRegistries`, allowed: 'one service registry per service', fix: 'Keep one Cloud Map service registry.' });
    }
    const task = serviceTask(service, ctx);
    const mode = task ? networkMode(task) : undefined;
    if (mode === 'none') {
      issues.push({ property: 'Properties/ServiceRegistries', value: list, problem: 'service discovery on a task definition with network mode none', allowed: 'service registries with awsvpc, bridge or host tasks', fix: 'Use another network mode, or remove ServiceRegistries.' });
    }
    if (mode === 'bridge' || mode === 'host') {
      list.forEach((r, i) => {
        const reg = toObject(r);
        if (!reg || (reg.ContainerName !== undefined && reg.ContainerPort !== undefined)) return;
        issues.push({ property: `Properties/ServiceRegistries/${i}`, value: reg, problem: `service registry on a ${mode}-mode task has no ContainerName/ContainerPort`, allowed: 'ContainerName and ContainerPort (SRV records) for bridge and host tasks', fix: 'Set ContainerName and ContainerPort, and use SRV records in the Cloud Map service.' });
      });
    }
    return issues;
  },
};
