/** The synth-time budget check of a fleet shard (KIT-FLEET-BUDGET). */
import { EcsQuota, quotaDefinition } from '../quotas/quota-table';
import { formatMessage } from '../rules/engine';

/** CloudFormation's resources per stack (not adjustable). */
export const MAX_RESOURCES_PER_STACK = quotaDefinition(EcsQuota.RESOURCES_PER_STACK).current;
/**
 * Target groups per Application Load Balancer: 100, not adjustable; rules
 * per ALB: 100 by default (adjustable). Each fleet service has one of each.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html
 */
export const MAX_SERVICES_PER_LOAD_BALANCER = 100;

/** What one shard holds at synth. */
export interface FleetShardUsage {
  readonly index: number;
  /** Construct path of the shard stack. */
  readonly path: string;
  readonly resources: number;
  readonly services: number;
  /** Resources per service key. */
  readonly perService: ReadonlyMap<string, number>;
}

/** A shard's services by their resources, largest first (ties by key). */
function bySize(perService: ReadonlyMap<string, number>): [string, number][] {
  return [...perService].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * Messages for a shard over its resource budget or its load balancer's target groups. `others` are the fleet's other
 * shards, so the fix names one with room.
 */
export function budgetProblems(usage: FleetShardUsage, budget: number, others: readonly FleetShardUsage[] = []): string[] {
  const out: string[] = [];
  if (usage.resources > budget) {
    const keys = usage.perService.size;
    const other = keys - usage.services;
    const sized = bySize(usage.perService);
    const biggest = sized[0];
    const roomy = others.filter((o) => o.index !== usage.index).sort((a, b) => a.resources - b.resources || a.index - b.index)[0];
    const pin = biggest && roomy && roomy.resources + biggest[1] <= budget
      ? `Pin a service to a shard with room, e.g. shardOverrides: { '${biggest[0]}': ${roomy.index} } (shard ${roomy.index} holds ${roomy.resources})`
      : 'Pin services of this shard to a shard with room (shardOverrides)';
    out.push(formatMessage('KIT-FLEET-BUDGET', usage.path, {
      problem: `shard ${usage.index} holds ${usage.resources} resources for ${keys} service${keys === 1 ? '' : 's'} `
        + `(${usage.services} web service${usage.services === 1 ? '' : 's'}${other > 0 ? `, ${other} in serviceScope` : ''}; largest: ${sized.slice(0, 3).map(([key, n]) => `${key} ${n}`).join(', ')}), `
        + `over resourceBudget ${budget}`,
      allowed: `at most resourceBudget ${budget} resources per shard stack (CloudFormation allows ${MAX_RESOURCES_PER_STACK})`,
      fix: `${pin}, or raise resourceBudget; raising shards moves every service`,
    }));
  }
  if (usage.services > MAX_SERVICES_PER_LOAD_BALANCER) {
    out.push(formatMessage('KIT-FLEET-BUDGET', usage.path, {
      problem: `shard ${usage.index} puts ${usage.services} services (target groups and listener rules) on its load balancer`,
      allowed: `at most ${MAX_SERVICES_PER_LOAD_BALANCER} target groups per Application Load Balancer`,
      fix: 'Pin services of this shard to shards with room (shardOverrides)',
    }));
  }
  return out;
}
