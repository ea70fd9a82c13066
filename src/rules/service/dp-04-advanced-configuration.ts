import { TemplateResource } from '../model';
import { LISTENER, LOAD_BALANCER, loadBalancerType } from '../reach/load-balancing-index';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { toObject } from '../values';
import { deploymentStrategy, loadBalancerEntries, SHIFTING_STRATEGIES } from './deployment-facts';
import { SERVICE } from './service-facts';

/** What ECS needs in AdvancedConfiguration to move traffic between the target groups. */
const REQUIRED: readonly { readonly key: string; readonly what: string }[] = [
  { key: 'AlternateTargetGroupArn', what: 'the target group of the new revision' },
  { key: 'ProductionListenerRule', what: 'the ALB listener rule or NLB listener that carries production traffic' },
  { key: 'RoleArn', what: 'the ECS infrastructure role for load balancers (AmazonECSInfrastructureRolePolicyForLoadBalancers)' },
];

export const DP04_ADVANCED_CONFIGURATION: ResourceRule = {
  id: 'ECS-DP-04',
  title: 'Load-balanced BLUE_GREEN, LINEAR and CANARY deployments name the alternate target group, production listener rule and role',
  area: 'service',
  severity: Severity.ERROR,
  description: 'With Strategy BLUE_GREEN, LINEAR or CANARY, every LoadBalancers entry with a TargetGroupArn needs AdvancedConfiguration with AlternateTargetGroupArn, ProductionListenerRule and RoleArn: ECS registers the new revision in the alternate target group and moves the listener weights with the role. '
    + 'A ProductionListenerRule or TestListenerRule that is a listener (AWS::ElasticLoadBalancingV2::Listener) of an Application Load Balancer of the app is flagged too: for an ALB ECS needs a listener rule; only a Network Load Balancer takes its listener.',
  deployError: 'CreateService/UpdateService fails, or the deployment cannot shift traffic: the alternate target group, production listener rule and infrastructure role are required for ECS blue/green deployments with Elastic Load Balancing.',
  fix: 'Add AdvancedConfiguration (AlternateTargetGroupArn, ProductionListenerRule, RoleArn, optionally TestListenerRule) to the LoadBalancers entry.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-implementation.html',
  resourceTypes: [SERVICE],
  onlyWith: ['DeploymentConfiguration/Strategy'],
  check(service, ctx): RuleIssue[] {
    const strategy = deploymentStrategy(service);
    if (strategy === undefined || !SHIFTING_STRATEGIES.includes(strategy)) return [];
    const issues: RuleIssue[] = [];
    for (const entry of loadBalancerEntries(service) ?? []) {
      if (entry.raw.TargetGroupArn === undefined) continue;
      const raw = entry.raw.AdvancedConfiguration;
      const advanced = toObject(raw);
      if (raw !== undefined && !advanced) continue;
      if (advanced) issues.push(...listenersForRules(service, advanced, `${entry.pointer}/AdvancedConfiguration`, entry.index, ctx));
      const missing = REQUIRED.filter((r) => advanced?.[r.key] === undefined);
      if (missing.length === 0) continue;
      issues.push({
        property: advanced ? `${entry.pointer}/AdvancedConfiguration` : entry.pointer,
        value: raw,
        problem: advanced
          ? `AdvancedConfiguration of LoadBalancers[${entry.index}] has no ${missing.map((m) => m.key).join(', ')} with Strategy ${strategy}`
          : `LoadBalancers[${entry.index}] has no AdvancedConfiguration with Strategy ${strategy}`,
        allowed: `AdvancedConfiguration with ${REQUIRED.map((r) => `${r.key} (${r.what})`).join('; ')}`,
        fix: `Set ${missing.map((m) => m.key).join(', ')} in AdvancedConfiguration, or use Strategy ROLLING.`,
      });
    }
    return issues;
  },
};

/** ProductionListenerRule / TestListenerRule values that are an ALB's listener instead of one of its listener rules. */
function listenersForRules(
  service: TemplateResource, advanced: Record<string, unknown>, pointer: string, index: number, ctx: RuleContext,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const key of ['ProductionListenerRule', 'TestListenerRule']) {
    const listener = ctx.assembly.resolveReference(advanced[key], service.stack)?.resource;
    if (listener?.type !== LISTENER) continue;
    const lb = ctx.assembly.resolveReference(listener.properties.LoadBalancerArn, listener.stack)?.resource;
    if (lb?.type !== LOAD_BALANCER || loadBalancerType(lb) !== 'application') continue;
    issues.push({
      property: `${pointer}/${key}`,
      value: advanced[key],
      problem: `${key} of LoadBalancers[${index}] is the listener ${listener.path} of Application Load Balancer ${lb.path}, not a listener rule`,
      allowed: 'for an Application Load Balancer, the ARN of a listener rule (AWS::ElasticLoadBalancingV2::ListenerRule) that forwards to the target groups; a listener only for a Network Load Balancer',
      fix: `Point ${key} at a listener rule of that listener (in aws-cdk-lib, an ApplicationListenerRule's listenerRuleArn) whose forward action weights both target groups.`,
    });
  }
  return issues;
}
