import { TemplateResource } from '../model';
import { portMappings, portMappingsComplete, protocolOf } from '../network/port-mappings';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { resolveCluster } from '../service/cluster-providers';
import { launchKind, schedulingStrategy, SERVICE, serviceTask } from '../service/service-facts';
import { networkMode } from '../task/task-facts';
import { andList, toArray, toNumber } from '../values';

/** `port/protocol` keys of the instance ports a task binds: host mode maps every container port, bridge its fixed host ports. */
function hostPorts(task: TemplateResource): Set<string> | undefined {
  const mode = networkMode(task);
  if (mode !== 'host' && mode !== 'bridge') return new Set();
  if (!portMappingsComplete(task)) return undefined;
  const out = new Set<string>();
  for (const { mapping } of portMappings(task)) {
    // In host mode the host port is the container port (ECS-PM-01); in bridge mode no HostPort is a dynamic one.
    const raw = mode === 'host' ? mapping.ContainerPort : mapping.HostPort;
    if (raw === undefined && mode === 'bridge') continue;
    const port = toNumber(raw);
    const protocol = protocolOf(mapping);
    if (port === undefined || protocol === undefined) return undefined;
    if (port !== 0) out.add(`${port}/${protocol}`);
  }
  return out;
}

/** Services on EC2 instances of a cluster of the app, with the fixed host ports their tasks bind. */
interface PortHolder {
  readonly service: TemplateResource;
  readonly cluster: TemplateResource;
  readonly ports: Set<string>;
}

function holders(ctx: RuleContext): PortHolder[] {
  const out: PortHolder[] = [];
  for (const service of ctx.assembly.ofType(SERVICE)) {
    const kind = launchKind(service, ctx);
    if (kind !== undefined && kind !== 'EC2') continue;
    const task = serviceTask(service, ctx);
    const cluster = resolveCluster(service.properties.Cluster, service, ctx);
    if (!task || !cluster) continue;
    const ports = hostPorts(task);
    if (ports && ports.size > 0) out.push({ service, cluster, ports });
  }
  return out;
}

/** A DAEMON service without placement constraints: it runs a task on every instance of its cluster. */
function unconstrainedDaemon(service: TemplateResource): boolean {
  if (schedulingStrategy(service) !== 'DAEMON') return false;
  const constraints = service.properties.PlacementConstraints;
  return constraints === undefined || toArray(constraints)?.length === 0;
}

export const RC20_DAEMON_HOST_PORTS: ResourceRule = {
  id: 'ECS-RC-20',
  title: 'A daemon that binds fixed host ports leaves them to no other service of its cluster',
  area: 'reach',
  severity: Severity.WARNING,
  description: 'For a DAEMON service without placement constraints (it runs a task on every instance of its cluster) whose task binds fixed '
    + 'instance ports (host network mode, or bridge mode with a HostPort): flags each other service of the same cluster that runs on EC2 '
    + 'and binds one of those ports. A port on an instance can be bound by one task only, so the other service\'s tasks can be placed '
    + 'nowhere (or the second daemon nowhere). Daemons with placement constraints, awsvpc tasks, dynamic host ports, and services '
    + 'whose cluster, task definition or ports are unresolved are not judged.',
  deployError: 'Deploys, but the other service never starts a task: "service X was unable to place a task because no container instance met '
    + 'all of its requirements ... already using a port required by your task"; the deployment does not reach a steady state.',
  fix: 'Move one of the two to another port, to awsvpc mode, or (for the other service) to a capacity the daemon does not run on '
    + '(a memberOf placement constraint on the daemon).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html',
  resourceTypes: [SERVICE],
  onlyWith: ['SchedulingStrategy'],
  check(daemon, ctx): RuleIssue[] {
    if (!unconstrainedDaemon(daemon)) return [];
    const all = holders(ctx);
    const own = all.find((h) => h.service === daemon);
    if (!own) return [];
    const issues: RuleIssue[] = [];
    for (const other of all) {
      if (other.service === daemon || other.cluster !== own.cluster) continue;
      const shared = [...other.ports].filter((p) => own.ports.has(p));
      if (shared.length === 0) continue;
      // Two such daemons: the pair is reported once, on the first in template order.
      if (unconstrainedDaemon(other.service) && all.indexOf(other) < all.indexOf(own)) continue;
      issues.push({
        property: 'Properties/SchedulingStrategy',
        value: 'DAEMON',
        problem: `DAEMON service binds host port${shared.length > 1 ? 's' : ''} ${andList(shared)} on every instance of cluster ${own.cluster.path}, `
          + `and service ${other.service.path} on the same cluster binds ${shared.length > 1 ? 'them' : 'it'} too`,
        allowed: 'each fixed host port bound by one service per instance',
        fix: `Use another port for ${other.service.path} or for the daemon, awsvpc network mode, or a memberOf placement constraint that keeps the daemon off ${other.service.path}'s instances.`,
      });
    }
    return issues;
  },
};
