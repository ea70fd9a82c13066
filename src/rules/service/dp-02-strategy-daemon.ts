import { ResourceRule, RuleIssue, Severity } from '../rule';
import { deploymentStrategy, SHIFTING_STRATEGIES, STRATEGY_POINTER } from './deployment-facts';
import { schedulingStrategy, SERVICE } from './service-facts';

export const DP02_STRATEGY_DAEMON: ResourceRule = {
  id: 'ECS-DP-02',
  title: 'BLUE_GREEN, LINEAR and CANARY deployments on a DAEMON service',
  area: 'service',
  severity: Severity.WARNING,
  description: 'Warns on DeploymentConfiguration.Strategy BLUE_GREEN, LINEAR or CANARY with SchedulingStrategy DAEMON: ECS documents these strategies for replica services, and a daemon runs one task per container instance, so no second revision has room beside the first.',
  deployError: 'Not documented as supported: the deployment may be rejected or never start the green revision (one daemon task per instance, MaximumPercent 100).',
  fix: 'Deploy DAEMON services with the ROLLING strategy; use a REPLICA service for blue/green.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html',
  resourceTypes: [SERVICE],
  onlyWith: ['DeploymentConfiguration/Strategy'],
  check(service): RuleIssue[] {
    const strategy = deploymentStrategy(service);
    if (strategy === undefined || !SHIFTING_STRATEGIES.includes(strategy) || schedulingStrategy(service) !== 'DAEMON') return [];
    return [{
      property: STRATEGY_POINTER,
      value: strategy,
      problem: `Strategy ${strategy} is set on a DAEMON service`,
      allowed: 'ROLLING for DAEMON services (blue/green, linear and canary for REPLICA services)',
      fix: 'Remove Strategy (ROLLING), or run the workload as a REPLICA service.',
    }];
  },
};
