/** Shapes and small helpers shared by the usage collectors. */
import { EcsQuota } from '../../quotas/quota-table';
import { StackModel, TemplateResource } from '../model';
import { once } from '../values';

/** One contributor to a usage figure, e.g. a stack's services on a shared cluster. */
export interface UsageSource {
  readonly label: string;
  readonly amount: number;
}

/** Usage of one quota in one scope (a Region, a cluster, a stack or one resource). */
export interface QuotaUsage {
  readonly quota: EcsQuota;
  /** "Region us-east-1", "cluster Shared/Cluster", "service Svc/Api". */
  readonly scope: string;
  /** Amount used; a lower bound where parts of the template are unresolved. */
  readonly used: number;
  /** Sentence naming the scope and the amount: "Cluster Shared/Cluster has 501 services". */
  readonly problem: string;
  /** Contributors, largest first; empty when the scope is a single resource. */
  readonly sources: readonly UsageSource[];
  /** Resource a finding points at. */
  readonly resource: TemplateResource;
  readonly property: string;
  readonly value: unknown;
  /** A per-resource quota (each service, task definition...), not an app-wide total. */
  readonly perResource: boolean;
  /**
   * A bound `used` cannot exceed, known without working `used` out: rules skip the figure when
   * the bound is below where they report (task definition sizes). Undefined when there is none.
   */
  readonly atMost?: number;
}

export function regionLabel(region: string | undefined, account?: string): string {
  const label = region ? `Region ${region}` : 'Region unknown (env-agnostic stacks)';
  return account ? `${label} of account ${account}` : label;
}

/**
 * Quotas "per account per Region" count the stacks of one account and Region together: stacks with different
 * literal accounts are apart, as are a Region's stacks of a literal account and its env-agnostic ones.
 */
export function accountRegionKey(stack: StackModel): string {
  return `${stack.account ?? ''}|${stack.region ?? ''}`;
}

/** The label of accountRegionKey's group. */
export function accountRegionLabel(stack: StackModel): string {
  return regionLabel(stack.region, stack.account);
}

/** Sum amounts per label, largest first (ties by label, so output does not depend on stack order). */
export function bySource<T>(items: readonly T[], label: (t: T) => string, amount: (t: T) => number = () => 1): UsageSource[] {
  return sortedSources(sumBySource(items, label, amount));
}

/** Amount per label, in first-seen order. */
export function sumBySource<T>(items: readonly T[], label: (t: T) => string, amount: (t: T) => number = () => 1): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) {
    const l = label(item);
    sums.set(l, (sums.get(l) ?? 0) + amount(item));
  }
  return sums;
}

/** Sums as bySource lists them: largest first, ties by label. */
export function sortedSources(sums: ReadonlyMap<string, number>): UsageSource[] {
  const out: UsageSource[] = [];
  for (const [l, a] of sums) out.push({ label: l, amount: a });
  return out.sort(bySourceOrder);
}

function bySourceOrder(a: UsageSource, b: UsageSource): number {
  return b.amount - a.amount || a.label.localeCompare(b.label);
}

/** The label sortedSources would list first, found without sorting (undefined when empty). */
export function topSource(sums: ReadonlyMap<string, number>): string | undefined {
  let top: UsageSource | undefined;
  for (const [label, amount] of sums) {
    const s = { label, amount };
    // Strictly before: on a tie the earlier entry stays first, as in the stable sort.
    if (top === undefined || bySourceOrder(s, top) < 0) top = s;
  }
  return top?.label;
}

/** What a shared-scope usage says and points at, worked out only when read. */
export interface ScopeDetails {
  readonly scope: string;
  readonly problem: string;
  readonly resource: TemplateResource;
  readonly property: string;
  readonly value: unknown;
}

/**
 * Usage of a shared scope (a Region, a cluster, a stack). Only the quota and
 * the amount are computed up front: the words, the anchor resource and the
 * sorted sources need construct paths (a metadata read per stack when the
 * templates carry no aws:cdk:path) and only a finding or a report row reads them.
 */
export class ScopeUsage implements QuotaUsage {
  public readonly perResource = false;
  private details?: ScopeDetails;
  private sorted?: readonly UsageSource[];

  constructor(
    public readonly quota: EcsQuota,
    public readonly used: number,
    private readonly describe: () => ScopeDetails,
    private readonly sums?: () => ReadonlyMap<string, number>,
  ) {}

  public get scope(): string { return this.read().scope; }
  public get problem(): string { return this.read().problem; }
  public get resource(): TemplateResource { return this.read().resource; }
  public get property(): string { return this.read().property; }
  public get value(): unknown { return this.read().value; }

  public get sources(): readonly UsageSource[] {
    return this.sorted ??= this.sums ? sortedSources(this.sums()) : NO_SOURCES;
  }

  private read(): ScopeDetails {
    return this.details ??= this.describe();
  }
}

/**
 * Usage of one resource. Scope and problem are built only when read (a
 * finding or a report row needs them): most resources are far below their
 * limits, and naming them costs construct-path lookups. A class, not an
 * object literal with getters: those give every object its own shape.
 */
export class ResourceUsage implements QuotaUsage {
  public readonly perResource = true;
  public readonly sources: readonly UsageSource[] = NO_SOURCES;

  constructor(
    public readonly quota: EcsQuota,
    public readonly resource: TemplateResource,
    public readonly used: number,
    private readonly describe: () => string,
    public readonly property: string,
    public readonly value: unknown,
    private readonly scopeOf: (r: TemplateResource) => string,
  ) {}

  public get scope(): string {
    return this.scopeOf(this.resource);
  }

  public get problem(): string {
    return this.describe();
  }
}

export const NO_SOURCES: readonly UsageSource[] = Object.freeze([]);

/** 1234567.891 → "1,234,567.89" (toLocaleString is slow, and this runs per resource). */
export const n = (v: number): string => {
  const [int, frac] = String(Number.isInteger(v) ? v : Math.round(v * 100) / 100).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
};
export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One usage figure per Region of `resources` (env-agnostic stacks count together), e.g. clusters or load balancers
 * per Region; the finding points at a resource of the stack that contributes most, with its `nameProperty`.
 */
export function resourcesPerRegion(quota: EcsQuota, resources: readonly TemplateResource[], noun: string, nameProperty: string): QuotaUsage[] {
  const byRegion = new Map<string, TemplateResource[]>();
  for (const r of resources) {
    const key = accountRegionKey(r.stack);
    const list = byRegion.get(key);
    if (list) list.push(r);
    else byRegion.set(key, [r]);
  }
  return [...byRegion.values()].map((list) => {
    const sums = once(() => sumBySource(list, (r) => r.stack.name));
    const scope = accountRegionLabel(list[0].stack);
    return new ScopeUsage(quota, list.length, () => {
      const topStack = topSource(sums());
      const top = list.find((r) => r.stack.name === topStack) ?? list[0];
      return {
        scope,
        problem: `${scope} gets ${n(list.length)} ${noun} from this app`,
        resource: top,
        property: '',
        value: top.properties[nameProperty],
      };
    }, sums);
  });
}
