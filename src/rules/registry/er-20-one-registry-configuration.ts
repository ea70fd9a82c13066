import { ResourceRule, RuleIssue, Severity } from '../rule';
import { inSameRegistry, probablySameRegistry, registryOf } from './registry-scope';

const NAMES: Record<string, string> = {
  'AWS::ECR::RegistryScanningConfiguration': 'registry scanning configuration',
  'AWS::ECR::ReplicationConfiguration': 'replication configuration',
};

export const ER20_ONE_REGISTRY_CONFIGURATION: ResourceRule = {
  id: 'ECS-ER-20',
  title: 'One registry scanning configuration and one replication configuration per registry',
  area: 'registry',
  severity: Severity.WARNING,
  description: 'Warns when an assembly holds a second AWS::ECR::RegistryScanningConfiguration or AWS::ECR::ReplicationConfiguration for the same registry '
    + '(same account and Region as far as the stacks tell). Each is a single per-registry setting that PutRegistryScanningConfiguration and '
    + 'PutReplicationConfiguration create or update: the resources overwrite each other, and which one wins depends on deployment order.',
  deployError: 'Deploys (or fails, depending on the resource handler), but only one configuration is in effect and which one is unclear.',
  fix: 'Keep one configuration per account and Region, in one stack, and merge the rules of the others into it.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutRegistryScanningConfiguration.html',
  resourceTypes: Object.keys(NAMES),
  check(res): RuleIssue[] {
    const same = inSameRegistry(res, probablySameRegistry);
    if (same[0] === res) return [];
    const name = NAMES[res.type];
    return [{
      property: 'Properties',
      value: res.type,
      problem: `a second ${name} for the registry (${registryOf(res.stack)}): ${same[0].path} already configures it`,
      allowed: `one ${name} per account and Region`,
      fix: `Merge the rules of this ${name} into ${same[0].path} and remove this one.`,
    }];
  },
};
