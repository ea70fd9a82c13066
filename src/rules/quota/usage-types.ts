/** Shapes and small helpers shared by the usage collectors. */
import { EcsQuota } from '../../quotas/quota-table';
import { TemplateResource } from '../model';

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
}

export function regionLabel(region: string | undefined): string {
  return region ? `Region ${region}` : 'Region unknown (env-agnostic stacks)';
}

/** Sum amounts per label, largest first (ties by label, so output does not depend on stack order). */
export function bySource<T>(items: readonly T[], label: (t: T) => string, amount: (t: T) => number = () => 1): UsageSource[] {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(label(item), (sums.get(label(item)) ?? 0) + amount(item));
  return [...sums].map(([l, a]) => ({ label: l, amount: a })).sort((a, b) => b.amount - a.amount || a.label.localeCompare(b.label));
}

/** 1234567.891 → "1,234,567.89" (toLocaleString is slow, and this runs per resource). */
export const n = (v: number): string => {
  const [int, frac] = String(Number.isInteger(v) ? v : Math.round(v * 100) / 100).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
};
export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
