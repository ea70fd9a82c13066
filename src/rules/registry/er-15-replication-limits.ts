import { EcsQuota } from '../../quotas/quota-table';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toObject } from '../values';

const REPLICATION = 'AWS::ECR::ReplicationConfiguration';
const RULES = 'Properties/ReplicationConfiguration/Rules';

export const ER15_REPLICATION_LIMITS: ResourceRule = {
  id: 'ECS-ER-15',
  title: 'ECR replication: rules, destinations per rule and filters per rule within the limits',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Checks AWS::ECR::ReplicationConfiguration against the non-adjustable ECR limits of the current API reference and CloudFormation schema: rules per replication configuration (25), destinations per rule (100) and repository filters per rule (100). The legacy quota profile applies the older 10 rules and 25 destinations.',
  deployError: 'PutReplicationConfiguration fails: the replication configuration exceeds a limit.',
  fix: 'Merge rules, drop destinations and use broader prefix filters.',
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
