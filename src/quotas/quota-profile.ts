import * as fs from 'fs';
import { EcsQuota, QUOTA_TABLE, quotaDefinition, QuotaDefinition } from './quota-table';

/**
 * The quota values checks run against: today's AWS defaults, the older
 * figures, or either with single values raised for an account.
 */
export class QuotaProfile {
  /** Today's AWS default quotas. */
  public static current(): QuotaProfile {
    return new QuotaProfile('current', new Map(QUOTA_TABLE.map((d) => [d.id, d.current])), new Set());
  }

  /** The older figures: 1,000 clusters, 500 services per cluster, 1 load balancer per service, 32 KiB task definitions... */
  public static legacy(): QuotaProfile {
    return new QuotaProfile('legacy', new Map(QUOTA_TABLE.map((d) => [d.id, d.legacy])), new Set());
  }

  /**
   * Read a profile from a JSON file:
   * `{ "base": "current" | "legacy", "quotas": { "servicesPerCluster": 8000 } }`.
   * `base` defaults to `current`.
   */
  public static fromFile(path: string): QuotaProfile {
    let text: string;
    try {
      text = fs.readFileSync(path, 'utf8');
    } catch (e) {
      throw new Error(`Cannot read quota file ${path}: ${(e as Error).message}`, { cause: e });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new Error(`Quota file ${path} is not valid JSON: ${(e as Error).message}`, { cause: e });
    }
    return QuotaProfile.fromJson(json, path);
  }

  /** Build a profile from an already-parsed JSON document (see `fromFile`). */
  public static fromJson(json: any, source: string = 'quota document'): QuotaProfile {
    if (!json || typeof json !== 'object' || Array.isArray(json)) {
      throw new Error(`${source}: expected an object like {"base":"current","quotas":{"servicesPerCluster":8000}}`);
    }
    const base = json.base ?? 'current';
    if (base !== 'current' && base !== 'legacy') {
      throw new Error(`${source}: "base" must be "current" or "legacy", got ${JSON.stringify(base)}`);
    }
    const start = base === 'legacy' ? QuotaProfile.legacy() : QuotaProfile.current();
    const quotas = json.quotas ?? {};
    if (typeof quotas !== 'object' || Array.isArray(quotas)) {
      throw new Error(`${source}: "quotas" must be an object of quota id to number`);
    }
    const unknownKeys = Object.keys(json).filter((k) => k !== 'base' && k !== 'quotas');
    if (unknownKeys.length > 0) {
      throw new Error(`${source}: unknown key(s) ${unknownKeys.join(', ')}; allowed: base, quotas`);
    }
    return start.withOverrides(quotas, source);
  }

  private constructor(
    /** Profile name: current, legacy, or the base name with "+overrides". */
    public readonly name: string,
    private readonly values: Map<EcsQuota, number>,
    private readonly raised: Set<EcsQuota>,
  ) {}

  /**
   * A copy with single values replaced, e.g. `{ servicesPerCluster: 8000 }`
   * for an account whose quota was raised. Non-adjustable quotas cannot be raised.
   */
  public withOverrides(overrides: { [quotaId: string]: number }, source: string = 'quota overrides'): QuotaProfile {
    const values = new Map(this.values);
    const raised = new Set(this.raised);
    const known = QUOTA_TABLE.map((d) => d.id as string);
    for (const [key, value] of Object.entries(overrides)) {
      if (!known.includes(key)) {
        throw new Error(`${source}: unknown quota id '${key}'; allowed: ${known.join(', ')}`);
      }
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        throw new Error(`${source}: quota '${key}' must be a whole number >= 0, got ${JSON.stringify(value)}`);
      }
      const def = quotaDefinition(key as EcsQuota);
      if (!def.adjustable && value > def.current) {
        throw new Error(`${source}: quota '${key}' (${def.name}) is not adjustable; it cannot exceed ${def.current}, got ${value}`);
      }
      values.set(def.id, value);
      raised.add(def.id);
    }
    return new QuotaProfile(this.name.endsWith('+overrides') ? this.name : `${this.name}+overrides`, values, raised);
  }

  /** The limit this profile applies for a quota. */
  public limit(quota: EcsQuota): number {
    const v = this.values.get(quota);
    if (v === undefined) throw new Error(`Unknown quota '${quota}'`);
    return v;
  }

  /** Whether the value was set by an override rather than taken from the base. */
  public isOverridden(quota: EcsQuota): boolean {
    return this.raised.has(quota);
  }

  /** @internal the table row of a quota */
  public _definition(quota: EcsQuota): QuotaDefinition {
    return quotaDefinition(quota);
  }
}
