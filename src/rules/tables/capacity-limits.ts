/**
 * Numeric and name limits for ECS clusters, capacity providers and capacity
 * provider strategies, as data. EcsCluster, Ec2Capacity and the ECS-CP /
 * ECS-SV rules all read this table so that a construct and a rule never disagree.
 * Sources: API ManagedScaling, CreateCapacityProvider, CreateCluster and
 * CapacityProviderStrategyItem (../shared/reference/ecs-constraints.md rows
 * CP-01, CP-02, CP-03, CP-06, SV-02..SV-05, SV-30).
 */

/** An inclusive integer range. */
export interface IntRange {
  readonly min: number;
  readonly max: number;
}

/** ECS-CP-01: managedScaling.targetCapacity (percent). */
export const TARGET_CAPACITY_PERCENT: IntRange = { min: 1, max: 100 };

/** ECS-CP-02: managedScaling minimumScalingStepSize / maximumScalingStepSize. */
export const SCALING_STEP_SIZE: IntRange = { min: 1, max: 10_000 };

/** ECS-CP-03: managedScaling.instanceWarmupPeriod (seconds). */
export const INSTANCE_WARMUP_SECONDS: IntRange = { min: 0, max: 10_000 };

/** ECS-SV-03: capacity provider strategy item weight and base. */
export const STRATEGY_WEIGHT: IntRange = { min: 0, max: 1_000 };
export const STRATEGY_BASE: IntRange = { min: 0, max: 100_000 };

/** The providers every cluster can use without creating them. */
export const FARGATE_PROVIDERS: readonly string[] = ['FARGATE', 'FARGATE_SPOT'];

/** A name constraint: length, characters and reserved prefixes. */
export interface NameLimit {
  readonly minLength: number;
  readonly maxLength: number;
  readonly pattern: RegExp;
  /** Human form of the pattern, for messages. */
  readonly charset: string;
  /** Prefixes AWS reserves, in any letter case (CreateCapacityProvider rejects "EcsCp-..." too). */
  readonly reservedPrefixes: readonly string[];
}

/** ECS-SV-30: cluster name (CreateCluster). */
export const CLUSTER_NAME: NameLimit = {
  minLength: 1,
  maxLength: 255,
  pattern: /^[a-zA-Z0-9_-]+$/,
  charset: 'letters, digits, hyphens and underscores',
  reservedPrefixes: [],
};

/** ECS-CP-06: capacity provider name (CreateCapacityProvider). */
export const CAPACITY_PROVIDER_NAME: NameLimit = {
  minLength: 1,
  maxLength: 255,
  pattern: /^[a-zA-Z0-9_-]+$/,
  charset: 'letters, digits, hyphens and underscores',
  reservedPrefixes: ['aws', 'ecs', 'fargate'],
};

/** True when `value` is an integer inside `range`. */
export function inRange(value: number, range: IntRange): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** Human form of a range: "1-100". */
export function describeRange(range: IntRange): string {
  if (range.max === Number.MAX_SAFE_INTEGER) return `integers >= ${range.min}`;
  return `integers ${range.min}-${range.max}`;
}

/** Human form of a name limit. */
export function describeName(limit: NameLimit): string {
  const reserved = limit.reservedPrefixes.length
    ? `, not starting with ${limit.reservedPrefixes.map((p) => `'${p}'`).join(', ')}`
    : '';
  return `${limit.minLength}-${limit.maxLength} ${limit.charset}${reserved}`;
}

/** What is wrong with `name` under `limit`, or undefined when it is fine. */
export function nameProblem(name: string, limit: NameLimit): string | undefined {
  const problems: string[] = [];
  if (name.length === 0) problems.push('is empty');
  else if (name.length < limit.minLength || name.length > limit.maxLength) problems.push(`is ${name.length} characters long`);
  const bad = [...new Set(name.replace(/[a-zA-Z0-9_-]/g, ''))];
  if (bad.length > 0) problems.push(`contains ${bad.map((c) => JSON.stringify(c)).join(', ')}`);
  const prefix = limit.reservedPrefixes.find((p) => name.toLowerCase().startsWith(p));
  if (prefix) problems.push(`starts with the reserved prefix ${JSON.stringify(name.slice(0, prefix.length))}`);
  return problems.length > 0 ? problems.join(' and ') : undefined;
}

/** Docker's dynamic host port range, used by bridge-mode tasks with hostPort 0. */
export const DYNAMIC_HOST_PORTS: IntRange = { min: 32768, max: 65535 };

/** The ephemeral range Windows (NAT mode) assigns host ports from when hostPort is 0 (the ECS PortMapping hostPort reference). */
export const WINDOWS_DYNAMIC_HOST_PORTS: IntRange = { min: 49152, max: 65535 };

/** The host ports a network mode assigns when hostPort is 0: bridge (Linux) or nat (Windows); undefined for the others. */
export function dynamicHostPorts(networkMode: string | undefined): IntRange | undefined {
  return networkMode === 'bridge' ? DYNAMIC_HOST_PORTS : networkMode === 'nat' ? WINDOWS_DYNAMIC_HOST_PORTS : undefined;
}

/** A TCP/UDP port. */
export const PORT: IntRange = { min: 1, max: 65535 };

/** Auto Scaling mixed instances policy: instance type overrides per group. */
export const MAX_INSTANCE_TYPE_OVERRIDES = 40;

/** A percentage (0-100), e.g. onDemandPercentageAboveBaseCapacity. */
export const PERCENT: IntRange = { min: 0, max: 100 };
