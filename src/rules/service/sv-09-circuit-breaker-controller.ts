import { ResourceRule, RuleIssue, Severity } from '../rule';
import { SERVICE } from './service-facts';
import { enabledSetting, needsEcsController } from './sv-09-10-15-ecs-controller-features';

export const SV09_CIRCUIT_BREAKER_CONTROLLER: ResourceRule = {
  id: 'ECS-SV-09',
  title: 'The deployment circuit breaker needs the ECS deployment controller',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags DeploymentConfiguration.DeploymentCircuitBreaker Enable true on services with the CODE_DEPLOY or EXTERNAL controller.',
  deployError: 'CreateService fails: the deployment circuit breaker is only supported for the ECS deployment controller.',
  fix: 'Remove DeploymentCircuitBreaker, or use DeploymentController Type ECS.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html',
  resourceTypes: [SERVICE],
  onlyWith: ['DeploymentConfiguration/DeploymentCircuitBreaker'],
  check(service): RuleIssue[] {
    const cb = enabledSetting(service, 'DeploymentCircuitBreaker');
    return cb ? needsEcsController(service, 'Properties/DeploymentConfiguration/DeploymentCircuitBreaker', cb, 'DeploymentCircuitBreaker') : [];
  },
};
