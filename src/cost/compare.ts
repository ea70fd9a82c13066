/**
 * What a service's tasks would cost on Fargate, Fargate Spot, or the
 * cheapest EC2 instance type of the price table that packs them.
 */
import type { Alternative } from './estimate';
import { fargateRates, fargateTaskHour } from './fargate';
import { PriceTable, RegionPrices } from './price-table';
import { TaskSize } from './workload';
import { smallestFargateSize } from '../rules/tables/fargate-sizes';

/** The smallest valid Fargate size that holds the task (EC2 tasks often have none). */
export function fargateSizeFor(size: TaskSize): TaskSize | undefined {
  const found = smallestFargateSize(size.cpuUnits, size.memoryMiB, size.windows);
  return found && { ...size, cpuUnits: found.row.cpu, memoryMiB: found.memoryMiB };
}

/** ' (smallest Fargate size that holds the task)' when Fargate bills `billed`, a size larger than the task's own; else ''. */
export function roundingNote(size: TaskSize, billed: TaskSize): string {
  return billed.cpuUnits !== size.cpuUnits || billed.memoryMiB !== size.memoryMiB ? ' (smallest Fargate size that holds the task)' : '';
}

/** How many tasks fit on one instance, and what limits it. */
export function tasksPerInstance(size: TaskSize, vcpu: number, memoryGiB: number, memoryFraction: number): { count: number; bound: 'cpu' | 'memory' } {
  const byCpu = size.cpuUnits > 0 ? Math.floor((vcpu * 1024) / size.cpuUnits) : Infinity;
  const byMemory = Math.floor((memoryGiB * 1024 * memoryFraction) / size.memoryMiB);
  return byCpu < byMemory ? { count: byCpu, bound: 'cpu' } : { count: byMemory, bound: 'memory' };
}

/**
 * Burstable families (t2, t3, t3a, t4g) sustain only a baseline share of their vCPUs; tasks sized to use their CPU
 * run past it and pay for surplus credits, so a packing by vCPU count would understate their cost.
 */
const BURSTABLE = /^t\d[a-z]*\./;

/** The cheapest non-burstable EC2 instance type packing `tasks` tasks, On-Demand. */
export function cheapestPacking(size: TaskSize, tasks: number, region: RegionPrices, table: PriceTable):
{ type: string; instances: number; perInstance: number; bound: string; monthly: number } | undefined {
  let best: { type: string; instances: number; perInstance: number; bound: string; monthly: number } | undefined;
  for (const [type, price] of Object.entries(region.ec2)) {
    const spec = table.instanceTypes[type];
    if (!spec || spec.arch !== size.arch || BURSTABLE.test(type)) continue;
    const fit = tasksPerInstance(size, spec.vcpu, spec.memoryGiB, table.ec2TaskMemoryFraction.value);
    if (fit.count < 1) continue;
    const instances = Math.ceil(tasks / fit.count);
    const monthly = instances * price.usd * table.hoursPerMonth;
    // Ties go to fewer instances: less per-instance overhead (agent, root volume, ENIs).
    if (!best || monthly < best.monthly - 1e-9 || (Math.abs(monthly - best.monthly) < 1e-9 && instances < best.instances)) {
      best = { type, instances, perInstance: fit.count, bound: fit.bound, monthly };
    }
  }
  return best;
}

export function comparePlacements(
  size: TaskSize, tasks: number, region: RegionPrices | undefined, regionName: string, table: PriceTable,
): Alternative[] {
  // Fargate runs no GPU tasks, and the price table lists no GPU instance types.
  if (!region || tasks <= 0 || size.gpus > 0) return [];
  const out: Alternative[] = [];
  const fargate = fargateSizeFor(size);
  const rates = fargate ? fargateRates(fargate, region, regionName) : 'no Fargate size holds the task';
  if (fargate && typeof rates !== 'string') {
    // Ephemeral storage without a rate in this Region is left out here; the service line says so.
    const hour = fargateTaskHour(fargate, rates, region, table).usd;
    const label = `${tasks} x ${fargate.cpuUnits / 1024} vCPU/${fargate.memoryMiB / 1024} GB${roundingNote(size, fargate)}`;
    out.push({ option: 'Fargate On-Demand', monthly: tasks * hour * table.hoursPerMonth, detail: label });
    if (!size.windows) out.push({ option: 'Fargate Spot', monthly: tasks * hour * table.hoursPerMonth * table.fargateSpotFactor.value, detail: label });
  }
  if (!size.windows) {
    const best = cheapestPacking(size, tasks, region, table);
    if (best) {
      const detail = `${best.instances} x ${best.type} (${best.perInstance} task(s) per instance, ${best.bound}-bound; cheapest non-burstable ${size.arch} type `
        + `in the ${regionName} table)`;
      out.push({ option: 'EC2 On-Demand', monthly: best.monthly, detail });
      out.push({ option: 'EC2 Spot', monthly: best.monthly * table.ec2SpotFactor.value, detail });
    }
  }
  return out.sort((a, b) => a.monthly - b.monthly);
}
