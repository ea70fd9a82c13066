import { EcsQuota } from '../../quotas/quota-table';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { AWS_ACCOUNT_ID_PATTERN, ECR_REPLICATION_FILTER, isValidReplicationFilter } from '../tables/ecr-limits';
import { show, toArray, toObject, toStr } from '../values';

const REPLICATION = 'AWS::ECR::ReplicationConfiguration';
const RULES = 'Properties/ReplicationConfiguration/Rules';

export const ER15_REPLICATION_LIMITS: ResourceRule = {
  id: 'ECS-ER-15',
  title: 'ECR replication: rules, destinations and filters within the limits; PREFIX_MATCH filters, 12-digit destination registries',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Checks AWS::ECR::ReplicationConfiguration against the non-adjustable ECR limits of the current API reference and CloudFormation schema: rules per replication configuration (25), destinations per rule (100) and repository filters per rule (100). The legacy quota profile applies the older 10 rules and 25 destinations. '
    + 'Also checks each literal repository filter (FilterType PREFIX_MATCH, the only valid value; Filter 2-256 characters of the RepositoryFilter pattern, lowercase) '
    + 'and each literal destination RegistryId (an AWS account id, 12 digits).',
  deployError: 'PutReplicationConfiguration fails: the replication configuration exceeds a limit, or a filter or destination registry id is invalid.',
  fix: 'Merge rules, drop destinations and use broader prefix filters; use FilterType PREFIX_MATCH with lowercase prefixes, and 12-digit destination account ids.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ReplicationRule.html',
  resourceTypes: [REPLICATION],
  check(res, ctx): RuleIssue[] {
    const rules = toArray(toObject(res.properties.ReplicationConfiguration)?.Rules);
    if (!rules) return [];
    const issues: RuleIssue[] = [];
    const maxRules = ctx.quotas.limit(EcsQuota.ECR_REPLICATION_RULES);
    if (rules.length > maxRules) {
      issues.push({
        property: RULES,
        value: `${rules.length} rules`,
        problem: `replication configuration has ${rules.length} rules`,
        allowed: `at most ${maxRules} rules`,
        fix: 'Merge rules that share destinations into one rule with several filters.',
      });
    }
    const maxFilters = ctx.quotas.limit(EcsQuota.ECR_REPLICATION_FILTERS_PER_RULE);
    const maxDest = ctx.quotas.limit(EcsQuota.ECR_REPLICATION_DESTINATIONS);
    rules.forEach((raw, i) => {
      const rule = toObject(raw);
      if (!rule) return;
      const filters = toArray(rule.RepositoryFilters);
      filters?.forEach((f, k) => issues.push(...filterIssues(toObject(f), `${RULES}/${i}/RepositoryFilters/${k}`, i)));
      toArray(rule.Destinations)?.forEach((d, k) => {
        const registryId = toStr(toObject(d)?.RegistryId);
        if (registryId === undefined || AWS_ACCOUNT_ID_PATTERN.test(registryId)) return;
        issues.push({
          property: `${RULES}/${i}/Destinations/${k}/RegistryId`,
          value: registryId,
          problem: `replication rule #${i} destination #${k} has RegistryId ${show(registryId)}, not an AWS account id`,
          allowed: '12 digits (^[0-9]{12}$)',
          fix: 'Use the 12-digit id of the destination account (your own for cross-Region replication).',
        });
      });
      if (filters && filters.length > maxFilters) {
        issues.push({
          property: `${RULES}/${i}/RepositoryFilters`,
          value: `${filters.length} filters`,
          problem: `replication rule #${i} has ${filters.length} repository filters`,
          allowed: `at most ${maxFilters} filters per rule`,
          fix: 'Use shorter common prefixes so fewer PREFIX_MATCH filters cover the repositories, or split the rule.',
        });
      }
      const destinations = toArray(rule.Destinations);
      if (destinations && destinations.length > maxDest) {
        issues.push({
          property: `${RULES}/${i}/Destinations`,
          value: `${destinations.length} destinations`,
          problem: `replication rule #${i} has ${destinations.length} destinations`,
          allowed: `at most ${maxDest} destinations per rule`,
          fix: `Split the destinations over several rules (${maxDest} or fewer each), or replicate onward from a destination registry.`,
        });
      }
    });
    return issues;
  },
};

/** A literal FilterType other than PREFIX_MATCH, or a literal Filter that is not a valid prefix. */
function filterIssues(filter: Record<string, unknown> | undefined, at: string, rule: number): RuleIssue[] {
  if (!filter) return [];
  const issues: RuleIssue[] = [];
  const type = toStr(filter.FilterType);
  if (type !== undefined && type !== ECR_REPLICATION_FILTER.filterType) {
    issues.push({
      property: `${at}/FilterType`,
      value: type,
      problem: `replication rule #${rule} has a repository filter of FilterType ${show(type)}`,
      allowed: `${ECR_REPLICATION_FILTER.filterType} (the only valid value)`,
      fix: `Use FilterType ${ECR_REPLICATION_FILTER.filterType} with a repository name prefix; replication filters have no wildcards.`,
    });
  }
  const value = toStr(filter.Filter);
  if (value !== undefined && !isValidReplicationFilter(value)) {
    const lower = value.toLowerCase();
    issues.push({
      property: `${at}/Filter`,
      value,
      problem: `replication rule #${rule} has repository filter ${show(value)}, not a valid repository name prefix`,
      allowed: `${ECR_REPLICATION_FILTER.describe}, matching ^(?:[a-z0-9]+(?:[._-][a-z0-9]*)*/)*[a-z0-9]*(?:[._-][a-z0-9]*)*$`,
      fix: lower !== value && isValidReplicationFilter(lower)
        ? `Use ${show(lower)}: repository names are lowercase.`
        : 'Use a lowercase repository name prefix such as team/ or prod-, at least 2 characters.',
    });
  }
  return issues;
}
