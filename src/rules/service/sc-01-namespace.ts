import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toObject } from '../values';
import { serviceConnectEnabled } from './service-connect';
import { CLUSTER, SERVICE } from './service-facts';

export const SC01_NAMESPACE: ResourceRule = {
  id: 'ECS-SC-01',
  title: 'Service Connect needs a namespace on the service or a cluster default',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags an enabled ServiceConnectConfiguration without Namespace when the cluster (defined in the template) has no ServiceConnectDefaults.Namespace.',
  deployError: 'CreateService fails: a namespace is required for Service Connect when the cluster has no default namespace.',
  fix: 'Set ServiceConnectConfiguration.Namespace, or ServiceConnectDefaults.Namespace on the cluster.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectConfiguration.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration'],
  check(service, ctx): RuleIssue[] {
    if (serviceConnectEnabled(service) !== true) return [];
    const cfg = toObject(service.properties.ServiceConnectConfiguration)!;
    if (cfg.Namespace !== undefined) return [];
    const cluster = ctx.assembly.resolveResource(service.properties.Cluster, service.stack);
    if (cluster?.type !== CLUSTER) return [];
    const defaults = cluster.properties.ServiceConnectDefaults;
    if (defaults !== undefined && (toObject(defaults) === undefined || toObject(defaults)!.Namespace !== undefined)) return [];
    return [{
      property: 'Properties/ServiceConnectConfiguration/Namespace',
      value: undefined,
      problem: `Service Connect is enabled without a Namespace, and cluster ${cluster.path} has no ServiceConnectDefaults namespace`,
      allowed: 'a namespace on the service or a cluster default namespace',
      fix: 'Set ServiceConnectConfiguration.Namespace (a Cloud Map namespace name or ARN), or ServiceConnectDefaults on the cluster.',
    }];
  },
};
