import { EcsQuota } from '../../quotas/quota-table';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { ECR_PULL_THROUGH_CACHE, isValidPullThroughCachePrefix } from '../tables/ecr-limits';
import { show, toStr } from '../values';
import { certainlySameRegistry, earlierWithPrefix, inSameRegistry, registryOf } from './registry-scope';

const PULL_THROUGH_CACHE_RULE = 'AWS::ECR::PullThroughCacheRule';
const SECRET = 'AWS::SecretsManager::Secret';
const PREFIX = ECR_PULL_THROUGH_CACHE.secretNamePrefix;

/** The upstream that needs credentials, named by UpstreamRegistry or recognised by UpstreamRegistryUrl; else undefined. */
function credentialUpstream(props: Record<string, unknown>): string | undefined {
  const name = toStr(props.UpstreamRegistry);
  if (name !== undefined) return (ECR_PULL_THROUGH_CACHE.credentialUpstreams as readonly string[]).includes(name) ? name : undefined;
  if (props.UpstreamRegistry !== undefined) return undefined;
  const url = toStr(props.UpstreamRegistryUrl);
  return url !== undefined && ECR_PULL_THROUGH_CACHE.credentialUpstreamUrl.test(url) ? url : undefined;
}

export const ER18_PULL_THROUGH_CACHE: ResourceRule = {
  id: 'ECS-ER-18',
  title: 'ECR pull-through cache rule: valid unique prefix, credentials where the upstream needs them, within the per-registry limit',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Checks AWS::ECR::PullThroughCacheRule: a literal EcrRepositoryPrefix has 2-30 characters matching the CreatePullThroughCacheRule pattern (or is ROOT); '
    + 'an upstream that requires authentication (docker-hub, github-container-registry, gitlab-container-registry, azure-container-registry, chainguard, '
    + 'by UpstreamRegistry or UpstreamRegistryUrl) has a CredentialArn; a CredentialArn that is a literal ARN, or a Ref to a secret of the assembly, '
    + 'names a secret starting with ecr-pullthroughcache/; no two rules of the same registry (same stack, or the same literal account and Region) '
    + 'share a prefix; and a registry gets no more pull-through cache rules than the ECR quota (50).',
  deployError: 'CreatePullThroughCacheRule fails: invalid prefix, UnsupportedUpstreamRegistryException (the upstream requires authentication), '
    + 'an invalid credentialArn, PullThroughCacheRuleAlreadyExistsException, or LimitExceededException.',
  fix: 'Use a lowercase prefix of 2-30 characters that no other rule of the registry uses, and store upstream credentials in a Secrets Manager secret named ecr-pullthroughcache/<name>.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreatePullThroughCacheRule.html',
  resourceTypes: [PULL_THROUGH_CACHE_RULE],
  check(res, ctx): RuleIssue[] {
    const props = res.properties;
    const issues: RuleIssue[] = [];
    const prefix = toStr(props.EcrRepositoryPrefix);
    if (prefix !== undefined && !isValidPullThroughCachePrefix(prefix)) {
      issues.push({
        property: 'Properties/EcrRepositoryPrefix',
        value: prefix,
        problem: `EcrRepositoryPrefix ${show(prefix)} is not a valid pull-through cache prefix`,
        allowed: `${ECR_PULL_THROUGH_CACHE.describePrefix}, matching ^((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*/?|ROOT)$`,
        fix: 'Use a short lowercase prefix such as docker-hub or ghcr.',
      });
    }
    const upstream = credentialUpstream(props);
    if (upstream !== undefined && props.CredentialArn === undefined) {
      issues.push({
        property: 'Properties/CredentialArn',
        value: upstream,
        problem: `upstream ${upstream} requires authentication but the rule has no CredentialArn`,
        allowed: `the ARN of a Secrets Manager secret named ${PREFIX}... holding the upstream user name and access token`,
        fix: `Store the upstream credentials in a Secrets Manager secret named ${PREFIX}<name> and set CredentialArn to its ARN.`,
      });
    }
    issues.push(...credentialIssues(props.CredentialArn, res, ctx));
    if (prefix !== undefined) {
      const first = earlierWithPrefix(res, prefix, certainlySameRegistry)[0];
      if (first) {
        issues.push({
          property: 'Properties/EcrRepositoryPrefix',
          value: prefix,
          problem: `EcrRepositoryPrefix ${show(prefix)} is already used by pull-through cache rule ${first.path} of the same registry (${registryOf(res.stack)})`,
          allowed: 'one pull-through cache rule per prefix and registry',
          fix: `Give this rule another prefix, or remove it and use ${first.path}.`,
        });
      }
    }
    const max = ctx.quotas.limit(EcsQuota.ECR_PULL_THROUGH_CACHE_RULES);
    const all = inSameRegistry(res, certainlySameRegistry);
    // Reported once, on the first rule over the limit.
    if (all.length > max && all[max] === res) {
      issues.push({
        property: 'Properties',
        value: `${all.length} rules`,
        problem: `the registry (${registryOf(res.stack)}) gets ${all.length} pull-through cache rules from this assembly; this is rule #${max + 1}`,
        allowed: `at most ${max} pull-through cache rules per registry (not adjustable)`,
        fix: 'Drop rules for upstreams you no longer pull from, or cache several upstream namespaces under one rule.',
      });
    }
    return issues;
  },
};

/** A CredentialArn that names a secret without the ecr-pullthroughcache/ prefix: a literal ARN, or a Ref to a secret of the assembly. */
function credentialIssues(arn: unknown, res: Parameters<ResourceRule['check']>[0], ctx: Parameters<ResourceRule['check']>[1]): RuleIssue[] {
  if (arn === undefined) return [];
  const literal = toStr(arn);
  if (literal !== undefined) {
    const name = /^arn:aws[\w-]*:secretsmanager:[^:]+:\d{12}:secret:(.+)$/.exec(literal)?.[1];
    if (name !== undefined && name.startsWith(PREFIX)) return [];
    return [{
      property: 'Properties/CredentialArn',
      value: literal,
      problem: name === undefined
        ? `CredentialArn ${show(literal)} is not the ARN of a Secrets Manager secret`
        : `CredentialArn names secret ${show(name)}, which does not start with ${PREFIX}`,
      allowed: `arn:<partition>:secretsmanager:<region>:<account>:secret:${PREFIX}...`,
      fix: `Store the upstream credentials in a secret named ${PREFIX}<name> and use its ARN.`,
    }];
  }
  const secret = ctx.assembly.resolveReference(arn, res.stack);
  if (!secret || secret.attribute !== undefined || secret.resource.type !== SECRET) return [];
  const nameValue = secret.resource.properties.Name;
  const name = toStr(nameValue);
  if (nameValue !== undefined && name === undefined) return [];
  if (name !== undefined && name.startsWith(PREFIX)) return [];
  return [{
    property: 'Properties/CredentialArn',
    value: name ?? secret.resource.path,
    problem: name === undefined
      ? `CredentialArn refers to secret ${secret.resource.path}, which has no Name, so CloudFormation names it without ${PREFIX}`
      : `CredentialArn refers to secret ${secret.resource.path} named ${show(name)}, which does not start with ${PREFIX}`,
    allowed: `a secret named ${PREFIX}...`,
    fix: `Name the secret ${PREFIX}<name> (Name; secretName in aws-cdk-lib).`,
  }];
}
