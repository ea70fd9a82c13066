/**
 * Per-resource quota usage: tasks per service, load balancers, awsvpc
 * subnets and security groups, strategy length, containers, task definition
 * size and tags. One figure per resource; the report shows the highest.
 */
import { EcsQuota } from '../../quotas/quota-table';
import { AssemblyModel, StackModel, TemplateResource } from '../model';
import { EXPRESS_SERVICE } from '../service/express-facts';
import { isUnresolved, toArray, toObject, toStr } from '../values';
import { ASSOCIATIONS, CLUSTER } from './clusters';
import { SERVICE, ServiceFacts } from './services';
import { cap, n, NO_SOURCES, QuotaUsage, ResourceUsage } from './usage-types';

const TASK_DEFINITION = 'AWS::ECS::TaskDefinition';
const TASK_SET = 'AWS::ECS::TaskSet';
const CAPACITY_PROVIDER = 'AWS::ECS::CapacityProvider';

const LABEL: Record<string, string> = {
  [CLUSTER]: 'cluster',
  [SERVICE]: 'service',
  [TASK_DEFINITION]: 'task definition',
  [TASK_SET]: 'task set',
  [CAPACITY_PROVIDER]: 'capacity provider',
  [EXPRESS_SERVICE]: 'Express service',
  [ASSOCIATIONS]: 'cluster capacity provider associations',
};
const label = (r: TemplateResource) => `${LABEL[r.type] ?? r.type} ${r.path}`;

function one(quota: EcsQuota, r: TemplateResource, used: number, problem: () => string, property: string, value: unknown): QuotaUsage {
  return new ResourceUsage(quota, r, used, problem, property, value, label);
}

/** The quotas resourceUsage counts. */
export const RESOURCE_QUOTAS: readonly EcsQuota[] = [
  EcsQuota.TASKS_PER_SERVICE,
  EcsQuota.TASKS_PER_SERVICE_WITH_SERVICE_DISCOVERY,
  EcsQuota.TARGET_GROUPS_PER_SERVICE,
  EcsQuota.CLASSIC_LOAD_BALANCERS_PER_SERVICE,
  EcsQuota.SUBNETS_PER_AWSVPC_CONFIGURATION,
  EcsQuota.SECURITY_GROUPS_PER_AWSVPC_CONFIGURATION,
  EcsQuota.CAPACITY_PROVIDERS_PER_STRATEGY,
  EcsQuota.CONTAINERS_PER_TASK_DEFINITION,
  EcsQuota.TASK_DEFINITION_SIZE_BYTES,
  EcsQuota.TAGS_PER_RESOURCE,
];

export function resourceUsage(assembly: AssemblyModel, services: readonly ServiceFacts[]): QuotaUsage[] {
  const out: QuotaUsage[] = [];
  for (const f of services) taskCounts(f, out);
  for (const type of [SERVICE, TASK_SET]) {
    for (const r of assembly.ofType(type)) {
      loadBalancers(r, out);
      awsvpc(r, out);
      strategyLength(r, 'CapacityProviderStrategy', out);
    }
  }
  for (const type of [CLUSTER, ASSOCIATIONS]) {
    for (const r of assembly.ofType(type)) strategyLength(r, 'DefaultCapacityProviderStrategy', out);
  }
  for (const td of assembly.ofType(TASK_DEFINITION)) {
    const list = toArray(td.properties.ContainerDefinitions);
    if (list) {
      const count = countKept(list);
      out.push(one(EcsQuota.CONTAINERS_PER_TASK_DEFINITION, td, count,
        () => `Task definition ${td.path} has ${count} container definitions`, 'Properties/ContainerDefinitions', count));
    }
    out.push(new TaskDefinitionSize(assembly, td));
  }
  for (const type of [CLUSTER, SERVICE, TASK_DEFINITION, CAPACITY_PROVIDER]) {
    for (const r of assembly.ofType(type)) {
      const tags = toArray(r.properties.Tags);
      if (!tags) continue;
      // aws:-prefixed tags do not count toward the limit; Fn::If entries may vanish.
      let counted = 0;
      for (const t of tags) {
        const obj = toObject(t);
        if (obj !== undefined && !toStr(obj.Key)?.startsWith('aws:')) counted++;
      }
      out.push(one(EcsQuota.TAGS_PER_RESOURCE, r, counted, () => `${cap(label(r))} has ${counted} tags`, 'Properties/Tags', counted));
    }
  }
  return out;
}

function taskCounts(f: ServiceFacts, out: QuotaUsage[]): void {
  const maxTasks = f.maxTasks;
  if (maxTasks === undefined) return;
  const r = f.resource;
  const parts = () => f.countSource?.text ?? [f.desired !== undefined ? `DesiredCount ${n(f.desired)}` : undefined,
    f.scalingMax !== undefined ? `autoscaling MaxCapacity ${n(f.scalingMax)}` : undefined].filter(Boolean).join(', ');
  const property = f.countSource?.property ?? (f.scalingMax !== undefined && f.scalingMax >= (f.desired ?? 0) ? '' : 'Properties/DesiredCount');
  out.push(one(EcsQuota.TASKS_PER_SERVICE, r, maxTasks,
    () => `${cap(label(r))} runs up to ${n(maxTasks)} tasks (${parts()})`, property, maxTasks));
  if (f.discovery) {
    out.push(one(EcsQuota.TASKS_PER_SERVICE_WITH_SERVICE_DISCOVERY, r, maxTasks,
      () => `${cap(label(r))} uses Service Connect or Service Discovery and runs up to ${n(maxTasks)} tasks (${parts()})`, property, maxTasks));
  }
}

/** Distinct target groups and Classic Load Balancers in LoadBalancers. */
function loadBalancers(r: TemplateResource, out: QuotaUsage[]): void {
  const list = toArray(r.properties.LoadBalancers);
  if (!list) return;
  const groups = new Set<string>();
  const classic = new Set<string>();
  for (const entry of list) {
    const lb = toObject(entry);
    if (!lb) continue;
    if (lb.TargetGroupArn !== undefined) groups.add(JSON.stringify(lb.TargetGroupArn));
    else if (lb.LoadBalancerName !== undefined) classic.add(JSON.stringify(lb.LoadBalancerName));
  }
  if (groups.size > 0) {
    out.push(one(EcsQuota.TARGET_GROUPS_PER_SERVICE, r, groups.size,
      () => `${cap(label(r))} is attached to ${groups.size} target groups`, 'Properties/LoadBalancers', groups.size));
  }
  if (classic.size > 0) {
    out.push(one(EcsQuota.CLASSIC_LOAD_BALANCERS_PER_SERVICE, r, classic.size,
      () => `${cap(label(r))} is attached to ${classic.size} Classic Load Balancers`, 'Properties/LoadBalancers', classic.size));
  }
}

/** Entries that surely stay: an Fn::If entry may resolve to AWS::NoValue. */
function countKept(list: readonly unknown[]): number {
  let count = 0;
  for (const e of list) if (!(e && typeof e === 'object' && 'Fn::If' in e)) count++;
  return count;
}

const AWSVPC_LISTS = [
  ['Subnets', EcsQuota.SUBNETS_PER_AWSVPC_CONFIGURATION, 'subnets'],
  ['SecurityGroups', EcsQuota.SECURITY_GROUPS_PER_AWSVPC_CONFIGURATION, 'security groups'],
] as const;

function awsvpc(r: TemplateResource, out: QuotaUsage[]): void {
  const cfg = toObject(toObject(r.properties.NetworkConfiguration)?.AwsvpcConfiguration);
  if (!cfg) return;
  for (const [key, quota, what] of AWSVPC_LISTS) {
    const list = toArray(cfg[key]);
    if (!list) continue;
    const count = countKept(list);
    out.push(one(quota, r, count, () => `${cap(label(r))} lists ${count} ${what} in its awsvpcConfiguration`,
      `Properties/NetworkConfiguration/AwsvpcConfiguration/${key}`, count));
  }
}

function strategyLength(r: TemplateResource, key: string, out: QuotaUsage[]): void {
  const list = toArray(r.properties[key]);
  if (!list || list.length === 0) return;
  out.push(one(EcsQuota.CAPACITY_PROVIDERS_PER_STRATEGY, r, list.length,
    () => `${cap(label(r))} has ${list.length} capacity providers in its ${key}`, `Properties/${key}`, list.length));
}

/**
 * The task definition size figure, worked out only when read: most task definitions are far
 * below the quota, and one native JSON.stringify bounds the size where walking every value
 * (interpreted, in a synth) costs far more.
 */
class TaskDefinitionSize implements QuotaUsage {
  public readonly quota = EcsQuota.TASK_DEFINITION_SIZE_BYTES;
  public readonly perResource = true;
  public readonly sources = NO_SOURCES;
  public readonly property = 'Properties';
  public readonly atMost?: number;
  private size?: { bytes: number; partial: boolean };

  constructor(private readonly assembly: AssemblyModel, public readonly resource: TemplateResource) {
    this.atMost = sizeBound(resource.properties);
  }

  public get used(): number {
    return this.read().bytes;
  }

  public get value(): unknown {
    return this.used;
  }

  public get scope(): string {
    return label(this.resource);
  }

  public get problem(): string {
    const size = this.read();
    return `Task definition ${this.resource.path} renders to ${size.partial ? 'at least ' : ''}${n(size.bytes)} bytes of RegisterTaskDefinition JSON`
      + `${size.partial ? ' (unresolved values not counted)' : ''}`;
  }

  private read(): { bytes: number; partial: boolean } {
    return this.size ??= renderedSize(this.assembly, this.resource);
  }
}

/** `"Fn::Join":["separator"` in template JSON. */
const JOIN_SEPARATOR = /"Fn::Join":\["((?:[^"\\]|\\.)*)"/g;

/**
 * An upper bound of `renderedSize`: the bytes of the properties' JSON. Leaving out or resolving an
 * intrinsic never makes its text longer, except an imported value or dynamic reference (any length) and a join whose
 * separator, repeated between the parts, is longer than the quotes and comma each part costs in
 * the JSON (3 bytes): then there is no bound.
 */
export function sizeBound(properties: Record<string, unknown>): number | undefined {
  const text = JSON.stringify(properties);
  // Values read at deploy time, of any length: imports, other stacks' outputs, dynamic references.
  if (text.includes('"Fn::ImportValue"') || text.includes('"Fn::GetStackOutput"') || text.includes('{{resolve:')) return undefined;
  if (text.includes('"Fn::Join"')) {
    for (const m of text.matchAll(JOIN_SEPARATOR)) if (Buffer.byteLength(m[1]) > 3) return undefined;
  }
  return Buffer.byteLength(text);
}

/**
 * Bytes of the task definition as RegisterTaskDefinition receives it:
 * minified JSON of its properties (API keys are the same words in camelCase,
 * so the same length). Values that only deploy time decides (role ARNs,
 * image URIs with account and Region) are left out, making this a lower bound.
 */
export function renderedSize(assembly: AssemblyModel, td: TemplateResource): { bytes: number; partial: boolean } {
  const state = { assembly, stack: td.stack, partial: false };
  return { bytes: sizeOf(td.properties, state) ?? 2, partial: state.partial };
}

interface SizeState {
  readonly assembly: AssemblyModel;
  readonly stack: StackModel;
  partial: boolean;
}

/**
 * Bytes of the minified JSON the value renders to, counted without building
 * a copy (this runs for every task definition of the app); undefined when
 * the value drops out (an intrinsic with nothing literal to keep).
 */
function sizeOf(v: unknown, state: SizeState): number | undefined {
  if (typeof v === 'string') {
    if (!isUnresolved(v)) return jsonBytes(v);
    state.partial = true;
    return 2; // ""
  }
  if (Array.isArray(v)) {
    let total = 2;
    let items = 0;
    for (const x of v) {
      const b = sizeOf(x, state);
      if (b === undefined) continue;
      total += b + (items++ > 0 ? 1 : 0);
    }
    return total;
  }
  if (v && typeof v === 'object') {
    if (isUnresolved(v)) {
      const s = state.assembly.resolveString(v, state.stack);
      if (s !== undefined) return jsonBytes(s);
      state.partial = true;
      const join = toArray((v as Record<string, unknown>)['Fn::Join']);
      const parts = toArray(join?.[1]);
      // Keep the literal parts of a join: the deployed string is at least that long.
      return parts ? jsonBytes(parts.filter((p): p is string => typeof p === 'string' && !isUnresolved(p)).join('')) : undefined;
    }
    let total = 2;
    let items = 0;
    const obj = v as Record<string, unknown>;
    // for-in, not Object.entries: same order, no pair arrays.
    for (const k in obj) {
      if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
      const b = sizeOf(obj[k], state);
      if (b === undefined) continue;
      total += jsonBytes(k) + 1 + b + (items++ > 0 ? 1 : 0);
    }
    return total;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return JSON.stringify(v).length; // ASCII
  return v === undefined ? undefined : Buffer.byteLength(JSON.stringify(v));
}

/** Characters JSON escapes or UTF-8 writes in more than one byte. */
const NOT_PLAIN_ASCII = /[\u0000-\u001f"\\\u007f-\uffff]/;

/** UTF-8 bytes of a string as a JSON string literal. */
function jsonBytes(s: string): number {
  // Plain ASCII without escapes is the common case: length + 2 quotes. A RegExp, not a loop over
  // the characters: in a synth this code runs once, interpreted, over every string of every task definition.
  return NOT_PLAIN_ASCII.test(s) ? Buffer.byteLength(JSON.stringify(s)) : s.length + 2;
}
