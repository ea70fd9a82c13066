/**
 * The price table the cost report reads: its schema, and the checks a
 * `--prices FILE` must pass. Every figure names its source; a figure that
 * could not be confirmed is left out and named in `notes` instead.
 */
import * as fs from 'fs';

/** Where figures come from. */
export interface PriceSource {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  /** When the figures were published or read (YYYY-MM or YYYY-MM-DD), or what is known of it. */
  readonly date: string;
}

/** One price in USD with the id of its source. */
export interface PriceFigure {
  readonly usd: number;
  readonly source: string;
}

/** A dimensionless factor (Spot discount) with its source. */
export interface PriceFactor {
  readonly value: number;
  readonly source: string;
}

/** Fargate rates of one OS/architecture. */
export interface FargateRates {
  readonly vcpuHour: PriceFigure;
  readonly gbHour: PriceFigure;
  /** Windows only: the OS license per vCPU-hour, billed on top. */
  readonly osLicenseVcpuHour?: PriceFigure;
}

export interface RegionPrices {
  readonly fargate: {
    readonly linuxX86?: FargateRates;
    readonly linuxArm64?: FargateRates;
    readonly windowsX86?: FargateRates;
    /** Per GB-hour above the included ephemeral storage. */
    readonly ephemeralGbHour?: PriceFigure;
  };
  /** Linux On-Demand price per instance-hour, by instance type. */
  readonly ec2: Readonly<Record<string, PriceFigure>>;
  /** gp3 storage per GB-month (baseline IOPS and throughput are included). */
  readonly ebsGp3GbMonth?: PriceFigure;
}

export type Architecture = 'X86_64' | 'ARM64';

export interface InstanceSpec {
  readonly vcpu: number;
  readonly memoryGiB: number;
  readonly arch: Architecture;
}

export interface PriceTable {
  readonly schemaVersion: 1;
  readonly title: string;
  readonly currency: 'USD';
  /** Date the table was put together. */
  readonly retrieved: string;
  readonly hoursPerMonth: number;
  /** Ephemeral storage every Fargate task gets without charge. */
  readonly fargateIncludedEphemeralGiB: number;
  /** Fargate Spot price as a fraction of On-Demand (an average; Spot prices move). */
  readonly fargateSpotFactor: PriceFactor;
  /** EC2 Spot price as a fraction of On-Demand (an average; Spot prices move). */
  readonly ec2SpotFactor: PriceFactor;
  /** Share of an instance's memory ECS can give to tasks (the rest is OS and agent). */
  readonly ec2TaskMemoryFraction: PriceFactor;
  readonly sources: readonly PriceSource[];
  readonly instanceTypes: Readonly<Record<string, InstanceSpec>>;
  readonly regions: Readonly<Record<string, RegionPrices>>;
  readonly notes: readonly string[];
}

/** A price file that cannot be used. The message names what is wrong. */
export class PriceTableError extends Error {}

/** Read and check a price file of the bundled table's schema. */
export function loadPriceFile(file: string): PriceTable {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new PriceTableError(err.code === 'ENOENT' ? 'file not found' : `cannot read the file (${err.code ?? err.message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new PriceTableError(`not valid JSON (${(e as Error).message})`);
  }
  return validatePriceTable(json);
}

type Obj = Record<string, unknown>;

function fail(at: string, problem: string): never {
  throw new PriceTableError(`${at} ${problem}`);
}

function obj(value: unknown, at: string): Obj {
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(at, `must be an object, got ${kind(value)}`);
  return value as Obj;
}

function str(value: unknown, at: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(at, `must be a non-empty string, got ${kind(value)}`);
  return value;
}

function positive(value: unknown, at: string, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    fail(at, `must be a number above 0${max < Infinity ? ` and at most ${max}` : ''}, got ${kind(value)}`);
  }
  return value;
}

function kind(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Check a parsed price document; returns it typed, or throws PriceTableError naming the first problem. */
export function validatePriceTable(json: unknown): PriceTable {
  const root = obj(json, 'the document');
  if (root.schemaVersion !== 1) fail('schemaVersion', `must be 1, got ${kind(root.schemaVersion)}`);
  if (root.currency !== 'USD') fail('currency', `must be "USD", got ${kind(root.currency)}`);
  str(root.title, 'title');
  str(root.retrieved, 'retrieved');
  positive(root.hoursPerMonth, 'hoursPerMonth', 744);
  positive(root.fargateIncludedEphemeralGiB, 'fargateIncludedEphemeralGiB');
  if (!Array.isArray(root.sources) || root.sources.length === 0) fail('sources', 'must be a non-empty list');
  const ids = new Set<string>();
  (root.sources as unknown[]).forEach((s, i) => {
    const src = obj(s, `sources[${i}]`);
    for (const key of ['id', 'title', 'url', 'date']) str(src[key], `sources[${i}].${key}`);
    ids.add(src.id as string);
  });
  const figure = (value: unknown, at: string) => {
    const f = obj(value, at);
    positive(f.usd, `${at}.usd`);
    if (!ids.has(str(f.source, `${at}.source`))) fail(`${at}.source`, `names no entry of sources: ${kind(f.source)}`);
  };
  const factor = (value: unknown, at: string) => {
    const f = obj(value, at);
    positive(f.value, `${at}.value`, 1);
    if (!ids.has(str(f.source, `${at}.source`))) fail(`${at}.source`, `names no entry of sources: ${kind(f.source)}`);
  };
  factor(root.fargateSpotFactor, 'fargateSpotFactor');
  factor(root.ec2SpotFactor, 'ec2SpotFactor');
  factor(root.ec2TaskMemoryFraction, 'ec2TaskMemoryFraction');
  const specs = obj(root.instanceTypes, 'instanceTypes');
  for (const [type, value] of Object.entries(specs)) {
    const at = `instanceTypes.${type}`;
    const spec = obj(value, at);
    positive(spec.vcpu, `${at}.vcpu`);
    positive(spec.memoryGiB, `${at}.memoryGiB`);
    if (spec.arch !== 'X86_64' && spec.arch !== 'ARM64') fail(`${at}.arch`, `must be "X86_64" or "ARM64", got ${kind(spec.arch)}`);
  }
  const regions = obj(root.regions, 'regions');
  if (Object.keys(regions).length === 0) fail('regions', 'must name at least one Region');
  for (const [region, value] of Object.entries(regions)) {
    const at = `regions.${region}`;
    const r = obj(value, at);
    const fargate = obj(r.fargate, `${at}.fargate`);
    for (const [key, rates] of Object.entries(fargate)) {
      if (key === 'ephemeralGbHour') {
        figure(rates, `${at}.fargate.ephemeralGbHour`);
        continue;
      }
      if (!['linuxX86', 'linuxArm64', 'windowsX86'].includes(key)) {
        fail(`${at}.fargate.${key}`, 'is not a known key; allowed: linuxX86, linuxArm64, windowsX86, ephemeralGbHour');
      }
      const rr = obj(rates, `${at}.fargate.${key}`);
      figure(rr.vcpuHour, `${at}.fargate.${key}.vcpuHour`);
      figure(rr.gbHour, `${at}.fargate.${key}.gbHour`);
      if (rr.osLicenseVcpuHour !== undefined) figure(rr.osLicenseVcpuHour, `${at}.fargate.${key}.osLicenseVcpuHour`);
    }
    for (const [type, price] of Object.entries(obj(r.ec2, `${at}.ec2`))) {
      if (!(type in specs)) fail(`${at}.ec2.${type}`, 'has no entry in instanceTypes (vCPU, memory and architecture are needed to pack tasks)');
      figure(price, `${at}.ec2.${type}`);
    }
    if (r.ebsGp3GbMonth !== undefined) figure(r.ebsGp3GbMonth, `${at}.ebsGp3GbMonth`);
  }
  if (!Array.isArray(root.notes) || root.notes.some((n) => typeof n !== 'string')) fail('notes', 'must be a list of strings');
  return json as PriceTable;
}
