/**
 * Stages of one app that deploy to the same literal account and Region share its quotas and its registry settings,
 * though each stage is an assembly of its own. The rules whose figure is per account and Region judge the stacks of
 * such an account and Region together, across assemblies; env-agnostic stacks stay with their own assembly (nothing
 * says two stages' unknown accounts are one).
 */
import { StackInput } from './stack-input';
import { isUnresolved } from './values';
import { EcsQuota } from '../quotas/quota-table';

/** Rules whose scope is an account and Region: clusters, Fargate vCPU, Application Load Balancers, the registry. */
export const ACCOUNT_REGION_RULE_IDS: ReadonlySet<string> = new Set(['ECS-QT-01', 'ECS-QT-04', 'ECS-QT-05', 'ECS-QT-09', 'ECS-ER-18', 'ECS-ER-20']);

/** Quotas per account and Region, whose `cdk-ecs-kit quotas` rows a shared account and Region sums across assemblies. */
export const ACCOUNT_REGION_QUOTAS: readonly EcsQuota[] = [
  EcsQuota.CLUSTERS_PER_REGION, EcsQuota.FARGATE_ON_DEMAND_VCPU, EcsQuota.FARGATE_SPOT_VCPU, EcsQuota.APPLICATION_LOAD_BALANCERS_PER_REGION,
];

/** The stacks of one literal account and Region that come from two or more assemblies. */
export interface SharedAccountRegion {
  readonly account: string;
  readonly region: string;
  /** Indexes of the assemblies with stacks there, in order. */
  readonly assemblies: readonly number[];
  readonly stacks: readonly StackInput[];
}

/** As StackModel reads them: a 12-digit account, a Region that is neither unknown nor a token. */
const literalAccount = (a: string | undefined): a is string => a !== undefined && /^\d{12}$/.test(a) && !isUnresolved(a);
const literalRegion = (r: string | undefined): r is string => r !== undefined && r !== '' && r !== 'unknown-region' && !isUnresolved(r);

/** Account and Region pairs with stacks in more than one assembly, in first-seen order. */
export function sharedAccountRegions(assemblies: readonly (readonly StackInput[])[]): SharedAccountRegion[] {
  const byKey = new Map<string, { account: string; region: string; assemblies: number[]; stacks: StackInput[] }>();
  assemblies.forEach((stacks, index) => {
    for (const s of stacks) {
      const { account, region } = s.environment ?? {};
      if (!literalAccount(account) || !literalRegion(region)) continue;
      const key = `${account}|${region}`;
      let group = byKey.get(key);
      if (!group) byKey.set(key, group = { account, region, assemblies: [], stacks: [] });
      if (!group.assemblies.includes(index)) group.assemblies.push(index);
      group.stacks.push(s);
    }
  });
  return [...byKey.values()].filter((g) => g.assemblies.length > 1);
}

/**
 * The findings of per-assembly runs, with those of the account-and-Region rules on stacks of a shared account and
 * Region replaced by `judgeShared`'s run over each such account and Region's stacks together.
 */
export function withSharedAccountRegions<F extends { readonly ruleId: string; readonly stack: string }>(
  assemblies: readonly (readonly StackInput[])[], perAssembly: readonly F[], judgeShared: (group: SharedAccountRegion) => readonly F[],
): F[] {
  const shared = sharedAccountRegions(assemblies);
  if (shared.length === 0) return [...perAssembly];
  const names = new Set(shared.flatMap((g) => g.stacks.map((s) => s.name)));
  return [...perAssembly.filter((f) => !(ACCOUNT_REGION_RULE_IDS.has(f.ruleId) && names.has(f.stack))), ...shared.flatMap(judgeShared)];
}
