/**
 * ECR names, patterns and limits as data. SecureRepository, the registry
 * constructs and the ECS-ER-* rules all read this table, so a construct and a
 * rule never disagree. Counts come from QUOTA_TABLE (one source of truth).
 * Sources: ECR API reference (CreateRepository, ImageTagMutabilityExclusionFilter,
 * RepositoryFilter, ScanningRepositoryFilter, CreatePullThroughCacheRule),
 * ECR lifecycle policy parameters, ../shared/reference/ecs-constraints.md ER-*.
 */
import { EcsQuota, quotaDefinition } from '../../quotas/quota-table';

/** ER-01: repository names. */
export const ECR_REPOSITORY_NAME = {
  minLength: 2,
  maxLength: 256,
  pattern: /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
  describe: '2-256 characters of lowercase letters, digits and . _ - separators, with / between path parts, each part starting and ending with a letter or digit',
} as const;

/** ER-02: tag mutability exclusion filters (type WILDCARD). */
export const ECR_TAG_EXCLUSION_FILTER = {
  minFilters: 1,
  maxFilters: 5,
  maxLength: 128,
  pattern: /^[0-9a-zA-Z._*-]+$/,
  describe: '1-5 filters, each 1-128 characters of letters, digits, ., _, - and the * wildcard',
} as const;

/** ER-03, ER-08: lifecycle rule numbers (integers >= 1). */
export const ECR_LIFECYCLE_MIN_RULE_PRIORITY = 1;
export const ECR_LIFECYCLE_MIN_COUNT_NUMBER = 1;

/** ER-15: replication repository filters (type PREFIX_MATCH). */
export const ECR_REPLICATION_FILTER = {
  minLength: 2,
  maxLength: 256,
  pattern: /^(?:[a-z0-9]+(?:[._-][a-z0-9]*)*\/)*[a-z0-9]*(?:[._-][a-z0-9]*)*$/,
  filterType: 'PREFIX_MATCH',
  describe: 'a repository name prefix of 2-256 lowercase letters, digits, ., _, - and /',
} as const;

/** Registry scanning repository filters (type WILDCARD), at most 100 per scanning rule. */
export const ECR_SCANNING_FILTER = {
  minLength: 1,
  maxLength: 256,
  maxFiltersPerRule: 100,
  pattern: /^[a-z0-9*](?:[._\-/a-z0-9*]?[a-z0-9*]+)*$/,
  filterType: 'WILDCARD',
  describe: '1-256 lowercase letters, digits, ., _, -, / and the * wildcard, starting and ending with a letter, digit or *',
} as const;

/**
 * The registry scanning configuration (one per account and Region): at most 2 rules (API_RegistryScanningConfiguration:
 * "Maximum number of 2 items"); the scan frequencies each scan type supports (API_RegistryScanningRule).
 */
export const ECR_REGISTRY_SCANNING = {
  maxRules: 2,
  frequencies: { BASIC: ['SCAN_ON_PUSH', 'MANUAL'], ENHANCED: ['SCAN_ON_PUSH', 'CONTINUOUS_SCAN'] } as Record<string, readonly string[]>,
} as const;

/** Pull-through cache rules. */
export const ECR_PULL_THROUGH_CACHE = {
  prefixMinLength: 2,
  prefixMaxLength: 30,
  prefixPattern: /^((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*\/?|ROOT)$/,
  describePrefix: '2-30 lowercase letters, digits and . _ - / separators (a repository name prefix), or ROOT',
  /** Upstream credentials must live in a secret whose name starts with this. */
  secretNamePrefix: 'ecr-pullthroughcache/',
  /**
   * Upstream registries (UpstreamRegistry names) that need a Secrets Manager secret (CredentialArn), and the
   * hosts of their UpstreamRegistryUrl: pull-through-cache.html lists Docker Hub, Microsoft Azure Container
   * Registry, GitHub Container Registry, GitLab Container Registry and Chainguard Registry as requiring
   * authentication with a Secrets Manager secret.
   */
  credentialUpstreams: ['docker-hub', 'github-container-registry', 'gitlab-container-registry', 'azure-container-registry', 'chainguard'],
  credentialUpstreamUrl: /^(?:https:\/\/)?(?:registry-1\.docker\.io|docker\.io|ghcr\.io|registry\.gitlab\.com|[a-z0-9-]+\.azurecr\.io|cgr\.dev)\/?$/,
} as const;

/** Image tags and digests, as `docker pull` accepts them. */
export const ECR_IMAGE_TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
export const ECR_IMAGE_DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;

/** AWS Organizations id, for aws:PrincipalOrgID. */
export const AWS_ORGANIZATION_ID_PATTERN = /^o-[a-z0-9]{10,32}$/;
export const AWS_ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** The hard ECR limits, read from the quota table (none of them is adjustable). */
export const ECR_LIMITS = {
  lifecycleRulesPerPolicy: quotaDefinition(EcsQuota.ECR_LIFECYCLE_RULES_PER_POLICY).current,
  lifecyclePolicyLength: quotaDefinition(EcsQuota.ECR_LIFECYCLE_POLICY_LENGTH).current,
  replicationRules: quotaDefinition(EcsQuota.ECR_REPLICATION_RULES).current,
  replicationDestinations: quotaDefinition(EcsQuota.ECR_REPLICATION_DESTINATIONS).current,
  replicationFiltersPerRule: quotaDefinition(EcsQuota.ECR_REPLICATION_FILTERS_PER_RULE).current,
  pullThroughCacheRules: quotaDefinition(EcsQuota.ECR_PULL_THROUGH_CACHE_RULES).current,
} as const;

/** True when `name` is a valid ECR repository name (ER-01). */
export function isValidRepositoryName(name: string): boolean {
  return name.length >= ECR_REPOSITORY_NAME.minLength
    && name.length <= ECR_REPOSITORY_NAME.maxLength
    && ECR_REPOSITORY_NAME.pattern.test(name);
}

/** True when `value` is a valid tag mutability exclusion filter (ER-02). */
export function isValidTagExclusionFilter(value: string): boolean {
  return value.length >= 1 && value.length <= ECR_TAG_EXCLUSION_FILTER.maxLength
    && ECR_TAG_EXCLUSION_FILTER.pattern.test(value);
}

/** True when `value` is a valid replication PREFIX_MATCH filter. */
export function isValidReplicationFilter(value: string): boolean {
  return value.length >= ECR_REPLICATION_FILTER.minLength
    && value.length <= ECR_REPLICATION_FILTER.maxLength
    && ECR_REPLICATION_FILTER.pattern.test(value);
}

/** True when `value` is a valid registry scanning WILDCARD filter. */
export function isValidScanningFilter(value: string): boolean {
  return value.length >= ECR_SCANNING_FILTER.minLength
    && value.length <= ECR_SCANNING_FILTER.maxLength
    && ECR_SCANNING_FILTER.pattern.test(value);
}

/** True when `value` is a valid pull-through cache ECR repository prefix. */
export function isValidPullThroughCachePrefix(value: string): boolean {
  return value.length >= ECR_PULL_THROUGH_CACHE.prefixMinLength
    && value.length <= ECR_PULL_THROUGH_CACHE.prefixMaxLength
    && ECR_PULL_THROUGH_CACHE.prefixPattern.test(value);
}
