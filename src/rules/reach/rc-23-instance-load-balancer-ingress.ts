import { launchSecurityGroups, serviceInstanceGroups } from './instance-room';
import {
  IngressRule, ingressOfAll, ingressSource, loadBalancingIndex, missedRangesNote, rulesVerdict, shortPath, TARGET_GROUP, Transport, transportsOf,
} from './load-balancing-index';
import { applicationLoadBalancerRanges, loadBalancerGroupsOf } from './rc-04-load-balancer-ingress';
import { TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { SERVICE, serviceTask } from '../service/service-facts';
import { DYNAMIC_HOST_PORTS, dynamicHostPorts, WINDOWS_DYNAMIC_HOST_PORTS } from '../tables/capacity-limits';
import { containers, networkMode } from '../task/task-facts';
import { isUnresolved, toArray, toNumber, toObject, toStr } from '../values';

export const RC23_INSTANCE_LOAD_BALANCER_INGRESS: ResourceRule = {
  id: 'ECS-RC-23',
  title: 'Container instance security groups must admit the load balancer on the tasks\' host ports',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'For a bridge, host or NAT mode service on EC2 (its Auto Scaling groups found as for ECS-RC-22) attached to an instance '
    + 'target group, checks that a security group of the groups\' instances (launch template or launch configuration) admits each load '
    + 'balancer that forwards to it: on the host port (host mode: the container port; a fixed HostPort; else some port of the dynamic '
    + `range, ${DYNAMIC_HOST_PORTS.min}-${DYNAMIC_HOST_PORTS.max}, or ${WINDOWS_DYNAMIC_HOST_PORTS.min}-${WINDOWS_DYNAMIC_HOST_PORTS.max} in NAT mode) `
    + 'over the target group protocol\'s transport, and over TCP on a numeric health check port. Admitting is judged as for ECS-RC-04. '
    + 'aws-cdk-lib\'s Cluster.addAsgCapacityProvider, unlike addCapacity, does not put the group\'s security groups on the cluster\'s '
    + 'connections, so its services open nothing on the instances (aws-cdk#22764). Skipped when a group, port or rule is unresolved or '
    + 'outside the assembly.',
  deployError: 'CloudFormation creates everything, but the load balancer\'s health checks time out: targets stay "unhealthy" (Request timed out), '
    + 'ECS stops and replaces the tasks ("Task failed ELB health checks"), the service never reaches a steady state and the stack rolls back.',
  fix: 'Allow the load balancer into the instances on the host ports: autoScalingGroup.connections.allowFrom(lb, Port.tcpRange(32768, 65535)) '
    + 'for dynamic bridge ports (the fixed host port otherwise); with the kit, run the service on an EcsCluster\'s Ec2Capacity, which opens them.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html',
  resourceTypes: [SERVICE],
  onlyWith: ['LoadBalancers'],
  check(service, ctx): RuleIssue[] {
    const entries = toArray(service.properties.LoadBalancers) ?? [];
    const task = entries.length > 0 ? serviceTask(service, ctx) : undefined;
    const mode = task ? networkMode(task) : undefined;
    if (!task || (mode !== 'bridge' && mode !== 'host' && mode !== 'nat')) return [];
    const instances = instanceRules(service, ctx);
    if (!instances) return [];
    const index = loadBalancingIndex(ctx.assembly);
    const issues: RuleIssue[] = [];
    const reported = new Set<string>();
    for (const raw of entries) {
      const entry = toObject(raw);
      const tg = ctx.assembly.resolveResource(entry?.TargetGroupArn, service.stack);
      if (tg?.type !== TARGET_GROUP || !isInstanceTarget(tg)) continue;
      const ports = hostPorts(task, mode, toStr(entry?.ContainerName), toNumber(entry?.ContainerPort));
      if (!ports) continue;
      const ways = paths(tg, ports);
      if (!ways) continue;
      for (const f of index.forwardersOf(tg)) {
        const lb = f.loadBalancer;
        const lbGroups = lb ? loadBalancerGroupsOf(lb, ctx) : undefined;
        if (!lb || !lbGroups) continue;
        for (const way of ways) {
          const key = `${lb.logicalId}/${way.first}-${way.last}/${way.transport}`;
          if (reported.has(key)) continue;
          const lbRanges = () => applicationLoadBalancerRanges(lb, ctx);
          if (rulesVerdict(instances.rules, way.transport, way.first, ingressSource, lbGroups, way.last, lbRanges) !== 'no') continue;
          reported.add(key);
          const missed = missedRangesNote(instances.rules, way.transport, way.first, ingressSource, lbRanges(), 'the load balancer\'s subnets', way.last);
          issues.push(issue(service, lb, lbGroups, instances.groups, way, missed));
        }
      }
    }
    return issues;
  },
};

/** `what` names the ports with `{t}` where the transport goes: "host port 8080/{t} (container port 80)". */
interface HostPorts { readonly first: number; readonly last: number; readonly what: string }
interface Way extends HostPorts { readonly transport: Transport }

/** The instances' security groups and their ingress rules, when every one is decidable. */
function instanceRules(service: TemplateResource, ctx: RuleContext): { groups: TemplateResource[]; rules: IngressRule[] } | undefined {
  const asgs = serviceInstanceGroups(service, ctx);
  if (!asgs || asgs.length === 0) return undefined;
  const groups: TemplateResource[] = [];
  for (const asg of asgs) {
    const g = launchSecurityGroups(asg, ctx);
    if (!g || g.length === 0) return undefined;
    for (const group of g) if (!groups.includes(group)) groups.push(group);
  }
  const rules = ingressOfAll(loadBalancingIndex(ctx.assembly), groups);
  return rules ? { groups, rules } : undefined;
}

function isInstanceTarget(tg: TemplateResource): boolean {
  const type = tg.properties.TargetType;
  return type === undefined || toStr(type) === 'instance';
}

/** The host ports a container port is reached on: the container port in host mode, a fixed HostPort, or the dynamic range. */
function hostPorts(task: TemplateResource, mode: string, name: string | undefined, containerPort: number | undefined): HostPorts | undefined {
  if (name === undefined || containerPort === undefined) return undefined;
  if (mode === 'host') return { first: containerPort, last: containerPort, what: `host port ${containerPort}/{t} (host mode)` };
  const container = containers(task).find((c) => toStr(c.def.Name) === name);
  const mapping = (toArray(container?.def.PortMappings) ?? []).map(toObject).find((m) => toNumber(m?.ContainerPort) === containerPort);
  if (!mapping || isUnresolved(mapping.HostPort)) return undefined;
  const fixed = toNumber(mapping.HostPort);
  if (fixed !== undefined && fixed > 0) return { first: fixed, last: fixed, what: `host port ${fixed}/{t} (container port ${containerPort})` };
  const range = dynamicHostPorts(mode);
  if (!range) return undefined;
  return { first: range.min, last: range.max, what: `the dynamic host ports ${range.min}-${range.max}/{t} of container port ${containerPort} (${mode} mode)` };
}

/** Traffic over the target group protocol's transports, and health checks over TCP on a numeric port. */
function paths(tg: TemplateResource, ports: HostPorts): Way[] | undefined {
  const transports = transportsOf(toStr(tg.properties.Protocol));
  if (transports.length === 0) return undefined;
  const ways: Way[] = transports.map((transport) => ({ ...ports, transport }));
  const hc = tg.properties.HealthCheckPort;
  if (hc !== undefined && toStr(hc) !== 'traffic-port') {
    const n = isUnresolved(hc) ? undefined : toNumber(hc);
    if (n === undefined) return undefined;
    ways.push({ first: n, last: n, what: `health check port ${n}/{t}`, transport: 'tcp' });
  } else if (!transports.includes('tcp')) {
    ways.push({ ...ports, transport: 'tcp' });
  }
  return ways;
}

function issue(
  service: TemplateResource, lb: TemplateResource, lbGroups: Set<TemplateResource> | 'none', groups: TemplateResource[], way: Way, missed: string,
): RuleIssue {
  const lbLabel = shortPath(lb, service.stack);
  const groupLabel = groups.map((g) => shortPath(g, service.stack)).join(', ');
  const ports = way.first === way.last ? `${way.first}` : `${way.first}-${way.last}`;
  const peerPort = way.first === way.last ? `Port.${way.transport}(${way.first})` : `Port.${way.transport}Range(${way.first}, ${way.last})`;
  const source = lbGroups === 'none' ? `network load balancer ${lbLabel} (no security groups: only CIDR rules match it)`
    : `load balancer ${lbLabel} (security group ${[...lbGroups].map((g) => shortPath(g, service.stack)).join(', ')})`;
  return {
    property: 'Properties/LoadBalancers',
    value: lbLabel,
    problem: `No security group of the container instances (${groupLabel}) admits ${source} on ${way.what.replace('{t}', way.transport)}${missed}`,
    allowed: `instance security group ingress from the load balancer${lbGroups === 'none' ? '\'s subnets (a CIDR)' : '\'s security group'} on ${ports}/${way.transport}`,
    fix: (lbGroups !== 'none' && groups.some((g) => g.stack !== lb.stack) ? crossStackFix(way)
      : `Add it: autoScalingGroup.connections.allowFrom(${lbGroups === 'none' ? 'Peer.ipv4(vpc.vpcCidrBlock)' : 'loadBalancer'}, ${peerPort})`
        + (lbGroups === 'none' ? ', and for an internet-facing Network Load Balancer its clients\' addresses too (instance targets see the client IP). ' : '. '))
      + 'aws-cdk-lib services on a cluster whose group came from Cluster.addAsgCapacityProvider open nothing on it (aws-cdk#22764); '
      + 'kit services open their host ports, but not a separate health check port.',
  };
}

/**
 * The instances and the load balancer are in different stacks: connections.allowFrom there makes the group's stack
 * reference the load balancer's, which already references the group's (the cluster), a cycle. The rule belongs in
 * the load balancer's stack.
 */
function crossStackFix(way: Way): string {
  return 'Add it in the load balancer\'s stack (autoScalingGroup.connections.allowFrom would put it in the group\'s stack, a dependency cycle): '
    + 'new ec2.CfnSecurityGroupIngress(loadBalancerStack, \'InstancesFromLb\', { groupId: instanceSecurityGroup.securityGroupId, '
    + `sourceSecurityGroupId: loadBalancerSecurityGroup.securityGroupId, ipProtocol: '${way.transport}', fromPort: ${way.first}, toPort: ${way.last} }). `;
}
