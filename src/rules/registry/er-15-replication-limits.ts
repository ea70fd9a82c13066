import { EcsQuota } from '../../quotas/quota-table';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toObject, toStr } from '../values';

const REPLICATION = 'AWS::ECR::ReplicationConfiguration';
const RULES = 'Properties/ReplicationConfiguration/Rules';

export const ER15_REPLICATION_LIMITS: ResourceRule = {
  id: 'ECS-ER-15',
  title: 'ECR replication: rules, unique destinations and filters per rule within the quotas',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Checks AWS::ECR::ReplicationConfiguration against the non-adjustable ECR quotas: rules per replication configuration, unique destinations (Region + registry) across all rules, and repository filters per rule. Unresolved destinations are not counted.',
  deployError: 'PutReplicationConfiguration fails: the replication configuration exceeds a limit.',
  fix: 'Merge rules, drop destinations and use broader prefix filters.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html',
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
    const destinations = new Set<string>();
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
      for (const d of toArray(rule.Destinations) ?? []) {
        const dest = toObject(d);
        const region = dest && ctx.assembly.resolveString(dest.Region, res.stack);
        const registry = dest && (dest.RegistryId === undefined ? undefined : toStr(ctx.assembly.resolveString(dest.RegistryId, res.stack)));
        if (region && registry) destinations.add(`${registry}/${region}`);
      }
    });
    const maxDest = ctx.quotas.limit(EcsQuota.ECR_REPLICATION_DESTINATIONS);
    if (destinations.size > maxDest) {
      issues.push({
        property: RULES,
        value: `${destinations.size} destinations`,
        problem: `replication rules name ${destinations.size} unique destinations (registry and Region)`,
        allowed: `at most ${maxDest} unique destinations across all rules`,
        fix: `Drop destinations until ${maxDest} or fewer remain, or replicate onward from a destination registry.`,
      });
    }
    return issues;
  },
};
