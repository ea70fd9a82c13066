/**
 * Monthly cost arithmetic: Fargate task-hours by OS and architecture (with
 * the Spot factor), EC2 instance-hours and gp3 storage of Auto Scaling
 * groups, and for each service what the same tasks would cost on Fargate,
 * Fargate Spot or the cheapest packing of EC2 instances.
 */
import { comparePlacements, fargateSizeFor, roundingNote } from './compare';
import { fargateRates, fargateTaskHour } from './fargate';
import { PriceTable } from './price-table';
import { CapacityWorkload, capacityWorkloads, expressWorkloads, serviceWorkloads, ServiceWorkload, TaskCount, TaskSize } from './workload';
import { AssemblyModel, StackModel } from '../rules/model';
import { splitTasks } from '../rules/quota/services';
import { ecsTargets, EVENTS_RULE, SCHEDULE } from '../rules/service/schedule-facts';

/** One line of arithmetic behind a figure. */
export interface CostLine {
  readonly label: string;
  readonly monthly: number;
}

/** What the same tasks would cost elsewhere. */
export interface Alternative {
  readonly option: 'Fargate On-Demand' | 'Fargate Spot' | 'EC2 On-Demand' | 'EC2 Spot';
  readonly monthly: number;
  readonly detail: string;
}

export interface ServiceCost {
  readonly path: string;
  readonly stack: string;
  readonly region: string;
  readonly tasks?: TaskCount;
  readonly size?: TaskSize;
  /** Tasks at the nominal count per capacity: Fargate On-Demand, Fargate Spot, EC2 (priced under capacity). */
  readonly split?: { readonly fargate: number; readonly fargateSpot: number; readonly ec2: number };
  /** The tasks outside Fargate (split.ec2) run on ECS Managed Instances. */
  readonly managedInstances?: boolean;
  /** Fargate cost at the nominal task count, and at the low and high ends of the range. */
  readonly monthly: number;
  readonly low: number;
  readonly high: number;
  readonly lines: readonly CostLine[];
  readonly alternatives: readonly Alternative[];
  readonly notes: readonly string[];
  readonly unpriced: readonly string[];
}

export interface CapacityCost {
  readonly path: string;
  readonly stack: string;
  readonly region: string;
  readonly instances?: { readonly low: number; readonly nominal: number; readonly high: number };
  readonly instanceTypes: readonly string[];
  readonly monthly: number;
  readonly low: number;
  readonly high: number;
  readonly lines: readonly CostLine[];
  readonly unpriced: readonly string[];
}

export interface CostReport {
  readonly prices: { readonly title: string; readonly retrieved: string; readonly file?: string; readonly sources: PriceTable['sources']; readonly notes: readonly string[] };
  readonly assumptions: readonly string[];
  /** Where Regions and values came from: env-agnostic stacks, Parameter defaults. */
  readonly notes: readonly string[];
  readonly services: readonly ServiceCost[];
  readonly capacity: readonly CapacityCost[];
  readonly total: { readonly monthly: number; readonly low: number; readonly high: number };
  readonly unpricedCount: number;
  readonly notCounted: readonly string[];
}

export interface CostOptions {
  readonly prices: PriceTable;
  /** Overrides every stack's Region. */
  readonly region?: string;
  /** Where the prices came from, for the report (a --prices file). */
  readonly pricesFile?: string;
  /** Notes about the input to print with the report (e.g. Parameter defaults used). */
  readonly notes?: readonly string[];
}

export const DEFAULT_REGION = 'us-east-1';

export const NOT_COUNTED: readonly string[] = [
  'load balancers (hourly and LCU)', 'NAT gateways', 'data transfer', 'CloudWatch Logs and metrics', 'public IPv4 addresses',
  'ECR storage', 'EBS volumes attached to tasks', 'ECS Managed Instances capacity', 'Savings Plans and Reserved Instances (list prices only)',
  'the extra tasks a rolling, blue/green, linear or canary deployment runs while it lasts (steady state only)',
  'the load balancer and other resources ECS Express Mode creates (its tasks are priced as Fargate)',
  'tasks that schedules, rules and RunTask start (scheduled jobs run only while each run lasts)',
];

export function money(usd: number): string {
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function sizeLabel(size: TaskSize): string {
  return `${+(size.cpuUnits / 1024).toFixed(3)} vCPU, ${+(size.memoryMiB / 1024).toFixed(3)} GB`;
}

/** Estimate every assembly (each cdk.out, or the loose templates) together. */
export function estimateCost(assemblies: readonly AssemblyModel[], options: CostOptions): CostReport {
  const table = options.prices;
  const regionNotes = new Set<string>();
  const regionOf = (stack: StackModel): string => {
    if (options.region) return options.region;
    if (stack.region) return stack.region;
    regionNotes.add(`stack ${stack.name} is env-agnostic (no Region): priced in ${DEFAULT_REGION}; pass --region to choose`);
    return DEFAULT_REGION;
  };
  const workloads = assemblies.flatMap((a) => [...serviceWorkloads(a), ...expressWorkloads(a)]);
  const services = workloads.map((w) => serviceCost(w, regionOf(w.resource.stack), table));
  const capacity = assemblies.flatMap((a) => capacityWorkloads(a)).map((w) => capacityCost(w, regionOf(w.resource.stack), table));
  const all = [...services, ...capacity];
  const sum = (key: 'monthly' | 'low' | 'high') => all.reduce((s, c) => s + c[key], 0);
  return {
    prices: { title: table.title, retrieved: table.retrieved, file: options.pricesFile, sources: table.sources, notes: table.notes },
    assumptions: [
      `${table.hoursPerMonth} hours a month; On-Demand list prices; every task and instance runs all month`,
      `Fargate Spot at ${table.fargateSpotFactor.value} x On-Demand and EC2 Spot at ${table.ec2SpotFactor.value} x On-Demand: Spot prices vary, these are averages (sources ${table.fargateSpotFactor.source}, ${table.ec2SpotFactor.source})`,
      `EC2 packing gives tasks all vCPUs and ${Math.round(table.ec2TaskMemoryFraction.value * 100)}% of an instance's memory; ENI limits for awsvpc tasks are not applied`,
    ],
    notes: [...regionNotes, ...scheduledJobNotes(assemblies), ...options.notes ?? []],
    services,
    capacity,
    total: { monthly: sum('monthly'), low: sum('low'), high: sum('high') },
    unpricedCount: all.reduce((s, c) => s + c.unpriced.length, 0),
    notCounted: NOT_COUNTED,
  };
}

/** The schedules and rules that start ECS tasks, which the estimate leaves out: named so none is missed silently. */
function scheduledJobNotes(assemblies: readonly AssemblyModel[]): string[] {
  const jobs = assemblies.flatMap((a) => [...a.ofType(SCHEDULE), ...a.ofType(EVENTS_RULE)]).filter((r) => ecsTargets(r).length > 0);
  if (jobs.length === 0) return [];
  const names = jobs.slice(0, 5).map((r) => r.path).join(', ');
  return [`${jobs.length} scheduled job${jobs.length === 1 ? '' : 's'} not priced (${names}${jobs.length > 5 ? ', ...' : ''}): their tasks run only while each run lasts; price one run with the task size x its duration`];
}

function serviceCost(w: ServiceWorkload, regionName: string, table: PriceTable): ServiceCost {
  const base = {
    path: w.resource.path, stack: w.resource.stack.name, region: regionName, tasks: w.count, size: w.size, managedInstances: w.managedInstances,
  };
  const unpriced = [...w.problems];
  const notes: string[] = [];
  const lines: CostLine[] = [];
  const empty = { ...base, monthly: 0, low: 0, high: 0, lines, alternatives: [], notes, unpriced };
  if (w.daemon) {
    notes.push('DAEMON service: one task per container instance; its cost is the EC2 capacity below');
    return { ...empty, unpriced: unpriced.filter((u) => !u.startsWith('DesiredCount')) };
  }
  if (!w.size || !w.count) return empty;
  const { size: taskSize, count, placement } = w;
  const region = table.regions[regionName];
  const alternatives = comparePlacements(taskSize, count.nominal, region, regionName, table);
  if (taskSize.gpus > 0) notes.push(`${taskSize.gpus} GPU(s) per task: Fargate runs no GPU tasks and the price table lists no GPU instance types, so no alternative is priced`);
  if (!placement) return { ...empty, alternatives };
  const at = (n: number) => splitTasks(placement, n);
  const nominal = at(count.nominal);
  const split = { fargate: nominal.onDemand, fargateSpot: nominal.spot, ec2: nominal.other };
  if (split.ec2 > 0 && w.managedInstances) {
    unpriced.push(`${fmt(split.ec2)} task(s) on ECS Managed Instances capacity: the price table has no Managed Instances prices (instances plus the management fee)`);
  } else if (split.ec2 > 0) {
    notes.push(`${fmt(split.ec2)} task(s) on EC2 capacity: priced under EC2 capacity`);
  }
  if (split.fargate + split.fargateSpot === 0 && at(count.high).onDemand + at(count.high).spot === 0) {
    return { ...empty, split, alternatives };
  }
  // Fargate bills a size from its table: a task without one (an EC2 task in a mixed strategy) at the smallest that holds it.
  const size = fargateSizeFor(taskSize) ?? taskSize;
  const rates = fargateRates(size, region, regionName);
  if (typeof rates === 'string') return { ...empty, split, alternatives, unpriced: [...unpriced, rates] };
  if (size.windows && (split.fargateSpot > 0 || at(count.high).spot > 0)) unpriced.push('Fargate Spot does not run Windows tasks');
  const hour = fargateTaskHour(size, rates, region!, table);
  if (hour.missing) unpriced.push(hour.missing);
  const spotHour = hour.usd * table.fargateSpotFactor.value;
  const monthlyAt = (n: number) => {
    const s = at(n);
    return (s.onDemand * hour.usd + (size.windows ? 0 : s.spot * spotHour)) * table.hoursPerMonth;
  };
  const perTask = `${sizeLabel(size)}${roundingNote(taskSize, size)}, ${size.windows ? 'Windows' : 'Linux'}/${size.arch}${size.ephemeralGiB > table.fargateIncludedEphemeralGiB ? `, ${size.ephemeralGiB} GiB ephemeral` : ''}`;
  if (split.fargate > 0) {
    lines.push({ label: `Fargate On-Demand: ${fmt(split.fargate)} task(s) x ${money4(hour.usd)}/h (${perTask}) x ${table.hoursPerMonth} h`, monthly: split.fargate * hour.usd * table.hoursPerMonth });
  }
  if (split.fargateSpot > 0 && !size.windows) {
    lines.push({ label: `Fargate Spot: ${fmt(split.fargateSpot)} task(s) x ${money4(spotHour)}/h (${table.fargateSpotFactor.value} x ${money4(hour.usd)}) x ${table.hoursPerMonth} h`, monthly: split.fargateSpot * spotHour * table.hoursPerMonth });
  }
  const monthly = monthlyAt(count.nominal);
  return { ...base, split, monthly, low: monthlyAt(count.low), high: monthlyAt(count.high), lines, alternatives, notes, unpriced };
}

function capacityCost(w: CapacityWorkload, regionName: string, table: PriceTable): CapacityCost {
  const base = { path: w.resource.path, stack: w.resource.stack.name, region: regionName, instanceTypes: w.instanceTypes };
  const unpriced = [...w.problems];
  const empty = { ...base, monthly: 0, low: 0, high: 0, lines: [], unpriced };
  if (w.min === undefined || w.max === undefined || w.desired === undefined || w.instanceTypes.length === 0 || unpriced.length > 0) return empty;
  const instances = { low: w.min, nominal: w.desired, high: Math.max(w.max, w.desired) };
  const region = table.regions[regionName];
  if (!region) return { ...empty, instances, unpriced: [`Region ${regionName} is not in the price table`] };
  const onDemandType = w.instanceTypes[0];
  const onDemandPrice = region.ec2[onDemandType]?.usd;
  const spotCandidates = w.instanceTypes.filter((t) => region.ec2[t]).sort((a, b) => region.ec2[a].usd - region.ec2[b].usd);
  const spotType = spotCandidates[0];
  const split = (n: number) => {
    const od = Math.min(n, w.onDemandBase) + Math.max(0, n - w.onDemandBase) * (w.onDemandPercent / 100);
    return { od, spot: n - od };
  };
  const needsSpot = split(instances.high).spot > 0;
  if (onDemandPrice === undefined && split(instances.high).od > 0) unpriced.push(`no EC2 price for ${onDemandType} in ${regionName} in the price table`);
  if (needsSpot && !spotType && !(onDemandPrice === undefined && w.instanceTypes.length === 1)) unpriced.push(`no EC2 price for any of ${w.instanceTypes.join(', ')} in ${regionName} in the price table`);
  const gp3 = region.ebsGp3GbMonth?.usd;
  if (w.gp3GiB > 0 && gp3 === undefined) unpriced.push(`no gp3 price for ${regionName} in the price table`);
  if (unpriced.length > 0) return { ...empty, instances, unpriced };
  const spotPrice = spotType ? region.ec2[spotType].usd * table.ec2SpotFactor.value : 0;
  const monthlyAt = (n: number) => {
    const s = split(n);
    return (s.od * (onDemandPrice ?? 0) + s.spot * spotPrice) * table.hoursPerMonth + n * w.gp3GiB * (gp3 ?? 0);
  };
  const s = split(instances.nominal);
  const lines: CostLine[] = [];
  if (s.od > 0) lines.push({ label: `EC2 On-Demand: ${fmt(s.od)} x ${onDemandType} x ${money4(onDemandPrice!)}/h x ${table.hoursPerMonth} h`, monthly: s.od * onDemandPrice! * table.hoursPerMonth });
  if (s.spot > 0) lines.push({ label: `EC2 Spot: ${fmt(s.spot)} x ${spotType} x ${money4(spotPrice)}/h (${table.ec2SpotFactor.value} x On-Demand) x ${table.hoursPerMonth} h`, monthly: s.spot * spotPrice * table.hoursPerMonth });
  if (w.gp3GiB > 0 && instances.nominal > 0) lines.push({ label: `EBS gp3: ${instances.nominal} x ${w.gp3GiB} GiB x ${money4(gp3!)}/GB-month`, monthly: instances.nominal * w.gp3GiB * gp3! });
  const monthly = monthlyAt(instances.nominal);
  return { ...base, instances, monthly, low: monthlyAt(instances.low), high: monthlyAt(instances.high), lines, unpriced };
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

export function money4(usd: number): string {
  return `$${+usd.toFixed(6)}`;
}
