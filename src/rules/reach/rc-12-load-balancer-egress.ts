import { ResourceRule, RuleIssue, Severity } from '../rule';
import { EgressRule, egressIndex } from './egress-index';
import { missedRangesNote, rulesVerdict, shortPath } from './load-balancing-index';
import { loadBalancedTasks, taskSubnetRanges } from './rc-04-load-balancer-ingress';
import { SERVICE } from '../service/service-facts';

const egressDestination = (rule: EgressRule) => rule.destination;

export const RC12_LOAD_BALANCER_EGRESS: ResourceRule = {
  id: 'ECS-RC-12',
  title: 'Load balancer security groups must allow egress to the tasks on the container and health check ports',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'For an awsvpc service attached to a target group of the assembly (as ECS-RC-04), checks the egress of the security groups of each load balancer that forwards to it: a group without SecurityGroupEgress keeps EC2\'s allow-all default; otherwise its inline rules and separate AWS::EC2::SecurityGroupEgress resources must let the traffic out on the container port (over UDP too for UDP, QUIC, TCP_UDP and TCP_QUIC target groups) and TCP on the health check port to a security group of the tasks, to a prefix list or IPv6 range, or to an IPv4 CIDR that shares an address with the tasks\' subnets (any CIDR when a subnet\'s CidrBlock is not literal). aws-cdk-lib creates load balancer groups with allowAllOutbound false and adds the egress only through the connections API (service.connections.allowFrom(lb, port), listener.addTargets); an ingress rule written on the task group alone (addIngressRule with the load balancer group as peer) leaves it out. Skipped when a group is outside the assembly, or an egress list or port is unresolved, or an egress rule whose GroupId is unresolved (or a nested stack whose template is missing) could add to the group: one in the group\'s own template, or anywhere when the template hands the group out.',
  deployError: 'CloudFormation creates everything, but the load balancer cannot open connections to the targets: health checks time out, targets stay "unhealthy", ECS replaces the tasks ("Task failed ELB health checks") and the service never reaches a steady state, so the stack rolls back.',
  fix: 'Let the load balancer out to the tasks: service.connections.allowFrom(lb, Port.tcp(port)) adds the tasks\' ingress and the load balancer\'s egress together; or lbSecurityGroup.addEgressRule(taskSecurityGroup, Port.tcp(port)).',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-update-security-groups.html',
  resourceTypes: [SERVICE],
  onlyWith: ['LoadBalancers'],
  check(service, ctx): RuleIssue[] {
    const egress = egressIndex(ctx.assembly);
    const reach = loadBalancedTasks(service, ctx);
    if (!reach) return [];
    const issues: RuleIssue[] = [];
    for (const path of reach.paths) {
      if (path.lbGroups === 'none') continue;
      const rules: EgressRule[] = [];
      let open = false;
      for (const g of path.lbGroups) {
        const r = egress.egressOf(g);
        if (r === 'all' || r === undefined) open = true;
        else rules.push(...r);
      }
      if (open) continue;
      const taskRanges = () => taskSubnetRanges(service, ctx);
      if (rulesVerdict(rules, path.transport, path.port, egressDestination, reach.taskGroupSet, path.port, taskRanges) !== 'no') continue;
      const lbGroups = [...path.lbGroups].map((g) => shortPath(g, service.stack)).join(', ');
      const taskLabel = reach.taskGroups.map((g) => shortPath(g, service.stack)).join(', ');
      issues.push({
        property: 'Properties/LoadBalancers',
        value: shortPath(path.lb, service.stack),
        problem: `load balancer ${shortPath(path.lb, service.stack)} cannot reach the tasks on ${path.what}: no egress rule of its security groups (${lbGroups}) allows it to ${taskLabel}`
          + missedRangesNote(rules, path.transport, path.port, egressDestination, taskRanges(), 'the tasks\' subnets'),
        allowed: `egress from ${lbGroups} on ${path.port}/${path.transport} to ${taskLabel} (or a CIDR covering the tasks)`,
        fix: `Use service.connections.allowFrom(lb, Port.${path.transport}(${path.port})), which adds the load balancer's egress with the tasks' ingress, `
          + `or add the egress rule (lbSecurityGroup.addEgressRule(taskSecurityGroup, Port.${path.transport}(${path.port})); in a template, an `
          + `AWS::EC2::SecurityGroupEgress on the load balancer's group with DestinationSecurityGroupId a task group, FromPort and ToPort ${path.port}).`,
      });
    }
    return issues;
  },
};
