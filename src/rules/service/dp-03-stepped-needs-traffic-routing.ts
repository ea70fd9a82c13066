import { ResourceRule, RuleIssue, Severity } from '../rule';
import { deploymentStrategy, loadBalancerEntries, STEPPED_STRATEGIES, STRATEGY_POINTER } from './deployment-facts';
import { servesServiceConnect } from './service-connect';
import { SERVICE } from './service-facts';

export const DP03_STEPPED_NEEDS_TRAFFIC_ROUTING: ResourceRule = {
  id: 'ECS-DP-03',
  title: 'LINEAR and CANARY deployments need a load balancer target group or a Service Connect endpoint',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags Strategy LINEAR or CANARY on a service with no LoadBalancers target group and no Service Connect service (ServiceConnectConfiguration Enabled with Services): ECS shifts production traffic in steps only through Elastic Load Balancing or Service Connect. BLUE_GREEN also runs headless (no managed traffic shift).',
  deployError: 'CreateService/UpdateService fails: linear and canary deployments require an Application Load Balancer, Network Load Balancer or Service Connect.',
  fix: 'Attach an ALB/NLB target group with AdvancedConfiguration, publish a Service Connect service, or use BLUE_GREEN / ROLLING.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/linear-deployment-implementation.html',
  resourceTypes: [SERVICE],
  onlyWith: ['DeploymentConfiguration/Strategy'],
  check(service): RuleIssue[] {
    const strategy = deploymentStrategy(service);
    if (strategy === undefined || !STEPPED_STRATEGIES.includes(strategy)) return [];
    const entries = loadBalancerEntries(service);
    const serviceConnect = servesServiceConnect(service);
    if (entries === undefined || serviceConnect === undefined || serviceConnect) return [];
    if (entries.some((e) => e.raw.TargetGroupArn !== undefined)) return [];
    return [{
      property: STRATEGY_POINTER,
      value: strategy,
      problem: `Strategy ${strategy} is set on a service with no load balancer target group and no Service Connect service`,
      allowed: `${strategy} with an ALB/NLB target group or a Service Connect service; BLUE_GREEN or ROLLING without them`,
      fix: 'Attach a target group (LoadBalancers TargetGroupArn with AdvancedConfiguration) or a Service Connect service, or use Strategy BLUE_GREEN.',
    }];
  },
};
