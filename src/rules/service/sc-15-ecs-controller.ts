import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toBool, toObject } from '../values';
import { SERVICE } from './service-facts';
import { needsEcsController } from './sv-09-10-15-ecs-controller-features';

export const SC15_ECS_CONTROLLER: ResourceRule = {
  id: 'ECS-SC-15',
  title: 'Service Connect needs the ECS deployment controller',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags ServiceConnectConfiguration Enabled true on a service with the CODE_DEPLOY or EXTERNAL deployment controller '
    + '(aws-cdk-lib renders enableServiceConnect() with any controller). ECS-native blue/green, linear and canary deployments run on the '
    + 'ECS controller and do support Service Connect.',
  deployError: 'CreateService fails: only services that use the ECS deployment controller are supported with Service Connect; services '
    + 'that use the CODE_DEPLOY (blue/green) and EXTERNAL deployment types are not.',
  fix: 'Use DeploymentController Type ECS (with deploymentStrategy BLUE_GREEN, LINEAR or CANARY for blue/green), or call the service '
    + 'another way than Service Connect (a load balancer, Cloud Map service discovery).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration'],
  check(service): RuleIssue[] {
    const config = toObject(service.properties.ServiceConnectConfiguration);
    if (config === undefined || toBool(config.Enabled) !== true) return [];
    return needsEcsController(service, 'Properties/ServiceConnectConfiguration/Enabled', config.Enabled, 'Service Connect');
  },
};
