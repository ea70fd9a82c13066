import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toStr } from '../values';
import { CAPACITY_PROVIDER } from './managed-scaling';

const RESERVED = /^(aws|ecs|fargate)/i;

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
    const problems: string[] = [];
    if (name.length === 0 || name.length > 255) problems.push(`is ${name.length} characters long`);
    const bad = [...new Set(name.replace(/[a-zA-Z0-9_-]/g, ''))];
    if (bad.length) problems.push(`contains ${bad.map((c) => JSON.stringify(c)).join(', ')}`);
    const prefix = RESERVED.exec(name);
    if (prefix) problems.push(`starts with the reserved prefix "${prefix[1]}"`);
    if (problems.length === 0) return [];
    const suggestion = `cp-${name.replace(/[^a-zA-Z0-9_-]+/g, '-')}`.slice(0, 255);
    return [{
      property: 'Properties/Name',
      value: provider.properties.Name,
      problem: `capacity provider Name ${JSON.stringify(name)} ${problems.join(' and ')}`,
      allowed: '1 to 255 letters, digits, hyphens and underscores, not starting with aws, ecs or fargate (any case)',
      fix: `Rename it, for example to ${JSON.stringify(suggestion)}.`,
    }];
  },
};
