import { ECS_CLUSTER, OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { isUnresolved, toArray, toObject, toStr } from '../../rules/values';

export const ORG_CI_01_CONTAINER_INSIGHTS: OrgRule = {
  id: 'ORG-CI-01',
  title: 'Clusters enable Container Insights',
  area: 'org',
  severity: Severity.ERROR,
  description: 'ECS clusters set the containerInsights setting to enabled or enhanced.',
  deployError: 'Deploys, but the cluster has no task- and service-level metrics for operations.',
  fix: 'Set containerInsightsV2: ecs.ContainerInsights.ENABLED (kit EcsCluster does by default).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cloudwatch-container-insights.html',
  resourceTypes: [ECS_CLUSTER],
  appliesTo: (s) => s.requireContainerInsights === true,
  check(resource, _context, standard) {
    const settings = resource.properties.ClusterSettings;
    if (isUnresolved(settings)) return [];
    const entry = (toArray(settings) ?? []).map(toObject).find((s) => toStr(s?.Name) === 'containerInsights');
    const value = entry ? entry.Value : undefined;
    if (isUnresolved(value) || value === 'enabled' || value === 'enhanced') return [];
    return [{
      property: 'Properties/ClusterSettings',
      value: value ?? 'not set',
      problem: `ECS cluster Container Insights is ${value === undefined ? 'not set' : `'${String(value)}'`}, but ${standardLabel(standard)} requires it`,
      allowed: 'enabled, enhanced',
      fix: 'Set containerInsightsV2: ecs.ContainerInsights.ENABLED on the cluster (in CloudFormation, a ClusterSettings entry containerInsights: enabled)',
    }];
  },
};
