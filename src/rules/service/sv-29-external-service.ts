import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toStr } from '../values';
import { SERVICE } from './service-facts';

const UNSUPPORTED = ['LoadBalancers', 'ServiceRegistries'] as const;

export const SV29_EXTERNAL_SERVICE: ResourceRule = {
  id: 'ECS-SV-29',
  title: 'EXTERNAL (ECS Anywhere) services support no load balancers and no service discovery',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags LoadBalancers and ServiceRegistries on services with LaunchType EXTERNAL.',
  deployError: 'CreateService fails: load balancers and service registries are not supported for the EXTERNAL launch type.',
  fix: 'Remove LoadBalancers / ServiceRegistries, or run the service on EC2 or Fargate.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere.html',
  resourceTypes: [SERVICE],
  check(service): RuleIssue[] {
    if (toStr(service.properties.LaunchType) !== 'EXTERNAL') return [];
    return UNSUPPORTED.filter((p) => (toArray(service.properties[p])?.length ?? 0) > 0).map((p) => ({
      property: `Properties/${p}`,
      value: service.properties[p],
      problem: `EXTERNAL service sets ${p}`,
      allowed: `no ${p} for the EXTERNAL launch type`,
      fix: `Remove ${p}.`,
    }));
  },
};
