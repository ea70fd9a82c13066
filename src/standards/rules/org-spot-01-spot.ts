import { ECS_SERVICE, OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { RuleIssue } from '../../rules/rule';
import { toArray, toNumber, toObject, toStr } from '../../rules/values';

const ASSOCIATIONS = 'AWS::ECS::ClusterCapacityProviderAssociations';
const ASG = 'AWS::AutoScaling::AutoScalingGroup';

export const ORG_SPOT_01_SPOT: OrgRule = {
  id: 'ORG-SPOT-01',
  title: 'No Spot capacity when the standard forbids it',
  area: 'org',
  severity: Severity.ERROR,
  description: 'When Spot is not allowed: no service or default strategy uses FARGATE_SPOT, and no Auto Scaling group runs Spot instances above its on-demand base.',
  deployError: 'Deploys, but tasks can be interrupted with two minutes\' notice.',
  fix: 'Use FARGATE or on-demand EC2 capacity.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html',
  resourceTypes: [ECS_SERVICE, ASSOCIATIONS, ASG],
  appliesTo: (s) => s.allowSpot === false,
  check(resource, _context, standard) {
    const issue = (property: string, value: unknown, what: string, fix: string): RuleIssue => ({
      property, value, problem: `${what}, but ${standardLabel(standard)} does not allow Spot`, allowed: 'on-demand capacity only', fix,
    });
    if (resource.type === ASG) {
      const dist = toObject(toObject(resource.properties.MixedInstancesPolicy)?.InstancesDistribution);
      const pct = toNumber(dist?.OnDemandPercentageAboveBaseCapacity);
      if (pct === undefined || pct >= 100) return [];
      return [issue('Properties/MixedInstancesPolicy/InstancesDistribution/OnDemandPercentageAboveBaseCapacity', pct,
        `Auto Scaling group runs ${100 - pct}% Spot instances above its on-demand base`, 'Set the on-demand percentage above base capacity to 100')];
    }
    const key = resource.type === ASSOCIATIONS ? 'DefaultCapacityProviderStrategy' : 'CapacityProviderStrategy';
    const issues: RuleIssue[] = [];
    (toArray(resource.properties[key]) ?? []).forEach((item, i) => {
      if (toStr(toObject(item)?.CapacityProvider) !== 'FARGATE_SPOT') return;
      issues.push(issue(`Properties/${key}/${i}/CapacityProvider`, 'FARGATE_SPOT',
        `${resource.type === ASSOCIATIONS ? 'Cluster default strategy' : 'ECS service strategy'} uses FARGATE_SPOT`, 'Use the FARGATE capacity provider instead'));
    });
    return issues;
  },
};
