import { TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { toArray, toObject, toStr } from '../values';
import { deploymentStrategy, loadBalancerEntries, SHIFTING_STRATEGIES } from './deployment-facts';
import { SERVICE } from './service-facts';

const LISTENER_RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';

/** The action types of a listener rule in the assembly, or undefined when it is not one or does not resolve. */
function actionTypes(value: unknown, service: TemplateResource, ctx: RuleContext): string[] | undefined {
  const rule = ctx.assembly.resolveResource(value, service.stack);
  if (rule?.type !== LISTENER_RULE) return undefined;
  const actions = toArray(rule.properties.Actions);
  if (!actions) return undefined;
  const types = actions.map((a) => toStr(toObject(a)?.Type));
  return types.every((t) => t !== undefined) ? types as string[] : undefined;
}

export const DP07_LISTENER_RULE_FORWARD_ONLY: ResourceRule = {
  id: 'ECS-DP-07',
  title: 'The production and test listener rules of an ALB blue/green deployment only forward',
  area: 'service',
  severity: Severity.ERROR,
  description: 'With Strategy BLUE_GREEN, LINEAR or CANARY, the ALB listener rules named in AdvancedConfiguration (ProductionListenerRule, TestListenerRule) that are defined in the app must have forward actions only: ECS shifts traffic by the forward weights, and rules that mix forward with redirect, fixed-response or authenticate actions are not supported.',
  deployError: 'The deployment fails: Amazon ECS blue/green deployments are not supported with Application Load Balancer listener rules that mix forward and non-forward actions.',
  fix: 'Route the service through a rule whose only action is a forward to the primary and alternate target groups; put redirects or authentication on other rules or listeners.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html',
  resourceTypes: [SERVICE],
  onlyWith: ['DeploymentConfiguration/Strategy'],
  check(service, ctx): RuleIssue[] {
    const strategy = deploymentStrategy(service);
    if (strategy === undefined || !SHIFTING_STRATEGIES.includes(strategy)) return [];
    const issues: RuleIssue[] = [];
    for (const entry of loadBalancerEntries(service) ?? []) {
      const advanced = toObject(entry.raw.AdvancedConfiguration);
      if (!advanced) continue;
      for (const key of ['ProductionListenerRule', 'TestListenerRule']) {
        const types = actionTypes(advanced[key], service, ctx);
        const other = types?.filter((t) => t !== 'forward') ?? [];
        if (other.length === 0) continue;
        issues.push({
          property: `${entry.pointer}/AdvancedConfiguration/${key}`,
          value: advanced[key],
          problem: `${key} of LoadBalancers[${entry.index}] is a listener rule with actions ${types!.join(', ')}`,
          allowed: 'a listener rule whose actions are all forward (weighted to the primary and alternate target groups)',
          fix: `Remove the ${[...new Set(other)].join(', ')} action from that rule, or name a forward-only rule.`,
        });
      }
    }
    return issues;
  },
};
