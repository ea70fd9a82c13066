import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray } from '../values';
import { controllerType, SERVICE } from './service-facts';

/** Set on task sets, not on the service, with the EXTERNAL controller. */
const TASK_SET_LEVEL = ['TaskDefinition', 'LaunchType', 'PlatformVersion', 'NetworkConfiguration', 'LoadBalancers', 'ServiceRegistries', 'CapacityProviderStrategy'] as const;

export const SV13_EXTERNAL_CONTROLLER: ResourceRule = {
  id: 'ECS-SV-13',
  title: 'EXTERNAL-controller services leave task-set settings to their task sets',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags TaskDefinition, LaunchType, PlatformVersion, NetworkConfiguration, LoadBalancers, ServiceRegistries and CapacityProviderStrategy on a service with the EXTERNAL deployment controller (aws-cdk-lib L2 services blank them with a warning).',
  deployError: 'CreateService fails: with the EXTERNAL deployment controller these parameters are set on task sets (AWS::ECS::TaskSet), not on the service.',
  fix: 'Move the setting to the AWS::ECS::TaskSet resources of the service.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-external.html',
  resourceTypes: [SERVICE],
  onlyWith: ['DeploymentController'],
  check(service): RuleIssue[] {
    if (controllerType(service) !== 'EXTERNAL') return [];
    return TASK_SET_LEVEL.filter((p) => {
      const v = service.properties[p];
      if (v === undefined) return false;
      const list = toArray(v);
      return !list || list.length > 0;
    }).map((p) => ({
      property: `Properties/${p}`,
      value: service.properties[p],
      problem: `service with the EXTERNAL deployment controller sets ${p}`,
      allowed: `no ${p} on the service with the EXTERNAL controller (set it on the task set)`,
      fix: `Remove ${p} from the service and set it on its AWS::ECS::TaskSet.`,
    }));
  },
};
