import { serviceInstanceGroups } from './instance-room';
import { TemplateResource } from '../model';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { SERVICE, serviceTask } from '../service/service-facts';
import { containers, networkMode } from '../task/task-facts';
import { toArray, toNumber, toObject, toStr } from '../values';

export const RC22_ONE_TASK_PER_INSTANCE: ResourceRule = {
  id: 'ECS-RC-22',
  title: 'Tasks that need an instance each fit the instances the capacity can launch',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'For a REPLICA service on EC2 (a capacity provider strategy of Auto Scaling group providers only, or LaunchType EC2 on the groups '
    + 'whose user data joins its cluster) whose tasks each need an instance of their own: host network mode with a port mapping, a fixed '
    + '(non-zero) HostPort in bridge or NAT mode, or a distinctInstance placement constraint. DesiredCount must not exceed the sum of the '
    + 'groups\' MaxSize. Silent when DesiredCount is omitted (autoscaling) or any value is unresolved.',
  deployError: 'Tasks beyond the number of instances are never placed ("unable to place a task because no container instance met all of its '
    + 'requirements ... already using a port required by your task" or "distinctInstance"); the service never reaches a steady state and the '
    + 'deployment rolls back.',
  fix: 'Raise the capacity\'s maximum instances (Ec2Capacity maxCapacity, the Auto Scaling group\'s maxCapacity) to at least the desired count, '
    + 'plus one for rolling deployments, lower desiredCount, or let tasks share instances (awsvpc, or bridge with dynamic host ports).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html',
  resourceTypes: [SERVICE],
  check(service, ctx): RuleIssue[] {
    const p = service.properties;
    if (p.DesiredCount === undefined || toStr(p.SchedulingStrategy) === 'DAEMON') return [];
    const desired = toNumber(p.DesiredCount);
    if (desired === undefined || desired <= 1) return [];
    const task = serviceTask(service, ctx);
    const why = task ? ownInstance(service, task) : undefined;
    if (!why) return [];
    const groups = serviceInstanceGroups(service, ctx);
    if (!groups || groups.length === 0) return [];
    let instances = 0;
    for (const asg of groups) {
      const max = toNumber(asg.properties.MaxSize);
      if (max === undefined) return [];
      instances += max;
    }
    if (desired <= instances) return [];
    return [{
      property: 'Properties/DesiredCount',
      value: desired,
      problem: `service wants ${desired} tasks and each needs an instance of its own (${why}), but its Auto Scaling group${groups.length > 1 ? 's' : ''} `
        + `launch${groups.length > 1 ? '' : 'es'} at most ${instances} instance${instances === 1 ? '' : 's'} (MaxSize)`,
      allowed: `a DesiredCount of at most ${instances}, the instances the capacity can launch`,
      fix: `Raise the capacity's maximum instances to ${desired + 1} or more (Ec2Capacity maxCapacity; one spare for rolling deployments), `
        + `lower desiredCount to ${instances}, or let tasks share instances (awsvpc, or bridge with dynamic host ports).`,
    }];
  },
};

/** Why each task needs an instance of its own, or undefined when tasks can share one. */
function ownInstance(service: TemplateResource, task: TemplateResource): string | undefined {
  const distinct = (list: unknown) => (toArray(list) ?? []).some((c) => toStr(toObject(c)?.Type) === 'distinctInstance');
  if (distinct(service.properties.PlacementConstraints)) return 'a distinctInstance placement constraint';
  const mode = networkMode(task);
  for (const { def } of containers(task)) {
    for (const raw of toArray(def.PortMappings) ?? []) {
      const m = toObject(raw);
      const containerPort = toNumber(m?.ContainerPort);
      if (mode === 'host' && containerPort !== undefined) return `host network mode, port ${containerPort}`;
      const hostPort = toNumber(m?.HostPort);
      if ((mode === 'bridge' || mode === 'nat') && hostPort !== undefined && hostPort > 0) return `fixed host port ${hostPort}`;
    }
  }
  return undefined;
}
