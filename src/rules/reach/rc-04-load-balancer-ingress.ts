import { resourceFact, TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { SERVICE, serviceTask } from '../service/service-facts';
import { networkMode } from '../task/task-facts';
import { isUnresolved, toArray, toNumber, toObject, toStr } from '../values';
import { Ipv4Range, loadBalancerRanges, subnetRanges } from './address-ranges';
import {
  ingressOfAll, ingressSource, loadBalancerType, loadBalancingIndex, missedRangesNote, rulesVerdict, SECURITY_GROUP, shortPath, TARGET_GROUP,
  Transport, transportsOf,
} from './load-balancing-index';

/** The load balancer's security groups; 'none' for an NLB without any; undefined when not decidable. */
function loadBalancerGroups(lb: TemplateResource, ctx: RuleContext): Set<TemplateResource> | 'none' | undefined {
  const type = loadBalancerType(lb);
  if (type !== 'application' && type !== 'network') return undefined;
  const raw = lb.properties.SecurityGroups;
  const list = raw === undefined ? [] : toArray(raw);
  if (!list) return undefined;
  // An ALB without security groups gets the VPC's default group: not decidable here.
  if (list.length === 0) return type === 'network' ? 'none' : undefined;
  const groups = list.map((g) => ctx.assembly.resolveResource(g, lb.stack));
  if (groups.some((g) => g?.type !== SECURITY_GROUP)) return undefined;
  return new Set(groups as TemplateResource[]);
}

export const RC04_LOAD_BALANCER_INGRESS: ResourceRule = {
  id: 'ECS-RC-04',
  title: 'Task security groups must admit the load balancer on the container and health check ports',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'For an awsvpc service attached to a target group of the assembly, finds the load balancers whose listeners or listener rules forward to it and checks that at least one security group of the tasks admits each of them on the container port, over the target group protocol\'s transport (TCP for HTTP, HTTPS, TCP and TLS; UDP for UDP and QUIC; both for TCP_UDP and TCP_QUIC), and over TCP on the health check port (the container port, or a numeric HealthCheckPort: health checks of UDP target groups are TCP or HTTP). Admitting means an ingress rule (inline SecurityGroupIngress or a separate AWS::EC2::SecurityGroupIngress) whose source is one of the load balancer\'s security groups, a prefix list or IPv6 range, or an IPv4 CIDR (for an Application Load Balancer, one that shares an address with its subnets\' literal CidrBlocks, since it proxies from its nodes\' addresses; for a Network Load Balancer, any, since it may keep the client\'s address); a Network Load Balancer without security groups is admitted only by CIDR or prefix-list rules. Skipped when a task or load balancer security group is outside the assembly, an Application Load Balancer has no SecurityGroups (it gets the VPC default group), or any relevant ingress rule or port is unresolved, or an ingress rule whose GroupId is unresolved (or a nested stack whose template is missing) could add to a task group: one in the group\'s own template, or anywhere when the template hands the group out (an Output or a nested stack\'s Parameters).',
  deployError: 'CloudFormation creates everything, but the load balancer\'s health checks time out: targets stay "unhealthy" (Request timed out), ECS stops and replaces the tasks ("Task failed ELB health checks"), the service never reaches a steady state and the stack times out and rolls back.',
  fix: 'Allow the load balancer into the tasks: ingress on the container port (and health check port) from the load balancer\'s security group, e.g. service.connections.allowFrom(lb, Port.tcp(port)), and Port.udp(port) too for a UDP target group.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-update-security-groups.html',
  resourceTypes: [SERVICE],
  check(service, ctx): RuleIssue[] {
    const index = loadBalancingIndex(ctx.assembly);
    const reach = loadBalancedTasks(service, ctx);
    if (!reach) return [];
    const rules = ingressOfAll(index, reach.taskGroups);
    if (!rules) return [];
    // Paths only for a message: without aws:cdk:path metadata each one is a lookup.
    const taskLabel = () => reach.taskGroups.map((g) => shortPath(g, service.stack)).join(', ');
    const issues: RuleIssue[] = [];
    for (const path of reach.paths) {
      if (rulesVerdict(rules, path.transport, path.port, ingressSource, path.lbGroups, path.port, path.lbRanges) !== 'no') continue;
      const missed = missedRangesNote(rules, path.transport, path.port, ingressSource, path.lbRanges(), 'the load balancer\'s subnets');
      issues.push(issue(path, taskLabel(), reach.securityGroups, service, missed));
    }
    return issues;
  },
};

/** One way traffic takes from a load balancer to a service's tasks: a port and transport, and what it is for. */
export interface LoadBalancerPath {
  readonly lb: TemplateResource;
  readonly lbGroups: Set<TemplateResource> | 'none';
  /**
   * The IPv4 ranges of an Application Load Balancer's subnets, which its traffic and health checks come from (literal
   * CidrBlocks only); undefined for a Network Load Balancer (its traffic may keep the client's address).
   */
  readonly lbRanges: () => readonly Ipv4Range[] | undefined;
  readonly port: number;
  readonly transport: Transport;
  /** "container port 8080/tcp", "health check port 8081/tcp of target group Tg". */
  readonly what: string;
}

/**
 * For an awsvpc service whose task security groups are all in the assembly: those groups, and each load balancer,
 * port and transport its target groups are reached on, once each: the container port over the target group
 * protocol's transports (UDP for UDP and QUIC, both for TCP_UDP), and the health check port over TCP (traffic-port is
 * the container port; health checks of UDP target groups are TCP or HTTP). undefined when the service is not one to judge.
 */
export function loadBalancedTasks(service: TemplateResource, ctx: RuleContext): LoadBalancedTasks | undefined {
  // ECS-RC-04 and ECS-RC-12 both walk it: once per service.
  return resourceFact(service, walkLoadBalancedTasks, ctx);
}

export interface LoadBalancedTasks {
  readonly taskGroups: TemplateResource[];
  /** The same groups, for rulesVerdict. */
  readonly taskGroupSet: ReadonlySet<TemplateResource>;
  /** The service's SecurityGroups value, for a finding's value. */
  readonly securityGroups: unknown;
  readonly paths: LoadBalancerPath[];
}

function walkLoadBalancedTasks(service: TemplateResource, ctx: RuleContext): LoadBalancedTasks | undefined {
  const entries = toArray(service.properties.LoadBalancers);
  if (!entries || entries.length === 0) return undefined;
  const tasks = awsvpcTaskGroups(service, ctx);
  if (!tasks) return undefined;
  const index = loadBalancingIndex(ctx.assembly);
  const paths: LoadBalancerPath[] = [];
  const seen = new Map<TemplateResource, Set<string>>();
  for (const raw of entries) {
    const entry = toObject(raw);
    const tg = ctx.assembly.resolveResource(entry?.TargetGroupArn, service.stack);
    const containerPort = toNumber(entry?.ContainerPort);
    if (tg?.type !== TARGET_GROUP || containerPort === undefined) continue;
    const transports = transportsOf(toStr(tg.properties.Protocol));
    if (transports.length === 0) continue;
    let hcPort = containerPort;
    const hc = tg.properties.HealthCheckPort;
    if (hc !== undefined && toStr(hc) !== 'traffic-port') {
      const literal = isUnresolved(hc) ? undefined : toNumber(hc);
      if (literal === undefined) continue;
      hcPort = literal;
    }
    const ways: [number, Transport][] = transports.map((t) => [containerPort, t]);
    ways.push([hcPort, 'tcp']);
    const lbs = new Set<TemplateResource>();
    for (const f of index.forwardersOf(tg)) if (f.loadBalancer !== undefined) lbs.add(f.loadBalancer);
    for (const lb of lbs) {
      const lbGroups = loadBalancerGroupsOf(lb, ctx);
      if (!lbGroups) continue;
      // Read only when a literal IPv4 rule is judged: most groups admit the load balancer's group.
      const lbRanges = () => applicationLoadBalancerRanges(lb, ctx);
      let done = seen.get(lb);
      if (!done) seen.set(lb, done = new Set());
      for (const [port, transport] of ways) {
        const key = `${port}/${transport}`;
        if (done.has(key)) continue;
        done.add(key);
        const traffic = port === containerPort && (transport !== 'tcp' || transports.includes('tcp'));
        // Words built only when a rule reports: most paths are open.
        paths.push({
          lb,
          lbGroups,
          lbRanges,
          port,
          transport,
          get what() {
            return traffic ? `container port ${key}` : `health check port ${key} of target group ${shortPath(tg, service.stack)}`;
          },
        });
      }
    }
  }
  return { taskGroups: tasks.groups, taskGroupSet: new Set(tasks.groups), securityGroups: tasks.value, paths };
}

/** The security groups of an awsvpc service's tasks, when every one is a group of the assembly, and the value as written. */
export function awsvpcTaskGroups(service: TemplateResource, ctx: RuleContext): { groups: TemplateResource[]; value: unknown } | undefined {
  const awsvpc = toObject(toObject(service.properties.NetworkConfiguration)?.AwsvpcConfiguration);
  if (!awsvpc) return undefined;
  const task = serviceTask(service, ctx);
  if (!task || networkMode(task) !== 'awsvpc') return undefined;
  const list = toArray(awsvpc.SecurityGroups);
  if (!list || list.length === 0) return undefined;
  const groups = list.map((g) => ctx.assembly.resolveResource(g, service.stack));
  if (groups.some((g) => g?.type !== SECURITY_GROUP)) return undefined;
  return { groups: groups as TemplateResource[], value: awsvpc.SecurityGroups };
}

/**
 * The subnet ranges of an Application Load Balancer (it proxies: targets see its nodes' addresses), once per load
 * balancer; undefined for other types or subnets that are not literal.
 */
export function applicationLoadBalancerRanges(lb: TemplateResource, ctx: RuleContext): Ipv4Range[] | undefined {
  return resourceFact(lb, albRanges, ctx);
}

function albRanges(lb: TemplateResource, ctx: RuleContext): Ipv4Range[] | undefined {
  return loadBalancerType(lb) === 'application' ? loadBalancerRanges(ctx.assembly, lb) : undefined;
}

/** The IPv4 ranges of an awsvpc service's subnets (where its tasks' addresses are), once per service; undefined unless literal. */
export function taskSubnetRanges(service: TemplateResource, ctx: RuleContext): Ipv4Range[] | undefined {
  return resourceFact(service, serviceRanges, ctx);
}

function serviceRanges(service: TemplateResource, ctx: RuleContext): Ipv4Range[] | undefined {
  const awsvpc = toObject(toObject(service.properties.NetworkConfiguration)?.AwsvpcConfiguration);
  return awsvpc ? subnetRanges(ctx.assembly, awsvpc.Subnets, service.stack) : undefined;
}

/** loadBalancerGroups once per load balancer and assembly: services behind one load balancer ask again. */
export function loadBalancerGroupsOf(lb: TemplateResource, ctx: RuleContext): Set<TemplateResource> | 'none' | undefined {
  return resourceFact(lb, loadBalancerGroups, ctx);
}

function issue(path: LoadBalancerPath, taskLabel: string, value: unknown, service: TemplateResource, missed: string): RuleIssue {
  const { lb, lbGroups, port, transport, what } = path;
  const lbLabel = shortPath(lb, service.stack);
  const property = 'Properties/NetworkConfiguration/AwsvpcConfiguration/SecurityGroups';
  const peerPort = `Port.${transport}(${port})`;
  if (lbGroups === 'none') {
    return {
      property,
      value,
      problem: `No security group of the tasks (${taskLabel}) admits network load balancer ${lbLabel} (no security groups: only CIDR or prefix-list rules can match its traffic and health checks) on ${what}`,
      allowed: `ingress from a CIDR or prefix list covering the load balancer's subnets${transport === 'udp' ? ' and its clients (UDP keeps the client\'s address)' : ''} on ${port}/${transport}`,
      fix: `Add task security group ingress from the VPC CIDR on ${port}/${transport} (service.connections.allowFrom(Peer.ipv4(vpc.vpcCidrBlock), ${peerPort}))`
        + '; on a VPC imported without vpcCidrBlock, name the CIDR (Peer.ipv4(\'10.0.0.0/16\')) or give the load balancer security groups.',
    };
  }
  const groups = [...lbGroups].map((g) => shortPath(g, service.stack)).join(', ');
  return {
    property,
    value,
    problem: `No security group of the tasks (${taskLabel}) admits load balancer ${lbLabel} (security group ${groups}) on ${what}`
      + missed,
    allowed: `ingress from ${groups} (or a CIDR covering it) on ${port}/${transport}`,
    fix: `Add task security group ingress from the load balancer's security group on ${port}/${transport} (service.connections.allowFrom(lb, ${peerPort}); `
      + `in a template, an AWS::EC2::SecurityGroupIngress on a task group with SourceSecurityGroupId the load balancer's group, IpProtocol ${transport}, `
      + `FromPort and ToPort ${port}).`,
  };
}
