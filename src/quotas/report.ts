/**
 * Capacity report: every quota an assembly touches, with used, limit and
 * headroom, from the same usage figures the quota rules check.
 */
import { QuotaProfile } from './quota-profile';
import { EcsQuota, QUOTA_TABLE, quotaDefinition } from './quota-table';
import { findAcknowledgement, RecordedAcknowledgement } from '../plugin/acknowledgement-ids';
import { AssemblyModel } from '../rules/model';
import { QUOTA_RULES } from '../rules/quota';
import { quotaUsage, QuotaUsage } from '../rules/quota/usage';
import type { UsageRule } from '../rules/quota/usage-rule';
import { Severity } from '../rules/rule';

export interface QuotaUsageSource {
  /** A stack, a service path, an Auto Scaling group... */
  readonly label: string;
  readonly amount: number;
}

/** One line of the capacity report. */
export interface QuotaUsageRow {
  /** Quota id, as in QuotaProfile overrides: `servicesPerCluster`. */
  readonly quota: EcsQuota;
  /** AWS name of the quota. */
  readonly name: string;
  /**
   * Where the usage is counted: "Region us-east-1", "cluster Shared/Cluster",
   * "stack Svc1". For per-resource quotas the row shows the highest resource:
   * "service Svc1/Api (highest of 12)".
   */
  readonly scope: string;
  readonly used: number;
  readonly limit: number;
  /** used / limit × 100, one decimal; undefined when the limit is 0. */
  readonly percent?: number;
  /**
   * `over` above the limit, `near` from 90%, else `ok`; `default` when near or over only AWS's new-account
   * default, which AWS raises with usage (not judged; `compared` false).
   */
  readonly status: 'ok' | 'near' | 'over' | 'default';
  /**
   * Severity of the check's finding when the limit is crossed: `warning` for
   * quotas AWS raises with usage (Fargate vCPU), else `error`.
   */
  readonly severity: 'error' | 'warning';
  /**
   * False when `cdk-ecs-kit check` does not compare this figure with the limit:
   * Fargate vCPU against AWS's new-account default, before the profile holds
   * the account's own value. The row then shows `DEFAULT` where it would be
   * `OVER` or `NEAR`, and the summary does not count it.
   */
  readonly compared: boolean;
  readonly adjustable: boolean;
  readonly quotaCode?: string;
  readonly unit: string;
  /** Where most of the usage comes from, largest first (at most 3). */
  readonly topSources: readonly QuotaUsageSource[];
  /**
   * Over the limit, and the app acknowledged the check's finding on every resource over it (as `check` honours it):
   * the reason and where it was made ('' for the App). Such a row does not fail `quotas`.
   */
  readonly acknowledged?: { readonly reason: string; readonly at: string };
}

const TOP = 3;

export function capacityReport(assembly: AssemblyModel, profile: QuotaProfile, acks: readonly RecordedAcknowledgement[] = []): QuotaUsageRow[] {
  const usage = quotaUsage(assembly);
  const rows: QuotaUsageRow[] = [];
  for (const def of QUOTA_TABLE) {
    const mine = usage.filter((u) => u.quota === def.id);
    if (mine.length === 0) continue;
    const perResource = mine.filter((u) => u.perResource);
    const scoped = mine.filter((u) => !u.perResource);
    // The check that reports this quota over its limit: its severity, and the id acknowledgements name.
    const overRule = QUOTA_RULES.find((r) => r.band === 'over' && r.quotas.includes(def.id));
    const acked = (figures: readonly QuotaUsage[]) => acknowledgedOver(figures, overRule, profile, acks);
    const forQuota: QuotaUsageRow[] = scoped.map((u) => row(u, u.scope, u.sources.slice(0, TOP), profile, overRule, acked([u])));
    if (perResource.length > 0) {
      const sorted = [...perResource].sort((a, b) => b.used - a.used);
      const top = sorted[0];
      const scope = sorted.length > 1 ? `${top.scope} (highest of ${sorted.length})` : top.scope;
      forQuota.push(row(top, scope, sorted.slice(0, TOP).map((u) => ({ label: u.scope, amount: u.used })), profile, overRule, acked(sorted)));
    }
    rows.push(...forQuota.sort((a, b) => (b.percent ?? Infinity) - (a.percent ?? Infinity)));
  }
  return rows;
}

/** The acknowledgement of the over-limit check covering every figure over the limit, when each has one (the first's). */
function acknowledgedOver(
  figures: readonly QuotaUsage[], rule: UsageRule | undefined, profile: QuotaProfile, acks: readonly RecordedAcknowledgement[],
): QuotaUsageRow['acknowledged'] {
  if (!rule || acks.length === 0) return undefined;
  const over = figures.filter((u) => u.used > profile.limit(u.quota));
  if (over.length === 0) return undefined;
  const found = over.map((u) => findAcknowledgement(acks, rule.id, u.resource.path));
  return found.every((a) => a !== undefined) ? { reason: found[0]!.reason, at: found[0]!.path } : undefined;
}

function row(
  u: QuotaUsage, scope: string, sources: readonly QuotaUsageSource[], profile: QuotaProfile, overRule: UsageRule | undefined,
  acknowledged: QuotaUsageRow['acknowledged'],
): QuotaUsageRow {
  const def = quotaDefinition(u.quota);
  const limit = profile.limit(u.quota);
  const percent = limit > 0 ? Math.round((u.used / limit) * 1000) / 10 : undefined;
  const compared = !(overRule?.onlyWhenOverridden && !profile.isOverridden(u.quota));
  const level = u.used > limit ? 'over' : percent !== undefined && percent >= 90 ? 'near' : 'ok';
  // A script reading status 'over' must not fail on a figure the checks do not judge.
  const status = !compared && level !== 'ok' ? 'default' : level;
  return {
    quota: u.quota,
    name: def.name,
    scope,
    used: round(u.used),
    limit,
    percent,
    status,
    severity: overRule?.severity === Severity.WARNING ? 'warning' : 'error',
    compared,
    adjustable: def.adjustable,
    quotaCode: def.quotaCode,
    unit: def.unit,
    topSources: sources.map((s) => ({ label: s.label, amount: round(s.amount) })),
    ...(acknowledged && level === 'over' && compared ? { acknowledged } : {}),
  };
}

export function formatCapacityReport(rows: QuotaUsageRow[], format: 'text' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(rows, undefined, 2)}\n`;
  if (rows.length === 0) return 'No ECS or CloudFormation quota is used by this app.\n';
  const header = ['Quota', 'Scope', 'Used', 'Limit', '%', 'Status', 'Adjustable', 'Top sources'];
  const body = rows.map((r) => [
    r.name,
    r.scope,
    num(r.used),
    num(r.limit),
    r.percent === undefined ? '-' : `${r.percent}%`,
    statusText(r),
    r.adjustable ? `yes${r.quotaCode ? ` (${r.quotaCode})` : ''}` : 'no',
    r.topSources.length > 1 ? r.topSources.map((s) => `${s.label} ${num(s.amount)}`).join(', ') : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 || i === 3 || i === 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const compared = rows.filter((r) => r.compared);
  const over = compared.filter((r) => r.status === 'over').length;
  const ackedRows = compared.filter((r) => r.status === 'over' && r.acknowledged);
  const warn = compared.filter((r) => r.status === 'over' && r.severity === 'warning').length;
  const near = compared.filter((r) => r.status === 'near').length;
  const defaults = rows.filter((r) => r.status === 'default');
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    `${rows.length} quota figures; ${over} over the limit${warn ? ` (${warn} of them ${warn === 1 ? 'a warning' : 'warnings'})` : ''}`
      + `${ackedRows.length > 0 ? `, ${ackedRows.length} of them acknowledged (ACKED, below)` : ''}, ${near} at 90% or more`
      + `${defaults.length > 0 ? `; ${defaults.length} at 90% or more of a new-account default (DEFAULT, below)` : ''}.`,
    ...ackedRows.map((r) => `ACKED: ${r.name}, ${r.scope}: acknowledged at ${r.acknowledged!.at || 'the app'}; reason: `
      + `${r.acknowledged!.reason.trim() === '' ? '(none given)' : r.acknowledged!.reason}`),
    ...(defaults.length > 0 ? [
      `DEFAULT: ${[...new Set(defaults.map((r) => r.name))].join(', ')} at 90% or more of AWS's new-account default, `
      + 'which AWS raises with usage: not checked. Put your account\'s values in a --quotas file to compare them.',
    ] : []),
    '',
  ].join('\n');
}

function statusText(r: QuotaUsageRow): string {
  if (r.status === 'ok') return 'ok';
  if (r.status === 'default') return 'DEFAULT';
  if (r.status === 'near') return 'NEAR';
  if (r.acknowledged) return 'ACKED';
  return r.severity === 'warning' ? 'WARN' : 'OVER';
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function num(n: number): string {
  return n.toLocaleString('en-US');
}
