import { ResourceRule, RuleIssue, Severity } from '../rule';
import { deploymentStrategy, SHIFTING_STRATEGIES, STRATEGY_POINTER } from './deployment-facts';
import { controllerType, SERVICE } from './service-facts';

export const DP01_STRATEGY_CONTROLLER: ResourceRule = {
  id: 'ECS-DP-01',
  title: 'BLUE_GREEN, LINEAR and CANARY deployment strategies need the ECS deployment controller',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags DeploymentConfiguration.Strategy BLUE_GREEN, LINEAR or CANARY on a service whose DeploymentController Type is CODE_DEPLOY or EXTERNAL: the strategies belong to the ECS controller.',
  deployError: 'CreateService/UpdateService fails: a deployment strategy other than ROLLING is only valid with the ECS deployment controller.',
  fix: 'Use DeploymentController Type ECS (or omit it) for ECS-native blue/green, linear and canary deployments; CodeDeploy blue/green keeps its own deployment group.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentController.html',
  resourceTypes: [SERVICE],
  onlyWith: ['DeploymentConfiguration/Strategy'],
  check(service): RuleIssue[] {
    const strategy = deploymentStrategy(service);
    if (strategy === undefined || !SHIFTING_STRATEGIES.includes(strategy)) return [];
    const controller = controllerType(service);
    if (controller === undefined || controller === 'ECS') return [];
    return [{
      property: STRATEGY_POINTER,
      value: strategy,
      problem: `Strategy ${strategy} is set on a service with the ${controller} deployment controller`,
      allowed: `Strategy ${strategy} only with the ECS deployment controller; ${controller} services deploy through ${controller === 'CODE_DEPLOY' ? 'CodeDeploy' : 'their external controller'}`,
      fix: 'Set DeploymentController Type to ECS, or remove Strategy.',
    }];
  },
};
