import type { TemplateResource } from '../model';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { show, toStr } from '../values';
import { certainlySameRegistry, earlierWithPrefix, inSameRegistry, probablySameRegistry, registryOf } from './registry-scope';

const PULL_THROUGH_CACHE_RULE = 'AWS::ECR::PullThroughCacheRule';
const NAMES: Record<string, string> = {
  'AWS::ECR::RegistryScanningConfiguration': 'registry scanning configuration',
  'AWS::ECR::ReplicationConfiguration': 'replication configuration',
};

export const ER20_ONE_REGISTRY_CONFIGURATION: ResourceRule = {
  id: 'ECS-ER-20',
  title: 'One registry scanning configuration, one replication configuration and one pull-through cache rule per prefix per registry',
  area: 'registry',
  severity: Severity.WARNING,
  description: 'Warns when an assembly holds a second AWS::ECR::RegistryScanningConfiguration or AWS::ECR::ReplicationConfiguration for the same registry '
    + '(same account and Region as far as the stacks tell). Each is a single per-registry setting that PutRegistryScanningConfiguration and '
    + 'PutReplicationConfiguration create or update: the resources overwrite each other, and which one wins depends on deployment order. '
    + 'Also warns on a second AWS::ECR::PullThroughCacheRule with the same EcrRepositoryPrefix in stacks that are probably the same registry '
    + '(env-agnostic stacks, or the same known account and Region); in certainly the same registry ECS-ER-18 reports it as an error.',
  deployError: 'Deploys (or fails, depending on the resource handler), but only one configuration is in effect and which one is unclear. '
    + 'A second pull-through cache rule with a prefix the registry has fails: PullThroughCacheRuleAlreadyExistsException.',
  fix: 'Keep one configuration per account and Region, in one stack, and merge the rules of the others into it; give each pull-through cache rule '
    + 'its own prefix, or create the rule once (in a shared stack) and use it from the others.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutRegistryScanningConfiguration.html',
  resourceTypes: [...Object.keys(NAMES), PULL_THROUGH_CACHE_RULE],
  check(res): RuleIssue[] {
    if (res.type === PULL_THROUGH_CACHE_RULE) return samePrefix(res);
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

/** A rule whose prefix an earlier rule of probably the same registry has, unless ECS-ER-18 reports it (certainly the same registry). */
function samePrefix(res: TemplateResource): RuleIssue[] {
  const prefix = toStr(res.properties.EcrRepositoryPrefix);
  if (prefix === undefined) return [];
  const earlier = earlierWithPrefix(res, prefix, probablySameRegistry);
  if (earlier.length === 0 || earlier.some((r) => certainlySameRegistry(r.stack, res.stack))) return [];
  const first = earlier[0];
  return [{
    property: 'Properties/EcrRepositoryPrefix',
    value: prefix,
    problem: `EcrRepositoryPrefix ${show(prefix)} is also the prefix of pull-through cache rule ${first.path}, probably in the same registry `
      + `(${registryOf(res.stack)}): the second rule to deploy fails with PullThroughCacheRuleAlreadyExistsException`,
    allowed: 'one pull-through cache rule per prefix and registry',
    fix: `Give this rule another prefix, or create the rule once (in a shared stack) and use ${first.path} from this stack.`,
  }];
}
