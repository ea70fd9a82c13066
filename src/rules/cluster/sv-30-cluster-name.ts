import { ResourceRule, RuleIssue, Severity } from '../rule';
import { ecsNameProblem, suggestEcsName } from '../service/name-format';
import { CLUSTER } from '../service/service-facts';
import { toStr } from '../values';

export const SV30_CLUSTER_NAME: ResourceRule = {
  id: 'ECS-SV-30',
  title: 'Cluster name: 1-255 letters, digits, hyphens and underscores',
  area: 'cluster',
  severity: Severity.ERROR,
  description: 'Checks a literal ClusterName of AWS::ECS::Cluster against the 1-255 [a-zA-Z0-9_-] format.',
  deployError: 'CreateCluster fails: invalid cluster name.',
  fix: 'Use letters, digits, hyphens and underscores only, or omit ClusterName.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html',
  resourceTypes: [CLUSTER],
  check(cluster): RuleIssue[] {
    const name = toStr(cluster.properties.ClusterName);
    if (name === undefined) return [];
    const problem = ecsNameProblem(name);
    if (!problem) return [];
    return [{
      property: 'Properties/ClusterName',
      value: cluster.properties.ClusterName,
      problem: `ClusterName ${JSON.stringify(name)} ${problem}`,
      allowed: '1 to 255 letters, digits, hyphens (-) and underscores (_)',
      fix: `Rename the cluster, for example to ${JSON.stringify(suggestEcsName(name))}.`,
    }];
  },
};
