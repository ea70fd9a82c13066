import { ResourceRule, RuleIssue, Severity } from '../rule';
import { CAPACITY_PROVIDER_NAME, describeName, nameProblem } from '../tables/capacity-limits';
import { toStr } from '../values';
import { CAPACITY_PROVIDER } from './managed-scaling';

export const CP06_PROVIDER_NAME: ResourceRule = {
  id: 'ECS-CP-06',
  title: 'Capacity provider name: 1-255 [a-zA-Z0-9_-], not starting with aws, ecs or fargate',
  area: 'capacity',
  severity: Severity.ERROR,
  description: 'Checks a literal Name of AWS::ECS::CapacityProvider: up to 255 letters, digits, hyphens and underscores, and no aws/ecs/fargate prefix in any letter case (AWS rejects "EcsCp-..." too; aws-cdk-lib checks only the lowercase prefix).',
  deployError: 'CreateCapacityProvider fails: "The specified capacity provider name is invalid ... The name cannot be prefixed with "aws", "ecs", or "fargate"."',
  fix: 'Rename the capacity provider, for example with a "cp-" prefix.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html',
  resourceTypes: [CAPACITY_PROVIDER],
  check(provider): RuleIssue[] {
    const name = toStr(provider.properties.Name);
    if (name === undefined) return [];
    // One check for this rule and Ec2Capacity's construction-time check.
    const problem = nameProblem(name, CAPACITY_PROVIDER_NAME);
    if (!problem) return [];
    const suggestion = `cp-${name.replace(/[^a-zA-Z0-9_-]+/g, '-')}`.slice(0, CAPACITY_PROVIDER_NAME.maxLength);
    return [{
      property: 'Properties/Name',
      value: provider.properties.Name,
      problem: `capacity provider Name ${JSON.stringify(name)} ${problem}`,
      allowed: `${describeName(CAPACITY_PROVIDER_NAME)} (any case)`,
      fix: `Rename it, for example to ${JSON.stringify(suggestion)}.`,
    }];
  },
};
