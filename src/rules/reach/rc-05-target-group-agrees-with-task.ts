import { TemplateResource } from '../model';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { SERVICE, serviceTask } from '../service/service-facts';
import { networkMode } from '../task/task-facts';
import { orList, toArray, toNumber, toObject, toStr } from '../values';
import { shortPath, TARGET_GROUP } from './load-balancing-index';

/** Container names of a task definition; undefined when any is unresolved. */
function containerDefs(task: TemplateResource): Map<string, Record<string, unknown>> | undefined {
  const list = toArray(task.properties.ContainerDefinitions);
  if (!list) return undefined;
  const out = new Map<string, Record<string, unknown>>();
  for (const c of list) {
    const def = toObject(c);
    const name = toStr(def?.Name);
    if (!def || name === undefined) return undefined;
    out.set(name, def);
  }
  return out;
}

/** The single container ports a container maps; undefined when any mapping is unresolved or a range. */
function containerPorts(def: Record<string, unknown>): number[] | undefined {
  if (def.PortMappings === undefined) return [];
  const list = toArray(def.PortMappings);
  if (!list) return undefined;
  const ports: number[] = [];
  for (const m of list) {
    const mapping = toObject(m);
    if (!mapping || mapping.ContainerPortRange !== undefined) return undefined;
    const port = toNumber(mapping.ContainerPort);
    if (port === undefined) return undefined;
    ports.push(port);
  }
  return ports;
}

/** The target type a network mode needs; undefined for modes without load balancing or unresolved. */
function neededTargetType(mode: string | undefined): string | undefined {
  if (mode === 'awsvpc') return 'ip';
  if (mode === 'bridge' || mode === 'host') return 'instance';
  return undefined;
}

export const RC05_TARGET_GROUP_AGREES_WITH_TASK: ResourceRule = {
  id: 'ECS-RC-05',
  title: 'Service load balancer entries must match the task definition and the target group type',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'For each LoadBalancers entry of a service whose task definition is in the assembly: ContainerName must be a container of the task definition and ContainerPort one of that container\'s PortMappings ContainerPort values; and when TargetGroupArn, or the blue/green AdvancedConfiguration AlternateTargetGroupArn, resolves to a target group of the assembly, its TargetType (instance when omitted) must fit the network mode: ip for awsvpc, instance for bridge and host. Skipped when a container name, a port mapping or the target type is unresolved, or the container uses ContainerPortRange. A HealthCheckPort missing from PortMappings is not judged (an awsvpc task answers on any port it listens on; ECS-PM-10 covers fixed health check ports with dynamic host ports).',
  deployError: 'CreateService fails and the stack rolls back: "InvalidParameterException: The container app did not have a container port 8080 defined", or "The provided target group ... has target type instance, which is incompatible with the awsvpc network mode specified in the task definition".',
  fix: 'Point the load balancer entry at a container and port the task definition maps, and create the target group with targetType IP for awsvpc tasks (INSTANCE for bridge and host).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html',
  resourceTypes: [SERVICE],
  check(service, ctx): RuleIssue[] {
    const entries = toArray(service.properties.LoadBalancers);
    if (!entries || entries.length === 0) return [];
    const task = serviceTask(service, ctx);
    if (!task) return [];
    const taskLabel = () => shortPath(task, service.stack); // only for a message
    const defs = containerDefs(task);
    const mode = networkMode(task);
    const issues: RuleIssue[] = [];
    entries.forEach((raw, i) => {
      const entry = toObject(raw);
      if (!entry) return;
      const pointer = `Properties/LoadBalancers/${i}`;
      const name = toStr(entry.ContainerName);
      const port = toNumber(entry.ContainerPort);
      if (defs && name !== undefined) {
        const def = defs.get(name);
        if (!def) {
          const names = [...defs.keys()].map((n) => `'${n}'`);
          issues.push({
            property: `${pointer}/ContainerName`,
            value: entry.ContainerName,
            problem: `LoadBalancers ContainerName '${name}' is not a container of task definition ${taskLabel()}`,
            allowed: `a container of ${taskLabel()}: ${orList(names)}`,
            fix: 'Set ContainerName to the container that serves the traffic (loadBalancerTarget({ containerName })).',
          });
        } else if (port !== undefined) {
          const ports = containerPorts(def);
          if (ports && !ports.includes(port)) {
            issues.push({
              property: `${pointer}/ContainerPort`,
              value: entry.ContainerPort,
              problem: `LoadBalancers ContainerPort ${port} is not a port mapping of container '${name}' in ${taskLabel()}`,
              allowed: ports.length > 0 ? `a ContainerPort of '${name}': ${orList(ports)}` : `a port mapped by '${name}' (it maps none)`,
              fix: `Use a mapped port, or add portMappings: [{ containerPort: ${port} }] to container '${name}'.`,
            });
          }
        }
      }
      const needed = neededTargetType(mode);
      if (needed === undefined) return;
      // The alternate target group of a blue/green deployment gets the new revision's tasks: the same type applies.
      const alternate = toObject(entry.AdvancedConfiguration)?.AlternateTargetGroupArn;
      for (const [where, arn] of [['TargetGroupArn', entry.TargetGroupArn], ['AdvancedConfiguration/AlternateTargetGroupArn', alternate]] as const) {
        const tg = arn === undefined ? undefined : ctx.assembly.resolveResource(arn, service.stack);
        if (tg?.type !== TARGET_GROUP) continue;
        const rawType = tg.properties.TargetType;
        const targetType = rawType === undefined ? 'instance' : toStr(rawType);
        if (targetType === undefined || targetType === needed) continue;
        issues.push({
          property: `${pointer}/${where}`,
          value: arn,
          problem: `${where === 'TargetGroupArn' ? 'target group' : 'alternate (blue/green) target group'} ${shortPath(tg, service.stack)} has TargetType ${targetType}${rawType === undefined ? ' (the default)' : ''}, which is incompatible with the ${mode} network mode of ${taskLabel()}`,
          allowed: `TargetType ${needed} for ${mode} tasks`,
          fix: `Create the target group with TargetType ${needed} (targetType: TargetType.${needed.toUpperCase()}); changing it replaces the target group.`,
        });
      }
    });
    return issues;
  },
};
