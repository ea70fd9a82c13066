import { Lazy, Stack, Token } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';
import { fail } from '../errors';
import { validateWithRules } from '../plugin/resource-validation';
import { AWS_ACCOUNT_ID_PATTERN, ECR_LIMITS, ECR_REPLICATION_FILTER, isValidReplicationFilter } from '../rules/tables/ecr-limits';

/** Engine rules run on the rendered replication configuration. */
const REPLICATION_RULE_IDS = ['ECS-ER-15'];

/** Where images are replicated to. */
export interface ReplicationDestination {
  /** Destination Region, e.g. `eu-west-1`. */
  readonly region: string;
  /**
   * Destination registry (account id). Another account must allow this one in its registry policy.
   * @default - this stack's account
   */
  readonly account?: string;
}

/** One replication rule: which repositories go where. */
export interface ReplicationRule {
  /** Destinations of the rule (1-100 per rule, ECS-ER-15). */
  readonly destinations: ReplicationDestination[];
  /**
   * Repository name prefixes (PREFIX_MATCH filters) selecting what is replicated (at most 100 per rule, ECS-ER-15).
   * @default - every repository
   */
  readonly repositoryPrefixes?: string[];
}

/** Properties of a RegistryReplication. */
export interface RegistryReplicationProps {
  /**
   * Replication rules (at most 25, ECS-ER-15). More can be added with `addRule`.
   * @default - none; add rules with `addRule` (a configuration without rules replicates nothing)
   */
  readonly rules?: ReplicationRule[];
}

/**
 * The registry's replication configuration (one per account and Region: ECS-ER-20 warns about a second one in the app). The ECR limits
 * (25 rules, 100 destinations and 100 filters per rule) are checked at synth by ECS-ER-15,
 * with the figures of the quota table.
 */
export class RegistryReplication extends Construct {
  private readonly rules: ReplicationRule[] = [];

  constructor(scope: Construct, id: string, props: RegistryReplicationProps = {}) {
    super(scope, id);
    const resource = new ecr.CfnReplicationConfiguration(this, 'Resource', {
      replicationConfiguration: {
        rules: Lazy.any({ produce: () => this.rules.map((r) => this.renderRule(r)) }),
      },
    });
    for (const rule of props.rules ?? []) this.addRule(rule);
    validateWithRules(this, resource, REPLICATION_RULE_IDS);
  }

  /** Add a replication rule. */
  public addRule(rule: ReplicationRule): void {
    if (rule.destinations.length === 0) {
      fail({
        code: 'KIT-REGISTRY-REPLICATION-DESTINATION',
        problem: 'a replication rule has no destinations (destinations: [])',
        path: this.node.path,
        allowed: `1-${ECR_LIMITS.replicationDestinations} destinations`,
        fix: 'Give each rule at least one destination Region.',
      });
    }
    for (const d of rule.destinations) {
      if (d.account !== undefined && !Token.isUnresolved(d.account) && !AWS_ACCOUNT_ID_PATTERN.test(d.account)) {
        fail({
          code: 'KIT-REGISTRY-ACCOUNT-ID',
          problem: `destination account '${d.account}' is not an AWS account id`,
          path: this.node.path,
          allowed: '12 digits',
          fix: 'Pass the 12-digit id of the destination account.',
        });
      }
    }
    for (const prefix of rule.repositoryPrefixes ?? []) {
      if (Token.isUnresolved(prefix) || isValidReplicationFilter(prefix)) continue;
      fail({
        code: 'KIT-REGISTRY-REPLICATION-FILTER',
        problem: `repositoryPrefixes entry '${prefix}' is not a valid PREFIX_MATCH filter`,
        path: this.node.path,
        allowed: ECR_REPLICATION_FILTER.describe,
        fix: 'Use a repository name prefix such as team/ or prod-.',
      });
    }
    this.rules.push(rule);
  }

  private renderRule(rule: ReplicationRule): ecr.CfnReplicationConfiguration.ReplicationRuleProperty {
    const prefixes = rule.repositoryPrefixes ?? [];
    return {
      destinations: rule.destinations.map((d) => ({ region: d.region, registryId: d.account ?? Stack.of(this).account })),
      repositoryFilters: prefixes.length > 0
        ? prefixes.map((filter) => ({ filter, filterType: ECR_REPLICATION_FILTER.filterType }))
        : undefined,
    };
  }
}
