import { TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { toNumber, toStr } from '../values';
import {
  coversPort, ingressOfAll, LISTENER, LOAD_BALANCER, loadBalancingIndex, serviceTargetGroups, shortPath, transportsOf,
} from './load-balancing-index';
import { loadBalancerGroupsOf } from './rc-04-load-balancer-ingress';

/** Listeners that forward, by default or through a rule, to a target group an ECS service of the assembly registers with. */
function serviceListeners(ctx: RuleContext): ReadonlySet<TemplateResource> {
  return ctx.assembly.derived(serviceListeners, (assembly) => {
    const index = loadBalancingIndex(assembly);
    const out = new Set<TemplateResource>();
    for (const tg of serviceTargetGroups(assembly)) for (const f of index.forwardersOf(tg)) if (f.listener) out.add(f.listener);
    return out;
  });
}

export const RC11_LISTENER_INGRESS: ResourceRule = {
  id: 'ECS-RC-11',
  title: 'A load balancer\'s security groups must admit traffic on the port of each listener in front of an ECS service',
  area: 'reach',
  severity: Severity.WARNING,
  description: 'For a listener on a literal port (HTTP, HTTPS, TCP and TLS run over TCP; UDP and QUIC over UDP; TCP_UDP and TCP_QUIC over both) whose load balancer is in the assembly with security groups of the assembly, and which forwards (by default or through a listener rule) to a target group an ECS service registers with, flags the listener when no ingress rule of those groups covers the port on one of its transports, from any source. A Network Load Balancer created with security groups is filtered by them like an Application Load Balancer; aws-cdk-lib\'s NetworkLoadBalancedFargateService (with @aws-cdk/aws-elasticloadbalancingv2:networkLoadBalancerWithSecurityGroupByDefault, which cdk init sets) and an ALB listener with open: false add none. Skipped when a Network Load Balancer turns off EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic (its PrivateLink traffic bypasses the groups), a load balancer security group is outside the assembly, or any relevant ingress rule or port is unresolved, or an ingress rule whose GroupId is unresolved (or a nested stack whose template is missing) could add to a load balancer group: one in the group\'s own template, or anywhere when the template hands the group out.',
  deployError: 'CloudFormation and ECS deploy it, and the tasks turn healthy, but every client connection to the listener times out: the load balancer\'s security groups drop it.',
  fix: 'Admit the clients on the listener port: lb.connections.allowFrom(Peer.ipv4(vpc.vpcCidrBlock), Port.tcp(port)) for VPC clients, a prefix list or Peer.anyIpv4() for an internet-facing one, or open: true on an ALB listener.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-security-groups.html',
  resourceTypes: [LISTENER],
  check(listener, ctx): RuleIssue[] {
    const port = toNumber(listener.properties.Port);
    const transports = transportsOf(toStr(listener.properties.Protocol));
    if (port === undefined || transports.length === 0) return [];
    if (!serviceListeners(ctx).has(listener)) return [];
    const lb = ctx.assembly.resolveResource(listener.properties.LoadBalancerArn, listener.stack);
    if (lb?.type !== LOAD_BALANCER) return [];
    // 'off' lets PrivateLink traffic past the groups (an endpoint service's only clients may need no rule).
    const enforce = lb.properties.EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic;
    if (enforce !== undefined && toStr(enforce) !== 'on') return [];
    const groups = loadBalancerGroupsOf(lb, ctx);
    const index = loadBalancingIndex(ctx.assembly);
    if (!groups || groups === 'none') return [];
    const rules = ingressOfAll(index, groups);
    if (!rules) return [];
    const closed = transports.filter((t) => rules.every((r) => coversPort(r, t, port) === 'no'));
    if (closed.length === 0) return [];
    const groupLabel = [...groups].map((g) => shortPath(g, listener.stack)).join(', ');
    const lbLabel = shortPath(lb, listener.stack);
    const ways = closed.map((t) => `${port}/${t}`).join(' and ');
    return [{
      property: 'Properties/Port',
      value: listener.properties.Port,
      problem: `listener port ${ways} of load balancer ${lbLabel} admits no clients: no ingress rule of its security groups (${groupLabel}) covers ${ways}`,
      allowed: `an ingress rule on ${ways} from the clients (a CIDR, a prefix list or a security group) in ${groupLabel}`,
      fix: `Admit the clients: lb.connections.allowFrom(Peer.ipv4(vpc.vpcCidrBlock), Port.${closed[0]}(${port})) for clients in the VPC, or Peer.anyIpv4() for an internet-facing load balancer.`,
    }];
  },
};
