import { ResourceRule, RuleIssue, Severity } from '../rule';
import { SERVICE } from '../service/service-facts';
import { toArray, toObject } from '../values';
import { loadBalancingIndex, shortPath, TARGET_GROUP } from './load-balancing-index';

export const RC06_TARGET_GROUP_LISTENER: ResourceRule = {
  id: 'ECS-RC-06',
  title: 'A service\'s target group must be forwarded to by a listener or listener rule',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'Flags a LoadBalancers entry whose TargetGroupArn resolves to a target group of the assembly that no AWS::ElasticLoadBalancingV2::Listener (DefaultActions) or ListenerRule (Actions) of the assembly forwards to, by TargetGroupArn or ForwardConfig.TargetGroups. Skipped when a listener or listener rule whose actions or target groups do not resolve, or a nested stack whose template is not in the assembly, could be the missing one: one in the target group\'s own template, or anywhere when the template hands the target group out (an Output or a nested stack\'s Parameters).',
  deployError: 'CreateService fails and the stack rolls back: "InvalidParameterException: The target group with targetGroupArn arn:aws:elasticloadbalancing:...:targetgroup/... does not have an associated load balancer."',
  fix: 'Add a listener or listener rule that forwards to the target group (listener.addTargets / addTargetGroups), or attach the service to a target group that one forwards to.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-load-balancing.html',
  resourceTypes: [SERVICE],
  check(service, ctx): RuleIssue[] {
    const entries = toArray(service.properties.LoadBalancers);
    if (!entries || entries.length === 0) return [];
    const index = loadBalancingIndex(ctx.assembly);
    const issues: RuleIssue[] = [];
    entries.forEach((raw, i) => {
      const value = toObject(raw)?.TargetGroupArn;
      const tg = ctx.assembly.resolveResource(value, service.stack);
      if (tg?.type !== TARGET_GROUP || index.forwardersOf(tg).length > 0 || index.forwardingUnknown(tg)) return;
      const label = shortPath(tg, service.stack);
      issues.push({
        property: `Properties/LoadBalancers/${i}/TargetGroupArn`,
        value,
        problem: `target group ${label} has no listener or listener rule forwarding to it, so it is not associated with any load balancer`,
        allowed: 'a target group that a listener\'s DefaultActions or a listener rule\'s Actions forward to',
        fix: `Add a listener or listener rule that forwards to ${label} (listener.addTargetGroups('Default', { targetGroups: [tg] })).`,
      });
    });
    return issues;
  },
};
