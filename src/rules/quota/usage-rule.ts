/**
 * Turns shared usage figures (usage.ts) into rule issues, so every quota rule
 * words "used", "allowed" and "how to raise it" the same way.
 */
import { QuotaProfile } from '../../quotas/quota-profile';
import { EcsQuota, quotaDefinition } from '../../quotas/quota-table';
import { AssemblyModel } from '../model';
import { AssemblyRule, RuleIssue, RuleMetadata } from '../rule';
import { QuotaUsage, UsageSource, usageOf } from './usage';
import { cap, n } from './usage-types';

export interface UsageRuleOptions {
  /** Quotas the rule compares. */
  readonly quotas: readonly EcsQuota[];
  /** Advice for a crossed limit (the only fix for non-adjustable quotas). */
  readonly remedy: string;
  /**
   * `over` (default): report usage above the limit. `near`: report usage from
   * `nearPercent` of the limit up to the limit itself.
   */
  readonly band?: 'over' | 'near';
  /** @default 90 */
  readonly nearPercent?: number;
  /**
   * Speak only when the profile holds the account's own value (an override):
   * then from `nearPercent` of it upwards. For quotas whose default says
   * little about a real account (Fargate vCPU: 6 on new accounts, raised by
   * AWS with usage). Usage is always listed by `cdk-ecs-kit quotas`.
   * @default false
   */
  readonly onlyWhenOverridden?: boolean;
}

/** An assembly rule over usage figures; says which quotas it compares. */
export interface UsageRule extends AssemblyRule {
  readonly quotas: readonly EcsQuota[];
  readonly band: 'over' | 'near';
  /** True when the rule compares only with the account's own value (see UsageRuleOptions). */
  readonly onlyWhenOverridden: boolean;
}

/** Build an assembly rule over usage figures. */
export function usageRule(meta: RuleMetadata, options: UsageRuleOptions): UsageRule {
  return {
    ...meta,
    quotas: options.quotas,
    band: options.band ?? 'over',
    onlyWhenOverridden: options.onlyWhenOverridden ?? false,
    checkAssembly(assembly: AssemblyModel, profile: QuotaProfile): RuleIssue[] {
      const issues: RuleIssue[] = [];
      // Figures nothing would be compared with are not worked out.
      const quotas = options.onlyWhenOverridden ? options.quotas.filter((q) => profile.isOverridden(q)) : options.quotas;
      if (quotas.length === 0) return issues;
      for (const u of usageOf(assembly, quotas)) {
        const limit = profile.limit(u.quota);
        const nearFrom = limit * (options.nearPercent ?? 90) / 100;
        // A figure whose bound cannot reach the band is not worked out (task definition sizes).
        const speaksNear = options.band === 'near' || options.onlyWhenOverridden === true;
        if (u.atMost !== undefined && (speaksNear ? u.atMost < nearFrom || u.atMost <= 0 : u.atMost <= limit)) continue;
        const near = options.band === 'near' || (options.onlyWhenOverridden === true && u.used <= limit);
        const crossed = near
          ? u.used <= limit && u.used >= nearFrom && u.used > 0
          : u.used > limit;
        if (!crossed) continue;
        issues.push({
          resource: u.resource,
          property: u.property,
          value: u.value,
          problem: `${u.problem}${near ? ` (${percentText(u.used, limit)} of the limit)` : ''}${sourcesText(u.sources)}`,
          allowed: allowedText(u.quota, limit, profile),
          fix: near ? options.remedy : fixText(u, profile, options.remedy),
        });
      }
      return issues;
    },
  };
}

/** "500 services (Services per cluster, legacy profile; adjustable, quota code L-9EF96962)". */
export function allowedText(quota: EcsQuota, limit: number, profile: QuotaProfile): string {
  const def = quotaDefinition(quota);
  const source = profile.isOverridden(quota) ? 'override in the profile' : `${baseName(profile)} profile`;
  const notes = [`${def.name}, ${source}`];
  if (limit !== def.current && !profile.isOverridden(quota)) notes.push(`today's AWS default is ${n(def.current)}`);
  notes.push(def.adjustable ? `adjustable${def.quotaCode ? `, quota code ${def.quotaCode}` : ''}` : 'not adjustable');
  // Units are plural nouns ("services", "target groups"): one of them is singular.
  const unit = limit === 1 && def.unit.endsWith('s') ? def.unit.slice(0, -1) : def.unit;
  return `${n(limit)} ${unit} (${notes.join('; ')})`;
}

function fixText(u: QuotaUsage, profile: QuotaProfile, remedy: string): string {
  const def = quotaDefinition(u.quota);
  // Alone, without the "raise it" part a remedy for an adjustable quota continues ("or spread ...").
  if (!def.adjustable) return cap(remedy.replace(/^or /, ''));
  const wanted = Math.ceil(u.used);
  const code = def.quotaCode ? ` (${def.quotaCode})` : '';
  return `Raise "${def.name}"${code} in Service Quotas to at least ${n(wanted)}, then set the raised value in the profile: `
    + `QuotaProfile.${baseName(profile)}().withOverrides({ ${def.id}: ${wanted} }), quotaOverrides: { ${def.id}: ${wanted} } in a deployment standard, `
    + `or --quotas FILE with {"quotas":{"${def.id}":${wanted}}}; ${remedy}`;
}

/** "; most from SvcA 200, SvcB 200, SvcC 101" when usage has several sources. */
export function sourcesText(sources: readonly UsageSource[]): string {
  if (sources.length < 2) return '';
  const top = sources.slice(0, 3).map((s) => `${s.label} ${n(s.amount)}`).join(', ');
  return `; most from ${top}${sources.length > 3 ? ` (${sources.length} sources)` : ''}`;
}

export function percentText(used: number, limit: number): string {
  if (limit === 0) return used === 0 ? '0%' : 'over 100%';
  return `${Math.round((used / limit) * 1000) / 10}%`;
}

/** Name of the base profile (current or legacy) for the withOverrides hint. */
function baseName(profile: QuotaProfile): string {
  const base = profile.name.split('+')[0];
  return base === 'legacy' ? 'legacy' : 'current';
}

